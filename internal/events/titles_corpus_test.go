package events

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/dedup"
)

// t17Sample is how many articles of each Timeline17 topic
// TestCorpusTitlesWhole reads, the first by file name: the whole of the
// topics takes too long for a unit test.
const t17Sample = 60

// TestCorpusTitlesWhole builds the events of every corpus there is (the
// demo site, the second test corpus, the labelled corpora and a sample of
// each Timeline17 topic from ../shared, skipped when it is missing) and
// fails on any title that is cut off ("…", "..."), longer than maxTitle
// or not the title its basis gives, on any summary that repeats the
// sentence its title was composed from when the event has another to
// tell, and on a labelled corpus titled differently the second time.
func TestCorpusTitlesWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every corpus")
	}
	cfg := config.Default()
	opt := Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource}
	sites := []struct {
		dir    string
		sample int
	}{{"../..", 0}, {"../../testdata/corpus2", 0}}
	shared := filepath.Join("..", "..", "..", "shared", "corpora")
	for _, pattern := range []string{"labelled/*", "t17/*"} {
		dirs, _ := filepath.Glob(filepath.Join(shared, pattern))
		sort.Strings(dirs)
		for _, d := range dirs {
			if fi, err := os.Stat(filepath.Join(d, "content")); err == nil && fi.IsDir() {
				n := 0
				if strings.HasPrefix(pattern, "t17") {
					n = t17Sample
				}
				sites = append(sites, struct {
					dir    string
					sample int
				}{d, n})
			}
		}
	}
	if len(sites) == 2 {
		t.Logf("no corpora under %s: only the demo site and corpus2 are checked", shared)
	}
	for _, site := range sites {
		res := mustExtract(t, readSample(t, site.dir, site.sample), opt)
		if len(res.Events) == 0 {
			t.Errorf("%s: no events", site.dir)
		}
		for i := range res.Events {
			checkEventTitle(t, site.dir, &res, &res.Events[i])
		}
		if strings.Contains(site.dir, "labelled") {
			// Titles weigh words kept in maps: the same input must still
			// give the same titles and summaries, bit for bit.
			again := mustExtract(t, readSample(t, site.dir, site.sample), opt)
			for i := range res.Events {
				if i < len(again.Events) && (again.Events[i].Title != res.Events[i].Title || !slices.Equal(again.Events[i].Summary, res.Events[i].Summary)) {
					t.Errorf("%s: event %d is titled %q, then %q", site.dir, i, res.Events[i].Title, again.Events[i].Title)
				}
			}
		}
	}
}

func checkEventTitle(t *testing.T, dir string, res *Result, ev *Event) {
	t.Helper()
	title := ev.Title
	if strings.HasSuffix(title, "…") || strings.HasSuffix(title, "...") {
		t.Errorf("%s: title cut off: %q", dir, title)
	}
	if n := utf8.RuneCountInString(title); n == 0 || n > maxTitle {
		t.Errorf("%s: title of %d characters: %q", dir, n, title)
	}
	b := res.TitleBasis(ev)
	if b.Sentence < 0 {
		t.Errorf("%s: no basis for title %q", dir, title)
		return
	}
	if got, _ := headline([]int{b.Sentence}, res.Sentences, nil); got != title && b.Subject < 0 {
		t.Errorf("%s: title %q, but its basis sentence gives %q", dir, title, got)
	}
	if !slices.Contains(ev.Summary, b.Sentence) {
		return
	}
	for _, m := range ev.Mentions {
		other, _ := titleOf(res.Sentences[m].Text, res.Sentences[m].Dateline)
		if m != b.Sentence && res.Sentences[m].Text != res.Sentences[b.Sentence].Text && goodSummary(res.Sentences[m].Text) && other != title {
			t.Errorf("%s: summary repeats the sentence of title %q: %q", dir, title, res.Sentences[b.Sentence].Text)
			return
		}
	}
}

// readSample reads, cleans and merges a site's articles as a build does;
// with n > 0, only the first n articles by file name.
func readSample(t testing.TB, dir string, n int) []dedup.Source {
	t.Helper()
	arts, diags, err := content.Read(context.Background(), content.Options{FS: os.DirFS(filepath.Join(dir, "content")), ContentDir: "content", Location: time.UTC})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if n == 0 && diags.Err() != nil {
		t.Fatalf("%s: %v", dir, diags.Err())
	}
	if n > 0 && len(arts) > n {
		sort.Slice(arts, func(i, j int) bool { return arts[i].Path < arts[j].Path })
		arts = arts[:n]
	}
	corpus, _ := clean.NewCorpus(context.Background(), arts) // not cancelled: no error
	cleaned := make([]clean.Article, len(arts))
	for i, a := range arts {
		cleaned[i] = clean.Clean(a, corpus)
	}
	sources, _ := dedup.Group(context.Background(), cleaned) // not cancelled: no error
	return sources
}
