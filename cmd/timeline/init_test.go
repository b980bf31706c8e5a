package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryInit runs "timeline init DIR", then "timeline build" in DIR,
// with the built binary: the new site builds, with events from its
// example article; a second init refuses to overwrite.
func TestBinaryInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	code, stdout, stderr := exe(t, t.TempDir(), "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"site.toml", "content/example.md", ".github/workflows/pages.yml", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("init did not create %s: %v", f, err)
		}
		if !strings.Contains(stdout, filepath.FromSlash(f)) {
			t.Errorf("init does not report %s:\n%s", f, stdout)
		}
	}

	code, stdout, stderr = exe(t, dir, "build")
	if code != 0 {
		t.Fatalf("build of the new site: exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("build of the new site warns:\n%s", stderr)
	}
	var tl struct {
		Title  string
		Events []struct {
			ID      string
			Undated bool
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &tl); err != nil {
		t.Fatal(err)
	}
	dated := 0
	for _, e := range tl.Events {
		if !e.Undated {
			dated++
		}
	}
	if tl.Title != "My timeline" || dated < 3 {
		t.Errorf("the new site: title %q, %d events, %d dated; want the example's dated events", tl.Title, len(tl.Events), dated)
	}
	for _, f := range []string{"index.html", "timelinejs.json", "robots.txt", "404.html"} {
		if _, err := os.Stat(filepath.Join(dir, "public", f)); err != nil {
			t.Errorf("the new site lacks public/%s", f)
		}
	}
	// With the workflow's --baseURL the feed and sitemap appear.
	code, _, stderr = exe(t, dir, "build", "--baseURL", "https://user.github.io/x/")
	if code != 0 {
		t.Fatalf("build --baseURL: exit %d: %s", code, stderr)
	}
	for _, f := range []string{"feed.xml", "sitemap.xml"} {
		if b, err := os.ReadFile(filepath.Join(dir, "public", f)); err != nil || !strings.Contains(string(b), "https://user.github.io/x/events/") {
			t.Errorf("public/%s missing or without the base URL: %v", f, err)
		}
	}

	// init again: nothing overwritten, a clear error, exit 1.
	example := filepath.Join(dir, "content", "example.md")
	os.WriteFile(example, []byte("my own article\n"), 0o644)
	code, _, stderr = exe(t, dir, "init")
	if code != 1 || !strings.Contains(stderr, "already has") || !strings.Contains(stderr, "content/example.md") || !strings.Contains(stderr, "not overwriting") {
		t.Errorf("init over a site: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(example); string(b) != "my own article\n" {
		t.Errorf("init overwrote content/example.md")
	}
	if code, _, stderr := exe(t, dir, "init", "a", "b"); code != 2 || !strings.Contains(stderr, `unexpected argument "b"`) {
		t.Errorf("init a b: exit %d, stderr %q", code, stderr)
	}
}
