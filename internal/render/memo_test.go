package render

import (
	"encoding/json"
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/themes"
)

// cloneSite returns a deep copy of site.
func cloneSite(t *testing.T, site Site) Site {
	t.Helper()
	b, err := json.Marshal(site)
	if err != nil {
		t.Fatal(err)
	}
	var c Site
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestMemoRendersWhatChanged renders a site, changes it in one way after
// another, and renders each version twice: with the memo kept from the
// previous version and without any. The files must be the same byte for
// byte, and with the memo only the pages the change reaches are
// rendered again.
func TestMemoRendersWhatChanged(t *testing.T) {
	edits := []struct {
		name string
		edit func(s *Site)
		// most is the most pages the memo may render again.
		most int
	}{
		{"nothing", func(s *Site) {}, 1},
		{"an event's title", func(s *Site) { s.Events[50].Title = "A new title" }, 12},
		{"a sentence of a source", func(s *Site) {
			s.Sources[3].Blocks[0].Sentences[0].Text = "Changed."
		}, 30},
		{"a removed line of a source", func(s *Site) { s.Sources[7].Removed[0].Reason = "menu" }, 30},
		{"a copy's containment", func(s *Site) {
			s.Sources[9].Copies = append(s.Sources[9].Copies, Copy{File: "content/x.txt", Containment: 0.91})
		}, 30},
		{"an event's importance, not the key events", func(s *Site) { s.Events[20].Importance += 0.001 }, 8},
		{"which events are key", func(s *Site) {
			for i := range s.Events {
				s.Events[i].Importance = float64(i % 3)
			}
		}, 1000},
		{"the site title", func(s *Site) { s.Title = "Renamed" }, 1000},
		{"an event removed", func(s *Site) {
			id := s.Events[100].ID
			s.Events = append(s.Events[:100], s.Events[101:]...)
			for i := range s.Sources {
				src := &s.Sources[i]
				src.EventIDs = deleteString(src.EventIDs, id)
				for b := range src.Blocks {
					for k := range src.Blocks[b].Sentences {
						sen := &src.Blocks[b].Sentences[k]
						sen.EventIDs = deleteString(sen.EventIDs, id)
					}
				}
			}
		}, 30},
		{"the last dated event undated", func(s *Site) {
			e := &s.Events[len(s.Events)-11]
			e.Undated, e.Date, e.Basis = true, Date{Precision: "unknown", Display: "date unknown"}, ""
		}, 1000},
	}
	theme := themes.Default
	site := benchSite(200, 40)
	var memo Memo
	if _, _, err := Memory(t.Context(), site, theme, &memo); err != nil {
		t.Fatal(err)
	}
	if st := memo.Stats(); st.Reused != 0 || st.Rendered != 2+200+40 {
		t.Fatalf("first render: %+v, want every page rendered", st)
	}
	for _, tt := range edits {
		site = cloneSite(t, site)
		tt.edit(&site)
		got, gst, err := Memory(t.Context(), site, theme, &memo)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want, wst, err := Memory(t.Context(), cloneSite(t, site), theme, nil)
		if err != nil {
			t.Fatal(err)
		}
		if gst != wst {
			t.Errorf("%s: stats %+v with the memo, %+v without", tt.name, gst, wst)
		}
		same(t, tt.name, toStrings(got), toStrings(want))
		st := memo.Stats()
		if st.Rendered+st.Reused != wst.Pages {
			t.Errorf("%s: %d pages rendered and %d reused of %d", tt.name, st.Rendered, st.Reused, wst.Pages)
		}
		if st.Rendered > tt.most {
			t.Errorf("%s: %d pages rendered again, want at most %d", tt.name, st.Rendered, tt.most)
		}
		t.Logf("%s: %d pages rendered again", tt.name, st.Rendered)
	}
}

func deleteString(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// TestMemoWholeSiteLayout checks that the pages of a layout reaching the
// site's events are rendered every time, and stay right: an event page
// listing every event's title shows a title changed on another event.
func TestMemoWholeSiteLayout(t *testing.T) {
	theme := Layers(fstest.MapFS{
		"layouts/event.html": {Data: []byte(`{{define "main"}}{{.Event.Title}}: {{range .Site.Events}}{{.Title}}; {{end}}{{end}}`)},
	}, themes.Default)
	site := benchSite(30, 10)
	var memo Memo
	if _, _, err := Memory(t.Context(), site, theme, &memo); err != nil {
		t.Fatal(err)
	}
	site = cloneSite(t, site)
	site.Events[0].Title = "Renamed first event"
	files, _, err := Memory(t.Context(), site, theme, &memo)
	if err != nil {
		t.Fatal(err)
	}
	if st := memo.Stats(); st.Rendered < 1+30 {
		t.Errorf("%+v: want the timeline and every event page rendered again", st)
	}
	for _, e := range site.Events {
		if page := string(files["events/"+e.ID+"/index.html"]); !strings.Contains(page, "Renamed first event") {
			t.Fatalf("events/%s does not show the renamed event", e.ID)
		}
	}
}

// TestWholeSite checks which layouts are found to reach the whole site.
func TestWholeSite(t *testing.T) {
	for _, tt := range []struct {
		layout string
		want   bool
	}{
		{`{{.Site.Title}} {{.Event.Title}} {{$.Site.BaseURL}}`, false},
		{`{{with .Site.Description}}{{.}}{{end}}`, false},
		{`{{len .Site.Events}}`, true},
		{`{{range $.Site.Sources}}{{.ID}}{{end}}`, true},
		{`{{with .Site}}{{.Title}}{{end}}`, true},
		{`{{$p := .}}{{$p.Site.Events}}`, true},
		{`{{(.Site).Title}}`, true},
		{`{{template "x" .Site}}`, true},
		{`{{template "helper" .}}`, true}, // the helper lists sources
		{`{{partialCached "helper" . .Root}}`, true},
		{`{{partialCached "title" . .Root}}`, false},
		{`{{with "helper"}}{{partialCached . $ $.Root}}{{end}}`, true}, // a name the layout does not spell out
		{`{{block "b" .}}{{keyEvents}}{{end}}`, true},
		{`{{with event "x"}}{{.Title}}{{end}}`, true},
		{`{{sourceNumber "a"}}`, true},
		{`{{range sources .Event}}{{.Title}}{{end}}`, true},
		{`{{if key .Event}}key{{end}}{{undated}}{{sourceIDs .Event}}`, false},
		{`{{end}}{{define "unused"}}{{.Site.Events}}`, false}, // never invoked from base.html
	} {
		theme := fstest.MapFS{
			"layouts/base.html":            {Data: []byte(`{{block "main" .}}{{end}}`)},
			"layouts/partials/helper.html": {Data: []byte(`{{define "helper"}}{{range .Site.Sources}}{{.ID}}{{end}}{{end}}{{define "title"}}{{.Title}}{{end}}`)},
			"layouts/index.html":           {Data: []byte(`{{define "main"}}{{end}}`)},
			"layouts/event.html":           {Data: []byte(`{{define "main"}}` + tt.layout + `{{end}}`)},
			"layouts/source.html":          {Data: []byte(`{{define "main"}}{{end}}`)},
			"layouts/404.html":             {Data: []byte(`{{define "main"}}{{end}}`)},
		}
		layouts, _, err := parseLayouts(fs.FS(theme), (&siteIndex{site: &Site{}}).funcs())
		if err != nil {
			t.Fatalf("%s: %v", tt.layout, err)
		}
		if got := wholeSite(layouts["event"]); got != tt.want {
			t.Errorf("wholeSite(%s) = %v, want %v", tt.layout, got, tt.want)
		}
		if wholeSite(layouts["source"]) {
			t.Errorf("%s: an empty source layout reaches the whole site", tt.layout)
		}
	}
}

// TestDefaultThemeLayouts checks that only the default theme's timeline
// page reaches the whole site: every other page can be kept by a memo.
func TestDefaultThemeLayouts(t *testing.T) {
	layouts, _, err := parseLayouts(themes.Default, (&siteIndex{site: &Site{}}).funcs())
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range pageKinds {
		if got, want := wholeSite(layouts[kind]), kind == "index"; got != want {
			t.Errorf("wholeSite(%s) = %v, want %v", kind, got, want)
		}
	}
}

// TestDigestSeesEveryField checks that changing any field of an event or
// a source, however deep, changes its digest.
func TestDigestSeesEveryField(t *testing.T) {
	site := benchSite(3, 2)
	site.Sources[0].Copies = []Copy{{File: "a"}}
	site.Sources[0].Related = []Related{{ID: "b"}}
	site.Events[0].EditorSummary = template.HTML("<p>x</p>")
	var memo Memo
	ix, err := newIndex(&site)
	if err != nil {
		t.Fatal(err)
	}
	base, err := memo.begin(t.Context(), ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, mutate := range []func(s *Site){
		func(s *Site) { s.Events[0].Title += "!" },
		func(s *Site) { s.Events[0].Date.End = "2023-09-12" },
		func(s *Site) { s.Events[0].Undated = !s.Events[0].Undated },
		func(s *Site) { s.Events[0].DateConflicts++ },
		func(s *Site) { s.Events[0].Citations[1].Start++ },
		func(s *Site) { s.Events[0].Summary[0].Date = "2023" },
		func(s *Site) { s.Events[0].EditorSummary += "y" },
		func(s *Site) { s.Events[0].Importance += 1e-9 },
		func(s *Site) { s.Events[0].CopyCount++ },
		func(s *Site) { s.Sources[0].Copies[0].Containment = 0.5 },
		func(s *Site) { s.Sources[0].Related[0].Similarity = 0.5 },
		func(s *Site) { s.Sources[0].Blocks[2].Heading = true },
		func(s *Site) {
			s.Sources[0].Blocks[2].Sentences[1].EventIDs = append(s.Sources[0].Blocks[2].Sentences[1].EventIDs, "event-00002")
		},
		func(s *Site) { s.Sources[0].Removed[0].Line++ },
		func(s *Site) { s.Sources[0].Dateline = "PARIS" },
	} {
		changed := cloneSite(t, site)
		mutate(&changed)
		cix, err := newIndex(&changed)
		if err != nil {
			t.Fatal(err)
		}
		r, err := memo.begin(t.Context(), cix, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r.eventDigests[0] == base.eventDigests[0] && r.sourceDigests[0] == base.sourceDigests[0] {
			t.Errorf("change %d: digests unchanged", i)
		}
		if r.eventDigests[1] != base.eventDigests[1] || r.sourceDigests[1] != base.sourceDigests[1] {
			t.Errorf("change %d: the digests of unchanged events or sources changed", i)
		}
	}
}

// TestPartialCached checks that partialCached executes a template once
// for each list of keys in a render: pages with the same keys get the
// first one's output, pages with other keys their own; and that a
// missing template is an error naming it.
func TestPartialCached(t *testing.T) {
	theme := Layers(fstest.MapFS{
		"layouts/partials/x.html": {Data: []byte(`{{define "kind-title"}}[{{.Kind}}: {{.Title}}]{{end}}`)},
		"layouts/event.html":      {Data: []byte(`{{define "main"}}{{partialCached "kind-title" . .Kind}}{{end}}`)},
		"layouts/source.html":     {Data: []byte(`{{define "main"}}{{partialCached "kind-title" . .Title}}{{end}}`)},
	}, themes.Default)
	site := benchSite(5, 3)
	files, _, err := Memory(t.Context(), site, theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for _, e := range site.Events {
		page := string(files["events/"+e.ID+"/index.html"])
		i := strings.Index(page, "[event: ")
		if i < 0 {
			t.Fatalf("events/%s lacks the partial", e.ID)
		}
		shown = append(shown, page[i:i+strings.Index(page[i:], "]")])
	}
	for _, s := range shown {
		if s != shown[0] {
			t.Errorf("event pages, all of one kind, show %q and %q", shown[0], s)
		}
	}
	for _, src := range site.Sources {
		if page := string(files["sources/"+src.ID+"/index.html"]); !strings.Contains(page, "[source: "+src.Title+"]") {
			t.Errorf("sources/%s does not show its own title, its key", src.ID)
		}
	}
	bad := Layers(fstest.MapFS{"layouts/event.html": {Data: []byte(`{{define "main"}}{{partialCached "nowhere" . .Kind}}{{end}}`)}}, themes.Default)
	if _, _, err := Memory(t.Context(), site, bad, nil); err == nil || !strings.Contains(err.Error(), `"nowhere"`) {
		t.Errorf("a missing partial: %v, want an error naming it", err)
	}
}
