package events

import (
	"container/heap"
	"sort"

	"github.com/timeline-ssg/timeline/timeline/temporal"
)

const (
	// maxPosting skips terms that more sentences share when proposing
	// candidate pairs: they are too common to tell events apart, and
	// following them would cost quadratic time.
	maxPosting = 200
	// edgeFloor is the least similarity kept in the graph; weaker pairs
	// count as 0 in cluster averages.
	edgeFloor = 0.08
	// sameSourceWindow is how many sentences apart two sentences of one
	// source may be and still be compared.
	sameSourceWindow = 3
	// strongLink is the similarity at which two sentences of different
	// sources are near paraphrases of each other.
	strongLink = 0.45
)

// edge is a candidate pair of sentences and their similarity.
type edge struct {
	a, b int
	sim  float64
}

// candidates returns the pairs of sentences that share a term rare enough
// to index, with their similarity adjusted for source and time. For each
// sentence it accumulates dot products with the later sentences along the
// postings of its terms (a sparse matrix product), so the work is the sum
// of the squared posting lengths, each at most maxPosting.
func candidates(sents []Sentence, opt Options) []edge {
	type posting struct {
		sent int32
		w    float32
	}
	postings := map[int32][]posting{}
	for i := range sents {
		for _, t := range sents[i].vec {
			postings[t.id] = append(postings[t.id], posting{int32(i), t.w})
		}
	}
	acc := make([]float64, len(sents))
	var touched []int32
	var edges []edge
	for i := range sents {
		a := &sents[i]
		for _, t := range a.vec {
			post := postings[t.id]
			if len(post) > maxPosting {
				continue
			}
			// Postings are in sentence order: visit only later sentences.
			k := sort.Search(len(post), func(x int) bool { return post[x].sent > int32(i) })
			for _, p := range post[k:] {
				if acc[p.sent] == 0 {
					touched = append(touched, p.sent)
				}
				acc[p.sent] += float64(t.w) * float64(p.w)
			}
		}
		sort.Slice(touched, func(x, y int) bool { return touched[x] < touched[y] })
		for _, j := range touched {
			b := &sents[j]
			sim := acc[j]
			acc[j] = 0
			if a.Source == b.Source {
				if abs(a.Ordinal-b.Ordinal) > sameSourceWindow {
					continue
				}
				sim *= opt.SameSource
			}
			sim *= timeFactor(a, b)
			if sim >= edgeFloor {
				edges = append(edges, edge{i, int(j), sim})
			}
		}
		touched = touched[:0]
	}
	return edges
}

// timeFactor lowers the similarity of two sentences dated to different
// days and raises it a little for two dated to the same day.
func timeFactor(a, b *Sentence) float64 {
	da, db := dayDates(a), dayDates(b)
	if len(da) == 0 || len(db) == 0 {
		return 1
	}
	for _, x := range da {
		for _, y := range db {
			if x.Overlaps(y) {
				return 1.15
			}
		}
	}
	return 0.5
}

func dayDates(s *Sentence) []temporal.Date {
	var out []temporal.Date
	for _, e := range s.Dates {
		if e.Date.Precision >= temporal.Week {
			out = append(out, e.Date)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cluster groups sentences by average linkage: repeatedly merge the two
// groups with the highest mean pairwise similarity, while it is at least
// opt.Link. Pairs the index did not propose count as 0.
func cluster(sents []Sentence, opt Options) [][]int {
	edges := candidates(sents, opt)
	n := len(sents)
	members := make([][]int, n)
	links := make([]map[int]float64, n) // cluster -> neighbour -> sum of similarities
	version := make([]int, n)
	for i := range members {
		members[i] = []int{i}
	}
	h := &pairHeap{}
	degree := make([]int, n)
	for _, e := range edges {
		degree[e.a]++
		degree[e.b]++
	}
	for i, d := range degree {
		if d > 0 {
			links[i] = make(map[int]float64, d)
		}
	}
	for _, e := range edges {
		links[e.a][e.b] += e.sim
		links[e.b][e.a] += e.sim
		if e.sim >= opt.Link {
			heap.Push(h, pair{e.sim, e.a, e.b, 0, 0})
		}
	}
	// root maps a sentence to the cluster holding it.
	root := make([]int, n)
	for i := range root {
		root[i] = i
	}
	merge := func(a, b int) int {
		// Fold the smaller neighbour map into the larger: the cost of a
		// merge is then the smaller cluster's links.
		if len(links[b]) > len(links[a]) || (len(links[b]) == len(links[a]) && b < a) {
			a, b = b, a
		}
		for _, m := range members[b] {
			root[m] = a
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
		for c, s := range links[b] {
			if c == a {
				continue
			}
			links[a][c] += s
			links[c][a] += s
			delete(links[c], b)
		}
		delete(links[a], b)
		links[b] = nil
		version[a]++
		return a
	}
	for h.Len() > 0 {
		p := heap.Pop(h).(pair)
		if members[p.a] == nil || members[p.b] == nil || version[p.a] != p.va || version[p.b] != p.vb {
			continue
		}
		a := merge(p.a, p.b)
		// Push in a fixed order so ties break the same way every run.
		nbrs := make([]int, 0, len(links[a]))
		for c := range links[a] {
			nbrs = append(nbrs, c)
		}
		sort.Ints(nbrs)
		for _, c := range nbrs {
			avg := links[a][c] / float64(len(members[a])*len(members[c]))
			if avg >= opt.Link {
				x, y := a, c
				if y < x {
					x, y = y, x
				}
				heap.Push(h, pair{avg, x, y, version[x], version[y]})
			}
		}
	}
	// Strong links: two reports that say nearly the same thing in other
	// sources join their groups even when the groups' average similarity
	// is diluted by sentences each group has about other details.
	strong := make([]edge, 0)
	for _, e := range edges {
		if e.sim >= strongLink && sents[e.a].Source != sents[e.b].Source {
			strong = append(strong, e)
		}
	}
	sort.SliceStable(strong, func(i, j int) bool { return strong[i].sim > strong[j].sim })
	for _, e := range strong {
		a, b := root[e.a], root[e.b]
		if a == b {
			continue
		}
		if links[a][b]/float64(len(members[a])*len(members[b])) >= opt.Link/2 {
			merge(a, b)
		}
	}
	var out [][]int
	for _, m := range members {
		if len(m) > 0 {
			sort.Ints(m)
			out = append(out, m)
		}
	}
	return out
}

// pair is a candidate merge of clusters a < b at the given versions.
type pair struct {
	avg    float64
	a, b   int
	va, vb int
}

type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].a != h[j].a {
		return h[i].a < h[j].a
	}
	return h[i].b < h[j].b
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
