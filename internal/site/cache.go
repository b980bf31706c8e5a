package site

import (
	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/render"
)

// Cache keeps per-file work between builds of one site, for the dev
// server, which rebuilds on every save:
//
//   - reading an article (decoding, front matter, blocks, web page
//     extraction) is redone only for files whose bytes changed (see
//     content.Cache);
//   - cleaning is redone only for articles that changed, or whose
//     cleaning asked the corpus something it now answers otherwise, such
//     as how common a word is (see clean.Memo);
//   - duplicate detection fingerprints only texts that changed and
//     compares again only pairs with a changed text (see dedup.Memo);
//   - a source's sentences are split, dated and judged again only when
//     its text or publication date changed (see events.Memo);
//   - a page is rendered again only when what it shows changed, and
//     timeline.json's line of an event or source only when the event or
//     source did (see render.Memo).
//
// Clustering events and the chronology run in full on every build.
//
// The zero Cache is empty and ready to use. A Cache is for one site; a
// build using it must not run at the same time as another build using it.
type Cache struct {
	content content.Cache
	clean   clean.Memo
	dedup   dedup.Memo
	events  events.Memo
	render  render.Memo
}

// CacheStats says how much of the last build's work the cache saved.
type CacheStats struct {
	Reused int // files whose bytes were unchanged: not parsed again
	Parsed int // files read and parsed
	// Cleaned is the number of articles cleaned again; the others' last
	// cleaning stood.
	Cleaned int
	// Rendered is the number of pages rendered again; the others' last
	// rendering stood.
	Rendered int
}

// Expect tells the cache of files that may have changed since the last
// build, as a file watcher saw them (see content.Cache.Expect): the next
// build reads only those, and files it has not read before, without
// looking at the others. Only a watcher that sees every change under the
// content directory may call it; when it may have missed one, it calls
// ExpectAnything.
func (c *Cache) Expect(changed []string) { c.content.Expect(changed) }

// ExpectAnything tells the cache that any file may have changed since the
// last build: the next build looks at every file.
func (c *Cache) ExpectAnything() { c.content.ExpectAnything() }

// Stats returns the counts of the last build that used the cache.
func (c *Cache) Stats() CacheStats {
	read := c.content.Stats()
	return CacheStats{Reused: read.Reused, Parsed: read.Parsed, Cleaned: c.clean.Stats().Cleaned, Rendered: c.render.Stats().Rendered}
}
