package site

import (
	"context"
	"crypto/sha256"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/timeline-ssg/timeline/timeline/content"
	"github.com/timeline-ssg/timeline/timeline/diag"
	"github.com/timeline-ssg/timeline/timeline/parallel"
)

// Cache keeps per-file work between builds of one site, for the dev
// server, which rebuilds on every save. Reading an article (decoding,
// front matter, blocks, web page extraction) is redone only for files
// whose bytes changed: the result is kept by path and SHA-256 of the
// content, so a touched file, or one saved back unchanged, is not parsed
// again, and a file moved to another path is.
//
// Only reading is cached. Cleaning depends on statistics over all the
// articles (clean.Corpus: which lines repeat, how common each word is),
// which nearly any edit changes, and the later stages are cross-article;
// they run in full on every build.
//
// The zero Cache is empty and ready to use. A Cache is for one site; a
// build using it must not run at the same time as another build using it.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry // by the article's slash path
	last    CacheStats
}

// CacheStats says how much of the last build's reading the cache saved.
type CacheStats struct {
	Reused int // files whose bytes were unchanged: not parsed again
	Parsed int // files read and parsed
}

// cacheEntry is what content.Read would have made of one file.
type cacheEntry struct {
	sum     [sha256.Size]byte
	zone    string // the time zone front matter datetimes were read in
	article content.Article
	diags   []diag.Diagnostic
	// usable is false for files a build skips whatever the options:
	// empty or binary files, files with an error.
	usable bool
}

// Stats returns the counts of the last build that used the cache.
func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// read does what content.Read does, reusing the work of earlier builds for
// files whose bytes are unchanged. A content directory it cannot list or a
// file it cannot read is left to content.Read, so every problem is
// reported exactly as a build without the cache reports it.
func (c *Cache) read(ctx context.Context, opt content.Options) ([]content.Article, diag.List, error) {
	paths, ok := articlePaths(filepath.Join(opt.SiteDir, opt.ContentDir), opt.ContentDir)
	if !ok {
		return content.Read(ctx, opt)
	}
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	zone := loc.String()
	c.mu.Lock()
	old := c.entries
	c.mu.Unlock()

	entries := make([]cacheEntry, len(paths))
	var failed atomic.Bool
	var parsed atomic.Int64
	err := parallel.For(ctx, len(paths), func(i int) {
		data, err := os.ReadFile(filepath.Join(opt.SiteDir, filepath.FromSlash(paths[i])))
		if err != nil {
			failed.Store(true)
			return
		}
		sum := sha256.Sum256(data)
		if e, ok := old[paths[i]]; ok && e.sum == sum && e.zone == zone {
			entries[i] = e
			return
		}
		parsed.Add(1)
		a, ds := content.Parse(paths[i], data, loc)
		usable := len(a.Blocks) > 0 || a.Meta.Title != ""
		for _, d := range ds {
			if d.Severity == diag.Error {
				usable = false
			}
		}
		entries[i] = cacheEntry{sum: sum, zone: zone, article: a, diags: ds, usable: usable}
	})
	if err != nil {
		return nil, nil, err
	}
	if failed.Load() {
		return content.Read(ctx, opt)
	}

	var articles []content.Article
	var diags diag.List
	next := make(map[string]cacheEntry, len(paths))
	for i, e := range entries {
		next[paths[i]] = e
		diags = append(diags, e.diags...)
		if e.usable && (opt.Drafts || !e.article.Meta.Draft) {
			articles = append(articles, detach(e.article))
		}
	}
	diags.Sort()
	c.mu.Lock()
	c.entries = next
	c.last = CacheStats{Reused: len(paths) - int(parsed.Load()), Parsed: int(parsed.Load())}
	c.mu.Unlock()
	return articles, diags, nil
}

// detach copies the parts of a cached article a later stage could change
// in place, so no build can alter what the next one reuses.
func detach(a content.Article) content.Article {
	a.Blocks = slices.Clone(a.Blocks)
	a.Meta.Tags = slices.Clone(a.Meta.Tags)
	a.Meta.From = maps.Clone(a.Meta.From)
	return a
}

// articlePaths lists the article files under root as content.Read does:
// slash paths relative to the site root (rel is root's path relative to
// it), sorted, without hidden files, editor files and other extensions,
// not following links to directories. ok is false when anything goes
// wrong, for content.Read to report.
func articlePaths(root, rel string) (paths []string, ok bool) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && content.Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !content.IsArticle(d.Name()) {
			return nil
		}
		r, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		paths = append(paths, path.Join(filepath.ToSlash(rel), filepath.ToSlash(r)))
		return nil
	})
	if err != nil {
		return nil, false
	}
	sort.Strings(paths)
	return paths, true
}
