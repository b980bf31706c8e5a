package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/timeline-ssg/timeline/internal/parallel"
)

// Stats counts what Write wrote, or Memory rendered.
type Stats struct {
	// Pages is the number of HTML pages rendered from layouts.
	Pages int
	// Files is the number of files written: pages, static files, the data
	// files (timeline.json, timelinejs.json), the files for hosts and
	// crawlers (feed.xml, sitemap.xml, robots.txt) and .nojekyll.
	Files int
	// Bytes is the total size of the files written.
	Bytes int64
}

// Layout files of a theme, relative to the theme's root.
const (
	baseLayout   = "layouts/base.html"
	partialsDir  = "layouts/partials"
	staticDir    = "static"
	timelineFile = "timeline.json"
)

// pageKinds are the page layouts a theme must have besides base.html.
var pageKinds = []string{"index", "event", "source", "404"}

// Write writes the site into dst, which must exist and be empty:
//
//	index.html               the timeline
//	events/<id>/index.html   one page per event
//	sources/<id>/index.html  one page per source
//	404.html
//	timeline.json            the machine-readable timeline
//	timelinejs.json          the dated events for Knight Lab's TimelineJS3
//	feed.xml                 an Atom feed of the events    } only when BaseURL
//	sitemap.xml              every page's address          } is absolute
//	robots.txt               allows all, names the sitemap (unless the theme
//	                         has a static/robots.txt)
//	.nojekyll                so GitHub Pages serves the files as they are
//	…                        every file under the theme's static/, at the
//	                         same path under dst (static/style.css → style.css)
//
// theme is usually Layers(siteTheme, themes.Default). Its layouts are parsed
// once per call; see Page for what they receive. Before anything is written,
// the site is checked: event and source IDs become paths, so they must be
// non-empty, made of [a-z0-9-_.] and not start with '.'; IDs must be unique;
// every source, event and sentence anchor a page links to must exist.
//
// The output depends only on site and theme: writing the same site twice
// gives byte-identical trees. Pages are rendered in parallel. Write never
// overwrites a file: a static file colliding with a generated one is an
// error. On error, dst may hold part of the site; the caller discards it.
// Writing stops between files when ctx is done, with ctx's error.
func Write(ctx context.Context, site Site, theme fs.FS, dst string) (Stats, error) {
	return write(ctx, site, theme, Dir(dst), nil)
}

// Memory renders the site as Write does, into memory: the files Write
// would write, by path. The dev server serves them without touching the
// disk; Files.Write puts them on disk, giving the tree Write gives.
//
// With a memo, pages whose data did not change since the render that
// filled it are not rendered again (see Memo); the files returned share
// their bytes with the memo and must not be changed. A nil memo keeps
// nothing.
func Memory(ctx context.Context, site Site, theme fs.FS, memo *Memo) (Files, Stats, error) {
	out := &memOutput{files: Files{}}
	st, err := write(ctx, site, theme, out, memo)
	if err != nil {
		return nil, st, err
	}
	return out.files, st, nil
}

// Render renders the site into out, as Write does into a directory:
// Write is Render with an Output that writes under dst.
func Render(ctx context.Context, site Site, theme fs.FS, out Output) (Stats, error) {
	return write(ctx, site, theme, out, nil)
}

// write renders the site into out, with memo's help if it is not nil;
// see Write and Memory.
func write(ctx context.Context, site Site, theme fs.FS, out Output, memo *Memo) (Stats, error) {
	site.Sources = shownSources(site.Sources)
	ix, err := newIndex(&site)
	if err != nil {
		return Stats{}, fmt.Errorf("render: %w", err)
	}
	layouts, texts, err := parseLayouts(theme, ix.funcs())
	if err != nil {
		return Stats{}, fmt.Errorf("render: theme: %w", err)
	}
	w := &writer{out: newCheckedOutput(out)}
	if memo != nil {
		if w.memo, err = memo.begin(ctx, ix, texts); err != nil {
			return w.stats, err
		}
	}

	if err := w.file(".nojekyll", nil); err != nil {
		return w.stats, err
	}
	data, err := w.dataFiles(ix, theme)
	if err != nil {
		return w.stats, err
	}
	if err := w.run(ctx, append(data, w.pageJobs(ix, layouts)...)); err != nil {
		return w.stats, err
	}
	if err := w.static(theme); err != nil {
		return w.stats, err
	}
	if w.memo != nil {
		w.memo.end()
	}
	return w.stats, nil
}

