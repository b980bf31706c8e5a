package content

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/sitefs"
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
	// FS holds the files of the content directory, at its root: in a
	// build, a *sitefs.Dir opened on the directory, through which a
	// symbolic link that leads out of it is refused; in tests, an
	// fstest.MapFS will do.
	FS fs.FS
	// ContentDir is the content directory's path relative to the site
	// root, as site.toml gives it: articles' paths and messages start
	// with it.
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

// Read reads every article of the content directory opt.FS, in parallel,
// and returns them sorted by path with the diagnostics found. A problem
// with one file (bad front matter) is an error diagnostic; the caller
// decides to stop.
func Read(ctx context.Context, opt Options) ([]Article, diag.List, error) {
	rel := filepath.ToSlash(opt.ContentDir)
	names, diags, err := list(ctx, opt.FS, rel)
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
	if opt.Cache != nil {
		opt.Cache.begin()
		defer opt.Cache.end()
	}
	results := make([]result, len(names))
	err = parallel.For(ctx, len(names), func(i int) {
		a, keep, ds := readFile(ctx, opt.FS, names[i], path.Join(rel, names[i]), loc, opt.MaxSize, opt.Cache)
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

// list returns the names in fsys of the article files, sorted. rel is
// the content directory's path relative to the site root, for messages.
// Symbolic links to directories are not followed, with a warning naming
// them (one that leads out of the content directory too). An article's name on
// what is not a regular file or a symbolic link (a named pipe, a socket,
// a device) is skipped with a warning: it is never opened. It stops with
// ctx's error when ctx is done.
func list(ctx context.Context, fsys fs.FS, rel string) ([]string, diag.List, error) {
	var names []string
	var diags diag.List
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == "." {
				return err
			}
			diags = append(diags, diag.Warnf(path.Join(rel, p), 0, "skipped: %v", sitefs.Cause(err, "the content directory")))
			return nil
		}
		if p != "." && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && !IsArticle(d.Name()) {
			// Perhaps a link to a directory of articles: not followed, and
			// said, so that its articles are not silently missing.
			st, err := fs.Stat(fsys, p)
			switch {
			case err == nil && st.IsDir():
				diags = append(diags, diag.Warnf(path.Join(rel, p), 0, "skipped: a symbolic link to a directory, which is not followed: the articles in it are not read"))
			case err != nil && sitefs.Escapes(err):
				diags = append(diags, diag.Warnf(path.Join(rel, p), 0, "skipped: %v", sitefs.Cause(err, "the content directory")))
			}
			return nil
		}
		if d.IsDir() || !IsArticle(d.Name()) {
			return nil
		}
		if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
			diags = append(diags, diag.Warnf(path.Join(rel, p), 0, "skipped: not a regular file (%s)", sitefs.Kind(t)))
			return nil
		}
		names = append(names, p)
		return nil
	})
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return nil, nil, ctxErr
	}
	if err != nil {
		return nil, nil, diag.Errorf(rel, 0, "cannot read content directory: %v", sitefs.Cause(err, "the content directory"))
	}
	// Sorted as the paths are, rel/NAME, which differs from the order of
	// the walk where a name sorts before its directory's ("a-b.md" <
	// "a/x.md").
	sort.Strings(names)
	return names, diags, nil
}

// readFile reads one article, name, from the content directory fsys.
// relPath is its path for messages. keep is false for files that are
// skipped: unreadable, not a regular file, larger than maxSize (if not
// 0), or empty.
func readFile(ctx context.Context, fsys fs.FS, name, relPath string, loc *time.Location, maxSize int64, cache *Cache) (Article, bool, []diag.Diagnostic) {
	skip := func(err error) (Article, bool, []diag.Diagnostic) {
		return Article{}, false, []diag.Diagnostic{diag.Warnf(relPath, 0, "skipped: %v", sitefs.Cause(err, "the content directory"))}
	}
	if a, diags, ok := cache.expected(relPath); ok {
		return usable(a, diags)
	}
	// The file's type is looked at before it is opened: opening a named
	// pipe would wait for a writer for ever. Stat follows a symbolic link
	// that stays in the content directory.
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return skip(err)
	}
	if err := sitefs.Usable(st, maxSize); err != nil {
		return skip(err)
	}
	// A cached reading of an unchanged file needs only its status.
	if a, diags, ok := cache.unchanged(relPath, st, loc); ok {
		return usable(a, diags)
	}
	readAt := time.Now()
	data, st, err := sitefs.ReadChecked(ctx, st, func() (fs.File, error) { return fsys.Open(name) }, maxSize)
	if err != nil {
		return skip(err)
	}
	a, diags := cache.parse(relPath, data, loc, st, readAt)
	return usable(a, diags)
}

// ReadFile returns the bytes of the file at name, a path of the operating
// system, read as Read reads an article: a file that is not a regular
// file (a named pipe, a socket, a device) is refused before it is
// opened, never waited on, as is one larger than maxSize (if not 0),
// with a *SkipError; the read stops with ctx's error when ctx is done.
// Symbolic links are followed.
func ReadFile(ctx context.Context, name string, maxSize int64) ([]byte, error) {
	return sitefs.ReadPath(ctx, name, maxSize)
}

// SkipError says why a file is not read as an article: it is not a
// regular file, or it is too large.
type SkipError = sitefs.SkipError

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
	fm, body, bodyLine, err := SplitFrontMatter(relPath, text)
	if err != nil {
		return a, append(diags, asDiag(relPath, err))
	}
	if fm.Format != NoFrontMatter {
		meta, err := parseFrontMatter(relPath, fm, loc)
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
