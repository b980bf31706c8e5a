package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/cdp"
)

// The browser tests need Chromium:
//
//	TIMELINE_CHROMIUM  the browser (default: chromium on the PATH, then /usr/bin/chromium)
//	TIMELINE_BROWSER   "required" fails the tests, instead of skipping them, when
//	                   it is missing (.ci/run sets it)

// pageTimeout is how long a page may take to load in the browser tests.
const pageTimeout = 15 * time.Second

// demoSite copies the repository's demo site into a temporary directory.
func demoSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "site.toml"), string(data))
	entries, err := os.ReadDir(filepath.Join(root, "content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			data, err := os.ReadFile(filepath.Join(root, "content", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "content", e.Name()), string(data))
		}
	}
	return dir
}

// TestBrowserLiveReloadLetsGo serves the demo site with live reload and
// loads its pages in headless Chromium, which allows six connections to a
// host and keeps the pages navigated away from in its back/forward cache:
// ten pages one after another in one tab, then eight tabs at once, all
// load, and an edit still reloads every tab. Without Web Locks (outside a
// secure context) each page has its own event stream: ten pages in one
// tab still load, as each page closes its stream when it is left.
func TestBrowserLiveReloadLetsGo(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	exe := cdp.Chromium(t)
	dir := demoSite(t)
	s := start(t, Options{Site: siteOptions(dir), Watch: true})
	urls := demoPages(t, s, 10)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	b, err := cdp.Launch(ctx, exe)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	// oneTab loads every page of urls in p, one after another.
	oneTab := func(what string, p *cdp.Page) {
		t.Helper()
		for i, u := range urls {
			if err := load(ctx, p, u); err != nil {
				t.Fatalf("%s: page %d of %d (%s): %v (%d event streams open)", what, i+1, len(urls), u, err, s.hub.count())
			}
		}
		t.Logf("%s: %d pages loaded one after another, %d event streams open", what, len(urls), s.hub.count())
	}

	solo, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Hide Web Locks, as outside a secure context: each page its own stream.
	if err := solo.AddScript(ctx, `Object.defineProperty(Navigator.prototype, "locks", {get: () => undefined})`); err != nil {
		t.Fatal(err)
	}
	oneTab("one tab, a stream per page", solo)
	if err := solo.Close(ctx); err != nil {
		t.Fatal(err)
	}

	first, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	oneTab("one tab", first)

	tabs := []*cdp.Page{first}
	for range 8 {
		p, err := b.NewPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tabs = append(tabs, p)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(tabs))
	for i, p := range tabs[1:] {
		wg.Go(func() { errs[i+1] = load(ctx, p, urls[i%len(urls)]) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("tab %d of 8 opened at once (%s): %v", i, urls[(i-1)%len(urls)], err)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	t.Logf("8 tabs opened at once loaded, %d event streams open", s.hub.count())
	time.Sleep(500 * time.Millisecond) // for the streams to open
	if n := s.hub.count(); n > 2 {
		t.Errorf("9 tabs keep %d event streams open, want them to share one", n)
	}

	// An edit reloads every tab: the one with the stream and those it
	// passes the events to.
	for _, p := range tabs {
		if err := p.Evaluate(ctx, `window.timelineMark = true`, nil); err != nil {
			t.Fatal(err)
		}
	}
	toml := filepath.Join(dir, "site.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	write(t, toml, strings.Replace(string(data), "title = \"", "title = \"Edited: ", 1))
	deadline := time.Now().Add(30 * time.Second)
	for i, p := range tabs {
		for {
			var title string
			ectx, cancel := context.WithTimeout(ctx, time.Until(deadline)+time.Second)
			err := p.Evaluate(ectx, `document.readyState === "complete" && !window.timelineMark ? document.title : ""`, &title)
			cancel()
			if err == nil && strings.Contains(title, "Edited: ") {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("tab %d did not reload with the edited title within 30s (title %q, %v)", i, title, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Logf("an edit reloaded all %d tabs, %d event streams open", len(tabs), s.hub.count())
}

// load loads url in p and waits until its document is complete, for
// pageTimeout at most.
func load(ctx context.Context, p *cdp.Page, url string) error {
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	if err := p.Navigate(ctx, url); err != nil {
		return fmt.Errorf("not loaded within %s: %w", pageTimeout, err)
	}
	var state string
	if err := p.Evaluate(ctx, `document.readyState`, &state); err != nil {
		return err
	}
	if state != "complete" {
		return fmt.Errorf("document.readyState %q after the load event", state)
	}
	return nil
}

// demoPages returns the addresses of n pages of the site served by s:
// the timeline, then its event and source pages in turn.
func demoPages(t *testing.T, s *Server, n int) []string {
	t.Helper()
	resp, err := http.Get(s.URL() + "timeline.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Events  []struct{ ID string }
		Sources []struct{ ID string }
	}
	if err := json.Unmarshal(data, &tl); err != nil {
		t.Fatalf("timeline.json: %v", err)
	}
	all := []string{s.URL()}
	for i := 0; i < len(tl.Events) || i < len(tl.Sources); i++ {
		if i < len(tl.Events) {
			all = append(all, s.URL()+"events/"+tl.Events[i].ID+"/")
		}
		if i < len(tl.Sources) {
			all = append(all, s.URL()+"sources/"+tl.Sources[i].ID+"/")
		}
	}
	var urls []string
	for i := range n {
		urls = append(urls, all[i%len(all)])
	}
	return urls
}
