package clean

import "testing"

// TestSameAnswers checks the memo's test of a corpus against the answers
// a cleaning got: any answer that differs, or another number of
// articles, makes the cleaning stale.
func TestSameAnswers(t *testing.T) {
	e := &memoEntry{docs: 10, lines: map[string]int{"leave a reply": 3}, df: map[string]int{"police": 4, "zorblat": 0}}
	corpus := func(docs, lines, police int) *Corpus {
		return &Corpus{docs: docs, lines: map[string]int{"leave a reply": lines}, df: map[string]int{"police": police}}
	}
	for _, tt := range []struct {
		name  string
		c     *Corpus
		fresh bool
	}{
		{"same answers", corpus(10, 3, 4), true},
		{"another article count", corpus(11, 3, 4), false},
		{"a line repeated more", corpus(10, 4, 4), false},
		{"a word more common", corpus(10, 3, 5), false},
	} {
		if got := e.sameAnswers(tt.c); got != tt.fresh {
			t.Errorf("%s: sameAnswers = %v, want %v", tt.name, got, tt.fresh)
		}
	}
}
