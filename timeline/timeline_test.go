package timeline_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/timeline"
)

// site writes files (path → content) into a new site directory.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const article = "+++\ntitle = \"Bridge reopens\"\ndate = 2024-03-04\n+++\n\nThe city reopened the Main Street bridge on Monday after two years of repairs, the mayor said.\n\nTraffic returned to the bridge within an hour, police said.\n"

// TestBuildErrors checks that input errors and strict builds come back as
// this package's error types, naming file and line, and publish nothing.
func TestBuildErrors(t *testing.T) {
	t.Run("input error", func(t *testing.T) {
		dir := site(t, map[string]string{"site.toml": "title = \"x\"\n[events]\nlink = \"high\"\n", "content/a.md": article})
		_, err := timeline.Build(t.Context(), timeline.Options{SiteDir: dir})
		var be *timeline.BuildError
		if !errors.As(err, &be) {
			t.Fatalf("err = %v (%T), want a *timeline.BuildError", err, err)
		}
		if len(be.Errors) != 1 || be.Errors[0].File != "site.toml" || be.Errors[0].Line != 3 || be.Errors[0].Warning {
			t.Fatalf("errors = %+v, want one error at site.toml:3", be.Errors)
		}
		if !strings.Contains(err.Error(), "site.toml:3") {
			t.Errorf("message %q does not name site.toml:3", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Errorf("public/ exists after a failed build")
		}
	})
	t.Run("input error beside a warning", func(t *testing.T) {
		dir := site(t, map[string]string{"site.toml": "title = \"x\"\n", "content/a.md": article,
			"content/bad.md": "+++\ndate = \"yesterday\"\n+++\n\nText.\n", "content/empty.md": "+++\ntitle = \"Nothing\"\n+++\n"})
		sum, err := timeline.Build(t.Context(), timeline.Options{SiteDir: dir})
		var be *timeline.BuildError
		if !errors.As(err, &be) || len(be.Errors) != 1 || be.Errors[0].File != filepath.Join("content", "bad.md") {
			t.Fatalf("err = %v, want one error naming content/bad.md", err)
		}
		if len(sum.Warnings) != 1 || sum.Warnings[0].File != filepath.Join("content", "empty.md") || !sum.Warnings[0].Warning {
			t.Errorf("warnings = %+v, want the one about content/empty.md", sum.Warnings)
		}
	})
	t.Run("strict", func(t *testing.T) {
		dir := site(t, map[string]string{"site.toml": "title = \"x\"\n", "content/a.md": article, "content/empty.md": "+++\ntitle = \"Nothing\"\n+++\n"})
		sum, err := timeline.Build(t.Context(), timeline.Options{SiteDir: dir, Strict: true})
		var se *timeline.StrictError
		if !errors.As(err, &se) {
			t.Fatalf("err = %v (%T), want a *timeline.StrictError", err, err)
		}
		if !se.Flag || len(se.Warnings) == 0 || se.Warnings[0].File != filepath.Join("content", "empty.md") || !se.Warnings[0].Warning {
			t.Fatalf("strict error = %+v, want a warning naming content/empty.md", se)
		}
		if len(sum.Warnings) != len(se.Warnings) {
			t.Errorf("summary has %d warnings, the error %d", len(sum.Warnings), len(se.Warnings))
		}
		if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
			t.Errorf("public/ exists after a strict build with warnings")
		}
	})
	t.Run("good", func(t *testing.T) {
		dir := site(t, map[string]string{"site.toml": "title = \"x\"\n", "content/a.md": article})
		sum, err := timeline.Build(t.Context(), timeline.Options{SiteDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Articles != 1 || sum.Events == 0 || sum.Destination != filepath.Join(dir, "public") || len(sum.Stages) == 0 {
			t.Fatalf("summary = %+v", sum)
		}
		if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
			t.Error(err)
		}
	})
}

// TestServeReady serves a site on a port of the system's choosing, learns
// its address from Ready, fetches the timeline page, and stops.
func TestServeReady(t *testing.T) {
	dir := site(t, map[string]string{"site.toml": "title = \"Bridge story\"\n", "content/a.md": article})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- timeline.Serve(ctx, timeline.ServeOptions{Options: timeline.Options{SiteDir: dir}, Port: 0,
			Ready: func(url string) { ready <- url }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("Serve returned before it was ready: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("Serve was not ready within 30 s")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Bridge story") {
		t.Errorf("GET %s: %s, page without the site's title", url, resp.Status)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve after cancel: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("Serve wrote public/")
	}
}

// TestBuildFromMemory builds a site whose files are in memory.
func TestBuildFromMemory(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "out")
	files := fstest.MapFS{
		"site.toml":    {Data: []byte("title = \"In memory\"\n")},
		"content/a.md": {Data: []byte(article)},
	}
	sum, err := timeline.Build(t.Context(), timeline.Options{Files: files, Destination: dst})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dst, "index.html"))
	if err != nil || sum.Articles != 1 || !strings.Contains(string(page), "In memory") {
		t.Fatalf("summary %+v, index.html without the site's title (%v)", sum, err)
	}
}
