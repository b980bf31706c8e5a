package site

import "github.com/timeline-ssg/timeline/timeline/content"

// Cache keeps per-file work between builds of one site, for the dev
// server, which rebuilds on every save: reading an article (decoding,
// front matter, blocks, web page extraction) is redone only for files
// whose bytes changed (see content.Cache).
//
// Only reading is cached. Cleaning depends on statistics over all the
// articles (clean.Corpus: which lines repeat, how common each word is),
// which nearly any edit changes, and the later stages are cross-article;
// they run in full on every build.
//
// The zero Cache is empty and ready to use. A Cache is for one site; a
// build using it must not run at the same time as another build using it.
type Cache struct {
	content content.Cache
}

// CacheStats says how much of the last build's reading the cache saved.
type CacheStats = content.CacheStats

// Stats returns the counts of the last build that used the cache.
func (c *Cache) Stats() CacheStats { return c.content.Stats() }
