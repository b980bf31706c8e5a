// Package site builds a site: it runs the pipeline stages in order
// (content → clean → dedup → events → chronology → render) and publishes
// the result atomically, so a failed build never touches the last good
// site.
package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/internal/chronology"
	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/render"
	"github.com/timeline-ssg/timeline/internal/sitefs"
	"github.com/timeline-ssg/timeline/themes"
)

// Version is the program's version, shown by `timeline version` and in
// the pages' generator tag.
const Version = "0.1.0"

// Options say what to build and where.
type Options struct {
	// SiteDir is the site root, holding site.toml, content/ and themes/.
	SiteDir string
	// Destination overrides the config's publishDir. A relative path is
	// relative to the current directory, as on the command line.
	Destination string
	// BaseURL overrides the config's baseURL.
	BaseURL string
	// Drafts includes articles marked draft = true.
	Drafts bool
	// CleanDestinationDir lets the build replace everything in the
	// destination, files it did not write included. Without it, a build
	// removes or replaces only the files listed in the manifest an
	// earlier build left there, and fails, naming them, when other files
	// are where the new site has files.
	CleanDestinationDir bool
	// Strict makes Build fail with a *StrictError, before anything is
	// published, when the build has warnings; strict = true in site.toml
	// does the same.
	Strict bool
	// Cache, when set, keeps per-file work between builds of the site:
	// the dev server sets it so a rebuild re-reads only changed files.
	Cache *Cache
	// Files, if not nil, holds the site's files in place of the
	// directory SiteDir: site.toml, the content directory and themes/
	// at its root, as an fstest.MapFS does in tests. The destination is
	// still found from SiteDir: give Destination when SiteDir is empty.
	Files fs.FS
}

// Summary reports what a build did.
type Summary struct {
	Articles int // articles read
	Copies   int // duplicate copies merged into other sources
	Sources  int
	Events   int
	Dated    int // events with a date
	Pages    int
	Files    int
	// Destination is where the site was written.
	Destination string
	Warnings    diag.List
	Duration    time.Duration
	// Stages holds the time each stage took, in pipeline order.
	Stages []Stage
}

// Stage is the name and duration of one pipeline stage.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result is the pipeline's output before anything is written.
type Result struct {
	Config  config.Config
	Site    render.Site
	Summary Summary
	theme   fs.FS
	rules   rules // what publishing may do to the destination
}

// Run runs the pipeline up to, not including, writing files. Errors in the
// input are returned as a diag.BuildError listing every one, with a Result
// that holds only the Summary so far: its warnings and stages.
func Run(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	var sum Summary
	lap := start
	stage := func(name string) {
		now := time.Now()
		sum.Stages = append(sum.Stages, Stage{name, now.Sub(lap)})
		lap = now
	}

	cfg, err := loadConfig(ctx, opt)
	if err != nil {
		return nil, err
	}
	if opt.BaseURL != "" {
		cfg.BaseURL = opt.BaseURL
		if cfg, err = checkOverride(cfg); err != nil {
			return nil, err
		}
	}
	theme, err := loadTheme(ctx, opt, cfg.Theme)
	if err != nil {
		return nil, err
	}

	articles, sources, diags, err := ingest(ctx, cfg, opt, stage)
	sum.Warnings = diags
	if err != nil {
		return partial(sum, err)
	}
	res, dated, summaries, warns, err := findEvents(ctx, cfg, opt, sources, stage)
	sum.Warnings = append(sum.Warnings, warns...)
	if err != nil {
		return partial(sum, err)
	}

	view, err := makeView(ctx, cfg, sources, res, dated)
	if err != nil {
		return nil, err
	}
	setEditorSummaries(&view, summaries)
	sum.Articles = articles
	sum.Sources = len(sources)
	sum.Copies = articles - len(sources)
	sum.Events = len(dated)
	for _, d := range dated {
		if !d.Undated() {
			sum.Dated++
		}
	}
	sum.Duration = time.Since(start)
	return &Result{Config: cfg, Site: view, Summary: sum, theme: theme,
		rules: siteRules(opt.SiteDir, cfg.ContentDir, opt.CleanDestinationDir)}, nil
}

