// Package dedup merges copies of one article into one source. Copies are
// found by containment of word shingles: the share of the smaller text's
// five-word sequences that the larger one also has. A copy wrapped in
// other chrome, with another headline or an extra paragraph, still
// contains nearly all of the other's shingles; a paraphrased rewrite of
// the same story shares few, and stays a separate source.
//
// Candidate pairs come from an inverted index over a hash-sampled subset
// of shingles, so the work grows with the number of shared shingles, not
// with the square of the number of articles.
package dedup

import (
	"fmt"
	"hash/fnv"
	"path"
	"sort"
	"strings"

	"github.com/timeline-ssg/timeline/timeline/clean"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// Source is one article after its copies were merged.
type Source struct {
	// ID is unique and stable: derived from the canonical file's path.
	ID string
	// Article is the canonical copy.
	Article clean.Article
	// Copies are the other copies, sorted by path.
	Copies []clean.Article
	// Containment is, per copy, the share of shingles it has in common
	// with the canonical copy: the evidence for the merge.
	Containment []float64
}

const (
	// shingleWords is the length of a shingle in words.
	shingleWords = 5
	// sampleMod keeps one shingle hash in sampleMod for the index; texts
	// with few shingles keep them all.
	sampleMod = 4
	// minSampled is the size under which a text keeps all its shingles.
	minSampled = 64
	// maxPosting skips shingles shared by more articles than this: they
	// are boilerplate, and following them would cost quadratic time.
	maxPosting = 256
	// MinContainment is the least containment for two texts to be copies.
	MinContainment = 0.6
)

// fingerprint is the sampled shingle set of one article.
type fingerprint struct {
	exact    uint64
	shingles []uint64 // sorted, unique
}

func fingerprintOf(text string) fingerprint {
	toks := words.Split(text)
	norm := make([]string, len(toks))
	for i, t := range toks {
		norm[i] = strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
	}
	h := fnv.New64a()
	h.Write([]byte(strings.Join(norm, " ")))
	fp := fingerprint{exact: h.Sum64()}
	var all []uint64
	for i := 0; i+shingleWords <= len(norm) || (i == 0 && len(norm) > 0); i++ {
		h := fnv.New64a()
		for _, w := range norm[i:min(len(norm), i+shingleWords)] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		all = append(all, h.Sum64())
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	all = uniq(all)
	if len(all) <= minSampled {
		fp.shingles = all
		return fp
	}
	for _, s := range all {
		if s%sampleMod == 0 {
			fp.shingles = append(fp.shingles, s)
		}
	}
	return fp
}

func uniq(s []uint64) []uint64 {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Group merges copies among articles and returns the sources, sorted by ID.
func Group(articles []clean.Article) []Source {
	fps := make([]fingerprint, len(articles))
	for i := range articles {
		fps[i] = fingerprintOf(articles[i].Text())
	}
	uf := newUnionFind(len(articles))
	contain := map[[2]int]float64{}

	// Exact copies.
	byExact := map[uint64]int{}
	for i, fp := range fps {
		if j, ok := byExact[fp.exact]; ok {
			uf.union(j, i)
			contain[[2]int{j, i}] = 1
		} else {
			byExact[fp.exact] = i
		}
	}
	// Near copies: count shared sampled shingles through the index.
	index := map[uint64][]int{}
	for i, fp := range fps {
		for _, s := range fp.shingles {
			index[s] = append(index[s], i)
		}
	}
	shared := map[[2]int]int{}
	for _, post := range index {
		if len(post) < 2 || len(post) > maxPosting {
			continue
		}
		for a := 0; a < len(post); a++ {
			for b := a + 1; b < len(post); b++ {
				shared[[2]int{post[a], post[b]}]++
			}
		}
	}
	pairs := make([][2]int, 0, len(shared))
	for p := range shared {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	for _, p := range pairs {
		small := min(len(fps[p[0]].shingles), len(fps[p[1]].shingles))
		if small == 0 {
			continue
		}
		c := float64(shared[p]) / float64(small)
		if c >= MinContainment {
			uf.union(p[0], p[1])
			contain[p] = c
		}
	}

	groups := map[int][]int{}
	for i := range articles {
		r := uf.find(i)
		groups[r] = append(groups[r], i)
	}
	var sources []Source
	for _, members := range groups {
		sort.Slice(members, func(a, b int) bool {
			return better(&articles[members[a]], &articles[members[b]])
		})
		canon := members[0]
		src := Source{Article: articles[canon]}
		rest := append([]int(nil), members[1:]...)
		sort.Slice(rest, func(a, b int) bool { return articles[rest[a]].Path < articles[rest[b]].Path })
		for _, m := range rest {
			src.Copies = append(src.Copies, articles[m])
			src.Containment = append(src.Containment, containmentOf(contain, fps, canon, m))
		}
		sources = append(sources, src)
	}
	assignIDs(sources)
	sort.Slice(sources, func(i, j int) bool { return sources[i].ID < sources[j].ID })
	return sources
}

// containmentOf returns the recorded containment between two members of a
// group, or computes it from their fingerprints when they were joined
// through a third.
func containmentOf(contain map[[2]int]float64, fps []fingerprint, a, b int) float64 {
	if a > b {
		a, b = b, a
	}
	if c, ok := contain[[2]int{a, b}]; ok {
		return c
	}
	x, y := fps[a].shingles, fps[b].shingles
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	if small := min(len(x), len(y)); small > 0 {
		return float64(n) / float64(small)
	}
	return 0
}

// better reports whether a should be the canonical copy rather than b:
// the richer metadata (title, date, publisher, URL, author) wins, then the
// cleaner file (fewer lines removed), then the longer text, then the path.
func better(a, b *clean.Article) bool {
	if ma, mb := metadataScore(a), metadataScore(b); ma != mb {
		return ma > mb
	}
	if len(a.Removed) != len(b.Removed) {
		return len(a.Removed) < len(b.Removed)
	}
	if la, lb := a.TextLen(), b.TextLen(); la != lb {
		return la > lb
	}
	return a.Path < b.Path
}

func metadataScore(a *clean.Article) int {
	n := 0
	for _, present := range []bool{a.Title != "", !a.Date.IsZero(), a.Publisher != "", a.URL != "", a.Author != ""} {
		if present {
			n++
		}
	}
	return n
}

// assignIDs gives each source an ID made from its canonical file's path
// below the content directory (see Slug), numbered when two paths collide.
func assignIDs(sources []Source) {
	sort.Slice(sources, func(i, j int) bool { return sources[i].Article.Path < sources[j].Article.Path })
	used := map[string]bool{}
	for i := range sources {
		id := Slug(sources[i].Article.Path)
		base := id
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		used[id] = true
		sources[i].ID = id
	}
}

// Slug turns a content file path into an ID: the path below the first
// directory, without extension, lower-cased, keeping ASCII letters, digits
// and underscores and making every run of other characters one dash
// (non-ASCII letters are dropped).
func Slug(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	p = strings.TrimSuffix(p, path.Ext(p))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(p) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "source"
	}
	return b.String()
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if ra < rb {
		u[rb] = ra
	} else {
		u[ra] = rb
	}
}
