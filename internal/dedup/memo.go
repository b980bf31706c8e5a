package dedup

import (
	"context"
	"slices"

	"github.com/timeline-ssg/timeline/internal/clean"
)

// Memo keeps duplicate detection's work between builds of one site, for
// the dev server: each article's fingerprint, kept while its cleaned text
// is the same, and the containment of each pair of articles the indexes
// proposed, kept while both texts are. What links articles is worked out
// again on every build from these.
//
// The zero Memo is empty and ready to use; a nil *Memo keeps nothing. A
// Memo is for one site and one build at a time.
type Memo struct {
	entries map[string]*memoEntry // by article path
	scores  map[[2]string]score   // by the pair's paths, in canonical order
}

// score is the containment of one text in another, the number of
// shingles they share, and whether the pair passes the rule for copies
// (see verify).
type score struct {
	c      float64
	shared int
	copy   bool
}

type memoEntry struct {
	blocks []clean.Block
	fp     fingerprint
	keys   [bands]uint64
}

// Group is Group, reusing the memo's work for unchanged articles.
func (m *Memo) Group(ctx context.Context, articles []clean.Article) ([]Source, error) {
	return group(ctx, articles, m)
}

// lookup returns the entry for a if its text is unchanged, or nil. It
// may be called from several goroutines at once.
func (m *Memo) lookup(a *clean.Article) *memoEntry {
	if m == nil {
		return nil
	}
	if e := m.entries[a.Path]; e != nil && slices.Equal(e.blocks, a.Blocks) {
		return e
	}
	return nil
}

// keep remembers the fingerprints of this build's articles, forgetting
// the others.
func (m *Memo) keep(articles []clean.Article, order []int, fps []fingerprint, keys [][bands]uint64) {
	if m == nil {
		return
	}
	entries := make(map[string]*memoEntry, len(order))
	for k, i := range order {
		entries[articles[i].Path] = &memoEntry{blocks: articles[i].Blocks, fp: fps[k], keys: keys[k]}
	}
	m.entries = entries
}

// score returns the remembered score of the pair a, b. It may be called
// from several goroutines at once.
func (m *Memo) score(a, b string) (score, bool) {
	s, ok := m.scores[[2]string{a, b}]
	return s, ok
}
