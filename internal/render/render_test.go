package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	scriptSentence = "Officials said <script>alert(1)</script> was found in the feed."
	quoteSentence  = `He called the offer a "quote" & ampersand affair.`
)

// testSite is a small site: a dated and an undated event, two sources, one
// with a copy, and sentences that need escaping.
func testSite() Site {
	alpha := []string{
		"Summit announced",
		"The Kremlin announced the visit on Monday.",
		scriptSentence,
		quoteSentence,
	}
	beta := []string{
		"Moscow confirmed the state visit on Monday, Sep 11.",
		"Analysts were divided.",
	}
	texts := map[string]string{
		"alpha": alpha[0] + "\n\n" + strings.Join(alpha[1:], " "),
		"beta":  strings.Join(beta, " "),
	}
	// cite quotes sentence i of a source; anchors are s1, s2, … in order.
	cite := func(src string, sentences []string, i int, date string) Citation {
		start := strings.Index(texts[src], sentences[i])
		return Citation{
			SourceID: src, SourceTitle: src, Anchor: fmt.Sprintf("s%d", i+1),
			Text: sentences[i], Start: start, End: start + len(sentences[i]), Date: date,
		}
	}
	return Site{
		Title:       "Summit <Watch>",
		Description: "Who met whom, & when.",
		BaseURL:     "https://example.github.io/summit/",
		Generator:   "timeline test",
		Events: []Event{
			{
				ID:    "kremlin-announces-visit",
				Title: "Kremlin announces the visit",
				Date:  Date{ISO: "2023-09-11", Precision: "day", Display: "Sep 11, 2023"},
				Basis: "“on Monday” in Example News (published Sep 11, 2023)",
				Summary: []Citation{
					cite("alpha", alpha, 1, ""),
					cite("beta", beta, 0, ""),
				},
				Importance: 2.5,
				Citations: []Citation{
					cite("alpha", alpha, 1, "2023-09-11"),
					cite("beta", beta, 0, "2023-09-11"),
				},
				SourceCount: 2,
				CopyCount:   1,
			},
			{
				ID:          "feed-scare",
				Title:       "A script turns up in the feed",
				Date:        Date{Precision: "unknown", Display: "date unknown"},
				Undated:     true,
				Summary:     []Citation{cite("alpha", alpha, 2, "")},
				Importance:  1,
				Citations:   []Citation{cite("alpha", alpha, 2, ""), cite("alpha", alpha, 3, "")},
				SourceCount: 1,
			},
		},
		Sources: []Source{
			{
				ID:        "alpha",
				Title:     "Kim to visit Russia",
				Publisher: "Example News",
				Author:    "A. Reporter",
				URL:       "https://news.example.com/kim-russia",
				Date:      Date{ISO: "2023-09-11", Precision: "day", Display: "Sep 11, 2023"},
				Dateline:  "MOSCOW, Sep 11, 2023",
				File:      "content/alpha.txt",
				Copies:    []Copy{{File: "content/alpha-copy.txt", Title: "Kim to visit Russia", Publisher: "Copy Wire", URL: "https://wire.example.org/kim", Containment: 0.968}},
				Related:   []Related{{ID: "beta", Title: "Beta story", Similarity: 0.314}},
				Text:      texts["alpha"],
				Blocks: []Block{
					{Heading: true, Sentences: []Sentence{{Anchor: "s1", Text: alpha[0]}}},
					{Sentences: []Sentence{
						{Anchor: "s2", Text: alpha[1], EventIDs: []string{"kremlin-announces-visit"}},
						{Anchor: "s3", Text: alpha[2], EventIDs: []string{"feed-scare"}},
						{Anchor: "s4", Text: alpha[3], EventIDs: []string{"feed-scare"}},
					}},
				},
				Removed:  []Removal{{Line: 40, Text: "Leave a Reply", Reason: "comment form"}},
				EventIDs: []string{"kremlin-announces-visit", "feed-scare"},
			},
			{
				ID:        "beta",
				Title:     "Moscow confirms",
				Publisher: "Other Wire",
				Date:      Date{Precision: "unknown", Display: "date unknown"},
				File:      "content/beta.txt",
				Text:      texts["beta"],
				Blocks: []Block{{Sentences: []Sentence{
					{Anchor: "s1", Text: beta[0], EventIDs: []string{"kremlin-announces-visit"}},
					{Anchor: "s2", Text: beta[1]},
				}}},
				EventIDs: []string{"kremlin-announces-visit"},
			},
		},
	}
}

