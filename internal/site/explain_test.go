package site

import (
	"context"
	"encoding/json"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/render"
)

// The demo's 003 and 004 are one report rewritten: dedup's shingles do
// not relate them (the wording changed throughout), events.Retold does.
const rewriteA, rewriteB = "003_d14195eda22faf5f", "004_28233372321f2534"

// TestRewritesCountOnce builds the demo and checks that an event cited
// by both rewrites counts them as one independent source, says so in
// timeline.json and on its page, and that every event has a kind.
func TestRewritesCountOnce(t *testing.T) {
	dir := demoSite(t)
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	var tl struct {
		Events []struct {
			ID, Kind     string
			SourceCount  int    `json:"source_count"`
			SourcesCited int    `json:"sources_cited"`
			RelatedNote  string `json:"related_note"`
			Citations    []struct{ Source string }
		}
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(pub, "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}
	both := 0
	for _, ev := range tl.Events {
		if ev.Kind != "happening" && ev.Kind != "statement" {
			t.Errorf("%s: kind %q", ev.ID, ev.Kind)
		}
		cited := map[string]bool{}
		for _, c := range ev.Citations {
			cited[c.Source] = true
		}
		if ev.SourcesCited != len(cited) {
			t.Errorf("%s: sources_cited %d, cites %d", ev.ID, ev.SourcesCited, len(cited))
		}
		if !cited[rewriteA] || !cited[rewriteB] {
			if ev.SourceCount != len(cited) || ev.RelatedNote != "" {
				t.Errorf("%s: %d independent sources, note %q; cites %d sources, no two rewrites", ev.ID, ev.SourceCount, ev.RelatedNote, len(cited))
			}
			continue
		}
		both++
		if ev.SourceCount != len(cited)-1 {
			t.Errorf("%s: cites %d sources, two rewrites of one report, and counts %d independent", ev.ID, len(cited), ev.SourceCount)
		}
		if len(cited) == 2 {
			if ev.RelatedNote != "2 sources, rewrites of one report" {
				t.Errorf("%s: note %q", ev.ID, ev.RelatedNote)
			}
			page := readFile(t, filepath.Join(pub, "events", ev.ID, "index.html"))
			for _, want := range []string{"2 sources, rewrites of one report", "One report."} {
				if !strings.Contains(page, html.EscapeString(want)) {
					t.Errorf("%s: page lacks %q", ev.ID, want)
				}
			}
		}
	}
	if both < 5 {
		t.Errorf("%d events cite both rewrites, want the demo's 5 or more", both)
	}
	index := readFile(t, filepath.Join(pub, "index.html"))
	if !strings.Contains(index, "rewrites of one report") || !strings.Contains(index, ">Statement<") {
		t.Error("the timeline shows neither rewrites nor statements")
	}
}

// TestEventsExplains checks site.Events on the demo: every event of the
// build, in its order, with its sentences, its date's basis and its
// kind, and a reason for every sentence left out.
func TestEventsExplains(t *testing.T) {
	files := demoFiles(t)
	r, err := Run(context.Background(), Options{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	evs, _, err := Events(context.Background(), Options{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(r.Site.Events) {
		t.Fatalf("%d events explained, the build has %d", len(evs), len(r.Site.Events))
	}
	left := 0
	for i, e := range evs {
		b := r.Site.Events[i]
		if e.ID != b.ID || e.Kind != b.Kind || e.Sources != b.SourceCount || len(e.Sentences) != len(b.Citations) {
			t.Errorf("event %d: %s %s %d sources %d sentences; the build has %s %s %d %d",
				i, e.ID, e.Kind, e.Sources, len(e.Sentences), b.ID, b.Kind, b.SourceCount, len(b.Citations))
		}
		if e.Basis == "" {
			t.Errorf("%s: no basis", e.ID)
		}
		for _, l := range e.LeftOut {
			left++
			if l.Reason == "" || l.Detail == "" || l.Sentence.Text == "" {
				t.Errorf("%s: left out without a reason: %+v", e.ID, l)
			}
		}
	}
	if left == 0 {
		t.Error("nothing left out on the demo")
	}
}

// TestReportsJoinRelated checks that sources dedup relates count as one
// report transitively, and that importance counts them once.
func TestReportsJoinRelated(t *testing.T) {
	rel := func(ids ...string) []dedup.Relation {
		var rs []dedup.Relation
		for _, id := range ids {
			rs = append(rs, dedup.Relation{ID: id, Similarity: 0.3})
		}
		return rs
	}
	sources := []dedup.Source{
		{ID: "a", Related: rel("b")},
		{ID: "b", Related: rel("a", "c")},
		{ID: "c", Related: rel("b")},
		{ID: "d"},
	}
	r, err := reportsOf(t.Context(), sources, events.Result{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		srcs []int
		n    int
		note string
	}{
		{[]int{0, 2}, 1, "2 sources, rewrites of one report"},
		{[]int{0, 1, 2, 3}, 2, "4 sources, 2 independent"},
		{[]int{2, 3}, 2, ""},
		{[]int{3}, 1, ""},
	} {
		if n, note := r.count(tt.srcs); n != tt.n || note != tt.note {
			t.Errorf("count(%v) = %d, %q; want %d, %q", tt.srcs, n, note, tt.n, tt.note)
		}
	}
	evs := []render.Event{
		{Importance: 1, SourceCount: 1, SourcesCited: 2},
		{Importance: 0.8, SourceCount: 2, SourcesCited: 2},
	}
	r.weighImportance(evs)
	if evs[0].Importance != 0.625 || evs[1].Importance != 1 {
		t.Errorf("importance %v, %v; want 0.625 (0.5 of 0.8), 1", evs[0].Importance, evs[1].Importance)
	}
}
