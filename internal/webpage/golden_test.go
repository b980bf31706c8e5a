package webpage

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// update makes TestGolden write the golden files instead of comparing.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden extracts each page in testdata/golden and compares the whole
// result, metadata and blocks, with the .txt file beside it. Run with
// -update to rewrite the .txt files after a deliberate change, and read
// the diff.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/golden/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no golden pages: %v", err)
	}
	for _, path := range pages {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page, err := Extract(data)
			if err != nil {
				t.Fatal(err)
			}
			got := describe(page)
			golden := strings.TrimSuffix(path, ".html") + ".txt"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the extraction:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

// describe writes a page as the golden files hold it: one metadata field
// a line, then one block a line with its source line and kind.
func describe(p Page) string {
	var b strings.Builder
	field := func(name, val string) {
		if val != "" {
			fmt.Fprintf(&b, "%-12s %s\n", name+":", val)
		}
	}
	field("title", p.Title)
	field("publisher", p.SiteName)
	field("author", p.Author)
	field("url", p.URL)
	field("description", p.Description)
	if p.HasPublished {
		date := p.Published.Format(time.RFC3339)
		if p.DateOnly {
			date = p.Published.Format(time.DateOnly) + " (date only)"
		}
		field("published", date)
	}
	field("lang", p.Lang)
	var from []string
	for k, v := range p.MetaFrom {
		from = append(from, k+" from "+v)
	}
	sort.Strings(from)
	for _, f := range from {
		field("source", f)
	}
	b.WriteString("\n")
	for _, bl := range p.Blocks {
		fmt.Fprintf(&b, "%4d %-9s %s\n", bl.Line, bl.Kind, bl.Text)
	}
	return b.String()
}
