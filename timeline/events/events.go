// Package events finds the real-world events a set of sources report. It
// splits each source into sentences, represents each sentence by its
// content words weighted by rarity (names, designators such as "Tu-160"
// and numbers weigh most), and groups sentences of different sources that
// report the same thing by average-linkage clustering over the pairs an
// inverted index proposes; never over all pairs of sentences. A group
// becomes an event when several independent sources report it, or when one
// source reports it with a date.
package events

import (
	"github.com/timeline-ssg/timeline/timeline/temporal"
)

// Options are the clustering thresholds, cosine similarities from 0 to 1.
// A site sets them in site.toml; config.Default holds the defaults.
type Options struct {
	// Link is the least average similarity at which two groups of
	// sentences are taken to report the same event.
	Link float64
	// SameSource scales the similarity of two nearby sentences of one
	// source before it counts: one article repeats its own vocabulary, so
	// its sentences look more alike than they are.
	SameSource float64
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
	keys     []string
	vec      vector
}

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
}
