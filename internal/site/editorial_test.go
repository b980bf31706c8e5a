package site

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEditorialControl builds a site, then edits its events through
// content/events.toml (pin a title, date and summary, hide one, merge two,
// split one, and address one that does not exist) and rebuilds.
func TestEditorialControl(t *testing.T) {
	files, err := readTree(filepath.Join("..", "..", "testdata", "corpus2"), "site.toml", "content")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	opt := Options{Files: files, Destination: filepath.Join(dir, "public")}
	read := func() timelineJSON {
		var tl timelineJSON
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "public", "timeline.json"))), &tl); err != nil {
			t.Fatal(err)
		}
		return tl
	}
	if _, err := Build(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	before := read()
	// Pick events by shape: a dated one to pin, one to hide, two to merge,
	// one with several citations to split.
	var pin, hide, split string
	var merge []string
	var moved []string
	for _, e := range before.Events {
		switch {
		case pin == "" && !e.Undated:
			pin = e.ID
		case split == "" && len(e.Citations) >= 3:
			split = e.ID
			for _, c := range e.Citations[1:] {
				moved = append(moved, fmt.Sprintf("%s#%s", c.Source, c.Anchor))
			}
		case hide == "":
			hide = e.ID
		case len(merge) < 2:
			merge = append(merge, e.ID)
		}
	}
	if pin == "" || hide == "" || split == "" || len(merge) != 2 {
		t.Fatalf("corpus has too few events: pin %q hide %q split %q merge %v", pin, hide, split, merge)
	}
	quote := func(ss []string) string { return `["` + strings.Join(ss, `", "`) + `"]` }
	edits := fmt.Sprintf(`[[event]]
id = %q
title = "Pinned title by the editor"
date = "1999-12-31"
summary = """
The editor's **own** words. <script>alert(1)</script>
"""

[[event]]
id = %q
hide = true

[[merge]]
ids = %s

[[split]]
id = %q
sentences = %s
new_id = "editor-split-off"

[[event]]
id = "no-such-event-000000"
title = "Stale"
`, pin, hide, quote(merge), split, quote(moved))
	files["content/events.toml"] = &fstest.MapFile{Data: []byte(edits)}
	sum, err := Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	after := read()
	byID := map[string]int{}
	var order []string
	for i, e := range after.Events {
		byID[e.ID] = i
		order = append(order, e.ID)
	}
	// Pinned: title, date (and so first in time), summary.
	if i, ok := byID[pin]; !ok || i != 0 || after.Events[i].Title != "Pinned title by the editor" || after.Events[i].Date != "1999-12-31" {
		t.Errorf("pinned event: at %d of %v", i, order)
	}
	page := readFile(t, filepath.Join(dir, "public", "events", pin, "index.html"))
	for _, want := range []string{"Pinned title by the editor", "<strong>own</strong>", "pinned by the editor in content/events.toml"} {
		if !strings.Contains(page, want) {
			t.Errorf("pinned event page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("raw HTML of the editor's summary reached the page")
	}
	// Hidden.
	if _, ok := byID[hide]; ok {
		t.Errorf("hidden event %s is on the timeline", hide)
	}
	// Merged: the second is gone, the first cites both's sentences.
	if _, ok := byID[merge[1]]; ok {
		t.Errorf("merged event %s still on the timeline", merge[1])
	}
	var want []string
	for _, id := range merge {
		for _, e := range before.Events {
			if e.ID == id {
				for _, c := range e.Citations {
					want = append(want, c.Source+"#"+c.Anchor)
				}
			}
		}
	}
	var got []string
	if i, ok := byID[merge[0]]; ok {
		for _, c := range after.Events[i].Citations {
			got = append(got, c.Source+"#"+c.Anchor)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("merged citations = %v, want %v", got, want)
	}
	// Split: the listed sentences moved to the new event.
	i, ok := byID["editor-split-off"]
	if !ok || len(after.Events[i].Citations) != len(moved) {
		t.Fatalf("split-off event missing or wrong: %v", order)
	}
	if j := byID[split]; len(after.Events[j].Citations) != 1 {
		t.Errorf("split event keeps %d citations, want 1", len(after.Events[j].Citations))
	}
	// The stale edit is a warning naming the file and line.
	found := false
	for _, w := range sum.Warnings {
		if strings.Contains(w.Error(), `content/events.toml:21: event: no event with id "no-such-event-000000"`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning for the stale edit: %v", sum.Warnings)
	}

	// A broken edits file is an error at its line, and the site stays.
	files["content/events.toml"] = &fstest.MapFile{Data: []byte("[[event]]\nid = \"x\"\nhide = \"yes\"\n")}
	if _, err := Build(context.Background(), opt); err == nil || !strings.Contains(err.Error(), "content/events.toml:3") {
		t.Errorf("bad edits file: err = %v", err)
	}
	if read().Events[0].ID != pin {
		t.Error("a failed build changed the published site")
	}
}
