package events

import (
	"slices"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
)

func TestLimitMentions(t *testing.T) {
	sources := []dedup.Source{{Article: clean.Article{Path: "content/log.txt"}}, {Article: clean.Article{Path: "content/b.txt"}}}
	var sents []Sentence
	for i := range 100 {
		sents = append(sents, Sentence{Source: 0, Mention: Mention{Event: i%2 == 0}}) // every other one a mention
	}
	for range maxMentions {
		sents = append(sents, Sentence{Source: 0, Mention: Mention{Event: true}})
	}
	for range 10 {
		sents = append(sents, Sentence{Source: 1, Mention: Mention{Event: true}})
	}
	warnings := limitMentions(sents, sources)
	count := map[int]int{}
	for i, s := range sents {
		if s.Mention.Event {
			count[s.Source]++
		}
		if s.Mention.Cues&CueCapped != 0 && s.Mention.Event {
			t.Fatalf("sentence %d: event %v, cues [%v]", i, s.Mention.Event, s.Mention.Cues)
		}
	}
	if count[0] != maxMentions || count[1] != 10 {
		t.Errorf("mentions kept by source: %v, want %d and 10", count, maxMentions)
	}
	// The first mentions are those kept.
	for i := range 100 {
		if sents[i].Mention.Event != (i%2 == 0) {
			t.Fatalf("sentence %d changed", i)
		}
	}
	if len(warnings) != 1 || warnings[0].File != "content/log.txt" || !strings.Contains(warnings[0].Message, "the other 50 ") {
		t.Errorf("warnings = %v", warnings)
	}
	// Extract limits the sentences again after dating some sources anew,
	// keeping those of the others as they are: the warning stays.
	if again := limitMentions(sents, sources); !slices.Equal(again, warnings) {
		t.Errorf("limited again: warnings = %v, want %v", again, warnings)
	}
}
