package events

import "github.com/timeline-ssg/timeline/timeline/temporal"

const (
	// inheritBack is how many sentences back a sentence without a date of
	// its own looks for one to inherit, within its paragraph or from the
	// paragraph before.
	inheritBack = 3
	// inheritAhead is how many sentences ahead, in its own paragraph, it
	// looks when none is behind it ("Police arrested two men. The raids
	// were on Monday.").
	inheritAhead = 2
)

// dateSentences sets When for every sentence: its own date when it has
// one, else the date of a nearby sentence of the same narrative, the
// nearest before it in its paragraph or the paragraph before, else the
// nearest after it in its paragraph. Sentences of one source are
// contiguous and in order.
func dateSentences(sents []Sentence) {
	for i := range sents {
		s := &sents[i]
		s.When, s.WhenExpr, s.Inherited, s.WhenFrom = temporal.Date{}, 0, false, 0
		if k := ownDate(s); k >= 0 {
			s.When, s.WhenExpr = s.Dates[k].Date, k
		}
	}
	for i := range sents {
		s := &sents[i]
		if s.OwnDate() || len(s.Dates) > 0 {
			continue // a sentence that places itself in time inherits nothing
		}
		if d := donor(sents, i); d >= 0 {
			s.When, s.Inherited, s.WhenFrom = sents[d].When, true, d
		}
	}
}

// ownDate returns the index in s.Dates of the expression that dates what
// s reports: the first of day precision that is not anchored to another
// event, else the first of week precision, or -1.
func ownDate(s *Sentence) int {
	best := -1
	for k, e := range s.Dates {
		if e.Date.Precision < temporal.Week || anchored(s.Text, e) {
			continue
		}
		if e.Date.Precision == temporal.Day {
			return k
		}
		if best < 0 {
			best = k
		}
	}
	return best
}

// donor returns the sentence whose own date sentence i inherits, or -1.
func donor(sents []Sentence, i int) int {
	s := &sents[i]
	for j := i - 1; j >= 0 && i-j <= inheritBack; j-- {
		d := &sents[j]
		if d.Source != s.Source || s.Block-d.Block > 1 {
			break
		}
		if d.OwnDate() {
			return j
		}
	}
	for j := i + 1; j < len(sents) && j-i <= inheritAhead; j++ {
		d := &sents[j]
		if d.Source != s.Source || d.Block != s.Block {
			break
		}
		if d.OwnDate() {
			return j
		}
	}
	return -1
}
