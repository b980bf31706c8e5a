package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// demoEvents is what the test reads of the demo's timeline.json.
type demoEvents struct {
	Events []struct {
		ID, Title, Basis string
		Citations        []struct{ Source, Anchor, Text string }
	}
}

// buildDemo builds the demo site in dir and returns its timeline.json.
func buildDemo(t *testing.T, dir string) demoEvents {
	t.Helper()
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	var tl demoEvents
	data, err := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &tl); err != nil {
		t.Fatal(err)
	}
	return tl
}

// TestBinaryEvents runs `timeline events` on the demo: every event of
// the build is printed, in its order, with its kind, its date's basis,
// its sentences by source and ordinal, and every sentence left out has
// a reason.
func TestBinaryEvents(t *testing.T) {
	dir := demo(t)
	tl := buildDemo(t, dir)
	code, stdout, stderr := exe(t, dir, "events")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	blocks := strings.Split(stdout, "\n\n")
	if len(blocks) != len(tl.Events) {
		t.Fatalf("%d blocks for %d events:\n%s", len(blocks), len(tl.Events), stdout)
	}
	for i, ev := range tl.Events {
		b := blocks[i]
		head, _, _ := strings.Cut(b, "\n")
		if head != ev.ID+"  [happening]" && head != ev.ID+"  [statement]" {
			t.Errorf("block %d opens with %q, want event %s and its kind", i, head, ev.ID)
		}
		if !strings.Contains(b, "\n  date       ") || !strings.Contains(b, ev.Basis) {
			t.Errorf("%s: no date with its basis %q:\n%s", ev.ID, ev.Basis, b)
		}
		for _, c := range ev.Citations {
			if !strings.Contains(b, "\n    "+c.Source+"#"+c.Anchor) || !strings.Contains(b, c.Text) {
				t.Errorf("%s: sentence %s#%s not printed:\n%s", ev.ID, c.Source, c.Anchor, b)
			}
		}
		if len(ev.Citations) > 1 && !strings.Contains(b, "\n  pairs\n") {
			t.Errorf("%s: no pairs:\n%s", ev.ID, b)
		}
	}
	_, left, ok := strings.Cut(stdout, "\n  left out\n")
	if !ok {
		t.Fatalf("no sentence left out:\n%s", stdout)
	}
	reasons := 0
	for _, line := range strings.Split(left, "\n") {
		for _, r := range []string{"not an event mention: ", "capped: ", "background date: ", "other day: ", "in another event: ", "not linked: "} {
			if strings.Contains(line, r) {
				reasons++
			}
		}
	}
	if reasons == 0 {
		t.Errorf("left-out sentences without a reason:\n%s", left)
	}
}

// TestBinaryEventsJSON runs `timeline events --json` on the demo: one
// JSON document with every event, its sentences, its basis, its kind and
// a reason for every sentence left out.
func TestBinaryEventsJSON(t *testing.T) {
	dir := demo(t)
	tl := buildDemo(t, dir)
	code, stdout, stderr := exe(t, dir, "events", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Events []struct {
			ID, Kind, Basis, Title string
			TitleFrom              *struct {
				Sentence struct{ Source, Anchor, Text string }
				Dropped  []struct{ Kind, Text string }
			} `json:"title_from"`
			Independent int `json:"independent_sources"`
			Sentences   []struct{ Source, Anchor, Text string }
			Pairs       []struct {
				A, B   string
				Cosine float64
			}
			LeftOut []struct{ Text, Reason, Detail string } `json:"left_out"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, stdout)
	}
	if len(got.Events) != len(tl.Events) {
		t.Fatalf("%d events, the build has %d", len(got.Events), len(tl.Events))
	}
	left, dropped := 0, 0
	for i, ev := range got.Events {
		want := tl.Events[i]
		// The title's basis is one of the event's sentences, and what it
		// dropped was in that sentence.
		if tf := ev.TitleFrom; tf == nil {
			t.Errorf("%s: title %q without the sentence it was composed from", ev.ID, ev.Title)
		} else {
			in := false
			for _, s := range ev.Sentences {
				in = in || s.Source == tf.Sentence.Source && s.Anchor == tf.Sentence.Anchor
			}
			if !in {
				t.Errorf("%s: title composed from %s#%s, not one of its sentences", ev.ID, tf.Sentence.Source, tf.Sentence.Anchor)
			}
			for _, d := range tf.Dropped {
				dropped++
				if d.Kind == "article" || d.Kind == "quotation mark" {
					continue // counted ("2 articles"), not quoted
				}
				if d.Kind == "" || !strings.Contains(strings.ToLower(tf.Sentence.Text), strings.ToLower(strings.Trim(d.Text, " ,"))) {
					t.Errorf("%s: dropped %s %q is not in %q", ev.ID, d.Kind, d.Text, tf.Sentence.Text)
				}
			}
		}
		if ev.ID != want.ID || ev.Basis != want.Basis || len(ev.Sentences) != len(want.Citations) {
			t.Errorf("event %d: %s basis %q, %d sentences; want %s %q %d", i, ev.ID, ev.Basis, len(ev.Sentences), want.ID, want.Basis, len(want.Citations))
			continue
		}
		if ev.Kind != "happening" && ev.Kind != "statement" {
			t.Errorf("%s: kind %q", ev.ID, ev.Kind)
		}
		for j, s := range ev.Sentences {
			if c := want.Citations[j]; s.Source != c.Source || s.Anchor != c.Anchor || s.Text != c.Text {
				t.Errorf("%s: sentence %d is %s#%s, want %s#%s", ev.ID, j, s.Source, s.Anchor, c.Source, c.Anchor)
			}
		}
		if len(ev.Sentences) > 1 && len(ev.Pairs) == 0 {
			t.Errorf("%s: no pairs", ev.ID)
		}
		for _, l := range ev.LeftOut {
			left++
			if l.Text == "" || l.Reason == "" || l.Detail == "" {
				t.Errorf("%s: left out without a reason: %+v", ev.ID, l)
			}
		}
	}
	if dropped == 0 {
		t.Error("no title on the demo dropped anything from its sentence")
	}
	if left == 0 {
		t.Error("nothing left out on the demo")
	}
}
