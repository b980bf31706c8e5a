package editorial

import (
	"context"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/internal/chronology"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

func TestParse(t *testing.T) {
	data := `# edits
[[event]]
id = "ferry-fares-rise-1a2b3c"
title = "Ferry fares rise ten percent"
date = 2024-03-04
summary = """
The harbour authority **raised** fares.
"""

[[event]]
id = "council-votes-4d5e6f"
hide = true
date = "2024-03"

[[merge]]
ids = ["a-1", "b-2"]

[[split]]
id = "c-3"
sentences = ["harbour-news#s4", "harbour-news#s5"]
new_id = "c-3-aftermath"
`
	e, err := Parse("content/events.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Events) != 2 || len(e.Merges) != 1 || len(e.Splits) != 1 {
		t.Fatalf("edits = %+v", e)
	}
	a, b := e.Events[0], e.Events[1]
	if a.ID != "ferry-fares-rise-1a2b3c" || a.Title != "Ferry fares rise ten percent" || a.Date.ISO() != "2024-03-04" ||
		a.Summary != "The harbour authority **raised** fares." || a.Hide || a.Line != 2 {
		t.Errorf("event 0 = %+v", a)
	}
	if !b.Hide || b.Date.ISO() != "2024-03" || b.Date.Precision != temporal.Month || b.Line != 10 {
		t.Errorf("event 1 = %+v", b)
	}
	if !slices.Equal(e.Merges[0].IDs, []string{"a-1", "b-2"}) || e.Merges[0].Line != 15 {
		t.Errorf("merge = %+v", e.Merges[0])
	}
	if s := e.Splits[0]; s.ID != "c-3" || s.NewID != "c-3-aftermath" || len(s.Sentences) != 2 || s.Line != 18 {
		t.Errorf("split = %+v", s)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ data, want string }{
		{"[[event]]\ntitle = \"x\"\n", "content/events.toml:1: [[event]] without an id"},
		{"[[event]]\nid = \"x\"\ntitel = \"y\"\n", `content/events.toml:3: unknown key "event.titel"`},
		{"\n[[event]]\nid = \"x\"\ndate = \"next week\"\n", `content/events.toml:4: event "x": date:`},
		{"[[merge]]\nids = [\"only\"]\n", "content/events.toml:2: [[merge]] needs ids"},
		{"[[merge]]\n", "content/events.toml:1: [[merge]] needs ids"},
		{"[[split]]\nid = \"x\"\nsentences = [\"s4\"]\n", `content/events.toml:3: [[split]] sentence "s4": write it as SOURCE-ID#ANCHOR`},
		// An invalid new_id, in the second of three splits: the line of
		// its own new_id, not the first split's or the last's.
		{"[[split]]\nid = \"a\"\nsentences = [\"s#s1\"]\nnew_id = \"a-2\"\n\n[[split]]\nid = \"b\"\nsentences = [\"s#s2\"]\nnew_id = \"B after/..\"\n\n[[split]]\nid = \"c\"\nsentences = [\"s#s3\"]\nnew_id = \"c-2\"\n",
			`content/events.toml:9: [[split]] new_id "B after/..": contains 'B'`},
		{"[[split]]\nid = \"a\"\nsentences = [\"s#s1\"]\n\"new_id\" = \".hidden\"\n", `content/events.toml:4: [[split]] new_id ".hidden": starts with '.'`},
		{"[[ split ]]\nid = \"a\"\nsentences = [\"s#s1\"]\nnew_id = \"x\"\n[[split]]\ntitle = \"\"\"\nnew_id = \"Y\"\n\"\"\"\nid = \"b\"\nsentences = [\"s#s1\"]\nnew_id = \"Y\"\n",
			`content/events.toml:11: [[split]] new_id "Y": contains 'Y'`},
		// Unknown keys that need quotes.
		{"[[event]]\nid = \"x\"\n\n\"ti tel\" = \"y\"\n", `content/events.toml:4: unknown key`},
		{"[[event]]\nid = \"x\"\n[[event]]\nid = \"y\"\n'a.b' = 1\n", `content/events.toml:5: unknown key`},
		{"[[event]\n", "content/events.toml:2:"},
	}
	for _, tt := range tests {
		_, err := Parse("content/events.toml", []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.data, err, tt.want)
		}
	}
}

