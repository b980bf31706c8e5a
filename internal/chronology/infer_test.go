package chronology

import (
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// inferSentence is a sentence of source src, its dates found against the
// source's publication date (none for the undated source 3), and dated by
// its first date of a day.
func inferSentence(srcs []dedup.Source, src int, text string) events.Sentence {
	ref := temporal.Reference{}
	if d := srcs[src].Article.Date; !d.IsZero() {
		ref = temporal.Reference{Date: d.Start, Known: true}
	}
	s := events.Sentence{Source: src, Text: text, Dates: temporal.Find(text, ref)}
	for k, e := range s.Dates {
		if e.Date.Precision == temporal.Day {
			s.When, s.WhenExpr = e.Date, k
			break
		}
	}
	return s
}

func TestInferReferences(t *testing.T) {
	srcs := []dedup.Source{
		{ID: "a", Article: clean.Article{Date: temporal.DayOf(2025, 3, 6)}},
		{ID: "b", Article: clean.Article{Date: temporal.DayOf(2025, 3, 7)}},
		{ID: "c", Article: clean.Article{Date: temporal.DayOf(2025, 3, 6)}},
		{ID: "radio"}, // undated
	}
	// Dated reports of the arrest, Wednesday 5 March 2025.
	arrestA := "Police arrested the mayor of Dunmere on Wednesday."
	arrestB := "The mayor of Dunmere was arrested on March 5."
	arrestC := "Officers detained the Dunmere mayor on Wednesday."
	tests := []struct {
		name  string
		radio []string // the undated source's sentences; the first joins the arrest
		dated []int    // the dated sources that report the arrest
		want  string   // the inferred day, "" none
	}{
		{"two dated sources give the day: yesterday is a Thursday publication",
			[]string{"The mayor was arrested yesterday."}, []int{0, 1}, "2025-03-06"},
		{"one dated source and one expression: a weak vote, not used",
			[]string{"The mayor was arrested yesterday."}, []int{0}, ""},
		{"one dated source but two expressions agree",
			[]string{"The mayor was arrested yesterday.", "Yesterday the mayor was arrested."}, []int{0}, "2025-03-06"},
		{"three dated sources outweigh the weak limit",
			[]string{"The mayor was arrested yesterday."}, []int{0, 1, 2}, "2025-03-06"},
		{"a written-out past day later than the vote: never published before what it reports",
			[]string{"The mayor was arrested yesterday.", "The council met on March 9, 2025."}, []int{0, 1}, ""},
		{"a written-out past day on the voted day allows it",
			[]string{"The mayor was arrested yesterday.", "The council met on March 6, 2025."}, []int{0, 1}, "2025-03-06"},
		{"the floor moves the day to the best-voted one after it",
			[]string{"The mayor was arrested yesterday.", "Police held the mayor on Wednesday.", "Officers seized the mayor on Wednesday.", "The council met on March 8, 2025."}, []int{0, 1}, "2025-03-08"},
		{"a weekday from one dated source is a weak vote spread over a week",
			[]string{"Police held the mayor on Wednesday."}, []int{0}, ""},
		{"a future day is no floor",
			[]string{"The mayor was arrested yesterday.", "The council will meet on March 9, 2025."}, []int{0, 1}, "2025-03-06"},
		{"a background day is no floor",
			[]string{"The mayor was arrested yesterday.", "His deputy had resigned on March 9, 2025."}, []int{0, 1}, "2025-03-06"},
	}
	texts := []string{arrestA, arrestB, arrestC}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sents []events.Sentence
			var arrest []int
			for _, d := range tt.dated {
				arrest = append(arrest, len(sents))
				sents = append(sents, inferSentence(srcs, d, texts[d]))
			}
			var groups [][]int
			for i, text := range tt.radio {
				if i > 0 && !hasWord(text, "yesterday") && !hasWord(text, "wednesday") {
					sents = append(sents, inferSentence(srcs, 3, text))
					continue
				}
				arrest = append(arrest, len(sents))
				sents = append(sents, inferSentence(srcs, 3, text))
			}
			groups = append(groups, arrest)
			inferred, err := inferReferences(t.Context(), sents, groups, srcs)
			if err != nil {
				t.Fatal(err)
			}
			byEvents, err := InferPublication(t.Context(), events.Result{Sentences: sents, Events: []events.Event{{Mentions: arrest}}}, srcs)
			if err != nil {
				t.Fatal(err)
			}
			got := inferred[3]
			if via := byEvents[3]; via != got {
				t.Errorf("InferPublication %q, inferReferences %q", via.ISO(), got.ISO())
			}
			if got.ISO() != tt.want {
				t.Errorf("inferred %q, want %q", got.ISO(), tt.want)
			}
		})
	}
}

func hasWord(text, w string) bool {
	return strings.Contains(strings.ToLower(text), w)
}
