package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/timeline/dedup"
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

// fitPair is one labelled candidate pair.
type fitPair struct {
	x      [nPair]float64
	y      float64
	corpus int
	// ta, tb are the first sentences of the two passages, and ga, gb
	// their gold events, for reports.
	ta, tb string
	ga, gb int
}

// pairs returns the labelled candidate pairs of the corpus, found as
// Extract finds them with the parameters prm (the second pass, after
// publication dates are inferred, included).
func (c *fitCorpus) pairs(k int, opt Options, prm *Params) []fitPair {
	sents := splitSources(c.sources, c.memo)
	limitMentions(sents, c.sources)
	clusters := analyse(sents, c.sources, opt, prm)
	if inferred := inferReferences(sents, clusters, c.sources); len(inferred) > 0 {
		sents = resplit(sents, c.sources, inferred)
		limitMentions(sents, c.sources)
	}
	weigh(sents)
	passages := groupPassages(sents)
	us, unitOf := units(sents, passages, c.sources)
	edges := candidates(sents, us, unitOf, opt, prm)
	// Each unit's gold event: the one most of its cues name.
	votes := make([]map[int]int, len(us))
	for _, cue := range c.cues(sents) {
		for _, s := range cue.sents {
			if u := unitOf[s]; u >= 0 {
				if votes[u] == nil {
					votes[u] = map[int]int{}
				}
				votes[u][cue.event]++
			}
		}
	}
	label := make([]int, len(us))
	for u, v := range votes {
		label[u] = -1
		best := 0
		for ev, n := range v {
			if n > best || n == best && ev < label[u] {
				label[u], best = ev, n
			}
		}
	}
	var out []fitPair
	for _, e := range edges {
		la, lb := label[e.a], label[e.b]
		if votes[e.a] == nil || votes[e.b] == nil {
			continue
		}
		p := fitPair{x: pairFeatures(&us[e.a], &us[e.b], sents, float64(e.best), float64(e.whole)), corpus: k,
			ta: sents[us[e.a].sents[0]].Text, tb: sents[us[e.b].sents[0]].Text, ga: la, gb: lb}
		if la == lb {
			p.y = 1
		}
		out = append(out, p)
	}
	return out
}

// fitLogistic fits logistic weights to the pairs by Newton's method with
// a small ridge penalty, each corpus weighing the same in total.
func fitLogistic(pairs []fitPair, corpora int) [nPair]float64 {
	count := make([]float64, corpora)
	for _, p := range pairs {
		count[p.corpus]++
	}
	const ridge = 1e-3
	var w [nPair]float64
	for iter := 0; iter < 50; iter++ {
		var g [nPair]float64
		var h [nPair][nPair]float64
		for _, p := range pairs {
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

// solve solves h·x = g by Gaussian elimination with partial pivoting.
func solve(h [nPair][nPair]float64, g [nPair]float64) [nPair]float64 {
	for c := range nPair {
		p := c
		for r := c + 1; r < nPair; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < nPair; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < nPair; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	var x [nPair]float64
	for c := nPair - 1; c >= 0; c-- {
		s := g[c]
		for k := c + 1; k < nPair; k++ {
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
	res := extract(c.sources, Options{Link: opt.Link, SameSource: opt.SameSource, Memo: c.memo}, prm)
	return bcubed(&res, c.cues(res.Sentences))
}

// fitFloor is the Floor of the fitted parameters.
const fitFloor = 0.05

var (
	fitLinks   = []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}
	fitStrongs = []float64{0.6, 0.7, 0.8, 0.9, 0.95, 1.01}
)

// fitOn fits the parameters on the corpora with the given indexes.
func fitOn(corpora []*fitCorpus, use []int, pairs [][]fitPair, opt Options) (Params, float64) {
	var train []fitPair
	for _, k := range use {
		train = append(train, pairs[k]...)
	}
	prm := Params{Pair: fitLogistic(train, len(corpora)), Floor: fitFloor}
	best := -1.0
	var bestLink, bestStrong float64
	for _, l := range fitLinks {
		for _, s := range fitStrongs {
			p := prm
			p.Link, p.Strong = l, s
			total := 0.0
			for _, k := range use {
				total += corpora[k].score(opt, &p)
			}
			if total/float64(len(use)) > best+1e-9 {
				best, bestLink, bestStrong = total/float64(len(use)), l, s
			}
		}
	}
	prm.Link, prm.Strong = bestLink, bestStrong
	return prm, best
}

// TestFit fits params.go on the labelled corpora and prints each
// corpus's B-cubed F1 in sample and left out (scripts/fit).
func TestFit(t *testing.T) {
	if os.Getenv("TIMELINE_FIT") == "" {
		t.Skip("set TIMELINE_FIT=1 (scripts/fit) to fit the clustering parameters")
	}
	opt := defaultOptions()
	corpora := fitCorpora(t)
	pairs := make([][]fitPair, len(corpora))
	for k, c := range corpora {
		pairs[k] = c.pairs(k, opt, &fitted)
		pos := 0
		for _, p := range pairs[k] {
			pos += int(p.y)
		}
		t.Logf("%s: %d labelled candidate pairs, %d of one event; B-cubed F1 with params.go %.3f",
			c.name, len(pairs[k]), pos, c.score(opt, &fitted))
	}
	all := make([]int, len(corpora))
	for k := range all {
		all[k] = k
	}
	prm, mean := fitOn(corpora, all, pairs, opt)
	var table strings.Builder
	fmt.Fprintf(&table, "%-12s %9s %9s\n", "corpus", "in sample", "held out")
	for k, c := range corpora {
		var rest []int
		for j := range corpora {
			if j != k {
				rest = append(rest, j)
			}
		}
		held, _ := fitOn(corpora, rest, pairs, opt)
		fmt.Fprintf(&table, "%-12s %9.3f %9.3f\n", c.name, c.score(opt, &prm), c.score(opt, &held))
	}
	fmt.Printf("fitted on all corpora: mean B-cubed F1 %.3f, link %.2f, strong %.2f\n%s", mean, prm.Link, prm.Strong, table.String())
	for i, w := range prm.Pair {
		fmt.Printf("  %-28s %8.3f\n", pairFeatureNames[i], w)
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
	fmt.Fprintf(&b, "// fitted are the parameters of clustering, fitted by scripts/fit on\n// %s\n// on %s. B-cubed F1 of each corpus, with these parameters and with\n// those fitted without it:\n//\n", strings.Join(names, ", "), time.Now().UTC().Format("2006-01-02"))
	for _, l := range strings.Split(strings.TrimRight(table, "\n"), "\n") {
		fmt.Fprintf(&b, "//\t%s\n", l)
	}
	fmt.Fprintf(&b, "var fitted = Params{\n\tPair: [nPair]float64{\n")
	for i, w := range prm.Pair {
		fmt.Fprintf(&b, "\t\t%.4f, // %s\n", w, pairFeatureNames[i])
	}
	fmt.Fprintf(&b, "\t},\n\tLink: %.2f,\n\tStrong: %.2f,\n\tFloor: %.2f,\n}\n", prm.Link, prm.Strong, prm.Floor)
	src, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("params.go", src, 0o644); err != nil {
		t.Fatal(err)
	}
}
