// Package dedup merges copies of one article into one source, and says
// which sources share wording without being copies.
//
// Texts are compared by their five-word shingles: the words as
// words.Split finds them, lower-cased, across paragraph breaks, so that
// rewrapping paragraphs changes nothing. Two texts are copies when their
// containment — the share of the smaller text's shingles that the larger
// has too — is at least MinContainment and one of them opens with the
// other's words. A copy in other chrome, with another headline, an extra
// paragraph or a trailing correction, still contains nearly all of the
// other's shingles, and so does a short brief inside the full story; a
// paraphrased rewrite of the same story shares few; a follow-up that
// reuses some of a report's paragraphs under a new lead may share many,
// but opens with its own lead, and the report with the one the follow-up
// left out. Two excerpts of one story cut at different places are copies
// with less containment when their shared part is a long verbatim
// passage (see verify.go for the rule and its measured error). Texts
// with the same words are copies at once; a text without words is never
// a copy.
//
// Comparing every pair would cost time quadratic in the number of texts,
// so candidate pairs come from two indexes, and only they are verified,
// by exact containment over the full sorted shingle sets:
//
//   - MinHash LSH. Each text gets a MinHash signature of 64 values by
//     one-permutation hashing (a shingle falls in one of 64 bins by its
//     hash, a bin keeps its least value, empty bins borrow by optimal
//     densification), cut into 16 bands of 4 rows. Texts with a band in
//     common are candidates, so a pair with Jaccard similarity J is one
//     with probability 1−(1−J⁴)¹⁶: 3% at J = 0.2, 12% at 0.3, 34% at
//     0.4, 64% at 0.5, 89% at 0.6, 98.8% at 0.7, 99.98% at 0.8 (the
//     threshold (1/16)^(1/4) is 0.5). A bucket of more than 8 texts pairs
//     each with the first and the one before it, so a story that many
//     sites carry costs time linear in its copies.
//   - Anchors. Jaccard similarity is low between a brief and the long
//     story it is part of, so LSH misses such copies. The shingles whose
//     hash falls in the lowest quarter of its range are anchors: sampled
//     by value, the same way in every text, so a brief's anchors are all
//     in the story's too (a sample in the manner of FracMinHash). Texts
//     sharing at least two anchors and a tenth of the anchors of the text
//     with fewer are candidates; a text of 40 shingles contained in
//     another shares two anchors with probability 0.9999. An anchor in
//     more than 64 texts is a stock phrase and is skipped; the copies of
//     a story that many sites carry meet in the bands.
//
// The work is one pass over the words, sorting (radix) of the band keys,
// anchors and candidate pairs, and one verification per candidate: it
// grows with the number of texts and the copies among them, not with the
// square of the number of texts.
//
// Verified copies are joined strongest first, and two groups are joined
// only when their longest texts are copies too, so a short text quoted by
// two different articles joins one of them rather than chaining both into
// one source. The canonical copy of a source is the one with the richest
// metadata (title, date, publisher, URL, author), then the cleanest (the
// fewest blocks removed by cleaning), then the longest, then the first by
// path; the others are its Copies.
//
// Sources are Related when their canonical copies share at least
// MinRelated of the smaller one's shingles, and at least 15 shingles: a
// second paper's rewrite that kept some of the first one's sentences, a
// follow-up that repeats a background paragraph.
//
// The result depends only on the articles, not on their order.
package dedup

import (
	"cmp"
	"context"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/words"
)

// Source is one article after its copies were merged.
type Source struct {
	// ID is unique and stable: derived from the canonical file's path.
	ID string
	// Article is the canonical copy.
	Article clean.Article
	// Copies are the other copies, sorted by path.
	Copies []clean.Article
	// Containment is, per copy, its containment with the canonical copy:
	// the share of the smaller text's shingles that the other has too,
	// the evidence for the merge. It is at least MinContainment unless the
	// two are excerpts of one story that share a long verbatim passage
	// (at least minExcerpt then), or the copy was joined through a third
	// text: two briefs of one story, each
	// lacking paragraphs the other has, are both copies of the full story
	// but not always of each other.
	Containment []float64
	// Related are the other sources that share wording with this one
	// without being copies of it, such as a second paper's rewrite that
	// kept some of the first one's sentences: sorted by similarity, the
	// strongest first, then by ID. Relations go both ways.
	Related []Relation
}

