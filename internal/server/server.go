// Package server is the dev server: it builds a site in memory, serves
// it for previewing, and with watching on rebuilds it when its content,
// theme or configuration changes, then tells the browser to reload.
//
// Nothing is written to disk unless asked (Options.Write): the site is
// rendered into memory (render.Memory) and served from there, so a request
// can only ever reach a file the build made. Each build is a snapshot
// swapped in whole once complete; a failed build keeps the last good
// snapshot served and shows its error in the browser.
//
// A rebuild re-reads only the articles whose bytes changed (site.Cache),
// runs the cross-article stages, and renders again only the pages whose
// data changed (render.Memo: a page is keyed by everything its layout
// can see, and a layout that can see the whole site is rendered every
// time). Each file is then compared with the one served: unchanged files
// keep their bytes and ETag, and browsers are told which files changed,
// so an open page reloads only if it changed, and a style sheet is
// swapped in place.
//
// Live reload uses Server-Sent Events, not a WebSocket: see reload.go for
// why and for the protocol, and watch.go for how changes are found.
package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/render"
	"github.com/timeline-ssg/timeline/internal/site"
)

// Options configure a Server.
type Options struct {
	// Site says what to build. Its Destination is where Write publishes
	// (by default the publishDir of site.toml); its Cache is the server's.
	Site site.Options
	Bind string
	Port int
	// Watch rebuilds the site when files under it change.
	Watch bool
	// Poll finds changes by looking at the files every PollInterval
	// (default 500ms) instead of with the system's notifications: for
	// network mounts, containers and WSL, where those do not arrive.
	Poll         bool
	PollInterval time.Duration
	// Write also publishes every good build to the destination, as
	// `timeline build` would.
	Write bool
	// Stdout and Stderr receive progress and errors; nil discards them.
	Stdout, Stderr io.Writer
}

// Connection timeouts of the HTTP server.
const (
	// headerTimeout is how long a client may take to send a request's
	// header.
	headerTimeout = 10 * time.Second
	// idleTimeout is how long a keep-alive connection may wait for its
	// next request before the server closes it: a browser holds only six
	// connections to a host, and Chromium keeps an idle one up to 5 minutes.
	idleTimeout = 30 * time.Second
)

// Server is a running dev server. Make one with New.
type Server struct {
	opt   Options
	ln    net.Listener
	nonce string // tells this run's builds from another run's
	cache site.Cache
	hub   hub
	snap  atomic.Pointer[snapshot]
	// watcher watches the site from New until Serve runs it.
	watcher *watcher
	// build runs one build, after the changes listed (nil for the first
	// build); a field so tests can replace it.
	build func(ctx context.Context, changed []string) buildResult
	// headerTimeout and idleTimeout bound how long a connection may take
	// to send a request's header, and stay open between two requests;
	// fields so tests can shorten them. See Serve.
	headerTimeout, idleTimeout time.Duration
	// Used by the goroutine applying builds only.
	good   int             // good builds so far
	warned map[string]bool // warnings printed already
}

// snapshot is what the server serves: the last good build, and the error
// of the last build if it failed. It is never modified once stored.
type snapshot struct {
	// id names the build, unique across server runs: pages carry it, and
	// a page whose id is not the current one is stale.
	id    string
	files render.Files
	// versions holds, per file, the number of the build that last changed
	// it, for ETags.
	versions map[string]int
	// base is the URL path the site is served under, "/" or "/repo/".
	base    string
	summary site.Summary
	failure *buildError
}

// current returns the snapshot being served.
func (s *Server) current() *snapshot { return s.snap.Load() }

// buildResult is the outcome of one build.
type buildResult struct {
	res    *site.Result
	files  render.Files
	render time.Duration
	took   time.Duration
	reused site.CacheStats
	err    error
}

