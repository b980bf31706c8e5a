package clean

import (
	"context"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/parallel"
)

// corpusView is what cleaning an article asks of the corpus: how many
// articles repeat a line, and how rare a word is. Clean's result depends
// on the corpus through these answers alone.
type corpusView interface {
	repeats(line string) int
	idf(key string) float64
}

// Memo keeps cleaning's work between builds of one site, for the dev
// server, which rebuilds on every save. For each article it keeps the
// article's part of the corpus statistics, what Clean made of it, and
// every answer the corpus gave Clean about it. An unchanged article whose
// corpus gives the same answers again is not cleaned again: its result
// would be the same. An edit that changes how common a word is (or a
// file added or removed, which changes them all) cleans again only the
// articles that asked about it.
//
// The zero Memo is empty and ready to use. Corpus starts a build; Clean
// may then be called from several goroutines at once, for the articles
// given to Corpus. A Memo is for one site and one build at a time.
type Memo struct {
	entries  map[string]*memoEntry // by article path
	profiled int
	cleaned  atomic.Int64
}

// MemoStats says how much of the last build's cleaning a Memo saved.
type MemoStats struct {
	Profiled, Cleaned int // articles whose statistics or cleaning were worked out again
}

type memoEntry struct {
	in      content.Article
	profile profile
	// done says out is the cleaning of in, by a corpus that gave these
	// answers.
	done  bool
	out   Article
	lines map[uint64]int     // normalised line (see normHash) → articles repeating it
	idf   map[string]float64 // word key → its idf
}

// Corpus is NewCorpus, reusing the statistics of the articles unchanged
// since the last build. Articles not given are forgotten. It stops when
// ctx is done, and returns ctx's error; the memo is then as it was.
func (m *Memo) Corpus(ctx context.Context, articles []content.Article) (*Corpus, error) {
	entries := make(map[string]*memoEntry, len(articles))
	reuse := make([]*memoEntry, len(articles))
	for i, a := range articles {
		if e := m.entries[a.Path]; e != nil && sameArticle(e.in, a) {
			reuse[i] = e
			entries[a.Path] = e
		} else {
			entries[a.Path] = &memoEntry{in: a}
		}
	}
	profiles := make([]profile, len(articles))
	if err := parallel.For(ctx, len(articles), func(i int) {
		if reuse[i] != nil {
			profiles[i] = reuse[i].profile
			return
		}
		profiles[i] = profileOf(articles[i])
		// Cleaning through the memo finds the keys again: it is done for
		// few articles, and the memo keeps profiles between builds.
		profiles[i].blockKeys = nil
		entries[articles[i].Path].profile = profiles[i]
	}); err != nil {
		return nil, err
	}
	c, err := corpusOf(ctx, profiles)
	if err != nil {
		return nil, err
	}
	m.entries = entries
	m.profiled = 0
	for _, e := range reuse {
		if e == nil {
			m.profiled++
		}
	}
	m.cleaned.Store(0)
	return c, nil
}

// Clean is Clean(a, c), or the result it gave last time when a is
// unchanged and c answers what that cleaning asked as it did then. c must
// be the corpus Corpus returned for this build.
func (m *Memo) Clean(a content.Article, c *Corpus) Article {
	e := m.entries[a.Path]
	if e == nil || !sameArticle(e.in, a) {
		return Clean(a, c) // not an article of this build's corpus
	}
	if e.done && e.sameAnswers(c) {
		return e.out
	}
	m.cleaned.Add(1)
	r := &recorder{c: c, lines: map[uint64]int{}, idfs: map[string]float64{}}
	e.out = clean(a, r, nil)
	e.done, e.lines, e.idf = true, r.lines, r.idfs
	return e.out
}

// Stats returns the counts of the last build that used the memo. Call it
// after the build's cleaning is done.
func (m *Memo) Stats() MemoStats {
	return MemoStats{Profiled: m.profiled, Cleaned: int(m.cleaned.Load())}
}

// sameAnswers reports whether c would answer every question the entry's
// cleaning asked as its corpus did.
func (e *memoEntry) sameAnswers(c *Corpus) bool {
	for n, v := range e.lines {
		if c.lines[n] != v {
			return false
		}
	}
	for k, v := range e.idf {
		if c.idf(k) != v {
			return false
		}
	}
	return true
}

// recorder answers for a Corpus and notes each answer.
type recorder struct {
	c     *Corpus
	lines map[uint64]int
	idfs  map[string]float64
}

func (r *recorder) repeats(line string) int {
	n := normHash(line)
	v := r.c.lines[n]
	r.lines[n] = v
	return v
}

func (r *recorder) idf(key string) float64 {
	v := r.c.idf(key)
	r.idfs[key] = v
	return v
}

// sameArticle reports whether a and b are the same reading of the same
// file: the dev server's parse cache hands back the very same strings for
// an unchanged file, so this costs little.
func sameArticle(a, b content.Article) bool {
	return a.Path == b.Path && a.Hash == b.Hash && a.Format == b.Format &&
		slices.Equal(a.Blocks, b.Blocks) && sameMeta(a.Meta, b.Meta)
}

// sameMeta reports whether two articles' metadata are the same. Dates
// are compared with ==, zone and all: a date read again in another zone
// is another date.
func sameMeta(a, b content.Meta) bool {
	return a.Title == b.Title && a.Publisher == b.Publisher && a.URL == b.URL && a.Author == b.Author &&
		a.Date == b.Date && a.HasDate == b.HasDate && a.DateOnly == b.DateOnly && a.Draft == b.Draft &&
		slices.Equal(a.Tags, b.Tags) && maps.Equal(a.From, b.From)
}