// parseLayouts parses base.html and the partials once, then clones them
// under each page layout. Templates are named by their path in the theme,
// so errors read "template: layouts/event.html:12: …". It also returns
// the name and text of every file parsed, in parse order.
func parseLayouts(theme fs.FS, funcs template.FuncMap) (map[string]*template.Template, []string, error) {
	var texts []string
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(theme, name)
		texts = append(texts, name, string(b))
		return string(b), err
	}
	text, err := read(baseLayout)
	if err != nil {
		return nil, nil, err
	}
	base, err := template.New(baseLayout).Funcs(funcs).Parse(text)
	if err != nil {
		return nil, nil, err
	}
	partials, err := fs.ReadDir(theme, partialsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	for _, e := range partials { // sorted by name: a deterministic parse order
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		name := path.Join(partialsDir, e.Name())
		if text, err = read(name); err != nil {
			return nil, nil, err
		}
		if _, err := base.New(name).Parse(text); err != nil {
			return nil, nil, err
		}
	}
	layouts := make(map[string]*template.Template, len(pageKinds))
	for _, kind := range pageKinds {
		name := "layouts/" + kind + ".html"
		if text, err = read(name); err != nil {
			return nil, nil, err
		}
		t, err := base.Clone()
		if err != nil {
			return nil, nil, err
		}
		if _, err := t.New(name).Parse(text); err != nil {
			return nil, nil, err
		}
		p := &partialCache{layout: t, done: map[string]template.HTML{}}
		t.Funcs(template.FuncMap{"partialCached": p.cached})
		layouts[kind] = t
	}
	return layouts, texts, nil
}

// writer writes files to an output and counts them.
type writer struct {
	out   *checkedOutput
	stats Stats
	memo  *renderMemo // nil without a Memo
}

// file writes b to the path rel (slash-separated, relative to the site
// root). It never overwrites a file.
func (w *writer) file(rel string, b []byte) error {
	if err := w.out.WriteFile(rel, b); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	w.stats.Files++
	w.stats.Bytes += int64(len(b))
	return nil
}

// dataFiles returns the jobs that write the data files (timeline.json,
// timelinejs.json) and the files for hosts, crawlers and feed readers.
func (w *writer) dataFiles(ix *siteIndex, theme fs.FS) ([]job, error) {
	gen := func(name string, bytesOf func() ([]byte, error)) job {
		return job{rel: name, make: func(_ *worker) ([]byte, error) {
			b, err := bytesOf()
			if err != nil {
				return nil, fmt.Errorf("render: %s: %w", name, err)
			}
			return b, nil
		}}
	}
	jobs := []job{
		gen(timelineFile, func() ([]byte, error) { return timelineJSON(ix.site, w.memo) }),
		gen(timelinejsFile, ix.timelineJS),
	}
	if ix.abs {
		jobs = append(jobs, gen(feedFile, ix.feedXML), gen(sitemapFile, ix.sitemapXML))
	}
	if _, err := fs.Stat(theme, path.Join(staticDir, robotsFile)); errors.Is(err, fs.ErrNotExist) {
		jobs = append(jobs, gen(robotsFile, func() ([]byte, error) { return ix.robotsTxt(), nil }))
	}
	return jobs, nil
}

// job is one file to make. make returns its bytes, which it owns and
// nothing changes afterwards, or nil when it wrote them to the worker's
// buffer.
type job struct {
	rel  string // output path relative to dst
	page bool   // an HTML page rendered from a layout
	make func(wk *worker) ([]byte, error)
}

// worker is what one of the writer's goroutines makes files with.
type worker struct {
	ctx context.Context // the render's
	buf bytes.Buffer
	d   *digester // with a memo only
}

// stoppable is a writer that fails with ctx's error once ctx is done: a
// template writing to it stops at its next write, so that one long page
// (the index of a large site) does not hold up a cancelled render.
type stoppable struct {
	ctx context.Context
	w   io.Writer
}

