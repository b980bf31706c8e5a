package clean

import "testing"

// TestSameAnswers checks the memo's test of a corpus against the answers
// a cleaning got: an answer that differs makes the cleaning stale, while
// a count that moves a word's idf less than its rounding does not.
func TestSameAnswers(t *testing.T) {
	corpus := func(docs, lines, police int) *Corpus {
		return &Corpus{docs: docs, lines: map[string]int{"leave a reply": lines}, df: map[string]int{"police": police}}
	}
	recorded := func(c *Corpus) *memoEntry {
		return &memoEntry{lines: map[string]int{"leave a reply": c.lines["leave a reply"]},
			idf: map[string]float64{"police": c.idf("police"), "zorblat": c.idf("zorblat")}}
	}
	for _, tt := range []struct {
		name      string
		then, now *Corpus
		fresh     bool
	}{
		{"same answers", corpus(10, 3, 4), corpus(10, 3, 4), true},
		{"a line repeated more", corpus(10, 3, 4), corpus(10, 4, 4), false},
		{"a rare word more common", corpus(10, 3, 4), corpus(10, 3, 5), false},
		{"a rare word in another article count", corpus(10, 3, 4), corpus(11, 3, 4), false},
		{"a common word in one article more", corpus(10000, 3, 5000), corpus(10000, 3, 5001), true},
		{"one article more", corpus(10000, 3, 5000), corpus(10001, 3, 5000), true},
		{"a common word far more common", corpus(10000, 3, 5000), corpus(10000, 3, 6000), false},
	} {
		if got := recorded(tt.then).sameAnswers(tt.now); got != tt.fresh {
			t.Errorf("%s: sameAnswers = %v, want %v", tt.name, got, tt.fresh)
		}
	}
}
