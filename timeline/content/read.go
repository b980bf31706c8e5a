package content

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/timeline/diag"
	"github.com/timeline-ssg/timeline/timeline/parallel"
)

// Extensions maps the file name endings read as articles to their format.
var extensions = map[string]Format{
	".txt":      Text,
	".md":       Markdown,
	".markdown": Markdown,
	".html":     HTML,
	".htm":      HTML,
}

// Ignored reports whether a file or directory name is one the reader and
// the watcher skip: hidden files, and the temporary and backup files that
// editors write beside the file being edited.
func Ignored(name string) bool {
	switch {
	case name == "", strings.HasPrefix(name, "."), strings.HasPrefix(name, "#"), strings.HasPrefix(name, "~"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"),
		strings.HasSuffix(name, ".crdownload"), strings.HasSuffix(name, ".part"), name == "4913":
		return true
	}
	return false
}

// IsArticle reports whether a file name has an extension read as an article.
func IsArticle(name string) bool {
	_, ok := extensions[strings.ToLower(path.Ext(name))]
	return ok
}

// Options tells Read where and how to read.
type Options struct {
	// SiteDir is the site root; paths in articles and messages are relative
	// to it.
	SiteDir string
	// ContentDir is the content directory, relative to SiteDir.
	ContentDir string
	// Location is the zone for front matter datetimes without an offset.
	Location *time.Location
	// Drafts includes articles whose front matter says draft = true.
	Drafts bool
	// MaxSize is the largest file read, in bytes; larger files are skipped
	// with a warning. Zero means no limit.
	MaxSize int64
	// Cache, if not nil, keeps parsed articles between reads of the same
	// directory; see Cache.
	Cache *Cache
}

// Read reads every article under the content directory, in parallel, and
// returns them sorted by path with the diagnostics found. A problem with one
// file (bad front matter) is an error diagnostic; the caller decides to stop.
func Read(ctx context.Context, opt Options) ([]Article, diag.List, error) {
	root := filepath.Join(opt.SiteDir, opt.ContentDir)
	paths, diags, err := list(root, opt.ContentDir)
	if err != nil {
		return nil, diags, err
	}
	loc := opt.Location
	if loc == nil {
		loc = time.UTC
	}
	type result struct {
		article Article
		keep    bool
		diags   []diag.Diagnostic
	}
	// Files are opened through the content directory as a root, so a
	// symbolic link that points outside it, or loops, is refused.
	dir, err := os.OpenRoot(root)
	if err != nil {
		return nil, diags, diag.Errorf(opt.ContentDir, 0, "cannot read content directory: %v", err)
	}
	defer dir.Close()
	if opt.Cache != nil {
		opt.Cache.begin()
		defer opt.Cache.end()
	}
	results := make([]result, len(paths))
	err = parallel.For(ctx, len(paths), func(i int) {
		inRoot := strings.TrimPrefix(paths[i], path.Clean(filepath.ToSlash(opt.ContentDir))+"/")
		a, keep, ds := readFile(dir, filepath.FromSlash(inRoot), paths[i], loc, opt.MaxSize, opt.Cache)
		if a.Meta.Draft && !opt.Drafts {
			keep = false
		}
		results[i] = result{a, keep, ds}
	})
	if err != nil {
		return nil, nil, err
	}
	var articles []Article
	for _, r := range results {
		diags = append(diags, r.diags...)
		if r.keep {
			articles = append(articles, r.article)
		}
	}
	diags.Sort()
	return articles, diags, nil
}

// list returns the slash paths, relative to the site root, of the article
// files under root, sorted. Symbolic links to directories are not followed.
func list(root, rel string) ([]string, diag.List, error) {
	var paths []string
	var diags diag.List
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			diags = append(diags, diag.Warnf(slashRel(root, rel, p), 0, "skipped: %v", err))
			return nil
		}
		if p != root && Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !IsArticle(d.Name()) {
			return nil
		}
		paths = append(paths, slashRel(root, rel, p))
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, diag.Errorf(rel, 0, "content directory not found: create it and put articles (.md or .txt) in it")
	}
	if err != nil {
		return nil, nil, diag.Errorf(rel, 0, "cannot read content directory: %v", err)
	}
	sort.Strings(paths)
	return paths, diags, nil
}

func slashRel(root, rel, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return path.Join(filepath.ToSlash(rel), filepath.ToSlash(r))
}

