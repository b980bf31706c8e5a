package events

import (
	"context"
	"strings"
	"unicode"

	"github.com/timeline-ssg/timeline/timeline/parallel"
	"github.com/timeline-ssg/timeline/timeline/temporal"
	"github.com/timeline-ssg/timeline/timeline/words"
)

const (
	// passageLink is the least continuation score for an event mention to
	// continue the passage before it. The score adds the cosine similarity
	// of the two sentences (or of the mention and the sentence before the
	// last) to the weights below.
	passageLink = 0.35
	// passageGap is how many sentences that are not event mentions may
	// stand between two mentions of one passage; each costs gapCost.
	passageGap = 2
	gapCost    = 0.1

	sameParagraph = 0.2  // the mention is in the paragraph of the one before
	nextParagraph = 0.1  // it opens the next paragraph
	afterLead     = 0.15 // it opens the paragraph after the report's lead
	sameDay       = 0.1  // both are dated to one day, own or inherited…
	sameOwnDay    = 0.1  // …each in its own words
	clockTimeTie  = 0.1  // …and it names a time of that day ("shortly after 1pm")
	pronounTie    = 0.3  // it opens with a pronoun subject ("He toured …")
	additiveTie   = 0.25 // an "also", "then", "additionally" in its first words
	anaphoraTie   = 0.2  // "the tour" after "a tour"
	subjectTie    = 0.15 // its subject was named just before
)

// groupPassages sets Passage on every sentence and returns the passages,
// each a list of sentence indexes in order. A passage is a run of event
// mentions of one source in which each continues the one before: one
// report often tells one event over two to four sentences ("Kim was
// greeted by Shoigu. Shoigu then showed him the bombers."). A sentence
// that is not an event mention is a passage of its own.
//
// Each source's passages are found on their own, in parallel; the
// sentences of a source must be consecutive, as Extract makes them.
func groupPassages(sents []Sentence) [][]int {
	// The runs of sentences of one source.
	var starts []int
	for i := range sents {
		if i == 0 || sents[i-1].Source != sents[i].Source {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(sents))
	per := make([][][]int, len(starts)-1)
	parallel.For(context.Background(), len(per), func(k int) {
		per[k] = sourcePassages(sents, starts[k], starts[k+1])
	})
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
	return out
}

// sourcePassages returns the passages of the sentences [from, to) of one
// source, in order.
func sourcePassages(sents []Sentence, from, to int) [][]int {
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
			if continues(sents, p, i) {
				out[last] = append(p, i)
				continue
			}
		}
		last = len(out)
		out = append(out, []int{i})
	}
	return out
}

// continues reports whether event mention i continues passage p of the
// same source. It does when few sentences stand between them, no heading
// or second paragraph break, no date that disagrees and no opening that
// moves the story on ("After …", "Meanwhile", "On Estuary Road, "), and
// the words they share, a pronoun subject or an "also" tie it to the last
// mentions of the passage.
func continues(sents []Sentence, p []int, i int) bool {
	prev := p[len(p)-1]
	a, b := &sents[prev], &sents[i]
	if b.Ordinal-a.Ordinal-1 > passageGap || b.Block-a.Block > 1 {
		return false
	}
	if a.When.Precision == temporal.Day && b.When.Precision == temporal.Day && !a.When.Overlaps(b.When) {
		return false
	}
	if movesOn(b.Text) {
		return false
	}
	score := continuationTokens(b.tokens()) + anaphora(a, b) + sameSubject(sents, p, b)
	if a.Block == b.Block {
		score += sameParagraph
	} else {
		score += nextParagraph
	}
	if p[0] == prev && a.Ordinal == 0 && a.Block != b.Block {
		score += afterLead // the paragraph after a report's lead tells its event
	}
	score -= gapCost * float64(b.Ordinal-a.Ordinal-1)
	if a.When.Precision == temporal.Day && b.When.Precision == temporal.Day && a.When.Start.Equal(b.When.Start) {
		score += sameDay
		if a.OwnDate() && b.OwnDate() {
			score += sameOwnDay
		}
		if clockTimeTokens(b.tokens()) {
			score += clockTimeTie
		}
	}
	sim := dot(a.vec, b.vec)
	if len(p) > 1 {
		sim = max(sim, dot(sents[p[len(p)-2]].vec, b.vec))
	}
	score += sim
	return score >= passageLink
}

// continuation scores how a sentence's opening ties it to the sentence
// before: a pronoun subject ("He toured …") or an additive adverb ("also",
// "additionally") in its first words.
func continuation(s string) float64 { return continuationTokens(words.Split(s)) }

// continuationTokens is continuation over a sentence's words.
func continuationTokens(toks []words.Token) float64 {
	var score float64
	if len(toks) > 0 {
		switch strings.ToLower(toks[0].Text) {
		case "he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "there":
			score += pronounTie
		}
	}
	for i, t := range toks {
		if i > 5 {
			break
		}
		switch strings.ToLower(t.Text) {
		case "also", "additionally", "then", "too", "further", "later":
			return score + additiveTie
		}
	}
	return score
}

// anaphora scores a definite noun phrase in b whose noun a has just
// named ("… included a tour … accompanied Kim during the tour").
func anaphora(a, b *Sentence) float64 {
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
				return anaphoraTie
			}
		}
	}
	return 0
}

// sameSubject scores a sentence whose subject, the name it opens with,
// was named in the last two sentences of the passage ("… greeted by
// Defence Minister Sergei Shoigu. Shoigu then showed him …").
func sameSubject(sents []Sentence, p []int, b *Sentence) float64 {
	toks := b.tokens()
	if len(toks) == 0 || !isUpperWord(toks[0].Text) || words.IsStop(strings.ToLower(toks[0].Text)) {
		return 0
	}
	k := termOf(words.Key(toks[0].Text))
	for _, m := range p[max(0, len(p)-2):] {
		for _, ak := range sents[m].keys {
			if ak == k {
				return subjectTie
			}
		}
	}
	return 0
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
