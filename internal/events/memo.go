package events

import (
	"slices"
	"sync"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// Memo keeps each source's sentences between builds of one site, for the
// dev server: splitting, dating and judging the sentences of a source
// whose text, dateline and publication date are unchanged is not done
// again. Clustering and everything after it run in full on every build,
// except that the title a sentence would give an event is worked out
// once while the sentence stays in the running for one.
//
// The zero Memo is empty and ready to use; a nil *Memo keeps nothing. A
// Memo is for one site and one build at a time.
type Memo struct {
	entries map[string]memoEntry // by the source's canonical path
	titles  map[titleKey]titled  // the titles of the sentences of the last build's events
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

// titleKey is what titleOf is a function of.
type titleKey struct {
	text     string
	dateline bool
}

// titled is what titleOf returned.
type titled = composition

// titles gives the titles of sentences (see titleOf) to the events of
// one build, working each out once, and with a Memo, once while the
// sentence is in an event's running for a title. It is safe for
// concurrent use.
type titles struct {
	old  map[titleKey]titled // from the last build; read only
	mu   sync.Mutex
	next map[titleKey]titled
}

// newTitles returns the titles of a build, starting from those of the
// last one if m is not nil.
func (m *Memo) newTitles() *titles {
	t := &titles{next: map[titleKey]titled{}}
	if m != nil {
		t.old = m.titles
	}
	return t
}

// keepTitles keeps the titles this build worked out for the next one.
func (m *Memo) keepTitles(t *titles) {
	if m != nil {
		m.titles = t.next
	}
}

// of returns titleOf(s.Text, s.Dateline). A nil *titles works it out
// every time.
func (t *titles) of(s *Sentence) (string, int) {
	c := t.composed(s)
	return c.title, c.quality
}

// composed returns the composition of s's title, with what it dropped
// (see compose), working it out once per build, or once while the
// sentence is unchanged with a Memo.
func (t *titles) composed(s *Sentence) composition {
	if t == nil {
		return compose(s.Text, s.Dateline)
	}
	k := titleKey{s.Text, s.Dateline}
	t.mu.Lock()
	v, ok := t.next[k]
	t.mu.Unlock()
	if ok {
		return v
	}
	if v, ok = t.old[k]; !ok {
		v = compose(s.Text, s.Dateline)
	}
	t.mu.Lock()
	t.next[k] = v
	t.mu.Unlock()
	return v
}
