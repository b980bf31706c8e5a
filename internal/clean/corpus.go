package clean

import (
	"context"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/words"
)

// Corpus is what cleaning knows across all the articles of a site: which
// short lines recur in articles that are not copies of each other (site
// chrome such as "Leave a Reply"), and how many articles use each word.
type Corpus struct {
	docs int
	// idfs holds the idf of every key an article uses, worked out once
	// from the number of articles using it.
	idfs map[string]float64
	// lines maps a normalised short line (see normHash) to the number of
	// distinct article leads it appears under.
	lines map[uint64]int
	// blockKeys holds, for an article NewCorpus was given (by path, see
	// at), the content keys of each of its blocks, which cleaning needs
	// too: each is handed to Clean once, then dropped.
	at        map[string]int
	blockKeys [][][]string
}

// NewCorpus gathers the cross-article statistics of articles. Each
// article's part is worked out on its own, in parallel; only the counting
// across articles is done in one place. It stops when ctx is done, and
// returns ctx's error.
func NewCorpus(ctx context.Context, articles []content.Article) (*Corpus, error) {
	profiles := make([]profile, len(articles))
	if err := parallel.For(ctx, len(articles), func(i int) {
		profiles[i] = profileOf(articles[i])
	}); err != nil {
		return nil, err
	}
	c, err := corpusOf(ctx, profiles)
	if err != nil {
		return nil, err
	}
	c.at = make(map[string]int, len(articles))
	c.blockKeys = make([][][]string, len(articles))
	for i, a := range articles {
		c.at[a.Path] = i
		c.blockKeys[i] = profiles[i].blockKeys
	}
	return c, nil
}

// takeKeys returns the content keys of the blocks of the article at
// path, as NewCorpus found them, or nil; it forgets them. It may be
// called from several goroutines at once, for different articles.
func (c *Corpus) takeKeys(path string, blocks int) [][]string {
	i, ok := c.at[path]
	if !ok || len(c.blockKeys[i]) != blocks {
		return nil
	}
	keys := c.blockKeys[i]
	c.blockKeys[i] = nil
	return keys
}

// corpusOf gathers the statistics of the articles with these profiles.
// It stops between articles when ctx is done, with ctx's error.
func corpusOf(ctx context.Context, profiles []profile) (*Corpus, error) {
	c := &Corpus{docs: len(profiles), lines: map[uint64]int{}}
	df := map[string]int{} // articles using each key
	// What follows each long block, file by file: a long block followed by
	// different texts in several files is a notice the site puts on every
	// page (cookies, a newsletter), not a story that was copied. (A line's
	// normal form is never 0: 0 stands for none.)
	followers := map[uint64]map[uint64]struct{}{}
	for i, p := range profiles {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var prev uint64
		for _, l := range p.lines {
			if l.words < leadWords {
				continue
			}
			if prev != 0 {
				if followers[prev] == nil {
					followers[prev] = map[uint64]struct{}{}
				}
				followers[prev][l.norm] = struct{}{}
			}
			prev = l.norm
		}
	}
	leadsOf := map[uint64]map[uint64]struct{}{}
	for i, p := range profiles {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// The lead: the first long block that is not a site notice, so that
		// copies of one story share it and stories of one site do not.
		var lead, first uint64
		for _, l := range p.lines {
			if l.words < leadWords {
				continue
			}
			if first == 0 {
				first = l.norm
			}
			if len(followers[l.norm]) < repeatedMin {
				lead = l.norm
				break
			}
		}
		switch {
		case lead == 0 && first != 0:
			lead = first
		case lead == 0 && len(p.lines) > 0:
			lead = p.lines[0].norm
		}
		for _, k := range p.keys {
			df[k]++
		}
		for _, l := range p.lines {
			if l.words > shortWords {
				continue
			}
			if leadsOf[l.norm] == nil {
				leadsOf[l.norm] = map[uint64]struct{}{}
			}
			leadsOf[l.norm][lead] = struct{}{}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for n, leads := range leadsOf {
		if len(leads) > 1 {
			c.lines[n] = len(leads)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.idfs = make(map[string]float64, len(df))
	i := 0
	for k, n := range df {
		if i++; i%(64*checkEvery) == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		c.idfs[k] = idfOf(c.docs, n)
	}
	return c, nil
}

// checkEvery is how many articles a loop that does not run in parallel
// takes between two looks at its context: few enough that a cancelled
// build stops within a millisecond, many enough that looking costs
// nothing.
const checkEvery = 256

// profile is what one article brings to a Corpus.
type profile struct {
	lines []line   // one per block
	keys  []string // the distinct content keys of the article
	// blockKeys are the content keys of each block, in order.
	blockKeys [][]string
}

// line is a block's word count and normal form (see normHash).
type line struct {
	words int
	norm  uint64
}

// profileOf works out one article's profile.
func profileOf(a content.Article) profile {
	p := profile{lines: make([]line, len(a.Blocks)), blockKeys: make([][]string, len(a.Blocks))}
	seen := map[string]struct{}{}
	for bi, b := range a.Blocks {
		p.lines[bi] = line{words: words.Count(b.Text), norm: normHash(b.Text)}
		p.blockKeys[bi] = words.ContentKeys(b.Text)
		for _, k := range p.blockKeys[bi] {
			if _, ok := seen[k]; !ok {
				seen[k] = struct{}{}
				p.keys = append(p.keys, k)
			}
		}
	}
	return p
}

// leadWords is the fewest words a block needs to be an article's lead.
const leadWords = 20

// normHash returns a 64-bit hash (FNV-1a) of the normal form of a
// line: lower case, white space runs made one space, none at either
// end. Lines with the same normal form have the same hash, and two that
// differ have the same one with a chance of 2⁻⁶⁴: the corpus counts lines
// by hash, without making their normal forms. It is never 0.
func normHash(s string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	add := func(c byte) {
		h ^= uint64(c)
		h *= prime
	}
	space, started := false, false
	for i := 0; i < len(s); {
		var r rune
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		i += n
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			add(' ')
			space = false
		}
		started = true
		if r < utf8.RuneSelf {
			c := byte(r)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			add(c)
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, c := range buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))] {
			add(c)
		}
	}
	if h == 0 {
		h = 1
	}
	return h
}

// repeats returns how many articles with distinct leads carry line.
func (c *Corpus) repeats(line string) int {
	return c.lines[normHash(line)]
}

// idfStep is the step idf values are rounded to. Rounded, the weight of
// a common word stays the same when an article is edited, added or
// removed: an edit changes the idf of a word in half the articles by
// about 1/5,000 on a site of 10,000, so its rounded value changes about
// once in 150 edits. The dev server cleans again only the articles whose
// idf answers changed (see Memo), so unrounded, every edit touching a
// common word would clean again every article using it. A step of 1/32
// is far below what changes which blocks are kept.
const idfStep = 1.0 / 32

// idf returns the inverse document frequency of a word key, rounded to
// idfStep.
func (c *Corpus) idf(key string) float64 {
	if c == nil || c.docs == 0 {
		return 1
	}
	if v, ok := c.idfs[key]; ok {
		return v
	}
	return idfOf(c.docs, 0) // a key no article uses
}

// idfOf is the idf of a key df of docs articles use, rounded to idfStep.
func idfOf(docs, df int) float64 {
	return math.Round((1+math.Log(float64(docs+1)/float64(df+1)))/idfStep) * idfStep
}
