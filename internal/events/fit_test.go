package events

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/dedup"
)

// This file fits the clustering parameters (params.go) on the labelled
// corpora: scripts/fit runs TestFit with TIMELINE_FIT=1, and with
// TIMELINE_FIT_WRITE=1 writes params.go.
//
// Each corpus is a site and its gold labels: events, each with cues,
// verbatim pieces of one sentence of one file. A cue names the sentence
// that holds it; two passages holding cues of one gold event are a pair
// that tells one happening, of two gold events a pair that does not. The
// pair model, a logistic regression over pairFeatures, is fitted on the
// candidate pairs of all corpora, each corpus weighing the same; then the
// linkage thresholds are chosen on a grid for the best mean B-cubed F1,
// computed over the gold cues as ../shared/eval/score does. Each corpus
// is also scored with parameters fitted without it (leave one corpus out).

// fitCorpus is one labelled site.
type fitCorpus struct {
	name    string
	sources []dedup.Source
	gold    fitGold
	memo    *Memo
}

// fitGold is the part of a gold.json the fit reads.
type fitGold struct {
	Events []struct {
		Key  string `json:"key"`
		Cues []struct {
			File string `json:"file"`
			Text string `json:"text"`
		} `json:"cues"`
	} `json:"events"`
	Shared []struct {
		File string `json:"file"`
		Text string `json:"text"`
	} `json:"shared_cues"`
}

// fitCue is one gold cue: its event and the sentences holding it.
type fitCue struct {
	event int
	sents []int
}

// fitCorpora lists the labelled corpora: the demo site's seeds, the
// second test corpus and every corpus under ../shared/corpora/labelled.
func fitCorpora(t *testing.T) []*fitCorpus {
	shared := filepath.Join("..", "..", "..", "shared")
	type site struct{ name, dir, gold string }
	sites := []site{
		{"seeds", filepath.Join("..", ".."), filepath.Join(shared, "eval", "seeds.gold.json")},
		{"corpus2", filepath.Join("..", "..", "testdata", "corpus2"), filepath.Join("..", "..", "testdata", "corpus2", "gold.json")},
	}
	dirs, _ := filepath.Glob(filepath.Join(shared, "corpora", "labelled", "*", "gold.json"))
	sort.Strings(dirs)
	for _, g := range dirs {
		d := filepath.Dir(g)
		sites = append(sites, site{filepath.Base(d), d, g})
	}
	var out []*fitCorpus
	for _, s := range sites {
		b, err := os.ReadFile(s.gold)
		if err != nil {
			t.Fatal(err)
		}
		c := &fitCorpus{name: s.name, sources: readSite(t, s.dir), memo: &Memo{}}
		if err := json.Unmarshal(b, &c.gold); err != nil {
			t.Fatalf("%s: %v", s.gold, err)
		}
		out = append(out, c)
	}
	return out
}

