package content

import (
	"crypto/sha256"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/timeline-ssg/timeline/timeline/diag"
)

// Cache keeps the articles earlier reads made, for the dev server, which
// rebuilds on every save. Decoding, front matter, blocks and web page
// extraction are redone only for files whose bytes changed: results are
// kept by path and SHA-256 of the bytes (and the time zone front matter
// was read in), so a touched file, or one saved back unchanged, is not
// parsed again, and a file moved to another path is. Files are still
// listed, opened and checked (size, links) on every read, by the same
// code as without a cache, so every problem is reported the same way.
//
// The zero Cache is empty and ready to use. A Cache is for one content
// directory; reads using it must not run at the same time.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry // by the article's slash path
	next    map[string]cacheEntry // filled by the read in progress
	stats   CacheStats
}

// CacheStats says how much of the last read the cache saved.
type CacheStats struct {
	Reused int // files whose bytes were unchanged: not parsed again
	Parsed int // files read and parsed
}

type cacheEntry struct {
	sum     [sha256.Size]byte
	zone    string
	article Article
	diags   []diag.Diagnostic
}

// Stats returns the counts of the last read that used the cache.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// begin starts a read: what it parses or reuses becomes the cache's
// content when it ends, so deleted files are dropped.
func (c *Cache) begin() {
	c.mu.Lock()
	c.next = map[string]cacheEntry{}
	c.stats = CacheStats{}
	c.mu.Unlock()
}

// end makes the read's entries the cache's.
func (c *Cache) end() {
	c.mu.Lock()
	c.entries, c.next = c.next, nil
	c.mu.Unlock()
}

// parse is Parse, reusing an earlier result for the same path, bytes and
// zone. A nil Cache parses every time.
func (c *Cache) parse(relPath string, data []byte, loc *time.Location) (Article, []diag.Diagnostic) {
	sum := sha256.Sum256(data)
	if c == nil {
		return parse(relPath, data, sum, loc)
	}
	zone := loc.String()
	c.mu.Lock()
	e, ok := c.entries[relPath]
	c.mu.Unlock()
	if !ok || e.sum != sum || e.zone != zone {
		a, ds := parse(relPath, data, sum, loc)
		e = cacheEntry{sum: sum, zone: zone, article: a, diags: ds}
		ok = false
	}
	c.mu.Lock()
	if c.next != nil {
		c.next[relPath] = e
	}
	if ok {
		c.stats.Reused++
	} else {
		c.stats.Parsed++
	}
	c.mu.Unlock()
	return detach(e.article), slices.Clone(e.diags)
}

// detach copies the parts of a cached article a later stage could change
// in place, so no build can alter what the next one reuses.
func detach(a Article) Article {
	a.Blocks = slices.Clone(a.Blocks)
	a.Meta.Tags = slices.Clone(a.Meta.Tags)
	a.Meta.From = maps.Clone(a.Meta.From)
	return a
}