// Relation says that another source shares wording with a source.
type Relation struct {
	// ID is the other source's ID.
	ID string
	// Similarity is the containment between the two sources' canonical
	// copies: at least MinRelated, and below MinContainment unless a text
	// of one is a copy of a text of the other but their longest texts are
	// not copies (a short text found in two different articles).
	Similarity float64
}

const (
	// MinContainment is the least containment for two texts to be copies.
	MinContainment = 0.6
	// MinRelated is the least containment for two sources to be related.
	MinRelated = 0.15
	// minRelatedShingles is the least number of shingles two texts must
	// share to be related: a sentence or two in common is not enough.
	minRelatedShingles = 15
)

// Group merges copies among articles and returns the sources, sorted by
// ID, with their relations. The canonical copy of each source has the
// richest metadata, then the fewest removed blocks, then the longest text,
// then the first path. The result does not depend on the order of
// articles. It stops when ctx is done, between chunks of articles or of
// pairs, and returns ctx's error.
func Group(ctx context.Context, articles []clean.Article) ([]Source, error) {
	return group(ctx, articles, nil)
}

// group is Group, reusing memo's work when memo is not nil.
func group(ctx context.Context, articles []clean.Article, memo *Memo) ([]Source, error) {
	order := canonicalOrder(articles)
	fps := make([]fingerprint, len(order))
	keys := make([][bands]uint64, len(order))
	reused := make([]bool, len(order))
	err := inChunks(ctx, len(order), 64, func(from, to int) {
		var s scratch
		for k := from; k < to; k++ {
			a := &articles[order[k]]
			if e := memo.lookup(a); e != nil {
				fps[k], keys[k], reused[k] = e.fp, e.keys, true
				continue
			}
			fps[k] = s.fingerprint(a)
			bandKeys(&keys[k], fps[k].shingles)
		}
	})
	if err != nil {
		return nil, err
	}

	cands := bandPairs(fps, keys)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cands = append(cands, anchorPairs(fps)...)
	sortKeys(cands) // pairs sort by their first text, then their second
	cands = slices.Compact(cands)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	scores := make([]score, len(cands))
	err = inChunks(ctx, len(cands), 1024, func(from, to int) {
		for i := from; i < to; i++ {
			a, b := cands[i].split()
			if reused[a] && reused[b] {
				if s, ok := memo.score(articles[order[a]].Path, articles[order[b]].Path); ok {
					scores[i] = s
					continue
				}
			}
			scores[i] = verify(&fps[a], &fps[b])
		}
	})
	if err != nil {
		return nil, err
	}
	var oldScores, scored map[[2]string]score
	pathsOf := func(a, b int32) [2]string {
		a, b = pairOf(a, b).split()
		return [2]string{articles[order[a]].Path, articles[order[b]].Path}
	}
	if memo != nil {
		oldScores = memo.scores
		scored = make(map[[2]string]score, len(cands))
		for i, p := range cands {
			scored[pathsOf(p.split())] = scores[i]
		}
		memo.scores = scored
		memo.keep(articles, order, fps, keys)
	}
	var copies, related []edge
	for i, p := range cands {
		a, b := p.split()
		switch s := scores[i]; {
		case s.copy:
			copies = append(copies, edge{a, b, s.c})
		case s.c >= MinRelated && s.shared >= minRelatedShingles:
			related = append(related, edge{a, b, s.c})
		}
	}

	cl := newClusters(fps)
	// The containment of two texts the indexes proposed is known already;
	// with a memo, so is that of other pairs of texts that did not change.
	cl.scoreOf = func(a, b int32) score {
		if i, ok := slices.BinarySearch(cands, pairOf(a, b)); ok {
			return scores[i]
		}
		var key [2]string
		if memo != nil {
			key = pathsOf(a, b)
			if s, ok := oldScores[key]; ok && reused[a] && reused[b] {
				scored[key] = s
				return s
			}
		}
		s := verify(&fps[a], &fps[b])
		if memo != nil {
			scored[key] = s
		}
		return s
	}
	cl.joinExact()
	// The strongest evidence first, so that a text inside two others
	// that are not copies of each other joins the one it shares most
	// with.
	slices.SortFunc(copies, func(x, y edge) int {
		if c := cmp.Compare(y.c, x.c); c != 0 {
			return c
		}
		return cmp.Compare(pairOf(x.a, x.b), pairOf(y.a, y.b))
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, e := range copies {
		if !cl.join(e.a, e.b) {
			related = append(related, e)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return cl.sources(articles, order, related), nil
}

// inChunks calls fn on consecutive ranges of [0, n) of size chunk, in
// parallel, until ctx is done; it then returns ctx's error.
func inChunks(ctx context.Context, n, chunk int, fn func(from, to int)) error {
	return parallel.For(ctx, (n+chunk-1)/chunk, func(c int) {
		fn(c*chunk, min(n, (c+1)*chunk))
	})
}

// edge is a verified pair of texts and their containment.
type edge struct {
	a, b int32
	c    float64
}

// canonicalOrder returns the indices of articles sorted by path (then by
// hash, length and text), the order all of Group's work is done in.
func canonicalOrder(articles []clean.Article) []int {
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &articles[i], &articles[j]
		if c := cmp.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Hash, b.Hash); c != 0 {
			return c
		}
		if c := cmp.Compare(a.TextLen(), b.TextLen()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Text(), b.Text()); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	return order
}

// clusters is a union-find over texts that keeps each cluster's hub: its
// longest text (most shingles, then the first).
type clusters struct {
	fps    []fingerprint
	parent []int32
	hub    []int32
	// scoreOf returns the containment of two texts and the shingles they
	// share.
	scoreOf func(a, b int32) score
}

// newClusters returns every text in a cluster of its own; scoreOf must
// be set before texts are joined.
func newClusters(fps []fingerprint) *clusters {
	c := &clusters{fps: fps, parent: make([]int32, len(fps)), hub: make([]int32, len(fps))}
	for i := range c.parent {
		c.parent[i] = int32(i)
		c.hub[i] = int32(i)
	}
	return c
}

func (c *clusters) find(i int32) int32 {
	for c.parent[i] != i {
		c.parent[i] = c.parent[c.parent[i]]
		i = c.parent[i]
	}
	return i
}

// union joins two clusters by their roots.
func (c *clusters) union(ra, rb int32) {
	if ra > rb {
		ra, rb = rb, ra
	}
	c.parent[rb] = ra
	ha, hb := c.hub[ra], c.hub[rb]
	if na, nb := len(c.fps[ha].shingles), len(c.fps[hb].shingles); nb > na || nb == na && hb < ha {
		c.hub[ra] = hb
	}
}

// joinExact joins the texts with the same words. A text without words is
// never a copy.
func (c *clusters) joinExact() {
	byExact := make([]int32, 0, len(c.fps))
	for i, fp := range c.fps {
		if fp.exact != 0 {
			byExact = append(byExact, int32(i))
		}
	}
	slices.SortFunc(byExact, func(a, b int32) int {
		if x := cmp.Compare(c.fps[a].exact, c.fps[b].exact); x != 0 {
			return x
		}
		return cmp.Compare(a, b)
	})
	for k := 1; k < len(byExact); k++ {
		a, b := byExact[k-1], byExact[k]
		if c.fps[a].exact == c.fps[b].exact {
			if ra, rb := c.find(a), c.find(b); ra != rb {
				c.union(ra, rb)
			}
		}
	}
}

// join joins the clusters of two texts that are copies, if the clusters'
// hubs are copies too: a short text found in two different articles must
// not chain them into one source. It reports whether the two texts are in
// one cluster afterwards.
func (c *clusters) join(a, b int32) bool {
	ra, rb := c.find(a), c.find(b)
	if ra == rb {
		return true
	}
	ha, hb := c.hub[ra], c.hub[rb]
	if ha != a || hb != b {
		if !c.scoreOf(ha, hb).copy {
			return false
		}
	}
	c.union(ra, rb)
	return true
}

// sources builds the sources from the clusters: the canonical copy of
// each, its copies and their containment, IDs, and the relations that
// the edges in related found between clusters.
func (c *clusters) sources(articles []clean.Article, order []int, related []edge) []Source {
	// The members of each cluster, contiguous and in index order, which
	// is path order: a counting sort by root.
	n := len(c.fps)
	root := make([]int32, n)
	start := make([]int32, n+1)
	for i := range root {
		root[i] = c.find(int32(i))
		start[root[i]+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	members := make([]int32, n)
	next := slices.Clone(start[:n])
	for i, r := range root {
		members[next[r]] = int32(i)
		next[r]++
	}
	// The sources are built in the order of their canonical copies' paths
	// (indices are in path order), the order in which assignIDs numbers
	// colliding IDs.
	type group struct{ canon, root int32 }
	var groups []group
	for r := range int32(n) {
		ms := members[start[r]:start[r+1]]
		if len(ms) == 0 {
			continue
		}
		canon := ms[0]
		for _, m := range ms[1:] {
			if better(&articles[order[m]], &articles[order[canon]]) {
				canon = m
			}
		}
		groups = append(groups, group{canon, r})
	}
	slices.SortFunc(groups, func(x, y group) int { return cmp.Compare(x.canon, y.canon) })
	sources := make([]Source, len(groups))
	sourceOf := make([]int32, n) // by root
	for si, g := range groups {
		src := &sources[si]
		src.Article = articles[order[g.canon]]
		for _, m := range members[start[g.root]:start[g.root+1]] {
			if m == g.canon {
				continue
			}
			src.Copies = append(src.Copies, articles[order[m]])
			src.Containment = append(src.Containment, c.scoreOf(g.canon, m).c)
		}
		sourceOf[g.root] = int32(si)
	}
	assignIDs(sources)

	// Sources are related when their canonical copies share wording; the
	// pairs of sources to check are those with related texts.
	var pairs []pair
	for _, e := range related {
		if sa, sb := sourceOf[root[e.a]], sourceOf[root[e.b]]; sa != sb {
			pairs = append(pairs, pairOf(sa, sb))
		}
	}
	slices.Sort(pairs)
	for _, p := range slices.Compact(pairs) {
		sa, sb := p.split()
		sc := c.scoreOf(groups[sa].canon, groups[sb].canon)
		sim := sc.c
		if sim < MinRelated || sc.shared < minRelatedShingles {
			continue
		}
		sources[sa].Related = append(sources[sa].Related, Relation{ID: sources[sb].ID, Similarity: sim})
		sources[sb].Related = append(sources[sb].Related, Relation{ID: sources[sa].ID, Similarity: sim})
	}
	for i := range sources {
		slices.SortFunc(sources[i].Related, func(x, y Relation) int {
			if c := cmp.Compare(y.Similarity, x.Similarity); c != 0 {
				return c
			}
			return cmp.Compare(x.ID, y.ID)
		})
	}
	slices.SortFunc(sources, func(x, y Source) int { return cmp.Compare(x.ID, y.ID) })
	return sources
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
// below the content directory (see sourceID), numbered in the order of
// sources, which is by path, when two paths collide.
func assignIDs(sources []Source) {
	used := map[string]bool{}
	for i := range sources {
		id := sourceID(sources[i].Article.Path)
		base := id
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		used[id] = true
		sources[i].ID = id
	}
}

// sourceID turns a content file path into an ID: the path below the
// first directory, without extension, made a slug (see words.Slug), or
// "source" when nothing of it is left.
func sourceID(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return cmp.Or(words.Slug(strings.TrimSuffix(p, path.Ext(p))), "source")
}