// fitNorm normalises text as the scorer does: quotes and dashes folded,
// spaces collapsed, lower case.
func fitNorm(s string) string {
	s = strings.NewReplacer("‘", "'", "’", "'", "‚", "'", "‛", "'", "“", `"`, "”", `"`, "„", `"`, "′", "'",
		"–", "-", "—", "-", "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// cues maps the corpus's gold cues (shared cues left out) to sentences.
func (c *fitCorpus) cues(sents []Sentence) []fitCue {
	shared := map[[2]string]bool{}
	for _, s := range c.gold.Shared {
		shared[[2]string{s.File, fitNorm(s.Text)}] = true
	}
	srcOf := map[string]int{}
	for i, s := range c.sources {
		srcOf[filepath.Base(s.Article.Path)] = i
		for _, cp := range s.Copies {
			srcOf[filepath.Base(cp.Path)] = i
		}
	}
	bySource := map[int][]int{}
	norm := make([]string, len(sents))
	for i := range sents {
		bySource[sents[i].Source] = append(bySource[sents[i].Source], i)
		norm[i] = fitNorm(sents[i].Text)
	}
	var out []fitCue
	for ei, ev := range c.gold.Events {
		for _, cue := range ev.Cues {
			text := fitNorm(cue.Text)
			if shared[[2]string{cue.File, text}] {
				continue
			}
			fc := fitCue{event: ei}
			if si, ok := srcOf[cue.File]; ok {
				for _, i := range bySource[si] {
					if strings.Contains(norm[i], text) {
						fc.sents = append(fc.sents, i)
					}
				}
			}
			out = append(out, fc)
		}
	}
	return out
}

// bcubed is the B-cubed F1 of the events over the cues, as the scorer
// computes it: a cue no event cites is a group of its own.
func bcubed(res *Result, cues []fitCue) float64 {
	eventOf := map[int]int{}
	for ei, ev := range res.Events {
		for _, m := range ev.Mentions {
			if _, ok := eventOf[m]; !ok {
				eventOf[m] = ei
			}
		}
	}
	sys := make([]int, len(cues))
	for ci, c := range cues {
		sys[ci] = -1 - ci
		for _, s := range c.sents {
			if e, ok := eventOf[s]; ok && (sys[ci] < 0 || e < sys[ci]) {
				sys[ci] = e
			}
		}
	}
	var p, r float64
	for i := range cues {
		var same, gold, both float64
		for j := range cues {
			s, g := sys[j] == sys[i], cues[j].event == cues[i].event
			if s {
				same++
			}
			if g {
				gold++
			}
			if s && g {
				both++
			}
		}
		p += both / same
		r += both / gold
	}
	p /= float64(len(cues))
	r /= float64(len(cues))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// samples returns the labelled continuations and candidate pairs of the
// corpus (its k-th), found as Extract finds them with the parameters prm.
func (c *fitCorpus) samples(k int, opt Options, prm *Params) (ties, pairs []sample) {
	sents, _ := splitSources(context.Background(), c.sources, c.memo)
	judgeMentions(sents, prm)
	limitMentions(sents, c.sources)
	weigh(context.Background(), sents) // not cancelled: no error
	// Each sentence's gold event, -1 for none.
	goldOf := make([]int, len(sents))
	for i := range goldOf {
		goldOf[i] = -1
	}
	for _, cue := range c.cues(sents) {
		for _, s := range cue.sents {
			if goldOf[s] < 0 {
				goldOf[s] = cue.event
			}
		}
	}
	for from := 0; from < len(sents); {
		to := from
		for to < len(sents) && sents[to].Source == sents[from].Source {
			to++
		}
		sourcePassages(sents, from, to, prm, func(prev, i int, x [nTie]float64) {
			if goldOf[prev] >= 0 && goldOf[i] >= 0 {
				ties = append(ties, sample{x: slices.Clone(x[:]), y: same(goldOf[prev], goldOf[i]), corpus: k})
			}
		})
		from = to
	}
	passages, _ := groupPassagesWith(context.Background(), sents, prm)
	us, unitOf, _ := units(context.Background(), sents, passages, c.sources)
	var mu sync.Mutex
	type observed struct {
		a, b int
		x    [nPair]float64
	}
	var seen []observed
	edges, _ := candidates(context.Background(), sents, us, unitOf, opt, prm, func(a, b int, x [nPair]float64) {
		mu.Lock()
		seen = append(seen, observed{a, b, x})
		mu.Unlock()
	})
	kept := map[[2]int]bool{}
	for _, e := range edges {
		kept[[2]int{e.a, e.b}] = true
	}
	// In the order of the units, so that the fit does not depend on the
	// order the cores found them in.
	slices.SortFunc(seen, func(x, y observed) int {
		if x.a != y.a {
			return x.a - y.a
		}
		return x.b - y.b
	})
	// Each unit's gold event: the one most of its sentences name.
	label := make([]int, len(us))
	for u := range us {
		votes := map[int]int{}
		label[u] = -1
		best := 0
		for _, s := range us[u].sents {
			if goldOf[s] >= 0 {
				votes[goldOf[s]]++
			}
		}
		for ev, n := range votes {
			if n > best || n == best && ev < label[u] {
				label[u], best = ev, n
			}
		}
	}
	for _, o := range seen {
		if label[o.a] < 0 || label[o.b] < 0 || !kept[[2]int{o.a, o.b}] {
			continue
		}
		pairs = append(pairs, sample{x: slices.Clone(o.x[:]), y: same(label[o.a], label[o.b]), corpus: k})
	}
	return ties, pairs
}

// same is 1 when a and b are equal, else 0.
func same(a, b int) float64 {
	if a == b {
		return 1
	}
	return 0
}

// sample is one labelled observation for a logistic fit.
type sample struct {
	x      []float64
	y      float64
	corpus int
}

// fitLogistic fits logistic weights to the samples by Newton's method
// with a small ridge penalty, each corpus weighing the same in total.
func fitLogistic(samples []sample, corpora, n int) []float64 {
	count := make([]float64, corpora)
	for _, p := range samples {
		count[p.corpus]++
	}
	const ridge = 1e-3
	w := make([]float64, n)
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, n)
		h := make([][]float64, n)
		for i := range h {
			h[i] = make([]float64, n)
		}
		for _, p := range samples {
			z := 0.0
			for i := range w {
				z += w[i] * p.x[i]
			}
			mu := 1 / (1 + math.Exp(-z))
			sw := 1 / count[p.corpus]
			for i := range w {
				g[i] += sw * (mu - p.y) * p.x[i]
				for j := range w {
					h[i][j] += sw * mu * (1 - mu) * p.x[i] * p.x[j]
				}
			}
		}
		for i := range w {
			g[i] += ridge * w[i]
			h[i][i] += ridge
		}
		step := solve(h, g)
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change = max(change, math.Abs(step[i]))
		}
		if change < 1e-9 {
			break
		}
	}
	return w
}