// result is three sources' sentences and four events over them.
func result() (events.Result, []string) {
	var sents []events.Sentence
	for src := 0; src < 3; src++ {
		for ord := 0; ord < 4; ord++ {
			sents = append(sents, events.Sentence{Source: src, Ordinal: ord, Text: "Sentence text " + string(rune('a'+src)) + string(rune('0'+ord)) + "."})
		}
	}
	// sentence index = source*4 + ordinal
	evs := []events.Event{
		{ID: "first", Title: "First", Mentions: []int{0, 4}, Summary: []int{0}, Sources: []int{0, 1}},
		{ID: "second", Title: "Second", Mentions: []int{1, 8}, Summary: []int{8}, Sources: []int{0, 2}},
		{ID: "third", Title: "Third", Mentions: []int{2, 3, 9, 10}, Summary: []int{2, 9}, Sources: []int{0, 2}},
		{ID: "fourth", Title: "Fourth", Mentions: []int{5}, Summary: []int{5}, Sources: []int{1}},
	}
	return events.Result{Sentences: sents, Events: evs}, []string{"src-a", "src-b", "src-c"}
}

func ids(evs []events.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func TestRegroupMerge(t *testing.T) {
	res, srcIDs := result()
	res.Inferred = map[int]temporal.Date{2: temporal.DayOf(2024, time.March, 4)}
	e := Edits{File: "content/events.toml", Merges: []Merge{{IDs: []string{"second", "gone", "first"}, Line: 7}}}
	got, warns := e.Regroup(res, srcIDs)
	if got.Inferred[2].ISO() != "2024-03-04" {
		t.Errorf("Regroup lost the inferred publication dates: %v", got.Inferred)
	}
	if !slices.Equal(ids(got.Events), []string{"second", "third", "fourth"}) {
		t.Fatalf("events = %v", ids(got.Events))
	}
	m := got.Events[0]
	if m.Title != "Second" || !slices.Equal(m.Mentions, []int{0, 1, 4, 8}) || !slices.Equal(m.Sources, []int{0, 1, 2}) || !slices.Equal(m.Summary, []int{8, 0}) {
		t.Errorf("merged = %+v", m)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Error(), `content/events.toml:7: merge: no event with id "gone"`) {
		t.Errorf("warnings = %v", warns)
	}
	// The input is not changed.
	if len(res.Events) != 4 || res.Events[1].ID != "second" || len(res.Events[1].Mentions) != 2 {
		t.Errorf("Regroup changed its input: %+v", res.Events)
	}
}

func TestRegroupSplit(t *testing.T) {
	res, srcIDs := result()
	e := Edits{File: "content/events.toml", Splits: []Split{
		{ID: "third", Sentences: []string{"src-c#s2", "src-c#s3", "src-a#s4", "src-b#s1"}, Title: "Third, later", Line: 3},
		{ID: "nothing", Sentences: []string{"src-a#s1"}, Line: 9},
	}}
	got, warns := e.Regroup(res, srcIDs)
	if !slices.Equal(ids(got.Events), []string{"first", "second", "third", "third-split", "fourth"}) {
		t.Fatalf("events = %v", ids(got.Events))
	}
	kept, moved := got.Events[2], got.Events[3]
	if !slices.Equal(kept.Mentions, []int{2}) || !slices.Equal(kept.Sources, []int{0}) || !slices.Equal(kept.Summary, []int{2}) {
		t.Errorf("kept = %+v", kept)
	}
	if !slices.Equal(moved.Mentions, []int{3, 9, 10}) || !slices.Equal(moved.Sources, []int{0, 2}) || moved.Title != "Third, later" || !slices.Equal(moved.Summary, []int{3}) {
		t.Errorf("moved = %+v", moved)
	}
	var msgs []string
	for _, w := range warns {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		`content/events.toml:3: split: event "third" does not cite sentence "src-b#s1": not moved`,
		`content/events.toml:9: split: no event with id "nothing"`,
	}
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0], want[0]) || !strings.HasPrefix(msgs[1], want[1]) {
		t.Errorf("warnings = %q", msgs)
	}
}

