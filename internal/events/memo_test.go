package events

import (
	"reflect"
	"slices"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// TestMemo extracts the events of the second labelled corpus with a memo
// through a series of edits (a paragraph added to one source, another's
// publication date moved, a source dropped, the order of sources changed)
// and checks that each result is exactly what Extract gives without one.
func TestMemo(t *testing.T) {
	sources := readSite(t, "../../testdata/corpus2")
	if len(sources) < 6 {
		t.Fatalf("%d sources: the test needs more", len(sources))
	}
	cfg := config.Default()
	plain := Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource}
	memo := plain
	memo.Memo = &Memo{}
	check := func(step string) {
		t.Helper()
		got, want := mustExtract(t, sources, memo), mustExtract(t, sources, plain)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the result with the memo differs from the one without", step)
		}
	}
	check("first build")
	if len(memo.Memo.entries) != len(sources) {
		t.Fatalf("the memo keeps %d sources of %d", len(memo.Memo.entries), len(sources))
	}
	check("nothing changed")

	a := &sources[1].Article
	a.Blocks = append(slices.Clip(a.Blocks), clean.Block{Text: "On Tuesday the harbour master inspected the damaged pier and closed it."})
	check("a paragraph added")

	// A source with relative dates ("on Monday"), so that moving its
	// publication date moves them.
	moved := false
	for i := 2; i < len(sources) && !moved; i++ {
		b := &sources[i].Article
		later := temporal.DayOf(b.Date.Start.Year(), b.Date.Start.Month(), b.Date.Start.Day()+3)
		before := splitSource(i, b, temporal.Reference{Date: b.Date.Start, Known: true})
		after := splitSource(i, b, temporal.Reference{Date: later.Start, Known: true})
		if !b.Date.IsZero() && !reflect.DeepEqual(before, after) {
			b.Date = later
			moved = true
		}
	}
	if !moved {
		t.Fatal("no source has dates relative to its publication date")
	}
	check("a publication date moved")

	sources = slices.Delete(slices.Clone(sources), 3, 4)
	check("a source dropped")

	slices.Reverse(sources)
	check("sources in another order")
}
