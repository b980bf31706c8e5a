package clean_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/diag"
)

// The fixtures in testdata/scrapes are hand-written scrapes of made-up
// news pages: NAME.txt, NAME.md or NAME.html is the page as saved, in one
// of several encodings and line ends; NAME.want is its main text as a
// careful reader would keep it, one paragraph, subheading or list item a
// line, in UTF-8; NAME.title, when there is one, is the article's title.
// TestFixtures cleans them all as one site, the way a build does, and
// scores the kept text against the wanted text line by line.

const (
	fixtureDir = "testdata/scrapes"
	// minFixtures is the fewest fixtures the score is worth anything on.
	minFixtures = 25
	// minPrecision and minRecall are the least line-level precision and
	// recall of the kept text over all fixtures.
	minPrecision = 0.97
	minRecall    = 0.995
	// minTitleAccuracy is the least share of .title files whose title is
	// recovered exactly.
	minTitleAccuracy = 0.9
)

// fixture is one scrape with its expected main text.
type fixture struct {
	name  string // file name in fixtureDir
	in    content.Article
	want  []string // expected lines, white space folded
	title string   // expected title, "" if no .title file
	hasT  bool
}

// score counts matched, kept and wanted lines.
type score struct{ match, kept, want int }

func (s *score) add(o score) { s.match += o.match; s.kept += o.kept; s.want += o.want }

func (s score) precision() float64 { return ratio(s.match, s.kept) }
func (s score) recall() float64    { return ratio(s.match, s.want) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func TestFixtures(t *testing.T) {
	fixtures := readFixtures(t)
	if len(fixtures) < minFixtures {
		t.Fatalf("%d fixtures read from %s, want at least %d", len(fixtures), fixtureDir, minFixtures)
	}
	articles := make([]content.Article, len(fixtures))
	for i, f := range fixtures {
		articles[i] = f.in
	}
	corpus, _ := clean.NewCorpus(context.Background(), articles) // not cancelled: no error

	type result struct {
		name           string
		format         string
		s              score
		missing, extra []string
	}
	var results []result
	byFormat := map[string]*score{}
	var total score
	titles, titlesRight := 0, 0
	var titleMisses []string
	for _, f := range fixtures {
		out := clean.Clean(f.in, corpus)
		var kept []string
		for _, b := range out.Blocks {
			if l := fold(b.Text); l != "" {
				kept = append(kept, l)
			}
		}
		r := result{name: f.name, format: f.in.Format.String()}
		r.s, r.missing, r.extra = compareLines(kept, f.want)
		results = append(results, r)
		if byFormat[r.format] == nil {
			byFormat[r.format] = &score{}
		}
		byFormat[r.format].add(r.s)
		total.add(r.s)
		if f.hasT {
			titles++
			if fold(out.Title) == f.title {
				titlesRight++
			} else {
				titleMisses = append(titleMisses, fmt.Sprintf("%s: got %q, want %q", f.name, out.Title, f.title))
			}
		}
	}

	t.Logf("%-34s %-8s %5s %5s %5s %6s %6s", "fixture", "format", "match", "kept", "want", "P", "R")
	for _, r := range results {
		t.Logf("%-34s %-8s %5d %5d %5d %6.3f %6.3f", r.name, r.format, r.s.match, r.s.kept, r.s.want, r.s.precision(), r.s.recall())
	}
	formats := make([]string, 0, len(byFormat))
	for f := range byFormat {
		formats = append(formats, f)
	}
	sort.Strings(formats)
	for _, f := range formats {
		s := byFormat[f]
		t.Logf("format %-8s lines: %d matched, %d kept, %d wanted: precision %.3f, recall %.3f", f, s.match, s.kept, s.want, s.precision(), s.recall())
	}
	t.Logf("overall over %d fixtures, %d lines wanted: precision %.3f, recall %.3f", len(fixtures), total.want, total.precision(), total.recall())
	titleAcc := ratio(titlesRight, titles)
	t.Logf("titles: %d of %d right (%.3f)", titlesRight, titles, titleAcc)

	for _, r := range results {
		if r.s.match == r.s.kept && r.s.match == r.s.want {
			continue
		}
		t.Logf("%s: precision %.3f, recall %.3f", r.name, r.s.precision(), r.s.recall())
		for _, l := range r.missing {
			t.Logf("    missing: %s", shorten(l))
		}
		for _, l := range r.extra {
			t.Logf("    extra:   %s", shorten(l))
		}
	}
	for _, m := range titleMisses {
		t.Logf("title wrong: %s", m)
	}

	if total.precision() < minPrecision || total.recall() < minRecall {
		t.Errorf("overall precision %.3f, recall %.3f; want both at least %.2f, %.2f", total.precision(), total.recall(), minPrecision, minRecall)
	}
	if titleAcc < minTitleAccuracy {
		t.Errorf("title accuracy %.3f, want at least %.2f", titleAcc, minTitleAccuracy)
	}
}

// readFixtures reads every article file of fixtureDir with content.Parse,
// as the site reader does, with its .want and .title files.
func readFixtures(t *testing.T) []fixture {
	t.Helper()
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		if e.IsDir() || ext == ".want" || ext == ".title" || strings.HasPrefix(name, ".") || name == "README.md" {
			continue
		}
		if !content.IsArticle(name) {
			t.Logf("%s: skipped: the reader does not read %s files yet", name, ext)
			continue
		}
		base := strings.TrimSuffix(name, ext)
		data, err := os.ReadFile(path.Join(fixtureDir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(path.Join(fixtureDir, base+".want"))
		if err != nil {
			t.Errorf("%s: no expected text: %v", name, err)
			continue
		}
		a, diags := content.Parse(path.Join(fixtureDir, name), data, time.UTC)
		for _, d := range diags {
			if d.Severity == diag.Error {
				t.Errorf("%s: %v", name, d)
			} else if len(a.Blocks) == 0 {
				t.Logf("%s: %v", name, d)
			}
		}
		f := fixture{name: name, in: a}
		for _, l := range strings.Split(string(want), "\n") {
			if l = fold(l); l != "" {
				f.want = append(f.want, l)
			}
		}
		if len(f.want) == 0 {
			t.Errorf("%s: %s.want is empty", name, base)
		}
		if title, err := os.ReadFile(path.Join(fixtureDir, base+".title")); err == nil {
			f.title, f.hasT = fold(string(title)), true
		}
		out = append(out, f)
	}
	return out
}

// compareLines matches kept lines against wanted lines as multisets and
// returns the counts with the wanted lines not kept and the kept lines not
// wanted, in their order.
func compareLines(kept, want []string) (s score, missing, extra []string) {
	s.kept, s.want = len(kept), len(want)
	left := map[string]int{}
	for _, l := range want {
		left[l]++
	}
	for _, l := range kept {
		if left[l] > 0 {
			left[l]--
			s.match++
		} else {
			extra = append(extra, l)
		}
	}
	for _, l := range want {
		if left[l] > 0 {
			left[l]--
			missing = append(missing, l)
		}
	}
	return s, missing, extra
}

// fold trims s and folds runs of white space into single spaces.
func fold(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 110 {
		return string(r[:107]) + "..."
	}
	return s
}