// findEvents runs the stages that turn sources into a chronology:
// events, with the site's editorial changes (events.toml), and time. It
// returns the events, their chronology, the editors' summaries by event
// ID, and the warnings; stage is called after each stage with its name.
func findEvents(ctx context.Context, cfg config.Config, opt Options, sources []dedup.Source, stage func(string)) (events.Result, []chronology.Dated, map[string]string, diag.List, error) {
	edits, err := loadEdits(ctx, cfg, opt)
	if err != nil {
		return events.Result{}, nil, nil, nil, err
	}
	evOpt := events.Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource}
	if opt.Cache != nil {
		evOpt.Memo = &opt.Cache.events
	}
	res, err := events.Extract(ctx, sources, evOpt)
	if err != nil {
		return events.Result{}, nil, nil, nil, err
	}
	warnings := res.Warnings
	res, warns := edits.Regroup(res, sourceIDs(sources))
	warnings = append(warnings, warns...)
	stage("events")
	// The one feedback from grouping to dating: a source without a
	// publication date cannot resolve "yesterday"; the events its
	// sentences joined date it, and its sentences are dated again by it.
	inferred, err := chronology.InferPublication(ctx, res, sources)
	if err != nil {
		return events.Result{}, nil, nil, nil, err
	}
	if res, err = events.Redate(ctx, res, sources, inferred); err != nil {
		return events.Result{}, nil, nil, nil, err
	}
	dated, err := chronology.Order(ctx, res, sources)
	if err != nil {
		return events.Result{}, nil, nil, nil, err
	}
	dated, summaries, warns := edits.Pin(dated)
	warnings = append(warnings, warns...)
	stage("time")
	return res, dated, summaries, warnings, nil
}

// ingest runs the stages that turn files into sources: read, clean and
// dedup. It returns the number of articles read, the sources, and the
// diagnostics; stage is called after each stage with its name.
func ingest(ctx context.Context, cfg config.Config, opt Options, stage func(string)) (int, []dedup.Source, diag.List, error) {
	var cache *content.Cache
	if opt.Cache != nil {
		cache = &opt.Cache.content
	}
	articles, diags, err := readContent(ctx, cfg, opt, cache)
	if err != nil {
		return 0, nil, diags, err
	}
	if err := diags.Err(); err != nil {
		return 0, nil, diags, err
	}
	stage("read")
	var memo *clean.Memo
	if opt.Cache != nil {
		memo = &opt.Cache.clean
	}
	cleaned, err := cleanAll(ctx, articles, memo)
	if err != nil {
		return 0, nil, diags, err
	}
	diags = append(diags, thinText(articles, cleaned)...)
	diags.Sort()
	stage("clean")
	var sources []dedup.Source
	if opt.Cache != nil {
		sources, err = opt.Cache.dedup.Group(ctx, cleaned)
	} else {
		sources, err = dedup.Group(ctx, cleaned)
	}
	if err != nil {
		return 0, nil, diags, err
	}
	stage("dedup")
	return len(articles), sources, diags, nil
}

// partial is what Run returns for an input error: the summary so far, its
// warnings only those of the build's input (errors are in err), sorted.
func partial(sum Summary, err error) (*Result, error) {
	var be diag.BuildError
	if !errors.As(err, &be) {
		return nil, err
	}
	var warnings diag.List
	for _, d := range sum.Warnings {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d)
		}
	}
	warnings.Sort()
	sum.Warnings = warnings
	return &Result{Summary: sum}, err
}

