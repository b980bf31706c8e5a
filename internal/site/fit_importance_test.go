package site

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/chronology"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/render"
)

// This file chooses chronology's fitted importance weights: scripts/
// fit-importance runs TestFitImportance with TIMELINE_FIT_IMPORTANCE=1.
// On each Timeline17 topic in ../shared/corpora/t17 it ranks the dates
// of the timeline as ../shared/eval/tls-score does (the dates of
// day-precision events inside the editors' first and last date, by the
// importance of their most important event, then their number of events,
// the earliest first on a tie;
// as many as the editors' timeline has) and scores them against the
// editors' dates (Date-F1), for each volume weight on a grid; it prints
// each topic's score with the weight best on all topics and with the one
// best on the others (leave one topic out).

// fitVolumes is the grid of Weights.Volume.
var fitVolumes = []float64{0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3}

func TestFitImportance(t *testing.T) {
	if os.Getenv("TIMELINE_FIT_IMPORTANCE") == "" {
		t.Skip("set TIMELINE_FIT_IMPORTANCE=1 (scripts/fit-importance) to fit the importance weights")
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpora", "t17", "*", "timelines.jsonl"))
	sort.Strings(dirs)
	if len(dirs) == 0 {
		t.Fatal("no Timeline17 topics in ../shared/corpora/t17")
	}
	var names []string
	score := map[[2]int]float64{} // topic, weight → Date-F1
	for ti, tl := range dirs {
		dir := filepath.Dir(tl)
		names = append(names, filepath.Base(dir))
		golds := readTimelines(t, tl)
		cfg, err := LoadConfig(t.Context(), dir)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{SiteDir: dir}
		_, sources, _, err := ingest(context.Background(), cfg, opt, func(string) {})
		if err != nil {
			t.Fatal(err)
		}
		// The events and their dates as findEvents makes them (Timeline17
		// sites have no events.toml to regroup by).
		res, err := events.Extract(context.Background(), sources, events.Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource})
		if err != nil {
			t.Fatal(err)
		}
		inferred, err := chronology.InferPublication(context.Background(), res, sources)
		if err != nil {
			t.Fatal(err)
		}
		if res, err = events.Redate(context.Background(), res, sources, inferred); err != nil {
			t.Fatal(err)
		}
		for wi, v := range fitVolumes {
			dated, err := chronology.OrderWith(context.Background(), res, sources, chronology.Weights{Volume: v})
			if err != nil {
				t.Fatal(err)
			}
			view, err := makeView(context.Background(), cfg, sources, res, dated)
			if err != nil {
				t.Fatal(err)
			}
			var sum float64
			for _, g := range golds {
				sum += dateF1(view.Events, g)
			}
			score[[2]int{ti, wi}] = sum / float64(len(golds))
		}
	}
	best := func(use func(int) bool) int {
		bi, bs := 0, -1.0
		for wi := range fitVolumes {
			s := 0.0
			for ti := range names {
				if use(ti) {
					s += score[[2]int{ti, wi}]
				}
			}
			if s > bs+1e-9 {
				bi, bs = wi, s
			}
		}
		return bi
	}
	all := best(func(int) bool { return true })
	var b strings.Builder
	var in, out float64
	fmt.Fprintf(&b, "%-22s %8s %9s %9s %9s\n", "topic", "volume 0", "in sample", "held out", "(weight)")
	for ti, n := range names {
		held := best(func(u int) bool { return u != ti })
		in += score[[2]int{ti, all}] / float64(len(names))
		out += score[[2]int{ti, held}] / float64(len(names))
		fmt.Fprintf(&b, "%-22s %8.3f %9.3f %9.3f %9.2f\n", n, score[[2]int{ti, 0}], score[[2]int{ti, all}], score[[2]int{ti, held}], fitVolumes[held])
	}
	fmt.Printf("volume weight %.2f: mean Date-F1 %.3f in sample, %.3f held out\n%s", fitVolumes[all], in, out, b.String())
}

// timeline17 is one editors' timeline: its dates.
type timeline17 map[string]bool

// readTimelines reads a timelines.jsonl: one timeline a line, each a list
// of [date, [sentences]].
func readTimelines(t *testing.T, path string) []timeline17 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []timeline17
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rows [][2]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &rows); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		tl := timeline17{}
		for _, r := range rows {
			var d string
			if err := json.Unmarshal(r[0], &d); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			tl[d] = true
		}
		out = append(out, tl)
	}
	return out
}

// dateF1 is the Date-F1 of the events' dates against the editors' dates,
// ranked as ../shared/eval/tls-score ranks them.
func dateF1(evs []render.Event, gold timeline17) float64 {
	lo, hi := "9999", ""
	for d := range gold {
		lo, hi = min(lo, d), max(hi, d)
	}
	type day struct {
		top float64
		n   int
	}
	days := map[string]*day{}
	for _, e := range evs {
		// tls-score takes every date written to the day, a span of days
		// ("2009-06-28" to "2009-06-29") by its first.
		d := e.Date.ISO
		if len(d) != 10 || d < lo || d > hi {
			continue
		}
		if days[d] == nil {
			days[d] = &day{top: e.Importance}
		}
		days[d].top = max(days[d].top, e.Importance)
		days[d].n++
	}
	ds := make([]string, 0, len(days))
	for d := range days {
		ds = append(ds, d)
	}
	slices.SortStableFunc(ds, func(a, b string) int {
		if c := cmp.Compare(days[b].top, days[a].top); c != 0 {
			return c
		}
		if c := cmp.Compare(days[b].n, days[a].n); c != 0 {
			return c
		}
		return cmp.Compare(a, b) // as tls-score: the timeline's order, earliest first
	})
	k := len(gold)
	ds = ds[:min(k, len(ds))]
	hit := 0
	for _, d := range ds {
		if gold[d] {
			hit++
		}
	}
	if hit == 0 {
		return 0
	}
	p, r := float64(hit)/float64(len(ds)), float64(hit)/float64(k)
	return 2 * p * r / (p + r)
}