// New listens on the configured address and builds the site. When the
// port is taken, the error names it and the flag to change it. When the
// first build fails, New returns its error, unless watching: then the
// server starts anyway, shows the error, and serves the site once it is
// fixed.
func New(ctx context.Context, opt Options) (*Server, error) {
	if opt.Stdout == nil {
		opt.Stdout = io.Discard
	}
	if opt.Stderr == nil {
		opt.Stderr = io.Discard
	}
	s := &Server{opt: opt, nonce: strconv.FormatInt(time.Now().UnixNano(), 36), warned: map[string]bool{},
		headerTimeout: headerTimeout, idleTimeout: idleTimeout}
	s.opt.Site.Cache = &s.cache
	s.build = s.buildSite
	s.snap.Store(&snapshot{id: s.nonce + ".0", files: render.Files{}, base: "/"})

	addr := net.JoinHostPort(opt.Bind, strconv.Itoa(opt.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("port %d on %s is in use (another timeline serve?): choose another with --port, or --port 0 for any free one", opt.Port, opt.Bind)
		}
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	s.ln = ln
	if opt.Watch {
		// Watch from before the first build, so no change is missed.
		s.watcher = newWatcher(opt.Site.SiteDir, opt.Poll, opt.PollInterval, opt.Stderr)
	}

	first := s.build(ctx, nil)
	if first.err != nil && !opt.Watch {
		ln.Close()
		return nil, first.err
	}
	s.apply(ctx, first, nil)
	return s, nil
}

// Run serves the site until ctx is done; see New and Serve.
func Run(ctx context.Context, opt Options) error {
	s, err := New(ctx, opt)
	if err != nil {
		return err
	}
	return s.Serve(ctx)
}

// URL returns the address the site is served at, with its base path.
func (s *Server) URL() string {
	return "http://" + s.ln.Addr().String() + s.current().base
}

// Serve serves the site until ctx is done, rebuilding it on changes when
// watching. It then stops watching, ends the browsers' event streams and
// shuts the HTTP server down, waiting a few seconds at most for requests
// in flight. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context) error {
	// No ReadTimeout or WriteTimeout: they would end the event streams,
	// which last as long as their page (and send a heartbeat, see
	// serveEvents). The idle timeout only counts between requests.
	srv := &http.Server{Handler: s, ReadHeaderTimeout: s.headerTimeout, IdleTimeout: s.idleTimeout}
	srv.RegisterOnShutdown(s.hub.close)
	snap := s.current()
	fmt.Fprintf(s.opt.Stdout, "Serving %d events from %s at %s (Ctrl-C to stop)\n", snap.summary.Events, s.opt.Site.SiteDir, s.URL())

	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	if w := s.watcher; w != nil {
		s.watcher = nil
		batches := make(chan []string)
		how := "file system notifications"
		if w.polling() {
			how = "polling every " + w.interval.String()
		}
		fmt.Fprintf(s.opt.Stdout, "Watching %s and %s/ for changes (%s)\n", config.FileName, strings.Join(w.roots, "/, "), how)
		wg.Go(func() { w.run(wctx, batches) })
		wg.Go(func() { s.loop(wctx, batches) })
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(s.ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	stop()
	wg.Wait()
	s.hub.close()
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if e := srv.Shutdown(shut); err == nil {
		err = e
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// loop runs a build for each batch of changes, one at a time. Changes that
// come while a build runs cancel it: it is discarded, and the next build
// covers its changes too.
func (s *Server) loop(ctx context.Context, batches <-chan []string) {
	type running struct {
		cancel  context.CancelFunc
		done    chan buildResult
		changed []string
	}
	var cur *running
	var pending []string
	start := func() {
		bctx, cancel := context.WithCancel(ctx)
		r := &running{cancel, make(chan buildResult, 1), pending}
		pending = nil
		go func() { r.done <- s.build(bctx, r.changed) }()
		cur = r
	}
	for {
		var done chan buildResult
		if cur != nil {
			done = cur.done
		}
		select {
		case <-ctx.Done():
			if cur != nil {
				cur.cancel()
				<-cur.done
			}
			return
		case b := <-batches:
			pending = merge(pending, b)
			if cur != nil {
				cur.cancel()
			} else {
				start()
			}
		case res := <-done:
			r := cur
			cur = nil
			r.cancel()
			if ctx.Err() != nil {
				return
			}
			if errors.Is(res.err, context.Canceled) {
				pending = merge(r.changed, pending) // superseded
			} else {
				s.apply(ctx, res, r.changed)
			}
			if len(pending) > 0 {
				start()
			}
		}
	}
}

// merge returns the sorted union of two sorted lists.
func merge(a, b []string) []string {
	return slices.Compact(slices.Sorted(slices.Values(append(slices.Clip(a), b...))))
}

// buildSite runs the pipeline and renders the site in memory. changed
// lists the changes the watcher saw since the last build, nil for the
// first.
func (s *Server) buildSite(ctx context.Context, changed []string) buildResult {
	start := time.Now()
	if s.watcherSawAll(ctx, changed) {
		s.cache.Expect(changed)
	} else {
		s.cache.ExpectAnything()
	}
	r, err := site.Run(ctx, s.opt.Site)
	if err != nil {
		return buildResult{err: err, took: time.Since(start)}
	}
	lap := time.Now()
	files, _, err := r.Files(ctx, &s.cache)
	out := buildResult{res: r, files: files, render: time.Since(lap), took: time.Since(start), reused: s.cache.Stats(), err: err}
	if out.err == nil {
		out.err = ctx.Err()
	}
	return out
}

// watcherSawAll reports whether changed lists every change to the
// articles since the last build: the watcher saw them one by one (not a
// rescan after it could not watch), site.toml, which can move the content
// directory, did not change, and the content directory is one the
// watcher watches.
func (s *Server) watcherSawAll(ctx context.Context, changed []string) bool {
	if changed == nil || slices.Contains(changed, allFiles) || slices.Contains(changed, config.FileName) {
		return false
	}
	cfg, err := site.LoadConfig(ctx, s.opt.Site.SiteDir)
	if err != nil {
		return false
	}
	_, ok := watchedContent(cfg.ContentDir)
	return ok
}

// apply serves the outcome of a build: a good build becomes the snapshot
// served and browsers are told which files changed; a failed one keeps
// the last good snapshot, with the error, and browsers show it. changed
// lists the inputs that changed, for the terminal.
func (s *Server) apply(ctx context.Context, b buildResult, changed []string) {
	old := s.current()
	if b.err != nil {
		snap := *old
		snap.failure = newBuildError(b.err)
		snap.failure.at = b.took
		s.snap.Store(&snap)
		s.hub.broadcast(failedEvent(&snap))
		s.logFailure(&snap, changed)
		return
	}
	cfg := b.res.Config
	s.good++
	snap := &snapshot{
		id:       s.nonce + "." + strconv.Itoa(s.good),
		files:    b.files,
		versions: make(map[string]int, len(b.files)),
		base:     basePath(cfg.BaseURL),
		summary:  b.res.Summary,
	}
	var diff []string
	for name, data := range b.files {
		if prev, ok := old.files[name]; ok && bytes.Equal(prev, data) {
			snap.files[name] = prev // share the old bytes: one copy in memory
			snap.versions[name] = old.versions[name]
			continue
		}
		snap.versions[name] = s.good
		diff = append(diff, name)
	}
	for name := range old.files {
		if _, ok := b.files[name]; !ok {
			diff = append(diff, name)
		}
	}
	slices.Sort(diff)
	s.snap.Store(snap)
	if s.good > 1 || old.failure != nil {
		s.hub.broadcast(reloadEvent(snap, diff, snap.base != old.base))
	}
	s.logBuild(b, snap, changed, diff)
	if s.opt.Write {
		dst := s.opt.Site.Destination
		if dst == "" {
			dst = filepath.Join(s.opt.Site.SiteDir, cfg.PublishDir)
		}
		if err := b.res.Strict(false, dst); err != nil {
			fmt.Fprintf(s.opt.Stderr, "ERROR %v\n", err) // served, not written
		} else if err := b.res.PublishFiles(ctx, b.files, dst); err != nil {
			fmt.Fprintf(s.opt.Stderr, "ERROR cannot write the site to %s: %v\n", dst, err)
		} else {
			fmt.Fprintf(s.opt.Stdout, "Wrote %s\n", dst)
		}
	}
}

// basePath returns the path of a baseURL, with a slash at each end.
func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// logBuild prints what a good build did: its time per stage, what changed
// in the input and in the output, and warnings not printed before.
func (s *Server) logBuild(b buildResult, snap *snapshot, changed, diff []string) {
	w := s.opt.Stdout
	sum := b.res.Summary
	var stages []string
	for _, st := range sum.Stages {
		stages = append(stages, st.Name+" "+round(st.Duration))
	}
	stages = append(stages, "render "+round(b.render))
	for _, d := range sum.Warnings {
		if d.Severity == diag.Warning && !s.warned[d.Error()] {
			s.warned[d.Error()] = true
			fmt.Fprintf(s.opt.Stderr, "WARN  %s\n", d.Error())
		}
	}
	if s.good == 1 && changed == nil {
		fmt.Fprintf(w, "Built in %s (%s): %d articles, %d sources, %d events, %d files\n",
			round(b.took), strings.Join(stages, ", "), sum.Articles, sum.Sources, sum.Events, len(snap.files))
		return
	}
	fmt.Fprintf(w, "%s changed: rebuilt in %s (%s; %d of %d articles re-read, %d cleaned again, %d pages rendered again): %s\n",
		list(changed, 3), round(b.took), strings.Join(stages, ", "), b.reused.Parsed, b.reused.Parsed+b.reused.Reused,
		b.reused.Cleaned, b.reused.Rendered, outputChange(diff, len(snap.files)))
}

// logFailure prints a failed build's errors.
func (s *Server) logFailure(snap *snapshot, changed []string) {
	what := "Build"
	if changed != nil {
		what = list(changed, 3) + " changed: rebuild"
	}
	keep := "still serving the last good build"
	if s.good == 0 {
		keep = "serving an error page until it builds"
	}
	fmt.Fprintf(s.opt.Stderr, "%s failed in %s; %s. Fix the file and save:\n", what, round(snap.failure.at), keep)
	var be diag.BuildError
	if errors.As(snap.failure.err, &be) {
		for _, d := range be.Errors {
			fmt.Fprintf(s.opt.Stderr, "ERROR %s\n", d.Error())
		}
		return
	}
	fmt.Fprintf(s.opt.Stderr, "ERROR %s\n", snap.failure.err)
}

// outputChange says which files of the site a build changed.
func outputChange(diff []string, total int) string {
	if len(diff) == 0 {
		return fmt.Sprintf("no file of the site changed (%d files)", total)
	}
	return fmt.Sprintf("%d of %d files changed: %s", len(diff), total, list(diff, 4))
}

// list names up to n items, then says how many more there are.
func list(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// round rounds a duration for printing.
func round(d time.Duration) string {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(100 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}
