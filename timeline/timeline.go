// Package timeline builds a static site that tells a story as a timeline
// of events, from a folder of the news articles written about it.
//
// A site is a directory holding site.toml, the articles in content/ (raw
// scrapes, Markdown with front matter, saved HTML pages) and, optionally,
// a theme in themes/. Build reads and cleans every article, merges copies
// of one article into one source, clusters the passages of the sources
// into events, dates and orders them, and writes the site: a timeline
// page, a page per event citing the sentences of each source, a page per
// source, timeline.json, feeds and a TimelineJS export. Serve builds the
// same site in memory, serves it, and with watching rebuilds it and
// reloads the browser when a file changes.
//
// This package is the library's whole surface: the stages it runs are
// internal to the module, so they can change without breaking a program
// that builds sites. (The command's explaining subcommands, extract,
// sources and events, read the stages directly.)
package timeline

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/server"
	"github.com/timeline-ssg/timeline/internal/site"
)

// Version is the program's version, shown by `timeline version` and in
// the pages' generator tag.
const Version = site.Version

// Options say what to build and where.
type Options struct {
	// SiteDir is the site root, holding site.toml, content/ and themes/.
	SiteDir string
	// Destination overrides the publishDir of site.toml. A relative path
	// is relative to the current directory, as on the command line.
	Destination string
	// BaseURL overrides the baseURL of site.toml.
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
	// Files, if not nil, holds the site's files in place of the directory
	// SiteDir: site.toml, the content directory and themes/ at its root
	// (an embed.FS, an fstest.MapFS). Give Destination when SiteDir is
	// empty.
	Files fs.FS
}

// Summary reports what a build did.
type Summary struct {
	Articles int // articles read
	Copies   int // duplicate copies merged into other sources
	Sources  int // sources after merging copies
	Events   int
	Dated    int // events with a date
	Pages    int // HTML pages written
	Files    int // files written, pages included
	// Destination is where the site was written.
	Destination string
	// Warnings are the problems with the input that did not stop the
	// build, sorted by file and line.
	Warnings []Diagnostic
	Duration time.Duration
	// Stages holds the time each stage took, in pipeline order.
	Stages []Stage
}

// Stage is the name and duration of one pipeline stage.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Diagnostic is one problem found in one input file.
type Diagnostic struct {
	// Warning is true for a problem the build went on after, false for
	// one that stopped it.
	Warning bool
	// File is the path of the input, relative to the site root where
	// possible.
	File string
	// Line is 1-based; 0 when the problem concerns the whole file.
	Line int
	// Col is 1-based; 0 when unknown.
	Col     int
	Message string
}

// Error formats the diagnostic as "file:line:col: message".
func (d Diagnostic) Error() string { return d.internal().Error() }

func (d Diagnostic) internal() diag.Diagnostic {
	sev := diag.Error
	if d.Warning {
		sev = diag.Warning
	}
	return diag.Diagnostic{Severity: sev, File: d.File, Line: d.Line, Col: d.Col, Message: d.Message}
}

// BuildError is the error of a build whose input has errors: each names
// its file and line. Nothing is published, so the destination keeps the
// previous site.
type BuildError struct {
	Errors []Diagnostic
}

// Error lists every error, one a line.
func (e *BuildError) Error() string {
	var l diag.List
	for _, d := range e.Errors {
		l = append(l, d.internal())
	}
	return diag.BuildError{Errors: l}.Error()
}

// StrictError is the error of a strict build (Options.Strict, or strict =
// true in site.toml) that had warnings. It is returned before anything is
// published, so the destination keeps the previous site.
type StrictError struct {
	// Warnings are the build's warnings, sorted.
	Warnings []Diagnostic
	// Flag is true when Options.Strict asked for strictness, false when
	// site.toml did.
	Flag bool
	// Destination is the directory that was not written.
	Destination string
}

// Error says that the build is strict and lists the warnings, one a line.
func (e *StrictError) Error() string {
	return (&site.StrictError{Warnings: internalList(e.Warnings), Flag: e.Flag, Destination: e.Destination}).Error()
}

