package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
func Write(site Site, theme fs.FS, dst string) (Stats, error) {
	return write(site, theme, Dir(dst))
}

// Memory renders the site as Write does, into memory: the files Write
// would write, by path. The dev server serves them without touching the
// disk; Files.Write puts them on disk, giving the tree Write gives.
func Memory(site Site, theme fs.FS) (Files, Stats, error) {
	out := &memOutput{files: Files{}}
	st, err := write(site, theme, out)
	if err != nil {
		return nil, st, err
	}
	return out.files, st, nil
}

// Render renders the site into out, as Write does into a directory:
// Write is Render with an Output that writes under dst.
func Render(site Site, theme fs.FS, out Output) (Stats, error) {
	return write(site, theme, out)
}

// write renders the site into out; see Write.
func write(site Site, theme fs.FS, out Output) (Stats, error) {
	ix, err := newIndex(&site)
	if err != nil {
		return Stats{}, fmt.Errorf("render: %w", err)
	}
	layouts, err := parseLayouts(theme, ix.funcs())
	if err != nil {
		return Stats{}, fmt.Errorf("render: theme: %w", err)
	}
	w := &writer{out: newCheckedOutput(out)}

	if err := w.file(".nojekyll", nil); err != nil {
		return w.stats, err
	}
	data, err := w.dataFiles(ix, theme)
	if err != nil {
		return w.stats, err
	}
	if err := w.run(append(data, pageJobs(ix, layouts)...)); err != nil {
		return w.stats, err
	}
	if err := w.static(theme); err != nil {
		return w.stats, err
	}
	return w.stats, nil
}

// parseLayouts parses base.html and the partials once, then clones them
// under each page layout. Templates are named by their path in the theme,
// so errors read "template: layouts/event.html:12: …".
func parseLayouts(theme fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(theme, name)
		return string(b), err
	}
	text, err := read(baseLayout)
	if err != nil {
		return nil, err
	}
	base, err := template.New(baseLayout).Funcs(funcs).Parse(text)
	if err != nil {
		return nil, err
	}
	partials, err := fs.ReadDir(theme, partialsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range partials { // sorted by name: a deterministic parse order
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".html") {
			continue
		}
		name := path.Join(partialsDir, e.Name())
		if text, err = read(name); err != nil {
			return nil, err
		}
		if _, err := base.New(name).Parse(text); err != nil {
			return nil, err
		}
	}
	layouts := make(map[string]*template.Template, len(pageKinds))
	for _, kind := range pageKinds {
		name := "layouts/" + kind + ".html"
		if text, err = read(name); err != nil {
			return nil, err
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.New(name).Parse(text); err != nil {
			return nil, err
		}
		layouts[kind] = t
	}
	return layouts, nil
}

// writer writes files to an output and counts them.
type writer struct {
	out   Output
	stats Stats
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
		return job{rel: name, make: func(buf *bytes.Buffer) error {
			b, err := bytesOf()
			if err != nil {
				return fmt.Errorf("render: %s: %w", name, err)
			}
			buf.Write(b)
			return nil
		}}
	}
	jobs := []job{
		gen(timelineFile, func() ([]byte, error) { return timelineJSON(ix.site) }),
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

// job is one file to make: make fills the buffer with its bytes.
type job struct {
	rel  string // output path relative to dst
	page bool   // an HTML page rendered from a layout
	make func(buf *bytes.Buffer) error
}

// pageJobs returns the jobs that render the HTML pages, in site order.
func pageJobs(ix *siteIndex, layouts map[string]*template.Template) []job {
	site := ix.site
	page := func(rel string, layout *template.Template, p func() *Page) job {
		return job{rel: rel, page: true, make: func(buf *bytes.Buffer) error {
			if err := layout.ExecuteTemplate(buf, baseLayout, p()); err != nil {
				return fmt.Errorf("render: %s: %w", rel, err)
			}
			return nil
		}}
	}
	jobs := make([]job, 0, 2+len(site.Events)+len(site.Sources))
	jobs = append(jobs, page("index.html", layouts["index"], ix.indexPage))
	for i := range site.Events {
		jobs = append(jobs, page("events/"+site.Events[i].ID+"/index.html", layouts["event"], func() *Page { return ix.eventPage(i) }))
	}
	for i := range site.Sources {
		jobs = append(jobs, page("sources/"+site.Sources[i].ID+"/index.html", layouts["source"], func() *Page { return ix.sourcePage(i) }))
	}
	return append(jobs, page("404.html", layouts["404"], ix.notFoundPage))
}

// run makes and writes the files of jobs over runtime.GOMAXPROCS
// workers. Each file is made on its own, so the output does not depend
// on the schedule; the error reported is that of the first failing job
// in order, whatever the schedule.
func (w *writer) run(jobs []job) error {
	sizes := make([]int64, len(jobs))
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				sizes[i], errs[i] = w.do(&jobs[i], &buf)
				if errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	// Jobs are claimed in order and a claimed job always finishes, so the
	// first failing job in order has always run.
	for _, err := range errs {
		if err != nil {
			return err
		}
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
func (w *writer) do(j *job, buf *bytes.Buffer) (int64, error) {
	buf.Reset()
	if err := j.make(buf); err != nil {
		return 0, err
	}
	if err := w.out.WriteFile(j.rel, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("render: %w", err)
	}
	return int64(buf.Len()), nil
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