func (s stoppable) Write(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, err
	}
	return s.w.Write(p)
}

// pageJobs returns the jobs that render the HTML pages, in site order.
// With a memo, a page of a layout that does not reach the whole site is
// rendered only if its key changed.
func (w *writer) pageJobs(ix *siteIndex, layouts map[string]*template.Template) []job {
	site := ix.site
	whole := make(map[string]bool, len(layouts))
	for kind, t := range layouts {
		whole[kind] = wholeSite(t)
	}
	page := func(rel, kind string, p func() *Page) job {
		layout := layouts[kind]
		return job{rel: rel, page: true, make: func(wk *worker) ([]byte, error) {
			pg := p()
			var key digest
			keyed := w.memo != nil && !whole[kind]
			if keyed {
				key = w.memo.pageKey(wk.d, kind, pg)
				if b, ok := w.memo.lookup(rel, key); ok {
					return b, nil
				}
			}
			ix.finish(pg)
			if err := layout.ExecuteTemplate(stoppable{wk.ctx, &wk.buf}, baseLayout, pg); err != nil {
				return nil, fmt.Errorf("render: %s: %w", rel, err)
			}
			if w.memo == nil {
				return nil, nil
			}
			b := bytes.Clone(wk.buf.Bytes())
			if keyed {
				w.memo.keep(rel, key, b)
			} else {
				w.memo.rendered()
			}
			return b, nil
		}}
	}
	jobs := make([]job, 0, 2+len(site.Events)+len(site.Sources))
	jobs = append(jobs, page("index.html", "index", ix.indexPage))
	for i := range site.Events {
		jobs = append(jobs, page("events/"+site.Events[i].ID+"/index.html", "event", func() *Page { return ix.eventPage(i) }))
	}
	for i := range site.Sources {
		jobs = append(jobs, page("sources/"+site.Sources[i].ID+"/index.html", "source", func() *Page { return ix.sourcePage(i) }))
	}
	return append(jobs, page("404.html", "404", ix.notFoundPage))
}

// run makes and writes the files of jobs in parallel. Each file is made
// on its own, so the output does not depend on the schedule; the error
// reported is that of the first failing job in order, whatever the
// schedule (see parallel.ForWithErr). It stops between files when ctx is
// done, and returns ctx's error.
func (w *writer) run(ctx context.Context, jobs []job) error {
	sizes := make([]int64, len(jobs))
	newWorker := func() *worker {
		wk := &worker{ctx: ctx}
		if w.memo != nil {
			wk.d = w.memo.digester()
		}
		return wk
	}
	err := parallel.ForWithErr(ctx, len(jobs), newWorker, func(wk *worker, i int) error {
		var err error
		sizes[i], err = w.do(&jobs[i], wk)
		return err
	})
	if err != nil {
		return err
	}
	for i, n := range sizes {
		if jobs[i].page {
			w.stats.Pages++
		}
		w.stats.Files++
		w.stats.Bytes += n
	}
	return nil
}

// do makes one job's file and writes it.
func (w *writer) do(j *job, wk *worker) (int64, error) {
	wk.buf.Reset()
	b, err := j.make(wk)
	if err != nil {
		return 0, err
	}
	if b != nil {
		err = w.out.writeOwned(j.rel, b)
	} else {
		b = wk.buf.Bytes()
		err = w.out.WriteFile(j.rel, b)
	}
	if err != nil {
		return 0, fmt.Errorf("render: %w", err)
	}
	return int64(len(b)), nil
}

// static copies every file under the theme's static/ to the same path
// under dst.
func (w *writer) static(theme fs.FS) error {
	err := fs.WalkDir(theme, staticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == staticDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir // a theme without static files
			}
			return err
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(name, staticDir), "/")
		if rel == "" {
			return nil
		}
		if d.IsDir() {
			return nil // made with the files in it; it may also hold pages, as events/
		}
		b, err := fs.ReadFile(theme, name)
		if err != nil {
			return err
		}
		if err := w.out.WriteFile(rel, b); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("theme file %s would overwrite %s", name, rel)
			}
			return err
		}
		w.stats.Files++
		w.stats.Bytes += int64(len(b))
		return nil
	})
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	return nil
}