// Build runs the pipeline over the site in opt.SiteDir and publishes it
// to the destination. The new site replaces the old one only when the
// whole build succeeded: on an error, or when ctx is cancelled (the error
// is then ctx's), the destination keeps the previous site.
//
// An error in the input is a *BuildError, a strict build with warnings a
// *StrictError; both name each file and line. The Summary is filled as far
// as the build got, its Warnings included.
func Build(ctx context.Context, opt Options) (Summary, error) {
	sum, err := site.Build(ctx, opt.internal())
	return publicSummary(sum), publicError(err)
}

// ServeOptions configure Serve.
type ServeOptions struct {
	// Options say what to build. Destination is where Write publishes (by
	// default the publishDir of site.toml); Strict keeps Write from
	// publishing a build with warnings, which is still served.
	Options
	// Bind is the interface to listen on (default 127.0.0.1), Port the
	// port (0: any free port).
	Bind string
	Port int
	// Watch rebuilds the site when its content, theme or configuration
	// changes, and tells open pages to reload.
	Watch bool
	// Poll finds changes by looking at the files every PollInterval
	// (default 500ms) instead of with the system's notifications: for
	// network mounts, containers and WSL, where those do not arrive.
	Poll         bool
	PollInterval time.Duration
	// Write also publishes every good build to the destination, as Build
	// would.
	Write bool
	// Stdout and Stderr receive progress and errors; nil discards them.
	Stdout, Stderr io.Writer
	// Ready, if not nil, is called once the first build is served, with
	// the address it is served at ("http://127.0.0.1:40123/"): with Port
	// 0, the way to learn the port.
	Ready func(url string)
}

// Serve builds the site in memory and serves it over HTTP until ctx is
// cancelled; nothing is written to disk unless opt.Write asks. A build
// that fails keeps the last good one served and shows its error in the
// browser. It returns an error only when it cannot start: the address is
// taken, or the first build cannot even read site.toml.
func Serve(ctx context.Context, opt ServeOptions) error {
	s, err := server.New(ctx, server.Options{
		Site:         opt.Options.internal(),
		Bind:         opt.Bind,
		Port:         opt.Port,
		Watch:        opt.Watch,
		Poll:         opt.Poll,
		PollInterval: opt.PollInterval,
		Write:        opt.Write,
		Stdout:       opt.Stdout,
		Stderr:       opt.Stderr,
	})
	if err != nil {
		return publicError(err)
	}
	if opt.Ready != nil {
		opt.Ready(s.URL())
	}
	return publicError(s.Serve(ctx))
}

func (o Options) internal() site.Options {
	return site.Options{SiteDir: o.SiteDir, Destination: o.Destination, BaseURL: o.BaseURL,
		Drafts: o.Drafts, CleanDestinationDir: o.CleanDestinationDir, Strict: o.Strict, Files: o.Files}
}

func publicSummary(s site.Summary) Summary {
	out := Summary{Articles: s.Articles, Copies: s.Copies, Sources: s.Sources, Events: s.Events,
		Dated: s.Dated, Pages: s.Pages, Files: s.Files, Destination: s.Destination,
		Warnings: publicList(s.Warnings), Duration: s.Duration}
	for _, st := range s.Stages {
		out.Stages = append(out.Stages, Stage{Name: st.Name, Duration: st.Duration})
	}
	return out
}

// publicError turns the internal error types into this package's: one
// diagnostic, as site.toml's errors are, is a BuildError of one. Any other
// error (ctx's among them) is returned as it is.
func publicError(err error) error {
	var strict *site.StrictError
	if errors.As(err, &strict) {
		return &StrictError{Warnings: publicList(strict.Warnings), Flag: strict.Flag, Destination: strict.Destination}
	}
	var be diag.BuildError
	if errors.As(err, &be) {
		return &BuildError{Errors: publicList(be.Errors)}
	}
	var d diag.Diagnostic
	if errors.As(err, &d) && err.Error() == d.Error() {
		return &BuildError{Errors: publicList(diag.List{d})}
	}
	return err
}

func publicList(l diag.List) []Diagnostic {
	var out []Diagnostic
	for _, d := range l {
		out = append(out, Diagnostic{Warning: d.Severity == diag.Warning, File: d.File, Line: d.Line, Col: d.Col, Message: d.Message})
	}
	return out
}

func internalList(ds []Diagnostic) diag.List {
	var out diag.List
	for _, d := range ds {
		out = append(out, d.internal())
	}
	return out
}