// build writes site with theme into a fresh directory and returns the
// directory and its files by slash path.
func build(t testing.TB, site Site, theme fs.FS) (string, Stats, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	st, err := Write(t.Context(), site, theme, dir)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return dir, st, tree(t, dir)
}

func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(name)
		rel, _ := filepath.Rel(dir, name)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// inOrder reports whether each of subs occurs in s after the previous one.
func inOrder(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	at := 0
	for _, sub := range subs {
		i := strings.Index(s[at:], sub)
		if i < 0 {
			t.Errorf("%s: missing %q (in order after byte %d)", what, sub, at)
			return
		}
		at += i + len(sub)
	}
}

func TestWriteFiles(t *testing.T) {
	_, st, files := build(t, testSite(), themes.Default)
	want := []string{
		".nojekyll",
		"404.html",
		"events/feed-scare/index.html",
		"events/kremlin-announces-visit/index.html",
		"feed.xml",
		"index.html",
		"robots.txt",
		"sitemap.xml",
		"sources/alpha/index.html",
		"sources/beta/index.html",
		"style.css",
		"timeline.js",
		"timeline.json",
		"timelinejs.json",
	}
	got := slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if !yield(k) {
				return
			}
		}
	})
	if !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if files[".nojekyll"] != "" {
		t.Errorf(".nojekyll is not empty")
	}
	var size int64
	for _, b := range files {
		size += int64(len(b))
	}
	if want := (Stats{Pages: 6, Files: len(want), Bytes: size}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
	style, _ := fs.ReadFile(themes.Default, "static/style.css")
	if files["style.css"] != string(style) {
		t.Errorf("style.css is not a copy of the theme's static/style.css")
	}
}

func TestIndexPage(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	index := files["index.html"]
	inOrder(t, "index.html", index,
		`<html lang="en">`,
		`<title>Summit &lt;Watch&gt;</title>`,
		`<a class="skip-link" href="#main">`,
		`<main id="main"`,
		`<h1>Summit &lt;Watch&gt;</h1>`,
		`Who met whom, &amp; when.`,
		`<time datetime="2023-09-11">Sep 11, 2023</time>`,
		`<a href="./events/kremlin-announces-visit/">Kremlin announces the visit</a>`,
		`The Kremlin announced the visit on Monday.`, // the lead summary sentence
		`2 sources`,
		`id="undated"`,
		`<h2 class="year-label" id="undated-label">Undated</h2>`,
		`Date unknown`,
		`<a href="./events/feed-scare/">A script turns up in the feed</a>`,
		`Single source`,
		`</section>`,
		`</main>`,
	)
	// The dated event comes before the Undated section, the undated one
	// inside it.
	undated := strings.Index(index, `id="undated"`)
	end := undated + strings.Index(index[undated:], `</section>`)
	if i := strings.Index(index, "Kremlin announces the visit"); i < 0 || i > undated {
		t.Errorf("dated event is not before the Undated section")
	}
	if i := strings.Index(index, "A script turns up in the feed"); i < undated || i > end {
		t.Errorf("undated event is not inside the Undated section")
	}
	if !strings.Contains(index, `<link rel="stylesheet" href="./style.css">`) {
		t.Errorf("index.html does not link ./style.css")
	}
}

