package events

import (
	"context"
	"strings"
	"unicode"

	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// passageGap is how many sentences that are not event mentions may
// stand between two mentions of one passage.
const passageGap = 2

// The features of a continuation, an event mention b after the last
// mention a of a passage of its source, in the order of Params.Tie.
const (
	tBias          = iota
	tPronoun       // b opens with a pronoun subject ("He toured …")
	tAdditive      // an "also", "then", "additionally" in its first words
	tAnaphora      // "the tour" after "a tour"
	tSubject       // its subject was named in the last two mentions
	tSameParagraph // b is in a's paragraph (else it opens the next)
	tAfterLead     // a is the report's lead and b opens the next paragraph
	tGap           // sentences between them
	tSameDay       // both are dated to one day, own or inherited…
	tSameOwnDay    // …each in its own words
	tClockTime     // …and b names a time of that day ("shortly after 1pm")
	tCosine        // cosine of b and a (or the mention before a), the greater
	tMovesOn       // b opens by moving the story on ("After …", "Meanwhile")
	tOwnDate       // b gives a date of its own
	tReported      // b only reports speech
	nTie
)

// tieFeatureNames name the features, for the fitting report and params.go.
var tieFeatureNames = [nTie]string{"bias", "pronoun subject", "additive adverb", "anaphora", "subject named before",
	"same paragraph", "after the lead", "sentences between", "same day", "same own day", "clock time", "cosine",
	"moves on", "own date", "reported speech"}

// groupPassages sets Passage on every sentence and returns the passages,
// each a list of sentence indexes in order. A passage is a run of event
// mentions of one source in which each continues the one before: one
// report often tells one event over two to four sentences ("Kim was
// greeted by Shoigu. Shoigu then showed him the bombers."). A sentence
// that is not an event mention is a passage of its own.
//
// Each source's passages are found on their own, in parallel; the
// sentences of a source must be consecutive, as Extract makes them. It
// stops between sources when ctx is done, with ctx's error.
func groupPassages(ctx context.Context, sents []Sentence) ([][]int, error) {
	return groupPassagesWith(ctx, sents, &fitted)
}

// groupPassagesWith is groupPassages with the parameters prm.
func groupPassagesWith(ctx context.Context, sents []Sentence, prm *Params) ([][]int, error) {
	// The runs of sentences of one source.
	var starts []int
	for i := range sents {
		if i == 0 || sents[i-1].Source != sents[i].Source {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(sents))
	per := make([][][]int, len(starts)-1)
	if err := parallel.For(ctx, len(per), func(k int) {
		per[k] = sourcePassages(sents, starts[k], starts[k+1], prm, nil)
	}); err != nil {
		return nil, err
	}
	n := 0
	for _, ps := range per {
		n += len(ps)
	}
	out := make([][]int, 0, n)
	for _, ps := range per {
		for _, p := range ps {
			for _, i := range p {
				sents[i].Passage = len(out)
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// sourcePassages returns the passages of the sentences [from, to) of one
// source, in order. observe, when not nil, is given every continuation
// weighed, for fitting.
func sourcePassages(sents []Sentence, from, to int, prm *Params, observe func(prev, i int, x [nTie]float64)) [][]int {
	var out [][]int
	last := -1 // the passage of the last event mention
	for i := from; i < to; i++ {
		s := &sents[i]
		if !s.Mention.Event {
			out = append(out, []int{i})
			continue
		}
		if last >= 0 {
			p := out[last]
			if x, ok := tieFeatures(sents, p, i); ok {
				if observe != nil {
					observe(p[len(p)-1], i, x)
				}
				if prm.tieChance(&x) >= prm.TieLink {
					out[last] = append(p, i)
					continue
				}
			}
		}
		last = len(out)
		out = append(out, []int{i})
	}
	return out
}

// tieFeatures returns the features of event mention i continuing passage
// p of the same source, or false when it cannot: when more than
// passageGap sentences, a heading or a second paragraph break stand
// between them, or a date that disagrees.
func tieFeatures(sents []Sentence, p []int, i int) ([nTie]float64, bool) {
	var x [nTie]float64
	prev := p[len(p)-1]
	a, b := &sents[prev], &sents[i]
	if b.Ordinal-a.Ordinal-1 > passageGap || b.Block-a.Block > 1 {
		return x, false
	}
	if a.When.Precision == temporal.Day && b.When.Precision == temporal.Day && !a.When.Overlaps(b.When) {
		return x, false
	}
	toks := b.tokens()
	x[tBias] = 1
	x[tPronoun], x[tAdditive] = openerTies(toks)
	if anaphora(a, b) {
		x[tAnaphora] = 1
	}
	if sameSubject(sents, p, b) {
		x[tSubject] = 1
	}
	if a.Block == b.Block {
		x[tSameParagraph] = 1
	}
	if p[0] == prev && a.Ordinal == 0 && a.Block != b.Block {
		x[tAfterLead] = 1
	}
	x[tGap] = float64(b.Ordinal - a.Ordinal - 1)
	if a.When.Precision == temporal.Day && b.When.Precision == temporal.Day && a.When.Start.Equal(b.When.Start) {
		x[tSameDay] = 1
		if a.OwnDate() && b.OwnDate() {
			x[tSameOwnDay] = 1
		}
		if clockTimeTokens(toks) {
			x[tClockTime] = 1
		}
	}
	sim := dot(a.vec, b.vec)
	if len(p) > 1 {
		sim = max(sim, dot(sents[p[len(p)-2]].vec, b.vec))
	}
	x[tCosine] = sim
	if movesOn(b.Text) {
		x[tMovesOn] = 1
	}
	if b.OwnDate() {
		x[tOwnDate] = 1
	}
	if b.Mention.Cues&CueReported != 0 {
		x[tReported] = 1
	}
	return x, true
}

// openerTies reports, as 0 or 1, how a sentence's opening ties it to the
// sentence before: a pronoun subject ("He toured …"), and an additive
// adverb ("also", "additionally") in its first words.
func openerTies(toks []words.Token) (pronoun, additive float64) {
	if len(toks) > 0 {
		switch strings.ToLower(toks[0].Text) {
		case "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "there":
			pronoun = 1
		}
	}
	for i, t := range toks {
		if i > 5 {
			break
		}
		switch strings.ToLower(t.Text) {
		case "also", "additionally", "then", "too", "further", "later":
			return pronoun, 1
		}
	}
	return pronoun, 0
}

// anaphora reports a definite noun phrase in b whose noun a has just
// named ("… included a tour … accompanied Kim during the tour").
func anaphora(a, b *Sentence) bool {
	toks := b.tokens()
	for i := 0; i+1 < len(toks); i++ {
		switch strings.ToLower(toks[i].Text) {
		case "the", "this", "these", "that", "those":
		default:
			continue
		}
		if words.IsStop(strings.ToLower(toks[i+1].Text)) {
			continue
		}
		k := termOf(words.Key(toks[i+1].Text))
		for _, ak := range a.keys {
			if ak == k {
				return true
			}
		}
	}
	return false
}

// sameSubject reports a sentence whose subject, the name it opens with,
// was named in the last two sentences of the passage ("… greeted by
// Defence Minister Sergei Shoigu. Shoigu then showed him …").
func sameSubject(sents []Sentence, p []int, b *Sentence) bool {
	toks := b.tokens()
	if len(toks) == 0 || !isUpperWord(toks[0].Text) || words.IsStop(strings.ToLower(toks[0].Text)) {
		return false
	}
	k := termOf(words.Key(toks[0].Text))
	for _, m := range p[max(0, len(p)-2):] {
		for _, ak := range sents[m].keys {
			if ak == k {
				return true
			}
		}
	}
	return false
}

// clockTime reports a time of day: "1pm", "3.40am", "10:30 a.m.", "seven
// o'clock", "noon", "midnight".
func clockTime(s string) bool { return clockTimeTokens(words.Split(s)) }

// clockTimeTokens is clockTime over a sentence's words.
func clockTimeTokens(toks []words.Token) bool {
	for i, t := range toks {
		w := strings.ToLower(t.Text)
		switch {
		case w == "noon" || w == "midnight" || w == "o'clock" || w == "o’clock":
			return true
		case w == "a.m" || w == "p.m" || w == "am" || w == "pm":
			if i > 0 && strings.IndexFunc(toks[i-1].Text, unicode.IsDigit) >= 0 {
				return true
			}
		case len(w) > 2 && (strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")):
			if strings.TrimRight(w[:len(w)-2], "0123456789.:") == "" {
				return true
			}
		}
	}
	return false
}

// movesOn reports a sentence whose opening moves the story to another
// time or place, which starts a new passage: "After …,", "Meanwhile,",
// "Elsewhere,", "In Benghazi, …".
func movesOn(s string) bool {
	w := strings.ToLower(firstWordOf(s))
	switch w {
	case "after", "following", "afterwards", "meanwhile", "elsewhere", "separately", "earlier",
		"subsequently", "next", "before":
		return true
	case "in", "on", "at", "across", "outside", "inside", "near", "during":
		// A fronted place or time: a comma within the first few words.
		if strings.HasPrefix(strings.ToLower(s), "in addition") {
			return false
		}
		i := strings.Index(s, ",")
		return i > 0 && len(words.Split(s[:i])) <= 6
	}
	return false
}

// tokens returns the sentence's words, split once when it was made (or
// now, for a sentence made elsewhere, as in tests).
func (s *Sentence) tokens() []words.Token {
	if s.toks == nil {
		return words.Split(s.Text)
	}
	return s.toks
}
