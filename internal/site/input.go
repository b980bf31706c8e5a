package site

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/editorial"
	"github.com/timeline-ssg/timeline/internal/sitefs"
)

// The input of a build is read through file systems: the site's files
// (site.toml) and those of the content directory. On the disk each is a
// sitefs.Dir, an os.Root, so that a symbolic link that leads out of the
// site directory, or out of the content directory, is refused, and no
// named pipe is waited on; Options.Files replaces the site directory in
// tests.

// LoadConfig reads the site.toml of the site directory dir as a build
// reads it.
func LoadConfig(ctx context.Context, dir string) (config.Config, error) {
	return loadConfig(ctx, Options{SiteDir: dir})
}

// loadConfig reads site.toml from the site's files. A site directory that
// does not exist has no site.toml: the defaults then send the build on to
// say that the content directory is not found, naming where it looked.
func loadConfig(ctx context.Context, opt Options) (config.Config, error) {
	if opt.Files != nil {
		return config.Load(ctx, opt.Files)
	}
	dir, err := sitefs.Open(opt.SiteDir)
	if errors.Is(err, fs.ErrNotExist) {
		return config.Default(), nil
	}
	if err != nil {
		return config.Config{}, diag.Errorf(config.FileName, 0, "cannot read: %v", sitefs.Cause(err, "the site directory"))
	}
	defer dir.Close()
	return config.Load(ctx, dir)
}

// openContent opens the content directory, contentDir as site.toml gives
// it, for reading: relative to the site directory (an absolute path too,
// as filepath.Join has it), and perhaps outside it ("../articles"), or a
// symbolic link to a directory elsewhere, wherever it leads. Nothing is
// read through a link out of it. close releases it.
func openContent(opt Options, contentDir string) (fsys fs.FS, close func(), err error) {
	if opt.Files != nil {
		name := path.Clean(strings.TrimLeft(filepath.ToSlash(contentDir), "/"))
		if !fs.ValidPath(name) {
			return nil, nil, diag.Errorf(config.FileName, 0, "contentDir %q: outside the site's files", contentDir)
		}
		if st, err := fs.Stat(opt.Files, name); err != nil || !st.IsDir() {
			return nil, nil, notFound(name)
		}
		sub, err := fs.Sub(opt.Files, name)
		return sub, func() {}, err
	}
	where := filepath.Join(opt.SiteDir, contentDir)
	dir, err := sitefs.Open(where)
	if errors.Is(err, fs.ErrNotExist) {
		if abs, err := filepath.Abs(where); err == nil {
			where = abs
		}
		return nil, nil, notFound(where)
	}
	if err != nil {
		return nil, nil, diag.Errorf(filepath.ToSlash(contentDir), 0, "cannot read content directory: %v", sitefs.Cause(err, "the site directory"))
	}
	return dir, func() { dir.Close() }, nil
}

// notFound is the error for a content directory that is not where
// site.toml says. It names the directory looked for in full: the site
// directory (--source) may be the mistake.
func notFound(where string) error {
	return diag.Errorf("", 0, "content directory not found: %s: create it and put articles (.md or .txt) in it, or give the site's directory with --source", where)
}

// readContent reads the articles of the content directory.
func readContent(ctx context.Context, cfg config.Config, opt Options, cache *content.Cache) ([]content.Article, diag.List, error) {
	fsys, done, err := openContent(opt, cfg.ContentDir)
	if err != nil {
		return nil, nil, err
	}
	defer done()
	return content.Read(ctx, content.Options{
		FS: fsys, ContentDir: cfg.ContentDir, Location: cfg.Location(), Drafts: opt.Drafts,
		MaxSize: cfg.MaxArticleSize, Cache: cache})
}

// loadEdits reads the content directory's events.toml.
func loadEdits(ctx context.Context, cfg config.Config, opt Options) (editorial.Edits, error) {
	fsys, done, err := openContent(opt, cfg.ContentDir)
	if err != nil {
		return editorial.Edits{}, err
	}
	defer done()
	return editorial.Load(ctx, fsys, cfg.ContentDir)
}