func TestEventPage(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	page := files["events/kremlin-announces-visit/index.html"]
	inOrder(t, "dated event page", page,
		`<link rel="canonical" href="https://example.github.io/summit/events/kremlin-announces-visit/">`,
		`<link rel="stylesheet" href="../../style.css">`,
		`<h1>Kremlin announces the visit</h1>`,
		`<time datetime="2023-09-11">Sep 11, 2023</time>`,
		`2 sources`,
		`How this date was found:`,
		`“on Monday” in Example News (published Sep 11, 2023)`,
		// Summary: both summary sentences.
		`The Kremlin announced the visit on Monday. Moscow confirmed the state visit on Monday, Sep 11.`,
		// Citations grouped by source, source order.
		`<a href="../../sources/alpha/">Kim to visit Russia</a>`,
		`Example News`,
		`<a href="https://news.example.com/kim-russia"`,
		`<blockquote class="quote" cite="https://news.example.com/kim-russia">`,
		`<p>The Kremlin announced the visit on Monday.</p>`,
		`<a href="../../sources/alpha/#s2">`,
		`<a href="../../sources/beta/">Moscow confirms</a>`,
		`Other Wire`,
		`<p>Moscow confirmed the state visit on Monday, Sep 11.</p>`,
		`<a href="../../sources/beta/#s1">`,
		`<a class="pager-next" href="../../events/feed-scare/"`,
	)
	if strings.Contains(page, `class="notice"`) {
		t.Errorf("a two-source event is marked single source")
	}

	page = files["events/feed-scare/index.html"]
	inOrder(t, "undated event page", page,
		`<h1>A script turns up in the feed</h1>`,
		`Date unknown`,
		`Single source`,
		`<aside class="notice" role="note"><strong>Single source.</strong>`,
		`<a href="../../sources/alpha/">Kim to visit Russia</a>`,
		`<p>Officials said &lt;script&gt;alert(1)&lt;/script&gt; was found in the feed.</p>`,
		`<a href="../../sources/alpha/#s3">`,
		`<p>He called the offer a &#34;quote&#34; &amp; ampersand affair.</p>`,
		`<a href="../../sources/alpha/#s4">`,
		`<a class="pager-prev" href="../../events/kremlin-announces-visit/"`,
	)
}

func TestSourcePage(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	page := files["sources/alpha/index.html"]
	inOrder(t, "source page", page,
		`<h1>Kim to visit Russia</h1>`,
		`Example News`,
		`A. Reporter`,
		`<time datetime="2023-09-11">Sep 11, 2023</time>`,
		`MOSCOW, Sep 11, 2023`,
		`content/alpha.txt`,
		`<a href="https://news.example.com/kim-russia"`,
		`Also published as`,
		`Copy Wire`,
		`https://wire.example.org/kim`,
		`content/alpha-copy.txt</code> · 97% shared`,
		`Closely related sources`,
		`<a href="../../sources/beta/">Beta story</a> · 31% shared wording`,
		`Events citing this source`,
		`<a href="../../events/kremlin-announces-visit/">Kremlin announces the visit</a>`,
		`<a href="../../events/feed-scare/">A script turns up in the feed</a>`,
		`<h2 class="text-heading"><span id="s1">Summit announced</span></h2>`,
		`<span id="s2" class="cited"><mark>The Kremlin announced the visit on Monday.</mark><a class="evref" href="../../events/kremlin-announces-visit/"`,
		`<span id="s3" class="cited"><mark>Officials said &lt;script&gt;alert(1)&lt;/script&gt; was found in the feed.</mark><a class="evref" href="../../events/feed-scare/"`,
		`<details class="removed">`,
		`What cleaning removed`,
		`<td class="num">40</td><td>comment form</td><td>Leave a Reply</td>`,
		`</details>`,
	)
	page = files["sources/beta/index.html"]
	if strings.Contains(page, "Also published as") {
		t.Errorf("a source without copies lists copies")
	}
	if !strings.Contains(page, `<span id="s2">Analysts were divided.</span>`) {
		t.Errorf("an uncited sentence is not a plain span with its anchor")
	}
}

func TestEscaping(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	for name, b := range files {
		if strings.Contains(b, "<script>alert") {
			t.Errorf("%s contains unescaped <script>alert", name)
		}
		if strings.Contains(b, "<Watch>") {
			t.Errorf("%s contains unescaped <Watch>", name)
		}
	}
}

