package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scrape is a made-up scraped article: site chrome around a story.
func scrape(menu, title string, paragraphs ...string) string {
	return menu + "\n\n" + title + "\n\n" + strings.Join(paragraphs, "\n\n") + "\n\nShare this story\n\n© 2024 Valley Courier. All rights reserved.\n"
}

const menu = "Home | News | Sport | Weather | Contact"

var (
	bridge = []string{
		"The county board voted 5 to 2 on Tuesday to close the Mill Street bridge for repairs starting in March, after inspectors found corrosion in two of its steel supports.",
		"Drivers will be sent over the Fairview crossing, adding about ten minutes to the commute for most residents, the board's transport chair said after the vote.",
		"The repairs are expected to cost $4.2 million and to last until the end of the summer, according to the engineering firm that carried out the inspection.",
	}
	library = []string{
		"The public library on Oak Avenue will open on Sundays from next month, the city's cultural office said, reversing a cut made three years ago.",
		"Volunteers from the reading club will staff the front desk on weekend mornings, and the children's room will host a story hour at eleven.",
		"Attendance at the branch has doubled since the reading room was renovated, a librarian said, with students filling the tables during exam weeks.",
	}
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBinaryExtract(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bridge.txt":  scrape(menu, "Board votes to close Mill Street bridge", bridge...),
		"library.txt": scrape(menu, "Library to open on Sundays", library...),
		"empty.txt":   "",
	})
	code, stdout, stderr := exe(t, dir, "extract", "bridge.txt", "library.txt", "empty.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "empty.txt: skipped: empty file") {
		t.Errorf("no warning for the empty file: %q", stderr)
	}
	for _, want := range []string{"==> bridge.txt <==\n" + bridge[0], bridge[2], "==> library.txt <==\n" + library[0], library[2]} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	for _, chrome := range []string{menu, "Share this story", "All rights reserved", "Board votes to close"} {
		if strings.Contains(stdout, chrome) {
			t.Errorf("output keeps %q:\n%s", chrome, stdout)
		}
	}

	// --json, with flags after the files.
	code, stdout, stderr = exe(t, dir, "extract", "bridge.txt", "library.txt", "--json")
	if code != 0 {
		t.Fatalf("--json: exit %d: %s", code, stderr)
	}
	var recs []struct {
		File     string
		Title    string
		MetaFrom map[string]string
		Text     string
		Blocks   []struct {
			Line int
			Text string
		}
		Removed []struct {
			Line   int
			Reason string
			Text   string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &recs); err != nil || len(recs) != 2 {
		t.Fatalf("--json: %v, %d records:\n%s", err, len(recs), stdout)
	}
	r := recs[0]
	if r.File != "bridge.txt" || r.Title != "Board votes to close Mill Street bridge" || r.MetaFrom["title"] != "headline" {
		t.Errorf("record = %+v", r)
	}
	if len(r.Blocks) != 3 || r.Blocks[0].Line != 5 || r.Blocks[0].Text != bridge[0] {
		t.Errorf("blocks = %+v", r.Blocks)
	}
	removed := map[int]bool{}
	for _, x := range r.Removed {
		if x.Reason == "" {
			t.Errorf("removal without a reason: %+v", x)
		}
		removed[x.Line] = true
	}
	if !removed[1] || !removed[3] || !removed[11] {
		t.Errorf("removed lines %v, want the menu (1), title (3) and share line (11)", removed)
	}

	// --out writes NAME.txt per file.
	code, _, stderr = exe(t, dir, "extract", "--out", "texts", "bridge.txt", "library.txt")
	if code != 0 {
		t.Fatalf("--out: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "texts", "library.txt"))
	if err != nil || string(b) != strings.Join(library, "\n\n")+"\n" {
		t.Errorf("texts/library.txt = %q, %v", b, err)
	}

	// Usage and read errors.
	if code, _, stderr := exe(t, dir, "extract"); code != exitUsage || !strings.Contains(stderr, "no files given") {
		t.Errorf("no files: exit %d, %q", code, stderr)
	}
	if code, stdout, stderr := exe(t, dir, "extract", "missing.txt", "bridge.txt"); code != exitBuild ||
		!strings.Contains(stderr, "missing.txt: cannot read") || !strings.Contains(stdout, bridge[0]) {
		t.Errorf("missing file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestBinarySources(t *testing.T) {
	dir := t.TempDir()
	copyText := scrape("Front page | Local | Opinion | Obituaries", "Mill Street bridge to shut in March", bridge...)
	writeFiles(t, dir, map[string]string{
		"site.toml":           "title = \"Test\"\n",
		"content/bridge.md":   "+++\ntitle = \"Board votes to close Mill Street bridge\"\npublisher = \"Valley Courier\"\ndate = 2024-02-06\n+++\n\n" + strings.Join(bridge, "\n\n") + "\n",
		"content/copy.txt":    copyText,
		"content/library.txt": scrape(menu, "Library to open on Sundays", library...),
		"content/library-rewrite.md": "+++\ntitle = \"Sunday opening for Oak Avenue library\"\n+++\n\n" +
			"From next month the Oak Avenue library will be open on Sundays, reversing a cut made three years ago, the city's cultural office said.\n\n" +
			library[1] + "\n\nStudents fill its tables in exam weeks and visits have doubled since the renovation, staff said.\n",
	})
	code, stdout, stderr := exe(t, dir, "sources")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"bridge\n  file       content/bridge.md (canonical)\n  copy       content/copy.txt (containment 1.00)\n",
		"  title      Board votes to close Mill Street bridge [front matter]\n",
		"  publisher  Valley Courier [front matter]\n",
		"  date       2024-02-06 [front matter]\n",
		"library\n  file       content/library.txt (canonical)\n",
		"  title      Library to open on Sundays [headline]\n",
		"  removed    line 1 (1 block): ",
		"  related    library-rewrite (similarity ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, stderr = exe(t, dir, "sources", "--json")
	if code != 0 {
		t.Fatalf("--json: exit %d: %s", code, stderr)
	}
	var recs []struct {
		ID     string
		Copies []struct {
			File        string
			Containment float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &recs); err != nil || len(recs) != 3 {
		t.Fatalf("--json: %v, %d records", err, len(recs))
	}
	if recs[0].ID != "bridge" || len(recs[0].Copies) != 1 || recs[0].Copies[0].File != "content/copy.txt" || recs[0].Copies[0].Containment < 0.9 {
		t.Errorf("bridge = %+v", recs[0])
	}
}

// TestBinaryBuildShowsCopiesAndRelated checks that a build carries the
// duplicate evidence and related sources to timeline.json and the source
// pages.
func TestBinaryBuildShowsCopiesAndRelated(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"site.toml":           "title = \"Test\"\n",
		"content/bridge.md":   "+++\ntitle = \"Board votes to close Mill Street bridge\"\npublisher = \"Valley Courier\"\n+++\n\n" + strings.Join(bridge, "\n\n") + "\n",
		"content/copy.txt":    scrape("Front page | Local | Opinion", "Mill Street bridge to shut in March", bridge...),
		"content/library.txt": scrape(menu, "Library to open on Sundays", library...),
		"content/library-rewrite.md": "+++\ntitle = \"Sunday opening for Oak Avenue library\"\n+++\n\n" +
			"From next month the Oak Avenue library will be open on Sundays, reversing a cut made three years ago, the city's cultural office said.\n\n" +
			library[1] + "\n\nStudents fill its tables in exam weeks and visits have doubled since the renovation, staff said.\n",
	})
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Sources []struct {
			ID     string
			Copies []struct {
				File        string
				Containment float64
			}
			Related []struct {
				ID         string
				Similarity float64
			}
		}
	}
	if err := json.Unmarshal(b, &tl); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range tl.Sources {
		got[s.ID] = fmt.Sprint(len(s.Copies), len(s.Related))
		if s.ID == "bridge" && (len(s.Copies) != 1 || s.Copies[0].File != "content/copy.txt" || s.Copies[0].Containment < 0.9) {
			t.Errorf("bridge copies = %+v", s.Copies)
		}
		if s.ID == "library" && (len(s.Related) != 1 || s.Related[0].ID != "library-rewrite" || s.Related[0].Similarity <= 0) {
			t.Errorf("library related = %+v", s.Related)
		}
	}
	if len(got) != 3 {
		t.Errorf("sources = %v, want bridge, library, library-rewrite", got)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "public", "sources", "library", "index.html"))
	if !strings.Contains(string(page), `Closely related sources`) || !strings.Contains(string(page), `sources/library-rewrite/`) {
		t.Error("library's page does not list its related source")
	}
}

// TestBinaryShowsBidiNamesVisibly checks that a right-to-left override
// in a file name is shown as <U+202E> in warnings and in what sources
// and extract print, so it cannot reorder the text around it.
func TestBinaryShowsBidiNamesVisibly(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"site.toml":                 "title = \"Test\"\n",
		"content/empty\u202etxt.md": "",
		"content/bri\u202edge.txt":  scrape(menu, "Board votes to close Mill Street bridge", bridge...),
		"content/library.txt":       scrape(menu, "Library to open on Sundays", library...),
	})
	code, stdout, stderr := exe(t, dir, "sources")
	if code != 0 {
		t.Fatalf("sources: exit %d: %s", code, stderr)
	}
	if want := "WARN  content/empty<U+202E>txt.md: skipped: empty file"; !strings.Contains(stderr, want) {
		t.Errorf("sources: stderr %q lacks %q", stderr, want)
	}
	if want := "file       content/bri<U+202E>dge.txt (canonical)"; !strings.Contains(stdout, want) {
		t.Errorf("sources: output lacks %q:\n%s", want, stdout)
	}
	code, stdout, stderr = exe(t, dir, "extract", "content/bri\u202edge.txt", "content/library.txt", "content/empty\u202etxt.md")
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	if want := "WARN  content/empty<U+202E>txt.md: skipped: empty file"; !strings.Contains(stderr, want) {
		t.Errorf("extract: stderr %q lacks %q", stderr, want)
	}
	if want := "==> content/bri<U+202E>dge.txt <=="; !strings.Contains(stdout, want) {
		t.Errorf("extract: output lacks %q:\n%s", want, stdout)
	}
	if strings.ContainsRune(stdout+stderr, '\u202e') {
		t.Error("a right-to-left override reached the output")
	}
}
