package site

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// demoSite copies the repository's demo site (site.toml and content/) into
// a temporary directory and returns it.
func demoSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "content"), filepath.Join(dir, "content"))
	data, err := os.ReadFile(filepath.Join("..", "..", "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "site.toml"), string(data))
	return dir
}

// demoFiles returns the repository's demo site (site.toml and content/)
// in memory, to read as Options.Files or, under content/, as a content
// directory. Each call gives a copy that the caller may change.
func demoFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	demoOnce.Do(func() {
		demo, demoErr = readTree(filepath.Join("..", ".."), "site.toml", "content")
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	files := fstest.MapFS{}
	for name, f := range demo {
		c := *f
		files[name] = &c
	}
	return files
}

var (
	demoOnce sync.Once
	demo     fstest.MapFS
	demoErr  error
)

// readTree reads the named files and directories of dir into memory.
func readTree(dir string, names ...string) (fstest.MapFS, error) {
	files := fstest.MapFS{}
	root := os.DirFS(dir)
	for _, name := range names {
		err := fs.WalkDir(root, name, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(root, p)
			files[p] = &fstest.MapFile{Data: b, Mode: 0o644}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// mapFiles returns files, by slash path, with their text, in memory.
func mapFiles(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	return m
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// timelineJSON is the part of timeline.json the tests read.
type timelineJSON struct {
	Events []struct {
		ID, Title, Date string
		Undated         bool
		Citations       []struct {
			Source, Text, Anchor string
			Start, End           int
		}
	}
	Sources []struct {
		ID, Title, File, Text string
		Duplicates            []string
	}
}

func TestBuildDemoSite(t *testing.T) {
	dir := demoSite(t)
	sum, err := Build(context.Background(), Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	var tl timelineJSON
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(pub, "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 5 || sum.Sources != 4 || sum.Copies != 1 {
		t.Errorf("summary: %d articles, %d sources, %d copies; want 5, 4, 1 (one duplicate pair)", sum.Articles, sum.Sources, sum.Copies)
	}
	if len(tl.Events) < 3 || sum.Events != len(tl.Events) {
		t.Fatalf("%d events in timeline.json, summary says %d", len(tl.Events), sum.Events)
	}

	// The index lists every event, in timeline order.
	index := readFile(t, filepath.Join(pub, "index.html"))
	last := -1
	for _, ev := range tl.Events {
		at := strings.Index(index, "events/"+ev.ID+"/")
		if at < 0 {
			t.Fatalf("index does not link event %s", ev.ID)
		}
		if at < last {
			t.Errorf("index lists event %s out of timeline order", ev.ID)
		}
		last = at
		if !strings.Contains(index, html.EscapeString(ev.Title)) {
			t.Errorf("index lacks the title %q", ev.Title)
		}
	}
	// Timeline order: dated events by date; undated ones where the
	// narrative places them among them.
	prev := ""
	for _, ev := range tl.Events {
		if ev.Undated {
			continue
		}
		if ev.Date < prev {
			t.Errorf("event %s dated %s after one dated %s", ev.ID, ev.Date, prev)
		}
		prev = ev.Date
	}

	sources := map[string]string{}
	for _, s := range tl.Sources {
		sources[s.ID] = s.Text
	}
	merged := 0
	for _, s := range tl.Sources {
		merged += len(s.Duplicates)
	}
	if merged != 1 {
		t.Errorf("%d duplicate copies listed on sources, want 1", merged)
	}
	multi := 0
	for _, ev := range tl.Events {
		page := readFile(t, filepath.Join(pub, "events", ev.ID, "index.html"))
		srcs := map[string]bool{}
		for _, c := range ev.Citations {
			srcs[c.Source] = true
			// Each citation is verbatim from the source's cleaned text, at its offsets.
			if text := sources[c.Source]; c.End > len(text) || text[c.Start:c.End] != c.Text {
				t.Errorf("event %s: citation %q is not at %d:%d of source %s", ev.ID, c.Text, c.Start, c.End, c.Source)
			}
			// The event page quotes it and links to the sentence on the source page.
			if !strings.Contains(page, html.EscapeString(c.Text)) {
				t.Errorf("event page %s does not quote %q", ev.ID, c.Text)
			}
			link := "../../sources/" + c.Source + "/index.html#" + c.Anchor // the demo has relativeURLs
			if !strings.Contains(page, link) {
				t.Errorf("event page %s does not link %s", ev.ID, link)
			}
			// The source page highlights and anchors the cited sentence.
			src := readFile(t, filepath.Join(pub, "sources", c.Source, "index.html"))
			mark := `<span id="` + c.Anchor + `" class="cited"><mark>` + html.EscapeString(c.Text) + `</mark>`
			if !strings.Contains(src, mark) {
				t.Errorf("source page %s does not highlight %q as %s", c.Source, c.Text, c.Anchor)
			}
		}
		if len(srcs) >= 3 {
			multi++
		}
	}
	if multi == 0 {
		t.Error("no event cites three or more sources; the three reports of the visit should corroborate one")
	}
	for _, f := range []string{"404.html", "style.css", ".nojekyll"} {
		if _, err := os.Stat(filepath.Join(pub, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := demoSite(t)
	a, b := filepath.Join(dir, "out-a"), filepath.Join(dir, "out-b")
	for _, dst := range []string{a, b} {
		if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: dst}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) == 0 {
		t.Fatal("empty site")
	}
	for p, x := range ta {
		if y, ok := tb[p]; !ok {
			t.Errorf("%s only in the first build", p)
		} else if !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds", p)
		}
	}
	for p := range tb {
		if _, ok := ta[p]; !ok {
			t.Errorf("%s only in the second build", p)
		}
	}
}

func tree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out[rel], _ = os.ReadFile(p)
		}
		return nil
	})
	return out
}

func TestBadInputKeepsPreviousSite(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		where  string // file:line the error must name
	}{
		{"malformed site.toml", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "site.toml"), "title = \"Demo\"\nbaseURL = \"https://example.org/\"\ntitel = \"typo\"\n")
		}, "site.toml:3"},
		{"malformed front matter", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "content", "zz-new.md"), "+++\ntitle = \"New\"\ndate = 2023-13-45\n+++\nBody text of the new article.\n")
		}, "content/zz-new.md:3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := demoSite(t)
			if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
				t.Fatal(err)
			}
			pub := filepath.Join(dir, "public")
			before := tree(t, pub)
			tt.break_(t, dir)
			_, err := Build(context.Background(), Options{SiteDir: dir})
			if err == nil {
				t.Fatal("build of bad input succeeded")
			}
			var d diag.Diagnostic
			var be diag.BuildError
			switch {
			case errors.As(err, &be):
				d = be.Errors[0]
			case !errors.As(err, &d):
				t.Fatalf("error %v carries no file and line", err)
			}
			if !strings.HasPrefix(d.Error(), tt.where+":") {
				t.Errorf("error %q, want it to start with %s:", d.Error(), tt.where)
			}
			after := tree(t, pub)
			if len(after) != len(before) {
				t.Errorf("public/ has %d files after the failed build, %d before", len(after), len(before))
			}
			for p, b := range before {
				if !bytes.Equal(after[p], b) {
					t.Errorf("public/%s changed by the failed build", p)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") {
					t.Errorf("temporary %s left behind", e.Name())
				}
			}
		})
	}
}

