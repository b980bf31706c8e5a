// Package events finds the real-world events a set of sources report.
//
// It splits each source into sentences and tells event mentions, which
// report something happening (an actor, a verb in the past tense or a
// scheduled future, a date or a place), from background, analysis,
// opinion, questions and quoted commentary (mention.go); only mentions
// are grouped. Each sentence gets the date of what it reports: its own,
// unless that date anchors to another event ("since Monday"), else one
// inherited from its neighbours in the paragraph (when.go). Consecutive
// mentions of one source that tell one event, tied by shared words, a
// pronoun subject, an "also", the same day or a report's lead and the
// paragraph after it, form a passage (passage.go).
//
// Passages are represented by their content words and phrases weighted by
// rarity (names, designators such as "Tu-160" and numbers weigh most) and
// grouped by average-linkage clustering over the pairs an inverted index
// proposes, never over all pairs of sentences; the same day is strong
// evidence of one event, different days strong evidence of two, and two
// groups that give different days in their own words never merge
// (cluster.go). A source without a publication date gets one from the
// events its mentions joined (chronology.InferPublication), and Redate
// resolves its sentences' dates again by it. A group becomes an event when sources corroborate each other
// or when one source reports it clearly with a date; its title is a
// headline composed from one of its best sentences (who did what, the
// rest dropped to fit 80 characters), its summary one or two sentences
// that add to it (event.go, title.go).
package events

import (
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/words"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// Options are the clustering thresholds, cosine similarities from 0 to 1.
// A site sets them in site.toml; config.Default holds the defaults.
type Options struct {
	// Link moves the fitted least average chance (Params, params.go) at
	// which two groups of passages are taken to report the same event,
	// by its difference from config.Default's 0.10: a site that sets it
	// higher gets more, smaller events.
	Link float64
	// SameSource scales the similarity of two passages of one source
	// before it counts: one article repeats its own vocabulary, so its
	// passages look more alike than they are, and what one article tells
	// in separate places is mostly separate events.
	SameSource float64
	// Memo, when set, keeps each source's sentences between builds of
	// one site (see Memo).
	Memo *Memo
}

// Sentence is one sentence of one source.
type Sentence struct {
	// Source is the index of the source in the slice given to Extract.
	Source int
	// Block is the index of the block (paragraph) in the source.
	Block int
	// Ordinal is the sentence's position in its source, from 0.
	Ordinal int
	// Start and End are byte offsets in the source's cleaned text.
	Start, End int
	Text       string
	// Dates are the temporal expressions of the sentence, resolved against
	// the source's publication date. Offsets are within Text.
	Dates []temporal.Expression
	// Dateline is true for the sentence that carries the source's dateline.
	Dateline bool
	// Mention says whether the sentence reports an event. Only event
	// mentions are grouped into events.
	Mention Mention
	// When is the date of what the sentence reports, a week or more
	// precise: its first own date that does not anchor to another event
	// ("since Monday", "Monday's attack"), else one it inherits from a
	// neighbouring sentence of the same paragraph. Zero when neither.
	When temporal.Date
	// WhenExpr is the index in Dates of the expression When comes from,
	// when the sentence has a date of its own.
	WhenExpr int
	// Inherited is true when When is the date of a neighbouring sentence,
	// WhenFrom (an index into Result.Sentences).
	Inherited bool
	WhenFrom  int
	// Passage is the index of the passage the sentence belongs to: the
	// run of consecutive sentences of one source that tell one event.
	// Sentences that are not event mentions have their own passage.
	Passage int
	keys    []uint64 // the hashes of the content keys (see sentenceKeys)
	vec     vector
	skip    int           // length of the dateline the sentence opens with
	toks    []words.Token // the words of Text, split once
	words   int           // the number of words of Text
	negated bool          // its first verb is negated (see negated)
}

// DatelineEnd is the byte offset in Text where the sentence's own words
// start: after the dateline it opens with ("MOSCOW, Sept 11 (Wire) -"),
// 0 when it has none.
func (s *Sentence) DatelineEnd() int { return s.skip }

// OwnDate reports whether When comes from the sentence's own words.
func (s *Sentence) OwnDate() bool { return !s.When.IsZero() && !s.Inherited }

// Event is a group of sentences reporting one real-world event.
type Event struct {
	// ID is stable across rebuilds: made from the event's anchor sentence
	// (its earliest mention by source ID and position), so adding an
	// unrelated article does not rename it.
	ID string
	// Title is a short headline built from the most central sentence.
	Title string
	// Mentions are indexes into Result.Sentences, sorted by source then
	// position.
	Mentions []int
	// Summary holds one to three mentions that best tell the event, the
	// first the most central.
	Summary []int
	// Sources are the indexes of the sources reporting the event, sorted.
	Sources []int
	// Cohesion is the mean similarity of the mentions to their centroid.
	Cohesion float64
}

// Result is what Extract finds.
type Result struct {
	Sentences []Sentence
	Events    []Event
	// Inferred holds, by source index, the publication dates inferred for
	// sources that give none: the day that makes their relative dates
	// ("yesterday", "this morning") agree with the dates other sources
	// give the events they report. Their sentences' dates are resolved
	// against it.
	Inferred map[int]temporal.Date
	// Warnings name the sources with more sentences reading as reports
	// of events than one source may bring (see maxMentions), in source
	// order.
	Warnings diag.List
}

// Anchored reports whether the k-th date of the sentence names when
// another event happened ("since Monday", "two days later", "Monday’s
// attack") rather than when what the sentence reports happened.
func (s *Sentence) Anchored(k int) bool { return anchored(s.Text, s.Dates[k]) }