func TestPin(t *testing.T) {
	day := func(d int) temporal.Date { return temporal.DayOf(2024, time.March, d) }
	dated := []chronology.Dated{
		{Event: events.Event{ID: "a", Title: "A"}, Date: day(2), Basis: "found"},
		{Event: events.Event{ID: "b", Title: "B"}, Date: day(5), Basis: "found"},
		{Event: events.Event{ID: "c", Title: "C"}, Date: day(9), Basis: "found"},
		{Event: events.Event{ID: "d", Title: "D"}},
	}
	e := Edits{File: "content/events.toml", Events: []EventEdit{
		{ID: "c", Date: day(1), Title: "C pinned", Line: 1},
		{ID: "b", Hide: true, Line: 5},
		{ID: "d", Summary: "The *editor's* words.", Date: day(3), Line: 8},
		{ID: "zz", Title: "Nobody", Line: 12},
	}}
	got, summaries, warns := e.Pin(dated)
	var order []string
	for _, d := range got {
		order = append(order, d.ID)
	}
	if !slices.Equal(order, []string{"c", "a", "d"}) {
		t.Fatalf("order = %v", order)
	}
	if got[0].Title != "C pinned" || got[0].Date.ISO() != "2024-03-01" || got[0].Basis != "pinned by the editor in content/events.toml" {
		t.Errorf("pinned = %+v", got[0])
	}
	if got[2].Undated() || summaries["d"] != "The *editor's* words." || len(summaries) != 1 {
		t.Errorf("d = %+v, summaries %v", got[2], summaries)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Error(), `content/events.toml:12: event: no event with id "zz"`) {
		t.Errorf("warnings = %v", warns)
	}
}

// TestLoad checks Load on content directories in memory: none, an edits
// file whose messages name it by the content directory site.toml gives,
// and one that is not a regular file.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	e, err := Load(ctx, fstest.MapFS{"a.md": {Data: []byte("A")}}, "content")
	if err != nil || e.File != "content/events.toml" || len(e.Events)+len(e.Merges)+len(e.Splits) != 0 {
		t.Errorf("without events.toml: %+v, %v; want no edits", e, err)
	}
	fsys := fstest.MapFS{FileName: {Data: []byte("[[event]]\nid = \"a-1\"\ntitel = \"x\"\n")}}
	_, err = Load(ctx, fsys, "./articles/")
	if err == nil || !strings.HasPrefix(err.Error(), "articles/events.toml:3: ") {
		t.Errorf("bad key: %v, want an error at articles/events.toml:3", err)
	}
	fsys[FileName].Data = []byte("[[event]]\nid = \"a-1\"\nhide = true\n")
	if e, err := Load(ctx, fsys, "content"); err != nil || len(e.Events) != 1 || !e.Events[0].Hide || e.Events[0].Line != 1 {
		t.Errorf("Load = %+v, %v; want a-1 hidden, at line 1", e, err)
	}
	_, err = Load(ctx, fstest.MapFS{FileName: {Mode: fs.ModeDevice}}, "content")
	if want := "content/events.toml: cannot read: not a regular file (device)"; err == nil || err.Error() != want {
		t.Errorf("a device: %v, want %s", err, want)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Load(cancelled, fsys, "content"); err != context.Canceled {
		t.Errorf("cancelled: %v, want context.Canceled", err)
	}
}