// Build runs the pipeline and publishes the site; see Publish.
func Build(ctx context.Context, opt Options) (Summary, error) {
	start := time.Now()
	r, err := Run(ctx, opt)
	if err != nil {
		if r != nil {
			return r.Summary, err // the warnings found before the errors
		}
		return Summary{}, err
	}
	dst := opt.Destination
	if dst == "" {
		dst = filepath.Join(opt.SiteDir, r.Config.PublishDir)
	}
	if err := r.Strict(opt.Strict, dst); err != nil {
		return r.Summary, err
	}
	lap := time.Now()
	stats, err := Publish(ctx, r, dst)
	if err != nil {
		return r.Summary, err
	}
	sum := r.Summary
	sum.Stages = append(sum.Stages, Stage{"render", time.Since(lap)})
	sum.Pages, sum.Files = stats.Pages, stats.Files
	sum.Destination = dst
	sum.Duration = time.Since(start)
	return sum, nil
}

// StrictError is the error of a strict build (Options.Strict, or strict =
// true in site.toml) that had warnings. It is returned before anything is
// published, so the destination keeps the previous site.
type StrictError struct {
	// Warnings are the build's warnings, sorted.
	Warnings diag.List
	// Flag is true when --strict asked for strictness, false when
	// site.toml did.
	Flag bool
	// Destination is the directory that was not written.
	Destination string
}

// Error says that the build is strict and lists the warnings, one a line.
func (e *StrictError) Error() string {
	var b strings.Builder
	why := "strict = true in " + config.FileName
	if e.Flag {
		why = "--strict"
	}
	n := "1 warning"
	if len(e.Warnings) != 1 {
		n = fmt.Sprintf("%d warnings", len(e.Warnings))
	}
	fmt.Fprintf(&b, "strict build (%s): %s, so the build failed and %s was left as it was:", why, n, e.Destination)
	for _, w := range e.Warnings {
		b.WriteString("\n  ")
		b.WriteString(w.Error())
	}
	return b.String()
}

// Strict returns the *StrictError of publishing r to dst when the build
// is strict (flag, for --strict, or strict = true in site.toml) and has
// warnings, else nil. Build and the dev server's --write check it
// before they write anything.
func (r *Result) Strict(flag bool, dst string) error {
	if ws := warningsOf(r.Summary.Warnings); (flag || r.Config.Strict) && len(ws) > 0 {
		return &StrictError{Warnings: ws, Flag: flag, Destination: dst}
	}
	return nil
}

// warningsOf returns the warnings of ds.
func warningsOf(ds diag.List) diag.List {
	var ws diag.List
	for _, d := range ds {
		if d.Severity == diag.Warning {
			ws = append(ws, d)
		}
	}
	return ws
}

// Publish writes a pipeline result to dst, replacing the site an earlier
// build wrote there and leaving other files alone (see
// Options.CleanDestinationDir). A destination that is the site's root,
// content or themes directory, or holds one of them, or is a file, is
// refused; a link to a directory is followed. One build at a time
// writes a destination. On any error dst is left as it was, and nothing
// temporary remains; see publish.
func Publish(ctx context.Context, r *Result, dst string) (render.Stats, error) {
	var stats render.Stats
	err := publish(ctx, dst, r.rules, func(out render.Output) (err error) {
		stats, err = render.Render(ctx, r.Site, r.theme, out)
		return err
	})
	if err != nil {
		return render.Stats{}, err
	}
	return stats, nil
}

// Files renders a pipeline result in memory: the files Publish would
// write, by path. The dev server serves them; r.PublishFiles writes them.
// With a cache, pages unchanged since the last build that used it are
// not rendered again (see render.Memo); the files share their bytes with
// the cache and must not be changed. A nil cache keeps nothing. Rendering
// stops between pages when ctx is done, with ctx's error.
func (r *Result) Files(ctx context.Context, cache *Cache) (render.Files, render.Stats, error) {
	var memo *render.Memo
	if cache != nil {
		memo = &cache.render
	}
	return render.Memory(ctx, r.Site, r.theme, memo)
}

// PublishFiles writes files, rendered in memory by r.Files, to dst, as
// Publish does.
func (r *Result) PublishFiles(ctx context.Context, files render.Files, dst string) error {
	return publish(ctx, dst, r.rules, files.Copy)
}