func TestNotFoundPage(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	page := files["404.html"]
	// 404.html is served at any depth, so its links start at the site's
	// path on the server.
	for _, want := range []string{
		`<link rel="stylesheet" href="/summit/style.css">`,
		`<a class="button" href="/summit/">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	site := testSite()
	site.BaseURL = ""
	_, _, files = build(t, site, themes.Default)
	if !strings.Contains(files["404.html"], `<link rel="stylesheet" href="/style.css">`) {
		t.Errorf("404.html without BaseURL does not link /style.css")
	}
	if strings.Contains(files["index.html"], `rel="canonical"`) {
		t.Errorf("canonical link without BaseURL")
	}
}

func TestTimelineJSON(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	got := []byte(files["timeline.json"])
	golden := filepath.Join("testdata", "timeline.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("timeline.json differs from %s (go test -update rewrites it):\n%s", golden, got)
	}

	var tl struct {
		Title, Description, BaseURL, Generator string
		Events                                 []map[string]any
		Sources                                []map[string]any
	}
	if err := json.Unmarshal(got, &tl); err != nil {
		t.Fatal(err)
	}
	if tl.Title != "Summit <Watch>" || tl.Description != "Who met whom, & when." || len(tl.Events) != 2 || len(tl.Sources) != 2 {
		t.Errorf("decoded %+v", tl)
	}
	keys := func(m map[string]any) []string {
		k := make([]string, 0, len(m))
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	eventKeys := []string{"basis", "citations", "copy_count", "date", "id", "importance", "kind", "precision", "source_count", "sources_cited", "summary", "title", "undated"}
	if k := keys(tl.Events[1]); !slices.Equal(k, eventKeys) {
		t.Errorf("undated event keys = %q, want %q", k, eventKeys)
	}
	e := tl.Events[0]
	if e["id"] != "kremlin-announces-visit" || e["date"] != "2023-09-11" || e["undated"] != false ||
		e["summary"] != "The Kremlin announced the visit on Monday. Moscow confirmed the state visit on Monday, Sep 11." ||
		e["source_count"] != 2.0 || e["copy_count"] != 1.0 || e["importance"] != 2.5 {
		t.Errorf("event 0 = %v", e)
	}
	c := e["citations"].([]any)[0].(map[string]any)
	want0 := map[string]any{"source": "alpha", "text": "The Kremlin announced the visit on Monday.", "start": 18.0, "end": 60.0, "anchor": "s2", "date": "2023-09-11"}
	if !reflect.DeepEqual(c, want0) {
		t.Errorf("citation = %v, want %v", c, want0)
	}
	if _, ok := tl.Events[1]["citations"].([]any)[0].(map[string]any)["date"]; ok {
		t.Errorf("empty citation date is not omitted")
	}
	sourceKeys := []string{"author", "copies", "date", "date_from", "dateline", "duplicates", "events", "file", "id", "publisher", "related", "removed", "text", "title", "url"}
	for _, s := range tl.Sources {
		if k := keys(s); !slices.Equal(k, sourceKeys) {
			t.Errorf("source keys = %q, want %q", k, sourceKeys)
		}
	}
	a, b := tl.Sources[0], tl.Sources[1]
	if !reflect.DeepEqual(a["duplicates"], []any{"content/alpha-copy.txt"}) ||
		!reflect.DeepEqual(a["copies"], []any{map[string]any{"file": "content/alpha-copy.txt", "title": "Kim to visit Russia",
			"publisher": "Copy Wire", "url": "https://wire.example.org/kim", "containment": 0.97}}) ||
		!reflect.DeepEqual(a["related"], []any{map[string]any{"id": "beta", "similarity": 0.31}}) ||
		!reflect.DeepEqual(a["events"], []any{"kremlin-announces-visit", "feed-scare"}) ||
		!reflect.DeepEqual(a["removed"], []any{map[string]any{"line": 40.0, "reason": "comment form", "text": "Leave a Reply"}}) {
		t.Errorf("source alpha = %v", a)
	}
	// Empty lists are [], never null.
	for _, k := range []string{"duplicates", "copies", "related", "removed"} {
		if v, ok := b[k].([]any); !ok || len(v) != 0 {
			t.Errorf("source beta %s = %#v, want []", k, b[k])
		}
	}
	if !bytes.Contains(got, []byte(`\u003cscript\u003ealert(1)\u003c/script\u003e`)) || !bytes.HasSuffix(got, []byte("}\n")) {
		t.Errorf("timeline.json is not HTML-escaped with a trailing newline")
	}
}

func TestWriteDeterministic(t *testing.T) {
	for _, site := range []Site{testSite(), benchSite(300, 60)} {
		_, _, a := build(t, site, themes.Default)
		_, _, b := build(t, site, themes.Default)
		if len(a) != len(b) {
			t.Fatalf("%d files, then %d", len(a), len(b))
		}
		for name, x := range a {
			if y, ok := b[name]; !ok || x != y {
				t.Errorf("%s differs between two writes", name)
			}
		}
	}
}

func TestThemeOverride(t *testing.T) {
	site := testSite()
	theme := fstest.MapFS{
		"layouts/index.html": {Data: []byte(`{{define "main"}}<p class="custom">{{len .Site.Events}} custom events</p>{{end}}`)},
		"static/extra.txt":   {Data: []byte("extra")},
		"static/img/x.svg":   {Data: []byte("<svg/>")},
	}
	_, _, files := build(t, site, Layers(theme, themes.Default))
	if !strings.Contains(files["index.html"], `<p class="custom">2 custom events</p>`) {
		t.Errorf("the site's layouts/index.html is not used:\n%s", files["index.html"])
	}
	if !strings.Contains(files["index.html"], `<a class="skip-link"`) {
		t.Errorf("the default base.html is not used under the site's index.html")
	}
	if !strings.Contains(files["events/feed-scare/index.html"], `<h1>A script turns up in the feed</h1>`) {
		t.Errorf("event pages do not fall back to the default theme")
	}
	if files["extra.txt"] != "extra" || files["img/x.svg"] != "<svg/>" || files["style.css"] == "" {
		t.Errorf("static files of both layers are not all copied")
	}

	// An upper static file wins over the default one.
	theme["static/style.css"] = &fstest.MapFile{Data: []byte("body{}")}
	_, _, files = build(t, site, Layers(theme, themes.Default))
	if files["style.css"] != "body{}" {
		t.Errorf("style.css = %.40q, want the site theme's", files["style.css"])
	}
}

// TestOverviewOverride checks that a site's theme can draw the overview
// strip its own way: its layouts/partials/overview.html replaces the
// default's, and gets the strip's geometry as data.
func TestOverviewOverride(t *testing.T) {
	site := laterSite()
	theme := fstest.MapFS{
		"layouts/partials/overview.html": {Data: []byte(`{{define "overview"}}<ol class="my-strip" data-height="{{.Height}}">
{{- range .Bars}}<li data-x="{{.Line.X1}}" data-lane="{{.Lane}}"{{if .Vague}} class="vague"{{end}}>{{.Event.Title}}</li>{{end}}
{{- with .Undated}}<li>{{.Count}} undated</li>{{end}}</ol>{{end}}`)},
	}
	_, _, files := build(t, site, Layers(theme, themes.Default))
	index := files["index.html"]
	if strings.Contains(index, `<svg class="ov"`) || strings.Contains(index, `<figure class="overview"`) {
		t.Errorf("the default strip is drawn under the site's overview partial")
	}
	inOrder(t, "index with the site's overview", index,
		`<ol class="my-strip" data-height="`,
		`<li data-x="1.50%" data-lane="0">Kremlin announces the visit</li>`,
		`data-lane="0" class="vague">Analysts are divided</li>`,
		`<li>1 undated</li></ol>`,
		`<form class="filters" id="filters" hidden>`)
	// The default theme's strip, for comparison.
	_, _, files = build(t, site, themes.Default)
	if !strings.Contains(files["index.html"], `<svg class="ov"`) {
		t.Errorf("the default theme draws no strip")
	}
}

