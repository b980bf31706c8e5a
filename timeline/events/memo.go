package events

import (
	"slices"

	"github.com/timeline-ssg/timeline/timeline/clean"
	"github.com/timeline-ssg/timeline/timeline/dedup"
	"github.com/timeline-ssg/timeline/timeline/temporal"
)

// Memo keeps each source's sentences between builds of one site, for the
// dev server: splitting, dating and judging the sentences of a source
// whose text, dateline and publication date are unchanged is not done
// again. Clustering and everything after it run in full on every build.
//
// The zero Memo is empty and ready to use; a nil *Memo keeps nothing. A
// Memo is for one site and one build at a time.
type Memo struct {
	entries map[string]memoEntry // by the source's canonical path
}

type memoEntry struct {
	blocks   []clean.Block
	dateline string
	ref      temporal.Reference
	sents    []Sentence // as splitSource made them
}

// lookup returns the sentences of source si, article a, dated against
// ref, if the memo has them. It may be called from several goroutines at
// once.
func (m *Memo) lookup(si int, a *clean.Article, ref temporal.Reference) ([]Sentence, bool) {
	if m == nil {
		return nil, false
	}
	e, ok := m.entries[a.Path]
	if !ok || e.ref != ref || e.dateline != a.Dateline.Text || !slices.Equal(e.blocks, a.Blocks) {
		return nil, false
	}
	sents := slices.Clone(e.sents)
	for i := range sents {
		sents[i].Source = si
	}
	return sents, true
}

// keep remembers this build's sentences, per source, forgetting the
// sources it no longer has. per must not change afterwards: splitSources
// hands the later stages a copy, and they change the sentences they are
// given, never the slices inside them.
func (m *Memo) keep(sources []dedup.Source, refs []temporal.Reference, per [][]Sentence) {
	if m == nil {
		return
	}
	entries := make(map[string]memoEntry, len(sources))
	for si := range sources {
		a := &sources[si].Article
		entries[a.Path] = memoEntry{blocks: a.Blocks, dateline: a.Dateline.Text, ref: refs[si], sents: per[si]}
	}
	m.entries = entries
}