func TestThemeOverridesFileByFile(t *testing.T) {
	dir := demoSite(t)
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"Demo\"\ntheme = \"mine\"\n")
	writeFile(t, filepath.Join(dir, "themes", "mine", "static", "style.css"), "body { color: rebeccapurple }\n")
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	if css := readFile(t, filepath.Join(dir, "public", "style.css")); !strings.Contains(css, "rebeccapurple") {
		t.Errorf("site theme's style.css not used: %q", css)
	}
	if idx := readFile(t, filepath.Join(dir, "public", "index.html")); !strings.Contains(idx, "<h1") {
		t.Error("built-in layouts not used where the site theme has none")
	}
	writeFile(t, filepath.Join(dir, "site.toml"), "theme = \"missing\"\n")
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing theme: err = %v", err)
	}
}

func BenchmarkBuildDemo(b *testing.B) {
	dir := b.TempDir()
	t := &testing.T{}
	_ = t
	copyTreeB(b, filepath.Join("..", "..", "content"), filepath.Join(dir, "content"))
	for b.Loop() {
		if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: filepath.Join(dir, "public")}); err != nil {
			b.Fatal(err)
		}
	}
}

func copyTreeB(b *testing.B, from, to string) {
	entries, err := os.ReadDir(from)
	if err != nil {
		b.Fatal(err)
	}
	os.MkdirAll(to, 0o755)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(from, e.Name()))
		os.WriteFile(filepath.Join(to, e.Name()), data, 0o644)
	}
}
