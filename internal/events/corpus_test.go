package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/dedup"
)

// readSite reads, cleans and merges a site's articles as a build does.
func readSite(t testing.TB, dir string) []dedup.Source {
	t.Helper()
	return readSample(t, dir, 0)
}

// TestCorpusTitles checks every title of the demo site and of the second
// labelled corpus: at most maxTitle characters, opening with a subject
// that is not a pronoun, and never a whole sentence longer than that.
func TestCorpusTitles(t *testing.T) {
	cfg := config.Default()
	opt := Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource}
	for _, dir := range []string{"../..", "../../testdata/corpus2"} {
		res := mustExtract(t, readSite(t, dir), opt)
		if len(res.Events) == 0 {
			t.Errorf("%s: no events", dir)
		}
		for _, ev := range res.Events {
			n := utf8.RuneCountInString(ev.Title)
			if n == 0 || n > maxTitle {
				t.Errorf("%s: title of %d characters: %q", dir, n, ev.Title)
			}
			if first := firstWordOf(ev.Title); first == "" || !isUpperWord(first) || pronounStart(ev.Title) {
				t.Errorf("%s: title does not open with a named subject: %q", dir, ev.Title)
			}
			for _, m := range ev.Mentions {
				s := strings.TrimRight(res.Sentences[m].Text, ".")
				if utf8.RuneCountInString(s) > maxTitle && strings.Contains(ev.Title, s) {
					t.Errorf("%s: title copies a whole long sentence: %q", dir, ev.Title)
				}
			}
		}
	}
}
