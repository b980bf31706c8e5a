package content

import (
	"crypto/sha256"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// Cache keeps the articles earlier reads made, for the dev server, which
// rebuilds on every save. Decoding, front matter, blocks and web page
// extraction are redone only for files whose bytes changed: results are
// kept by path and SHA-256 of the bytes (and the time zone front matter
// was read in), so a touched file, or one saved back unchanged, is not
// parsed again, and a file moved to another path is. Files are still
// listed and checked (type, size, links) on every read, by the same code
// as without a cache, so every problem is reported the same way, and
// opened unless their size and time vouch for their bytes.
//
// The zero Cache is empty and ready to use. A Cache is for one content
// directory; reads using it must not run at the same time.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry // by the article's slash path
	next    map[string]cacheEntry // filled by the read in progress
	stats   CacheStats
	// What is known of the changes since the last read (see Expect):
	// hinted says a watcher reported changes, changed lists them,
	// sorted, and unknown that some may have gone unseen. reading is
	// what the read in progress was told: the changed paths, or nil
	// when it must look at every file.
	hinted, unknown bool
	changed         []string
	reading         []string
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
	// size and modTime are the file's when it was read, at readAt.
	size    int64
	modTime time.Time
	readAt  time.Time
}

// racyWindow is how long before it was read a file must have been last
// modified for its size and time to vouch for its bytes later: a file
// changed again within the time stamp's resolution (a second or two on
// some network and FAT file systems) keeps its time, so a recently
// modified file is read and hashed again (as git treats "racily clean"
// files).
const racyWindow = 2 * time.Second

// Stats returns the counts of the last read that used the cache.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// Expect tells the cache of paths that may have changed since the last
// read, as a file watcher saw them: slash paths relative to the site
// root, a directory standing for everything under it. The next read then
// takes every other file it lists and has read before to be unchanged,
// without looking at it (listing the content directory still finds the
// files added and removed). Calls add up until a read; a read with no
// call to Expect since the one before, or after ExpectAnything, looks at
// the size and time of every file. A watcher that may have missed
// changes calls ExpectAnything instead.
func (c *Cache) Expect(changed []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.unknown {
		return
	}
	c.hinted = true
	c.changed = slices.Compact(slices.Sorted(slices.Values(append(append([]string{}, c.changed...), changed...))))
}

// ExpectAnything tells the cache that any file may have changed since the
// last read: the next read looks at every file, whatever Expect says.
func (c *Cache) ExpectAnything() {
	c.mu.Lock()
	c.unknown, c.changed = true, nil
	c.mu.Unlock()
}

// begin starts a read: what it parses or reuses becomes the cache's
// content when it ends, so deleted files are dropped. It takes up what
// Expect said.
func (c *Cache) begin() {
	c.mu.Lock()
	c.next = map[string]cacheEntry{}
	c.stats = CacheStats{}
	c.reading = nil
	if c.hinted && !c.unknown {
		c.reading = append([]string{}, c.changed...) // not nil, even when empty
	}
	c.mu.Unlock()
}

// expected returns what an earlier read made of relPath when the read
// in progress was told it cannot have changed since (see Expect).
func (c *Cache) expected(relPath string) (Article, []diag.Diagnostic, bool) {
	if c == nil {
		return Article{}, nil, false
	}
	c.mu.Lock()
	e, ok := c.entries[relPath]
	trusted := c.reading != nil && ok && !mayHaveChanged(c.reading, relPath)
	c.mu.Unlock()
	if !trusted {
		return Article{}, nil, false
	}
	a, ds := c.keep(relPath, e, true)
	return a, ds, true
}

// mayHaveChanged reports whether the sorted paths changed name relPath or
// a directory holding it.
func mayHaveChanged(changed []string, relPath string) bool {
	if _, ok := slices.BinarySearch(changed, relPath); ok {
		return true
	}
	for dir := path.Dir(relPath); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if _, ok := slices.BinarySearch(changed, dir); ok {
			return true
		}
	}
	return false
}

// end makes the read's entries the cache's.
func (c *Cache) end() {
	c.mu.Lock()
	c.entries, c.next, c.reading = c.next, nil, nil
	c.hinted, c.unknown, c.changed = false, false, nil
	c.mu.Unlock()
}

// unchanged returns the reading of relPath kept from an earlier read if
// the file, as st describes it now, has the size and modification time it
// had then, had kept them a while before that read, and is read in the
// same zone: then its bytes are taken to be the same without reading
// them. A nil Cache has nothing.
func (c *Cache) unchanged(relPath string, st fs.FileInfo, loc *time.Location) (Article, []diag.Diagnostic, bool) {
	if c == nil {
		return Article{}, nil, false
	}
	c.mu.Lock()
	e, ok := c.entries[relPath]
	c.mu.Unlock()
	if !ok || e.zone != loc.String() || e.size != st.Size() || !e.modTime.Equal(st.ModTime()) ||
		e.readAt.Sub(e.modTime) < racyWindow {
		return Article{}, nil, false
	}
	a, ds := c.keep(relPath, e, true)
	return a, ds, true
}

// parse is Parse, reusing an earlier result for the same path, bytes and
// zone. st describes the file as it was opened. A nil Cache parses every
// time.
func (c *Cache) parse(relPath string, data []byte, loc *time.Location, st fs.FileInfo, readAt time.Time) (Article, []diag.Diagnostic) {
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
	e.size, e.modTime, e.readAt = st.Size(), st.ModTime(), readAt
	return c.keep(relPath, e, ok)
}

// keep records e as this read's entry for relPath, counting it as reused
// or parsed, and returns a copy of its article and diagnostics.
func (c *Cache) keep(relPath string, e cacheEntry, reused bool) (Article, []diag.Diagnostic) {
	c.mu.Lock()
	if c.next != nil {
		c.next[relPath] = e
	}
	if reused {
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
