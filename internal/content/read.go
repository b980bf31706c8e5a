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

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/parallel"
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
	paths, diags, err := list(ctx, root, opt.ContentDir)
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
		a, keep, ds := readFile(ctx, dir, filepath.FromSlash(inRoot), paths[i], loc, opt.MaxSize, opt.Cache)
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
// An article's name on what is not a regular file or a symbolic link (a
// named pipe, a socket, a device) is skipped with a warning: it is never
// opened. It stops with ctx's error when ctx is done.
func list(ctx context.Context, root, rel string) ([]string, diag.List, error) {
	var paths []string
	var diags diag.List
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
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
		if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
			diags = append(diags, diag.Warnf(slashRel(root, rel, p), 0, "skipped: not a regular file (%s)", fileKind(t)))
			return nil
		}
		paths = append(paths, slashRel(root, rel, p))
		return nil
	})
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return nil, nil, ctxErr
	}
	if errors.Is(err, fs.ErrNotExist) {
		// The message names the directory looked for in full: the site
		// directory (--source) may be the mistake.
		where := root
		if abs, err := filepath.Abs(root); err == nil {
			where = abs
		}
		return nil, nil, diag.Errorf("", 0, "content directory not found: %s: create it and put articles (.md or .txt) in it, or give the site's directory with --source", where)
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
// skipped: unreadable, not a regular file, larger than maxSize (if not
// 0), or empty.
func readFile(ctx context.Context, dir *os.Root, name, relPath string, loc *time.Location, maxSize int64, cache *Cache) (Article, bool, []diag.Diagnostic) {
	skip := func(err error) (Article, bool, []diag.Diagnostic) {
		return Article{}, false, []diag.Diagnostic{diag.Warnf(relPath, 0, "skipped: %v", unwrapPath(err))}
	}
	if a, diags, ok := cache.expected(relPath); ok {
		return usable(a, diags)
	}
	// The file's type is looked at before it is opened: opening a named
	// pipe would wait for a writer for ever. Stat follows a symbolic link
	// that stays in the content directory.
	st, err := dir.Stat(name)
	if err != nil {
		return skip(err)
	}
	if err := usableFile(st, maxSize); err != nil {
		return skip(err)
	}
	// A cached reading of an unchanged file needs only its status.
	if a, diags, ok := cache.unchanged(relPath, st, loc); ok {
		return usable(a, diags)
	}
	readAt := time.Now()
	data, st, err := readRegular(ctx, func() (*os.File, error) { return dir.OpenFile(name, openFlags, 0) }, maxSize)
	if err != nil {
		return skip(err)
	}
	a, diags := cache.parse(relPath, data, loc, st, readAt)
	return usable(a, diags)
}

// ReadFile returns the bytes of the file at name, read as Read reads an
// article: a file that is not a regular file (a named pipe, a socket, a
// device) is refused before it is opened, never waited on, as is one
// larger than maxSize (if not 0), with a *SkipError; the read stops with
// ctx's error when ctx is done. Symbolic links are followed.
func ReadFile(ctx context.Context, name string, maxSize int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := usableFile(st, maxSize); err != nil {
		return nil, err
	}
	data, _, err := readRegular(ctx, func() (*os.File, error) { return os.OpenFile(name, openFlags, 0) }, maxSize)
	return data, err
}

// SkipError says why a file is not read as an article: it is not a
// regular file, or it is too large.
type SkipError struct {
	Reason string
}

func (e *SkipError) Error() string { return e.Reason }

// readRegular opens a file with open, checks that what was opened is a
// regular file of at most maxSize bytes (if not 0), the file having
// perhaps been replaced since it was looked at, and reads it, stopping
// when ctx is done and reading at most maxSize bytes even if the file
// grows meanwhile. It returns the bytes and the opened file's status.
func readRegular(ctx context.Context, open func() (*os.File, error), maxSize int64) ([]byte, fs.FileInfo, error) {
	f, err := open()
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := usableFile(st, maxSize); err != nil {
		return nil, nil, err
	}
	data, err := readAll(ctx, f, st.Size(), maxSize)
	if err != nil {
		return nil, nil, err
	}
	return data, st, nil
}

// readChunk is how much readAll reads between looks at its context.
const readChunk = 256 << 10

// readAll reads r to its end, size bytes expected, in chunks, checking ctx
// before each. More than maxSize bytes (if not 0) is an error.
func readAll(ctx context.Context, r io.Reader, size, maxSize int64) ([]byte, error) {
	if maxSize > 0 {
		size = min(size, maxSize)
	}
	buf := make([]byte, 0, max(size+1, 512))
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
		buf = buf[:len(buf)+n]
		if maxSize > 0 && int64(len(buf)) > maxSize {
			return nil, &SkipError{fmt.Sprintf("grew past maxArticleSize (%d bytes) while being read", maxSize)}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// usableFile returns a *SkipError saying why a file cannot be read as an
// article, or nil.
func usableFile(st fs.FileInfo, maxSize int64) error {
	switch {
	case !st.Mode().IsRegular():
		return &SkipError{"not a regular file (" + fileKind(st.Mode()) + ")"}
	case maxSize > 0 && st.Size() > maxSize:
		return &SkipError{fmt.Sprintf("%d bytes, larger than maxArticleSize (%d): raise it in site.toml to read this file", st.Size(), maxSize)}
	}
	return nil
}

// fileKind names the type of a file that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
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