// solve solves h·x = g by Gaussian elimination with partial pivoting;
// it changes h and g.
func solve(h [][]float64, g []float64) []float64 {
	n := len(g)
	for c := range n {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < n; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	x := make([]float64, n)
	for c := n - 1; c >= 0; c-- {
		s := g[c]
		for k := c + 1; k < n; k++ {
			s -= h[c][k] * x[k]
		}
		if h[c][c] != 0 {
			x[c] = s / h[c][c]
		}
	}
	return x
}

// score is the corpus's B-cubed F1 with the parameters prm.
func (c *fitCorpus) score(opt Options, prm *Params) float64 {
	res, _ := extract(context.Background(), c.sources, Options{Link: opt.Link, SameSource: opt.SameSource, Memo: c.memo}, prm)
	return bcubed(&res, c.cues(res.Sentences))
}

// handSet are the parameters the fit starts from: the continuation
// weights set by hand before the fit (a tie scored 0.35 or more on the
// old scale, as odds), and a pair model set by hand to weigh cosines and
// days as the old time factors did.
var handSet = Params{
	Mention: [nCue]float64{1, -0.4, 0.7, 0.8, 0.6, 0.7, 0.3, 0.1, -2, -0.8, -1.5, -0.6, -2, -0.6, -0.7, -0.5, -0.4, -1, 0.5},
	Tie:     [nTie]float64{-2.5, 3, 2.5, 2, 1.5, 1, 1.5, -1, 1, 1, 1, 10, -20, 0, 0},
	TieLink: 0.5,
	Pair: [nPair]float64{-3, 4, 2, 2, 1, -2, -1, 0, 0.5, -0.5, -0.5, 0, -1, 0.5, 2, -2, 0,
		0, 0, 0, 0, 0, 0},
	Link: 0.3, Strong: 0.8, StrongShare: 0.5, Floor: fitFloor, Missing: 1,
}

// tieMargin is how much better on the mean B-cubed F1 the fitted
// continuation model must do to replace the hand-set one: scores on a few
// corpora differ by as much by chance.
const tieMargin = 0.005

// fitFloor is the Floor of the fitted parameters.
const fitFloor = 0.15

// The grids the thresholds are chosen on.
var (
	fitTieLinks = []float64{0.4, 0.5, 0.6}
	fitLinks    = []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}
	fitStrongs  = []float64{0.7, 0.9, 1.01}
	fitMissing  = []float64{1, 0.5}
	fitShares   = []float64{0.5}
)

// meanScore is the mean B-cubed F1 of the corpora use with prm.
func meanScore(corpora []*fitCorpus, use []int, opt Options, prm *Params) float64 {
	total := 0.0
	for _, k := range use {
		total += corpora[k].score(opt, prm)
	}
	return total / float64(len(use))
}

// fitOn fits the parameters on the corpora with the given indexes,
// starting from start: the pair model on the candidate pairs the start's
// passages make and the linkage thresholds on their grids; then the
// continuation model on the continuations those parameters make, kept
// only if it does better than start's, with its threshold; then the
// pair model and thresholds again, on the new passages.
func fitOn(corpora []*fitCorpus, use []int, opt Options, start Params) (Params, float64) {
	prm := start
	prm.Floor = fitFloor
	prm = fitMentions(corpora, use, opt, prm)
	var ties []sample
	for _, k := range use {
		t, _ := corpora[k].samples(k, opt, &prm)
		ties = append(ties, t...)
	}
	var fittedTie [nTie]float64
	copy(fittedTie[:], fitLogistic(ties, len(corpora), nTie))
	best := -1.0
	tie := prm
	var scores []float64 // of the corpora with tie
	for wi, w := range [][nTie]float64{start.Tie, fittedTie} {
		for _, l := range fitTieLinks {
			p := prm
			p.Tie, p.TieLink = w, l
			each := make([]float64, len(use))
			m := 0.0
			for i, k := range use {
				each[i] = corpora[k].score(opt, &p)
				m += each[i] / float64(len(use))
			}
			margin := 1e-9
			if wi == 1 {
				margin = tieMargin
			}
			if m <= best+margin {
				continue
			}
			// The fitted weights replace the hand-set ones only when they
			// do better by tieMargin and no corpus loses by them.
			worse := false
			for i := range each {
				worse = worse || wi == 1 && scores != nil && each[i] < scores[i]-0.01
			}
			if !worse {
				best, tie, scores = m, p, each
			}
		}
	}
	return fitPairs(corpora, use, opt, tie)
}