// cleanAll cleans every article in parallel, keeping their order, with
// memo's help when it is not nil.
func cleanAll(ctx context.Context, articles []content.Article, memo *clean.Memo) ([]clean.Article, error) {
	if memo == nil {
		corpus, err := clean.NewCorpus(ctx, articles)
		if err != nil {
			return nil, err
		}
		out := make([]clean.Article, len(articles))
		err = parallel.For(ctx, len(articles), func(i int) {
			out[i] = clean.Clean(articles[i], corpus)
		})
		return out, err
	}
	corpus, err := memo.Corpus(ctx, articles)
	if err != nil {
		return nil, err
	}
	out := make([]clean.Article, len(articles))
	err = parallel.For(ctx, len(articles), func(i int) {
		out[i] = memo.Clean(articles[i], corpus)
	})
	return out, err
}

// loadTheme layers the site's theme directory, if configured, over the
// built-in theme, read into memory by readTheme from the site's files
// (Options.Files) or from disk. Links inside the theme directory are
// followed as long as they stay inside it.
func loadTheme(ctx context.Context, opt Options, name string) (fs.FS, error) {
	if name == "" {
		return themes.Default, nil
	}
	dir := path.Join("themes", name)
	noDir := diag.Errorf(config.FileName, 0, "theme %q: no directory themes/%s in the site", name, name)
	var theme fs.FS
	if opt.Files != nil {
		if st, err := fs.Stat(opt.Files, dir); err != nil || !st.IsDir() {
			return nil, noDir
		}
		sub, err := fs.Sub(opt.Files, dir)
		if err != nil {
			return nil, diag.Errorf(config.FileName, 0, "theme %q: %v", name, err)
		}
		theme = sub
	} else {
		disk := filepath.Join(opt.SiteDir, filepath.FromSlash(dir))
		if st, err := os.Stat(disk); err != nil || !st.IsDir() {
			return nil, noDir
		}
		// Through a sitefs.Dir (an os.Root), a link in the theme to a
		// file outside it is an error, not a way to publish that file,
		// and a named pipe is refused, never waited on.
		root, err := sitefs.Open(disk)
		if err != nil {
			return nil, diag.Errorf(config.FileName, 0, "theme %q: %v", name, err)
		}
		defer root.Close()
		theme = root
	}
	files, err := readTheme(ctx, theme, dir)
	if err != nil {
		return nil, err
	}
	return render.Layers(files, themes.Default), nil
}

// readTheme reads every file of a theme directory into memory, so that a
// build sees one state of the theme and holds no file open after it (a
// dev server's rebuilds had each left one open). What is not a regular
// file is an error naming it; dir names the theme directory in messages.
func readTheme(ctx context.Context, theme fs.FS, dir string) (fs.FS, error) {
	files := fstest.MapFS{}
	err := fs.WalkDir(theme, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			return nil
		}
		var data []byte
		var info fs.FileInfo
		if err == nil {
			data, info, err = sitefs.ReadFile(ctx, theme, name, 0)
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			return diag.Errorf(path.Join(dir, name), 0, "cannot read: %v", sitefs.Cause(err, "the theme directory"))
		}
		files[name] = &fstest.MapFile{Data: data, Mode: info.Mode(), ModTime: info.ModTime()}
		return nil
	})
	return files, err
}

// checkOverride validates a configuration changed by a command-line flag.
func checkOverride(cfg config.Config) (config.Config, error) {
	data := fmt.Appendf(nil, "baseURL = %q\n", cfg.BaseURL)
	c, err := config.Parse("--baseURL", data)
	var d diag.Diagnostic
	if errors.As(err, &d) {
		// The error is about the flag's value, not a line of a file.
		d.Line, d.Message = 0, strings.TrimPrefix(d.Message, "baseURL: ")
		return cfg, d
	}
	if err != nil {
		return cfg, err
	}
	cfg.BaseURL = c.BaseURL
	return cfg, nil
}
