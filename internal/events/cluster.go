package events

import (
	"cmp"
	"container/heap"
	"context"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

const (
	// maxPosting skips terms that more sentences share when proposing
	// candidate pairs: they are too common to tell events apart, and
	// following them would cost quadratic time.
	maxPosting = 200
	// sourceWindow is how many of the passages after a passage of its
	// source are candidates without a shared term.
	sourceWindow = 3
	// edgeFloor is the least similarity worth comparing passages as
	// wholes for.
	edgeFloor = 0.05
	// maxTimeFactor is the most timeFactor raises a similarity: for two
	// passages that give the same day in their own words. Reports of one
	// event seldom share many words, and a day is what they most surely
	// share.
	maxTimeFactor = 2.25
)

// edge is a candidate pair of units (passages) and their similarity.
type edge struct {
	a, b int
	// sim is what clustering links by: the chance, by the fitted pair
	// model (see pairModel), that the two passages tell one happening.
	sim float64
	// raw is the cosine similarity weighed by time and source (see
	// timeFactor), which says how well sources corroborate a group.
	raw float64
}

// unit is a passage as clustering sees it: its sentences, its source, the
// sum of its sentence vectors (normalised) and its date.
type unit struct {
	sents  []int
	source int
	vec    vector
	when   temporal.Date
	level  timeLevel
	// lo and hi are when's first and last day, as days since 1970, and
	// day is true when when is a single day: timeFactor compares them.
	lo, hi int32
	day    bool
	// lead is true for a passage that opens its source: the report's
	// lead, which tells its main event.
	lead bool
	// spans are the dates of a month or more precise its sentences
	// name, their own or anchored to another event ("since the rig
	// exploded on 20 April", "in April"), as first and last days, at
	// most maxSpans of them.
	spans [][2]int32
}

// maxSpans is the most dates a unit keeps in unit.spans.
const maxSpans = 4

// timeLevel says how much a unit's date is worth as evidence.
type timeLevel int8

const (
	noTime timeLevel = iota
	// published: no sentence dates the unit; it is taken to report
	// something of the day its source was published or the day before.
	published
	// inherited: a date inherited from a neighbour, or a week.
	inherited
	// own: a day a sentence of the unit gives in its own words.
	own
)

// units returns the passages made of event mentions, and for each
// sentence the unit holding it (-1 for sentences that are not event
// mentions). It stops when ctx is done, with ctx's error.
func units(ctx context.Context, sents []Sentence, passages [][]int, sources []dedup.Source) ([]unit, []int, error) {
	// The passages of event mentions, in order; each is made a unit on
	// its own, in parallel.
	var mentions [][]int
	for _, p := range passages {
		if sents[p[0]].Mention.Event {
			mentions = append(mentions, p)
		}
	}
	out := make([]unit, len(mentions))
	if err := parallel.For(ctx, len(mentions), func(k int) {
		out[k] = unitOf(sents, mentions[k], sources)
	}); err != nil {
		return nil, nil, err
	}
	of := make([]int, len(sents))
	for i := range of {
		of[i] = -1
	}
	for k, p := range mentions {
		for _, m := range p {
			of[m] = k
		}
	}
	return out, of, nil
}

// unitOf makes the unit of the passage p.
func unitOf(sents []Sentence, p []int, sources []dedup.Source) unit {
	u := unit{sents: p, source: sents[p[0]].Source, lead: sents[p[0]].Ordinal <= 1}
	for _, m := range p {
		s := &sents[m]
		for _, e := range s.Dates {
			if e.Date.Precision < temporal.Month || len(u.spans) == maxSpans {
				continue
			}
			if sp := [2]int32{dayNumber(e.Date.Start), dayNumber(e.Date.End)}; !slices.Contains(u.spans, sp) {
				u.spans = append(u.spans, sp)
			}
		}
		switch {
		case s.When.IsZero():
		case s.OwnDate() && s.When.Precision == temporal.Day:
			if u.level < own {
				u.when, u.level = s.When, own
			}
		case u.level < inherited || u.level == inherited && s.When.Precision > u.when.Precision:
			u.when, u.level = s.When, inherited
		}
	}
	if pub := sources[u.source].Article.Date; u.level == noTime && pub.Precision == temporal.Day {
		u.when = temporal.Date{Start: pub.Start.AddDate(0, 0, -1), End: pub.Start, Precision: temporal.Week}
		u.level = published
	}
	u.vec = sumVectors(sents, p)
	if u.level > noTime {
		u.lo, u.hi = dayNumber(u.when.Start), dayNumber(u.when.End)
		u.day = u.when.Precision == temporal.Day
	}
	return u
}

// sumVectors returns the normalised sum of the sentences' vectors.
func sumVectors(sents []Sentence, idx []int) vector {
	if len(idx) == 1 {
		return sents[idx[0]].vec
	}
	acc := map[int32]float64{}
	for _, m := range idx {
		for _, t := range sents[m].vec {
			acc[t.id] += float64(t.w)
		}
	}
	ids := make([]int32, 0, len(acc))
	for id := range acc {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// Summed in term order: a sum in the map's order would differ in its
	// last bits from run to run.
	v := make(vector, len(ids))
	var norm float64
	for j, id := range ids {
		w := acc[id]
		v[j] = term{id, float32(w)}
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for j := range v {
		v[j].w = float32(float64(v[j].w) / norm)
	}
	return v
}

// candidates returns the pairs of units whose sentences share a term rare
// enough to index, with their similarity: the best of the most similar
// pair of their sentences and the cosine of their summed vectors, scaled
// for two units of one source and for time. For each sentence it
// accumulates dot products with the later sentences along the postings
// of its terms (a sparse matrix product), so the work is the sum of the
// squared posting lengths, each at most maxPosting. Units are runs of
// sentences in order, so a unit's sentences all come before a later
// unit's.
//
// observe, when not nil, is given the features of every pair weighed,
// for fitting; it may be called from several goroutines at once.
// candidates stops between chunks of units when ctx is done, with ctx's
// error.
func candidates(ctx context.Context, sents []Sentence, us []unit, unitOf []int, opt Options, prm *Params, observe func(a, b int, x [nPair]float64)) ([]edge, error) {
	type posting struct {
		sent int32
		w    float32
	}
	nTerms := 0
	for i := range sents {
		for _, t := range sents[i].vec {
			nTerms = max(nTerms, int(t.id)+1)
		}
	}
	postings := make([][]posting, nTerms)
	for i := range sents {
		if unitOf[i] < 0 {
			continue
		}
		for _, t := range sents[i].vec {
			postings[t.id] = append(postings[t.id], posting{int32(i), t.w})
		}
	}
	floor := math.Log(prm.Floor / (1 - prm.Floor)) // the logit of the floor
	times := make([]unitTime, len(us))
	for i := range us {
		times[i] = timeOf(&us[i])
	}
	// Units are shared out in chunks among the cores; each chunk keeps
	// its edges in the order it finds them, and the chunks are joined in
	// order. (What is made of the edges does not depend on their order.)
	const chunk = 256
	chunks := make([][]edge, (len(us)+chunk-1)/chunk)
	newScratch := func() *candidateScratch {
		return &candidateScratch{
			acc:  make([]float64, len(sents)),
			best: make([]float64, len(us)),
			seen: make([]int32, len(us)),
		}
	}
	err := parallel.ForWith(ctx, len(chunks), newScratch, func(w *candidateScratch, c int) {
		acc, best, seen := w.acc, w.best, w.seen
		touched, near := w.touched, w.near
		var edges []edge
		for ua := c * chunk; ua < min(len(us), (c+1)*chunk); ua++ {
			if ctx.Err() != nil {
				break // a unit of many sentences can take a while; ForWith returns the error
			}
			for _, i := range us[ua].sents {
				for _, t := range sents[i].vec {
					post := postings[t.id]
					if len(post) > maxPosting {
						continue
					}
					// Postings are in sentence order: visit only later sentences.
					// The first later one, by binary search (sort.Search
					// without a call for each probe).
					k, hi := 0, len(post)
					for k < hi {
						h := int(uint(k+hi) >> 1)
						if post[h].sent > int32(i) {
							hi = h
						} else {
							k = h + 1
						}
					}
					for _, p := range post[k:] {
						if acc[p.sent] == 0 {
							touched = append(touched, p.sent)
						}
						acc[p.sent] += float64(t.w) * float64(p.w)
					}
				}
				for _, j := range touched {
					sim := acc[j]
					acc[j] = 0
					ub := unitOf[j]
					if ub == ua {
						continue
					}
					if best[ub] == 0 {
						near = append(near, ub)
					}
					best[ub] = max(best[ub], sim)
				}
				touched = touched[:0]
			}
			a := &us[ua]
			// Pairs no shared term proposes: the next passages of
			// the source.
			for _, ub := range near {
				seen[ub] = int32(ua) + 1
			}
			indexed := len(near) // near[indexed:] share no indexed term
			for ub := ua + 1; ub < min(len(us), ua+1+sourceWindow) && us[ub].source == a.source; ub++ {
				if seen[ub] != int32(ua)+1 {
					near = append(near, ub)
				}
			}
			for k, ub := range near {
				b := &us[ub]
				sim := best[ub]
				best[ub] = 0
				if k < indexed && maxTimeFactor*3*sim < edgeFloor {
					continue // sentences that barely touch
				}
				tb := times[ub]
				f := timeFactor(times[ua], tb)
				if times[ua].source == tb.source {
					f *= opt.SameSource
				}
				whole := sim
				if 3*sim*f >= edgeFloor && (times[ua].multi || tb.multi) {
					// Summed vectors weigh what the passages share as
					// wholes; they seldom do much better than their
					// closest sentences, so pairs whose sentences
					// barely touch are not worth it.
					whole = dot(a.vec, b.vec)
				}
				if k < indexed && max(sim, whole)*f < edgeFloor {
					continue // too far apart, however the rest goes
				}
				x := pairFeatures(a, b, sents, sim, whole)
				if observe != nil {
					observe(ua, ub, x)
				}
				if z := prm.pairLogit(&x); z >= floor {
					edges = append(edges, edge{a: ua, b: ub, sim: 1 / (1 + math.Exp(-z)), raw: max(sim, whole) * f})
				}
			}
			near = near[:0]
		}
		w.touched, w.near = touched, near
		chunks[c] = edges
	})
	if err != nil {
		return nil, err
	}
	var edges []edge
	for _, c := range chunks {
		edges = append(edges, c...)
	}
	return edges, nil
}

// candidateScratch is the space one of candidates' goroutines works in.
type candidateScratch struct {
	// acc[j] accumulates the dot product of the current sentence with
	// sentence j, for the sentences in touched.
	acc     []float64
	touched []int32
	// best[ub] is the best sentence similarity of unit ub to the current
	// unit, for the units in near (and 0 for the others).
	best []float64
	near []int
	// seen[ub] is ua+1 when the index proposed unit ub for unit ua.
	seen []int32
}

// unitTime is what candidates reads of a unit before it weighs it
// whole: its dates (for timeFactor), its source and whether it has more
// than one sentence. candidates keeps them apart, side by side, so that
// weighing the many units the index proposes for a unit does not read
// each whole.
type unitTime struct {
	lo, hi, source int32
	level          timeLevel
	day            bool
	multi          bool // more than one sentence
}

// timeOf returns what candidates reads of u first.
func timeOf(u *unit) unitTime {
	return unitTime{lo: u.lo, hi: u.hi, source: int32(u.source), level: u.level, day: u.day, multi: len(u.sents) > 1}
}

// timeFactor weighs the similarity of two units by their dates: the same
// day is strong evidence of one event, different days strong evidence of
// two. Dates a unit inherits from its neighbours count for less than its
// own, and the publication dates of undated units for less again: two
// undated reports published weeks apart seldom tell one event.
func timeFactor(a, b unitTime) float64 {
	level := min(a.level, b.level)
	switch {
	case level == noTime:
		return 1
	case level == published:
		gap := max(a.lo-b.hi, b.lo-a.hi, 0)
		switch {
		case gap == 0:
			return 1
		case gap <= 3:
			return 0.8
		case gap <= 7:
			return 0.6
		}
		return 0.35
	}
	if a.day && b.day {
		switch {
		case a.lo == b.lo && level == own:
			return maxTimeFactor
		case a.lo == b.lo:
			return 1.25
		case level == own:
			return 0.2
		}
		return 0.5
	}
	if a.lo <= b.hi && b.lo <= a.hi {
		return 1.1
	}
	return 0.6
}

// dayNumber is the number of days from 1970-01-01 to t's day.
func dayNumber(t time.Time) int32 {
	return int32(t.Unix() / 86400)
}

// cluster groups the event mentions into candidate events: it groups the
// passages by average linkage (repeatedly merge the two groups with the
// highest mean pairwise similarity, while it is at least opt.Link; pairs
// the index did not propose count as 0), then joins groups that a near
// paraphrase links across sources.
// group is a candidate event: its sentences, sorted, and the greatest
// similarity between two of its passages from different sources (0 when
// it has one source), which says how well other sources corroborate it.
type group struct {
	members []int
	best    float64
}

func cluster(ctx context.Context, sents []Sentence, passages [][]int, sources []dedup.Source, opt Options, prm *Params) ([]group, error) {
	us, unitOf, err := units(ctx, sents, passages, sources)
	if err != nil {
		return nil, err
	}
	edges, err := candidates(ctx, sents, us, unitOf, opt, prm, nil)
	if err != nil {
		return nil, err
	}
	return linkUnits(ctx, us, edges, opt, prm)
}

// linkUnits groups the units over the candidate edges (see cluster). It
// stops when ctx is done, with ctx's error.
func linkUnits(ctx context.Context, us []unit, edges []edge, opt Options, prm *Params) ([]group, error) {
	days := make([][]int64, len(us))
	for i, u := range us {
		if u.level == own {
			days[i] = []int64{u.when.Start.Unix()}
		}
	}
	cross := func(a, b int) bool { return us[a].source != us[b].source }
	groups, err := averageLinkage(ctx, len(us), edges, prm.Link+opt.Link-DefaultLink, prm.Strong, prm.StrongShare, prm.Missing, days, cross)
	if err != nil {
		return nil, err
	}
	groupOf := make([]int, len(us))
	out := make([]group, len(groups))
	for gi, g := range groups {
		var m []int
		for _, u := range g {
			groupOf[u] = gi
			m = append(m, us[u].sents...)
		}
		sort.Ints(m)
		out[gi].members = m
	}
	for _, e := range edges {
		if g := groupOf[e.a]; g == groupOf[e.b] && cross(e.a, e.b) {
			out[g].best = max(out[g].best, e.raw)
		}
	}
	return out, nil
}

// averageLinkage clusters n nodes over the weighted edges, then joins
// groups through strong edges between nodes for which cross is true. Two
// groups whose nodes give different days in their own words (days, each
// node's list of days) never merge: they report different events.
//
// Groups never span two connected components of the edges, and what
// happens in one component does not depend on another, so each is
// clustered on its own, in parallel, its nodes renumbered in order. It
// stops when ctx is done, with ctx's error.
func averageLinkage(ctx context.Context, n int, edges []edge, link, strongLink, strongShare, missing float64, days [][]int64, cross func(a, b int) bool) ([][]int, error) {
	comps := components(n, edges)
	found := make([][]linked, len(comps))
	err := parallel.For(ctx, len(comps), func(k int) {
		c := &comps[k]
		if len(c.nodes) == 1 {
			found[k] = []linked{{c.nodes[0], []int{c.nodes[0]}}}
			return
		}
		local := make(map[int]int, len(c.nodes))
		for i, v := range c.nodes {
			local[v] = i
		}
		es := make([]edge, len(c.edges))
		for i, e := range c.edges {
			es[i] = edge{a: local[e.a], b: local[e.b], sim: e.sim}
		}
		ds := make([][]int64, len(c.nodes))
		for i, v := range c.nodes {
			ds[i] = days[v]
		}
		cs, err := linkComponent(ctx, len(c.nodes), es, link, strongLink, strongShare, missing, ds, func(a, b int) bool { return cross(c.nodes[a], c.nodes[b]) })
		if err != nil {
			return // parallel.For returns ctx's error
		}
		for i := range cs {
			cs[i].id = c.nodes[cs[i].id]
			for j, m := range cs[i].members {
				cs[i].members[j] = c.nodes[m]
			}
		}
		found[k] = cs
	})
	if err != nil {
		return nil, err
	}
	all := make([]linked, 0, n)
	for _, cs := range found {
		all = append(all, cs...)
	}
	slices.SortFunc(all, func(x, y linked) int { return cmp.Compare(x.id, y.id) })
	out := make([][]int, len(all))
	for i, c := range all {
		out[i] = c.members
	}
	return out, nil
}

// linked is a group of nodes and the node whose index it took.
type linked struct {
	id      int
	members []int
}

// component is a connected component of a graph: its nodes in order and
// its edges in the order given.
type component struct {
	nodes []int
	edges []edge
}

// components returns the connected components of the graph of n nodes
// and the edges, in the order of their first nodes; a node without edges
// is a component of its own.
func components(n int, edges []edge) []component {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		if a, b := find(e.a), find(e.b); a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	index := make([]int, n) // root → component
	var out []component
	for v := range n {
		r := find(v)
		if r == v {
			index[v] = len(out)
			out = append(out, component{})
		}
		c := &out[index[r]]
		c.nodes = append(c.nodes, v)
	}
	for _, e := range edges {
		c := &out[index[find(e.a)]]
		c.edges = append(c.edges, e)
	}
	return out
}

// linkComponent is averageLinkage over one connected component: it
// returns the groups, in the order of the node whose index each took. A
// component can hold most of a site's passages, so it stops between
// merges when ctx is done, and returns ctx's error.
func linkComponent(ctx context.Context, n int, edges []edge, link, strongLink, strongShare, missing float64, days [][]int64, cross func(a, b int) bool) ([]linked, error) {
	members := make([][]int, n)
	links := make([]map[int]linkSum, n) // cluster -> neighbour -> similarities between them
	// mean is the average similarity of the clusters a and c, linked by l:
	// pairs without an edge count as missing times the average.
	mean := func(l linkSum, a, c int) float64 {
		pairs := float64(len(members[a]) * len(members[c]))
		return l.sum / (float64(l.n) + missing*(pairs-float64(l.n)))
	}
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
			links[i] = make(map[int]linkSum, d)
		}
	}
	for _, e := range edges {
		links[e.a][e.b] = links[e.a][e.b].add(linkSum{e.sim, 1})
		links[e.b][e.a] = links[e.b][e.a].add(linkSum{e.sim, 1})
		if e.sim >= link {
			heap.Push(h, pair{e.sim, e.a, e.b, 0, 0})
		}
	}
	// root maps a node to the cluster holding it.
	root := make([]int, n)
	for i := range root {
		root[i] = i
	}
	compatible := func(a, b int) bool {
		if len(days[a]) == 0 || len(days[b]) == 0 {
			return true
		}
		for _, x := range days[a] {
			for _, y := range days[b] {
				if x != y {
					return false
				}
			}
		}
		return true
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
		if len(days[a]) == 0 {
			days[a] = days[b]
		}
		days[b] = nil
		if links[a] == nil {
			links[a] = map[int]linkSum{}
		}
		for c, s := range links[b] {
			if c == a {
				continue
			}
			links[a][c] = links[a][c].add(s)
			links[c][a] = links[c][a].add(s)
			delete(links[c], b)
		}
		delete(links[a], b)
		links[b] = nil
		version[a]++
		return a
	}
	for popped := 0; h.Len() > 0; popped++ {
		if popped%checkLinks == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p := heap.Pop(h).(pair)
		if members[p.a] == nil || members[p.b] == nil || version[p.a] != p.va || version[p.b] != p.vb || !compatible(p.a, p.b) {
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
			avg := mean(links[a][c], a, c)
			if avg >= link {
				x, y := a, c
				if y < x {
					x, y = y, x
				}
				heap.Push(h, pair{avg, x, y, version[x], version[y]})
			}
		}
	}
	// Strong links: two passages of other sources that the pair model
	// is nearly sure tell one happening join their groups even when the
	// groups' average is diluted by the other details each group has.
	strong := make([]edge, 0)
	for _, e := range edges {
		if cross(e.a, e.b) && e.sim >= strongLink {
			strong = append(strong, e)
		}
	}
	// Strongest first; ties by the nodes, so that the order the edges
	// came in does not matter.
	slices.SortFunc(strong, func(x, y edge) int {
		if c := cmp.Compare(y.sim, x.sim); c != 0 {
			return c
		}
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	for k, e := range strong {
		if k%checkLinks == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		a, b := root[e.a], root[e.b]
		if a == b {
			continue
		}
		if mean(links[a][b], a, b) >= link*strongShare && compatible(a, b) {
			merge(a, b)
		}
	}
	var out []linked
	for id, m := range members {
		if len(m) > 0 {
			sort.Ints(m)
			out = append(out, linked{id, m})
		}
	}
	return out, nil
}

// checkLinks is how many merges linkComponent weighs between two looks
// at its context: a merge folds one cluster's links into another's.
const checkLinks = 64

// linkSum is the sum of the similarities of the n edges between two
// clusters.
type linkSum struct {
	sum float64
	n   int
}

func (l linkSum) add(m linkSum) linkSum { return linkSum{l.sum + m.sum, l.n + m.n} }

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