// fitMentions chooses the mention model: start's, or a logistic
// regression over the cues of every sentence (does it hold a gold cue?)
// fitted on the corpora use, at each chance on fitMentionChances, each
// with the pair model and linkage thresholds fitted for it (fitPairs).
// A fitted model replaces start's only when it does better on the mean
// B-cubed F1 by tieMargin and no corpus loses more than 0.01 by it. It
// returns the parameters with the chosen model and their pair model.
func fitMentions(corpora []*fitCorpus, use []int, opt Options, start Params) Params {
	var samples []sample
	for _, k := range use {
		c := corpora[k]
		sents, _ := splitSources(context.Background(), c.sources, c.memo)
		holds := make([]bool, len(sents))
		for _, cue := range c.cues(sents) {
			for _, i := range cue.sents {
				holds[i] = true
			}
		}
		for i := range sents {
			x := make([]float64, nCue+1)
			x[0] = 1
			for b := range nCue {
				if sents[i].Mention.Cues&(1<<b) != 0 {
					x[b+1] = 1
				}
			}
			y := 0.0
			if holds[i] {
				y = 1
			}
			samples = append(samples, sample{x: x, y: y, corpus: k})
		}
	}
	beta := fitLogistic(samples, len(corpora), nCue+1)
	each := func(p *Params) []float64 {
		out := make([]float64, len(use))
		for i, k := range use {
			out[i] = corpora[k].score(opt, p)
		}
		return out
	}
	best, _ := fitPairs(corpora, use, opt, start)
	bestEach := each(&best)
	mean := func(xs []float64) float64 {
		m := 0.0
		for _, x := range xs {
			m += x / float64(len(xs))
		}
		return m
	}
	for _, chance := range fitMentionChances {
		// Event when beta·x ≥ logit(chance): in score units, each cue
		// weighs beta[i] / (logit(chance) − bias).
		unit := math.Log(chance/(1-chance)) - beta[0]
		if unit <= 0 {
			continue // sentences without cues would read as events
		}
		p := start
		for i := range nCue {
			p.Mention[i] = math.Round(beta[i+1]/unit*1e4) / 1e4
		}
		p, _ = fitPairs(corpora, use, opt, p)
		scores := each(&p)
		if mean(scores) <= mean(bestEach)+tieMargin {
			continue
		}
		worse := false
		for i := range scores {
			worse = worse || scores[i] < bestEach[i]-0.01
		}
		if !worse {
			best, bestEach = p, scores
		}
	}
	return best
}

// fitMentionChances are the chances of holding a gold cue at which a
// fitted mention model may call a sentence an event mention.
var fitMentionChances = []float64{0.2, 0.25, 0.3}

// fitPairs fits the pair model of prm on the candidate pairs of the
// corpora use, and the linkage thresholds on their grids.
func fitPairs(corpora []*fitCorpus, use []int, opt Options, prm Params) (Params, float64) {
	var pairs []sample
	for _, k := range use {
		_, p := corpora[k].samples(k, opt, &prm)
		pairs = append(pairs, p...)
	}
	copy(prm.Pair[:], fitLogistic(pairs, len(corpora), nPair))
	best := -1.0
	link := prm
	for _, m := range fitMissing {
		for _, l := range fitLinks {
			for _, s := range fitStrongs {
				for _, sh := range fitShares {
					if s > 1 && sh != fitShares[0] {
						continue // no strong links: the share does not matter
					}
					p := prm
					p.Link, p.Strong, p.StrongShare, p.Missing = l, s, sh, m
					if score := meanScore(corpora, use, opt, &p); score > best+1e-9 {
						best, link = score, p
					}
				}
			}
		}
	}
	return link, best
}

