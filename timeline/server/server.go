// Package server serves a built site locally for previewing, and with
// watching on, rebuilds it when its content, theme or configuration
// changes. The site is built into a private temporary directory, never into
// the site's publish directory.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/timeline-ssg/timeline/timeline/config"
	"github.com/timeline-ssg/timeline/timeline/content"
	"github.com/timeline-ssg/timeline/timeline/site"
)

// Options configure Run.
type Options struct {
	// Site says what to build; its Destination is ignored.
	Site site.Options
	Bind string
	Port int
	// Watch rebuilds the site when files under the site change.
	Watch bool
	// Stdout and Stderr receive progress and errors.
	Stdout, Stderr io.Writer
}

// debounce is how long the watcher waits for more changes before it
// rebuilds, so an editor's burst of writes causes one build.
const debounce = 100 * time.Millisecond

// Run builds the site, serves it until ctx is done, and rebuilds on
// changes when opt.Watch is set. A failed rebuild keeps the last good site
// served.
func Run(ctx context.Context, opt Options) error {
	dir, err := os.MkdirTemp("", "timeline-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	root := filepath.Join(dir, "site")

	r, err := site.Run(ctx, opt.Site)
	if err != nil {
		return err
	}
	if _, err := site.Publish(ctx, r, root); err != nil {
		return err
	}
	base := "/"
	if u, err := url.Parse(r.Config.BaseURL); err == nil && u.Path != "" {
		base = u.Path
	}
	addr := net.JoinHostPort(opt.Bind, strconv.Itoa(opt.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d on %s is in use: choose another with --port", opt.Port, opt.Bind)
		}
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: Handler(root, base), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(opt.Stdout, "Serving %d events from %s at http://%s%s (Ctrl-C to stop)\n", r.Summary.Events, opt.Site.SiteDir, ln.Addr(), base)

	var wg sync.WaitGroup
	if opt.Watch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := watch(ctx, opt, root); err != nil {
				fmt.Fprintf(opt.Stderr, "watch: %v\n", err)
			}
		}()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err := <-errc:
		return err
	}
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	wg.Wait()
	return nil
}

// Handler serves the directory root under the URL path prefix base. A
// missing file gets the site's 404.html with status 404. Paths are cleaned
// before use, so no request reaches outside root.
func Handler(root, base string) http.Handler {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	files := http.FileServer(http.Dir(root))
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		p := req.URL.Path
		if !strings.HasPrefix(p, base) {
			if p == "/" {
				http.Redirect(w, req, base, http.StatusFound)
				return
			}
			notFound(w, root)
			return
		}
		rel := path.Clean("/" + strings.TrimPrefix(p, base))
		full := filepath.Join(root, filepath.FromSlash(rel))
		st, err := os.Lstat(full)
		if err != nil || st.Mode()&os.ModeSymlink != 0 {
			notFound(w, root)
			return
		}
		if st.IsDir() {
			if _, err := os.Stat(filepath.Join(full, "index.html")); err != nil {
				notFound(w, root)
				return
			}
		}
		r2 := req.Clone(req.Context())
		r2.URL.Path = rel
		if st.IsDir() && !strings.HasSuffix(rel, "/") {
			r2.URL.Path = rel + "/"
			if !strings.HasSuffix(p, "/") {
				http.Redirect(w, req, p+"/", http.StatusMovedPermanently)
				return
			}
		}
		w.Header().Set("Cache-Control", "no-store")
		files.ServeHTTP(w, r2)
	})
}

func notFound(w http.ResponseWriter, root string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if page, err := os.ReadFile(filepath.Join(root, "404.html")); err == nil {
		w.Write(page)
		return
	}
	io.WriteString(w, "<!doctype html><title>Not found</title><h1>Not found</h1>")
}

// watch rebuilds the site into root whenever a file that affects it
// changes, until ctx is done.
func watch(ctx context.Context, opt Options, root string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	siteDir := opt.Site.SiteDir
	addTree := func(dir string) {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != dir && content.Ignored(d.Name()) {
					return filepath.SkipDir
				}
				w.Add(p)
			}
			return nil
		})
	}
	cfg, _ := config.Load(siteDir)
	if cfg.ContentDir == "" {
		cfg = config.Default()
	}
	w.Add(siteDir) // site.toml
	addTree(filepath.Join(siteDir, cfg.ContentDir))
	addTree(filepath.Join(siteDir, "themes"))

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			fmt.Fprintf(opt.Stderr, "watch: %v\n", err)
		case ev := <-w.Events:
			name := filepath.Base(ev.Name)
			if content.Ignored(name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					addTree(ev.Name)
				}
			}
			timer.Reset(debounce)
		case <-timer.C:
			start := time.Now()
			r, err := site.Run(ctx, opt.Site)
			if err == nil {
				_, err = site.Publish(ctx, r, root)
			}
			if err != nil {
				fmt.Fprintf(opt.Stderr, "rebuild failed, still serving the last good site:\n%v\n", err)
				continue
			}
			fmt.Fprintf(opt.Stdout, "Rebuilt in %s: %d events from %d sources\n", time.Since(start).Round(time.Millisecond), r.Summary.Events, r.Summary.Sources)
		}
	}
}