// readFile reads one article, name, from the content directory dir.
// relPath is its path for messages. keep is false for files that are
// skipped: unreadable, larger than maxSize (if not 0), or empty.
func readFile(dir *os.Root, name, relPath string, loc *time.Location, maxSize int64, cache *Cache) (Article, bool, []diag.Diagnostic) {
	skip := func(format string, args ...any) (Article, bool, []diag.Diagnostic) {
		return Article{}, false, []diag.Diagnostic{diag.Warnf(relPath, 0, "skipped: "+format, args...)}
	}
	if a, diags, ok := cache.expected(relPath); ok {
		return usable(a, diags)
	}
	if cache != nil {
		// A cached reading of an unchanged file needs only its status.
		st, err := dir.Stat(name)
		if err != nil {
			return skip("%v", unwrapPath(err))
		}
		if why := unusable(st, maxSize); why != "" {
			return skip("%s", why)
		}
		if a, diags, ok := cache.unchanged(relPath, st, loc); ok {
			return usable(a, diags)
		}
	}
	f, err := dir.Open(name)
	if err != nil {
		return skip("%v", unwrapPath(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return skip("%v", unwrapPath(err))
	}
	if why := unusable(st, maxSize); why != "" {
		return skip("%s", why)
	}
	readAt := time.Now()
	data, err := io.ReadAll(f)
	if err != nil {
		return skip("%v", unwrapPath(err))
	}
	a, diags := cache.parse(relPath, data, loc, st, readAt)
	return usable(a, diags)
}

// unusable says why a file cannot be read as an article, or "".
func unusable(st fs.FileInfo, maxSize int64) string {
	switch {
	case !st.Mode().IsRegular():
		return "not a regular file"
	case maxSize > 0 && st.Size() > maxSize:
		return fmt.Sprintf("%d bytes, larger than maxArticleSize (%d): raise it in site.toml to read this file", st.Size(), maxSize)
	}
	return ""
}

// usable returns a read article with keep false when it is empty or its
// diagnostics hold an error.
func usable(a Article, diags []diag.Diagnostic) (Article, bool, []diag.Diagnostic) {
	if len(a.Blocks) == 0 && a.Meta.Title == "" {
		return a, false, diags
	}
	for _, d := range diags {
		if d.Severity == diag.Error {
			return a, false, diags
		}
	}
	return a, true, diags
}

// unwrapPath returns the cause of a path error, whose path would repeat
// the file name the message already starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads an article from the bytes of file path (used in messages and
// to choose the format by extension). loc is the zone for front matter
// datetimes without an offset.
func Parse(relPath string, data []byte, loc *time.Location) (Article, []diag.Diagnostic) {
	return parse(relPath, data, sha256.Sum256(data), loc)
}

// parse is Parse with the SHA-256 of data already computed.
func parse(relPath string, data []byte, sum [sha256.Size]byte, loc *time.Location) (Article, []diag.Diagnostic) {
	a := Article{Path: relPath, Format: extensions[strings.ToLower(path.Ext(relPath))], Hash: hex.EncodeToString(sum[:12])}
	if len(data) == 0 {
		return a, []diag.Diagnostic{diag.Warnf(relPath, 0, "skipped: empty file")}
	}
	if a.Format == HTML {
		return a, parseHTML(&a, data)
	}
	text, diags, ok := decodeText(relPath, data)
	if !ok {
		return a, diags
	}
	front, body, bodyLine, err := SplitFrontMatter(relPath, text)
	if err != nil {
		return a, append(diags, asDiag(relPath, err))
	}
	if front != "" || bodyLine > 1 {
		meta, err := parseFrontMatter(relPath, front, 2, loc)
		if err != nil {
			return a, append(diags, asDiag(relPath, err))
		}
		a.Meta = meta
	}
	if a.Format == Markdown {
		a.Blocks = MarkdownBlocks(body, bodyLine)
	} else {
		a.Blocks = TextBlocks(body, bodyLine)
	}
	if len(a.Blocks) == 0 {
		diags = append(diags, diag.Warnf(relPath, 0, "no text after the front matter"))
	}
	return a, diags
}

func asDiag(file string, err error) diag.Diagnostic {
	var d diag.Diagnostic
	if errors.As(err, &d) {
		return d
	}
	return diag.Errorf(file, 0, "%v", fmt.Sprint(err))
}