func TestLayers(t *testing.T) {
	upper := fstest.MapFS{
		"layouts/index.html": {Data: []byte("upper index")},
		"static/a.css":       {Data: []byte("upper a")},
		"static/sub/c.txt":   {Data: []byte("upper c")},
	}
	lower := fstest.MapFS{
		"layouts/index.html": {Data: []byte("lower index")},
		"layouts/base.html":  {Data: []byte("lower base")},
		"static/a.css":       {Data: []byte("lower a")},
		"static/b.css":       {Data: []byte("lower b")},
	}
	fsys := Layers(upper, nil, lower)
	if err := fstest.TestFS(fsys, "layouts/index.html", "layouts/base.html", "static/a.css", "static/b.css", "static/sub/c.txt"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"layouts/index.html": "upper index",
		"layouts/base.html":  "lower base",
		"static/a.css":       "upper a",
		"static/b.css":       "lower b",
	} {
		if b, err := fs.ReadFile(fsys, name); err != nil || string(b) != want {
			t.Errorf("ReadFile(%s) = %q, %v; want %q", name, b, err, want)
		}
		f, err := fsys.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 64)
		n, _ := f.Read(b)
		f.Close()
		if string(b[:n]) != want {
			t.Errorf("Open(%s) reads %q, want %q", name, b[:n], want)
		}
	}
	entries, err := fs.ReadDir(fsys, "static")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"a.css", "b.css", "sub"}; !slices.Equal(names, want) {
		t.Errorf("ReadDir(static) = %q, want %q", names, want)
	}
	if _, err := fsys.Open("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want fs.ErrNotExist", err)
	}
}

func TestWriteRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Site)
		want   string
	}{
		{"empty event ID", func(s *Site) { s.Events[0].ID = "" }, "empty ID"},
		{"upper case", func(s *Site) { s.Events[0].ID = "Kremlin" }, `contains 'K'`},
		{"slash", func(s *Site) { s.Sources[1].ID = "a/b" }, `contains '/'`},
		{"dot-dot", func(s *Site) { s.Sources[1].ID = ".." }, `starts with '.'`},
		{"hidden", func(s *Site) { s.Events[1].ID = ".git" }, `starts with '.'`},
		{"space", func(s *Site) { s.Events[1].ID = "a b" }, `contains ' '`},
		{"duplicate", func(s *Site) { s.Events[1].ID = s.Events[0].ID }, "duplicate ID"},
		{"unknown source", func(s *Site) { s.Events[0].Citations[1].SourceID = "gamma" }, `unknown source "gamma"`},
		{"unknown anchor", func(s *Site) { s.Events[0].Citations[1].Anchor = "s9" }, `anchor "s9"`},
		{"bad anchor", func(s *Site) { s.Sources[1].Blocks[0].Sentences[1].Anchor = "s 2" }, `anchor contains ' '`},
		{"unknown event", func(s *Site) { s.Sources[0].EventIDs = append(s.Sources[0].EventIDs, "nope") }, `unknown event "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := testSite()
			tt.change(&site)
			dir := t.TempDir()
			_, err := Write(t.Context(), site, themes.Default, dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write = %v, want an error containing %q", err, tt.want)
			}
			if files := tree(t, dir); len(files) != 0 {
				t.Errorf("Write wrote %d files before rejecting the site", len(files))
			}
		})
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"parse", "layouts/event.html", "{{define \"main\"}}\n<p>{{.Event.Title</p>\n{{end}}", "layouts/event.html:2"},
		{"exec", "layouts/source.html", "{{define \"main\"}}\n\n<p>{{.Source.Nope}}</p>{{end}}", "layouts/source.html:3"},
		{"partial", "layouts/partials/site.html", "{{define \"site-header\"}}\n{{.Nope}}{{end}}{{define \"site-footer\"}}{{end}}", "layouts/partials/site.html:2"},
		{"missing layout", "layouts/404.html", "", "layouts/404.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var theme fs.FS = Layers(fstest.MapFS{tt.file: {Data: []byte(tt.text)}}, themes.Default)
			if tt.text == "" {
				theme = without{themes.Default, tt.file}
			}
			_, err := Write(t.Context(), testSite(), theme, t.TempDir())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write = %v, want an error naming %s", err, tt.want)
			}
			if testing.Verbose() {
				t.Log(err)
			}
		})
	}
}

// without hides one file of a file system.
type without struct {
	fs.FS
	name string
}

func (w without) Open(name string) (fs.File, error) {
	if name == w.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return w.FS.Open(name)
}

func TestStaticCollision(t *testing.T) {
	theme := Layers(fstest.MapFS{"static/index.html": {Data: []byte("x")}}, themes.Default)
	_, err := Write(t.Context(), testSite(), theme, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "static/index.html would overwrite index.html") {
		t.Fatalf("Write = %v, want a collision error", err)
	}
}

// benchSite is a site of n events over m sources, each source with 40
// sentences, each event citing three sources.
func benchSite(n, m int) Site {
	site := Site{Title: "Bench", Description: "A large timeline.", BaseURL: "https://example.com/", Generator: "bench"}
	for j := range m {
		s := Source{
			ID: fmt.Sprintf("src-%04d", j), Title: fmt.Sprintf("Source %d reports", j), Publisher: "Example News",
			Date: Date{ISO: "2023-09-11", Precision: "day", Display: "Sep 11, 2023"}, File: fmt.Sprintf("content/%04d.txt", j),
			Removed: []Removal{{Line: 1, Text: "Subscribe now", Reason: "boilerplate"}},
		}
		var text []string
		for b := range 8 {
			var blk Block
			for k := range 5 {
				a := fmt.Sprintf("s%d", b*5+k+1)
				sen := fmt.Sprintf("Sentence %s of source %d says something <notable> & quotable about the summit.", a, j)
				blk.Sentences = append(blk.Sentences, Sentence{Anchor: a, Text: sen})
				text = append(text, sen)
			}
			s.Blocks = append(s.Blocks, blk)
		}
		s.Text = strings.Join(text, " ")
		site.Sources = append(site.Sources, s)
	}
	for i := range n {
		e := Event{
			ID: fmt.Sprintf("event-%05d", i), Title: fmt.Sprintf("Event %d happens", i),
			Date:       Date{ISO: fmt.Sprintf("%04d-09-11", 2000+i/100), Precision: "day", Display: fmt.Sprintf("Sep 11, %d", 2000+i/100)},
			Basis:      "publication date",
			Importance: float64(i % 17),
		}
		if i >= n-n/20 {
			e.Date, e.Undated, e.Basis = Date{Precision: "unknown", Display: "date unknown"}, true, ""
		}
		for k := range 3 {
			j := (i*7 + k*13) % m
			src := &site.Sources[j]
			blk := &src.Blocks[(i+k)%8]
			sen := &blk.Sentences[i%5]
			c := Citation{SourceID: src.ID, SourceTitle: src.Title, Anchor: sen.Anchor, Text: sen.Text}
			e.Citations = append(e.Citations, c)
			if !slices.Contains(sen.EventIDs, e.ID) {
				sen.EventIDs = append(sen.EventIDs, e.ID)
			}
			if !slices.Contains(src.EventIDs, e.ID) {
				src.EventIDs = append(src.EventIDs, e.ID)
			}
		}
		e.Summary = e.Citations[:1]
		e.SourceCount = 3
		site.Events = append(site.Events, e)
	}
	return site
}

func BenchmarkWrite(b *testing.B) {
	site := benchSite(2000, 500)
	var st Stats
	tmp := b.TempDir()
	for i := 0; b.Loop(); i++ {
		dir := filepath.Join(tmp, fmt.Sprint(i))
		if err := os.Mkdir(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		var err error
		if st, err = Write(b.Context(), site, themes.Default, dir); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(st.Pages), "pages/op")
	b.ReportMetric(float64(st.Bytes)/1e6, "MB/op")
}

// TestKeyEventsListedFirst checks that a large site's timeline page lists
// its key events first, linking to their entries, and a small one does
// not.
func TestKeyEventsListedFirst(t *testing.T) {
	_, _, files := build(t, benchSite(60, 10), themes.Default)
	index := files["index.html"]
	key := strings.Index(index, `<section class="key-events"`)
	all := strings.Index(index, `id="all-events"`)
	if key < 0 || all < key {
		t.Fatalf("no key-events section before the timeline (at %d, timeline at %d)", key, all)
	}
	section := index[key:all]
	// benchSite's importances cycle 0..16: the top tenth of 60 events are
	// those of importance 16 and 15.
	n := strings.Count(section, "<li>")
	if n < 6 || n > 8 {
		t.Errorf("%d key events listed, want the top tenth (6, with ties up to 8)", n)
	}
	if !strings.Contains(section, `<a href="#ev-`) && !strings.Contains(section, `<a href="#`) {
		t.Error("key events do not link to their entries")
	}
	if !strings.Contains(section, `All 60 events`) {
		t.Error("no link to all the events")
	}
	_, _, small := build(t, testSite(), themes.Default)
	if strings.Contains(small["index.html"], `class="key-events"`) {
		t.Error("a small site lists key events apart")
	}
}