// TestFit fits params.go on the labelled corpora and prints each
// corpus's B-cubed F1 in sample and left out (scripts/fit).
func TestFit(t *testing.T) {
	if os.Getenv("TIMELINE_FIT") == "" {
		t.Skip("set TIMELINE_FIT=1 (scripts/fit) to fit the clustering parameters")
	}
	opt := defaultOptions()
	corpora := fitCorpora(t)
	for _, c := range corpora {
		t.Logf("%s: B-cubed F1 with params.go %.3f", c.name, c.score(opt, &fitted))
	}
	all := make([]int, len(corpora))
	for k := range all {
		all[k] = k
	}
	prm, mean := fitOn(corpora, all, opt, handSet)
	var table strings.Builder
	var heldHand []string
	fmt.Fprintf(&table, "%-12s %9s %9s\n", "corpus", "in sample", "held out")
	for k, c := range corpora {
		var rest []int
		for j := range corpora {
			if j != k {
				rest = append(rest, j)
			}
		}
		held, _ := fitOn(corpora, rest, opt, handSet)
		heldHand = append(heldHand, fmt.Sprintf("%s %v", c.name, held.Mention == handSet.Mention))
		t.Logf("without %s: passage tie %.2f (hand-set %v); link %.2f, strong %.2f (share %.2f), missing %.2f",
			c.name, held.TieLink, held.Tie == handSet.Tie, held.Link, held.Strong, held.StrongShare, held.Missing)
		fmt.Fprintf(&table, "%-12s %9.3f %9.3f\n", c.name, c.score(opt, &prm), c.score(opt, &held))
	}
	fmt.Printf("fitted on all corpora: mean B-cubed F1 %.3f; passage tie %.2f; link %.2f, strong %.2f (share %.2f), missing %.2f\n%s",
		mean, prm.TieLink, prm.Link, prm.Strong, prm.StrongShare, prm.Missing, table.String())
	fmt.Printf("  mention model hand-set: %v (without a corpus: %s)\n", prm.Mention == handSet.Mention, strings.Join(heldHand, ", "))
	for i, w := range prm.Mention {
		fmt.Printf("  mention %-25s %8.3f\n", cueNames[i], w)
	}
	for i, w := range prm.Tie {
		fmt.Printf("  tie  %-28s %8.3f\n", tieFeatureNames[i], w)
	}
	for i, w := range prm.Pair {
		fmt.Printf("  pair %-28s %8.3f\n", pairFeatureNames[i], w)
	}
	if os.Getenv("TIMELINE_FIT_WRITE") != "" {
		var names []string
		for _, c := range corpora {
			names = append(names, c.name)
		}
		writeParams(t, prm, names, table.String())
	}
}

// writeParams writes params.go.
func writeParams(t *testing.T, prm Params, names []string, table string) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by scripts/fit; DO NOT EDIT.\n\npackage events\n\n")
	fmt.Fprintf(&b, "// fitted are the parameters of passages and clustering, fitted by\n// scripts/fit on %s\n// on %s. B-cubed F1 of each corpus, with these parameters and with\n// those fitted without it:\n//\n", strings.Join(names, ", "), time.Now().UTC().Format("2006-01-02"))
	for _, l := range strings.Split(strings.TrimRight(table, "\n"), "\n") {
		fmt.Fprintf(&b, "//\t%s\n", l)
	}
	fmt.Fprintf(&b, "var fitted = Params{\n\tMention: [nCue]float64{\n")
	for i, w := range prm.Mention {
		fmt.Fprintf(&b, "\t\t%.4f, // %s\n", w, cueNames[i])
	}
	fmt.Fprintf(&b, "\t},\n\tTie: [nTie]float64{\n")
	for i, w := range prm.Tie {
		fmt.Fprintf(&b, "\t\t%.4f, // %s\n", w, tieFeatureNames[i])
	}
	fmt.Fprintf(&b, "\t},\n\tTieLink: %.2f,\n\tPair: [nPair]float64{\n", prm.TieLink)
	for i, w := range prm.Pair {
		fmt.Fprintf(&b, "\t\t%.4f, // %s\n", w, pairFeatureNames[i])
	}
	fmt.Fprintf(&b, "\t},\n\tLink: %.2f,\n\tStrong: %.2f,\n\tStrongShare: %.2f,\n\tFloor: %.2f,\n\tMissing: %.2f,\n}\n", prm.Link, prm.Strong, prm.StrongShare, prm.Floor, prm.Missing)
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("params.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
}
