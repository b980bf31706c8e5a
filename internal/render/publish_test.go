package render

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/themes"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// laterSite is testSite with a third event, dated a year later, so the
// timeline has two years.
func laterSite() Site {
	site := testSite()
	beta := &site.Sources[1]
	sen := &beta.Blocks[0].Sentences[1]
	sen.EventIDs = []string{"analysts-divided"}
	beta.EventIDs = append(beta.EventIDs, "analysts-divided")
	start := strings.Index(beta.Text, sen.Text)
	c := Citation{SourceID: "beta", SourceTitle: "beta", Anchor: "s2", Text: sen.Text, Start: start, End: start + len(sen.Text)}
	ev := Event{
		ID: "analysts-divided", Title: "Analysts are divided",
		Date:    Date{ISO: "2024-03", Precision: "month", Display: "March 2024"},
		Summary: []Citation{c}, Citations: []Citation{c}, SourceCount: 1, DateConflicts: 2,
	}
	// Timeline order: dated events by date, undated last.
	site.Events = []Event{site.Events[0], ev, site.Events[1]}
	return site
}

func TestHostingOutputs(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)

	var feed struct {
		XMLName xml.Name
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Entries []struct {
			ID       string `xml:"id"`
			Title    string `xml:"title"`
			Updated  string `xml:"updated"`
			Summary  string `xml:"summary"`
			Category []struct {
				Term string `xml:"term,attr"`
			} `xml:"category"`
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(files["feed.xml"]), &feed); err != nil {
		t.Fatalf("feed.xml: %v\n%s", err, files["feed.xml"])
	}
	const base = "https://example.github.io/summit/"
	if feed.XMLName.Space != "http://www.w3.org/2005/Atom" || feed.ID != base || feed.Updated != "2023-09-11T00:00:00Z" ||
		len(feed.Links) != 2 || feed.Links[0].Rel != "self" || feed.Links[0].Href != base+"feed.xml" || len(feed.Entries) != 2 {
		t.Fatalf("feed = %+v", feed)
	}
	e0, e1 := feed.Entries[0], feed.Entries[1]
	if e0.ID != base+"events/kremlin-announces-visit/" || e0.Link.Href != e0.ID || e0.Title != "Kremlin announces the visit" ||
		e0.Updated != "2023-09-11T00:00:00Z" || !strings.Contains(e0.Summary, "The Kremlin announced the visit on Monday.") {
		t.Errorf("entry 0 = %+v", e0)
	}
	// The undated event's only source is dated; it is marked undated.
	if e1.ID != base+"events/feed-scare/" || e1.Updated != "2023-09-11T00:00:00Z" || len(e1.Category) != 1 || e1.Category[0].Term != "undated" ||
		!strings.Contains(e1.Summary, "<script>alert(1)</script>") {
		t.Errorf("entry 1 = %+v", e1)
	}
	if strings.Contains(files["feed.xml"], "<script>") {
		t.Errorf("feed.xml holds an unescaped <script>")
	}

	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(files["sitemap.xml"]), &sm); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range sm.URLs {
		locs = append(locs, u.Loc)
	}
	want := []string{base, base + "events/kremlin-announces-visit/", base + "events/feed-scare/", base + "sources/alpha/", base + "sources/beta/"}
	if strings.Join(locs, " ") != strings.Join(want, " ") {
		t.Errorf("sitemap = %q, want %q", locs, want)
	}
	if want := "User-agent: *\nDisallow:\n\nSitemap: " + base + "sitemap.xml\n"; files["robots.txt"] != want {
		t.Errorf("robots.txt = %q, want %q", files["robots.txt"], want)
	}
	for _, page := range []string{"index.html", "events/feed-scare/index.html", "sources/alpha/index.html"} {
		if !strings.Contains(files[page], `<link rel="alternate" type="application/atom+xml" href="`) {
			t.Errorf("%s does not link the feed", page)
		}
	}

	// A base URL without a host: no absolute addresses, so no feed, no
	// sitemap, no canonical link.
	site := testSite()
	site.BaseURL = "/summit/"
	_, _, files = build(t, site, themes.Default)
	for _, f := range []string{"feed.xml", "sitemap.xml"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s written for base URL %q", f, site.BaseURL)
		}
	}
	if files["robots.txt"] != "User-agent: *\nDisallow:\n" {
		t.Errorf("robots.txt = %q", files["robots.txt"])
	}
	for name, b := range files {
		if strings.Contains(b, `rel="canonical"`) || strings.Contains(b, "og:url") || strings.Contains(b, "atom+xml") {
			t.Errorf("%s has an absolute address or a feed link without an absolute base URL", name)
		}
	}
	if !strings.Contains(files["404.html"], `href="/summit/style.css"`) {
		t.Errorf("404.html does not link /summit/style.css")
	}

	// A theme's own robots.txt replaces the generated one.
	theme := Layers(fstest.MapFS{"static/robots.txt": {Data: []byte("User-agent: *\nDisallow: /\n")}}, themes.Default)
	_, _, files = build(t, testSite(), theme)
	if files["robots.txt"] != "User-agent: *\nDisallow: /\n" {
		t.Errorf("robots.txt = %q, want the theme's", files["robots.txt"])
	}
}

func TestTimelineJSExport(t *testing.T) {
	_, _, files := build(t, laterSite(), themes.Default)
	var doc struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			StartDate map[string]int `json:"start_date"`
			EndDate   map[string]int `json:"end_date"`
			Display   string         `json:"display_date"`
			Text      struct{ Headline, Text string }
			UniqueID  string `json:"unique_id"`
		}
	}
	if err := json.Unmarshal([]byte(files["timelinejs.json"]), &doc); err != nil {
		t.Fatal(err)
	}
	// TimelineJS shows headlines as HTML, so a title's "<" is escaped.
	if doc.Title.Text.Headline != "Summit &lt;Watch&gt;" || !strings.Contains(doc.Title.Text.Text, "Who met whom, &amp; when.") ||
		!strings.Contains(doc.Title.Text.Text, `1 event has no known date: it is shown where the sources tell it, marked “Date unknown”.`) {
		t.Errorf("title slide = %+v", doc.Title)
	}
	// Every event, in timeline order; dates are as precise as known.
	if len(doc.Events) != 3 {
		t.Fatalf("%d events, want all 3", len(doc.Events))
	}
	a, b, c := doc.Events[0], doc.Events[1], doc.Events[2]
	if a.UniqueID != "kremlin-announces-visit" || a.StartDate["year"] != 2023 || a.StartDate["month"] != 9 || a.StartDate["day"] != 11 ||
		a.EndDate != nil || a.Text.Headline != "Kremlin announces the visit" ||
		!strings.Contains(a.Text.Text, `<a href="https://example.github.io/summit/events/kremlin-announces-visit/">2 sources, quoted</a>`) {
		t.Errorf("event 0 = %+v", a)
	}
	if b.UniqueID != "analysts-divided" || len(b.StartDate) != 2 || b.StartDate["year"] != 2024 || b.StartDate["month"] != 3 ||
		b.Display != "March 2024" || !strings.Contains(b.Text.Text, "day unknown; 2 quotes give other dates") {
		t.Errorf("event 1 = %+v", b)
	}
	// The undated event, last on the timeline, is placed at the date of
	// the event before it, and says its own date is unknown.
	if c.UniqueID != "feed-scare" || len(c.StartDate) != 2 || c.StartDate["year"] != 2024 || c.StartDate["month"] != 3 || c.EndDate != nil ||
		c.Display != "Date unknown" || !strings.Contains(c.Text.Text, "<em>Date unknown: no source dates it") || strings.Contains(c.Text.Text, "March") {
		t.Errorf("undated event = %+v", c)
	}
	if strings.Contains(files["timelinejs.json"], "<") {
		t.Errorf("timelinejs.json is not HTML-escaped")
	}
}

// TestJSONLD checks every page's structured data: valid JSON of the
// right schema.org type, and no way for article text to end the <script>
// element early.
func TestJSONLD(t *testing.T) {
	site := testSite()
	hostile := "Bad </script><script>alert(1)</script> & \u2028 title"
	site.Events[0].Title = hostile
	site.Sources[0].Title = "</SCRIPT ><!-- " + hostile
	site.Sources[0].Author = "A. <b>Reporter</b>"
	_, _, files := build(t, site, themes.Default)
	want := map[string]string{
		"index.html": "WebSite",
		"events/kremlin-announces-visit/index.html": "Event",
		"events/feed-scare/index.html":              "Event",
		"sources/alpha/index.html":                  "NewsArticle",
		"sources/beta/index.html":                   "NewsArticle",
	}
	for name, typ := range want {
		page := files[name]
		if strings.Contains(strings.ToLower(page), "<script>alert") {
			t.Errorf("%s: article text broke out of a <script> element", name)
		}
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var scripts []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.DataAtom == atom.Script {
				for _, a := range n.Attr {
					if a.Key == "type" && a.Val == "application/ld+json" && n.FirstChild != nil {
						scripts = append(scripts, n.FirstChild.Data)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if len(scripts) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts", name, len(scripts))
		}
		var ld struct {
			Context   string `json:"@context"`
			Type      string `json:"@type"`
			Name      string `json:"name"`
			Headline  string `json:"headline"`
			URL       string `json:"url"`
			StartDate string `json:"startDate"`
			SubjectOf []struct {
				Type     string `json:"@type"`
				Headline string `json:"headline"`
				URL      string `json:"url"`
				Author   struct{ Name string }
			} `json:"subjectOf"`
			About []struct {
				Type string `json:"@type"`
				Name string `json:"name"`
			} `json:"about"`
			IsPartOf struct {
				Type string `json:"@type"`
				URL  string `json:"url"`
			} `json:"isPartOf"`
		}
		if err := json.Unmarshal([]byte(scripts[0]), &ld); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, scripts[0])
		}
		if ld.Context != "https://schema.org" || ld.Type != typ {
			t.Errorf("%s: @context %q @type %q, want %s", name, ld.Context, ld.Type, typ)
		}
		switch name {
		case "events/kremlin-announces-visit/index.html":
			if ld.Name != hostile || ld.StartDate != "2023-09-11" || ld.URL != "https://example.github.io/summit/events/kremlin-announces-visit/" ||
				len(ld.SubjectOf) != 2 || ld.SubjectOf[0].Type != "NewsArticle" || ld.SubjectOf[0].URL != "https://news.example.com/kim-russia" ||
				ld.SubjectOf[0].Author.Name != "A. <b>Reporter</b>" || ld.SubjectOf[1].URL != "https://example.github.io/summit/sources/beta/" ||
				ld.IsPartOf.Type != "WebSite" || ld.IsPartOf.URL != "https://example.github.io/summit/" {
				t.Errorf("%s: %+v", name, ld)
			}
		case "events/feed-scare/index.html":
			if ld.StartDate != "" {
				t.Errorf("%s: undated event with startDate %q", name, ld.StartDate)
			}
		case "sources/alpha/index.html":
			if ld.Headline != site.Sources[0].Title || len(ld.About) != 2 || ld.About[0].Name != hostile {
				t.Errorf("%s: %+v", name, ld)
			}
		}
	}
	if strings.Contains(files["404.html"], "ld+json") {
		t.Errorf("404.html has structured data")
	}
}

func TestMetaTags(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	inOrder(t, "index.html", files["index.html"],
		`<meta name="description" content="Who met whom, &amp; when.">`,
		`<link rel="canonical" href="https://example.github.io/summit/">`,
		`<meta property="og:type" content="website">`,
		`<meta property="og:site_name" content="Summit &lt;Watch&gt;">`,
		`<meta property="og:title" content="Summit &lt;Watch&gt;">`,
		`<meta property="og:description" content="Who met whom, &amp; when.">`,
		`<meta property="og:url" content="https://example.github.io/summit/">`,
		`<meta name="twitter:card" content="summary">`,
		`<meta name="twitter:title" content="Summit &lt;Watch&gt;">`,
		`<link rel="stylesheet" href="./style.css">`,
		`<link rel="alternate" type="application/atom+xml" href="./feed.xml"`,
		`<script type="application/ld+json">`,
		`<script src="./timeline.js" defer></script>`,
	)
	inOrder(t, "event page", files["events/kremlin-announces-visit/index.html"],
		`<meta name="description" content="The Kremlin announced the visit on Monday. Moscow confirmed the state visit on Monday, Sep 11.">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:title" content="Kremlin announces the visit">`,
		`<meta property="og:url" content="https://example.github.io/summit/events/kremlin-announces-visit/">`,
	)
	if !strings.Contains(files["sources/alpha/index.html"], `<meta name="description" content="Source: Kim to visit Russia, Example News, Sep 11, 2023. Cited by 2 events`) {
		t.Errorf("source page description")
	}
	if strings.Contains(files["events/feed-scare/index.html"], `timeline.js"`) {
		t.Errorf("an event page loads timeline.js")
	}
	if !strings.Contains(files["404.html"], `<meta name="robots" content="noindex">`) || strings.Contains(files["404.html"], `rel="canonical"`) {
		t.Errorf("404.html: want noindex and no canonical link")
	}
	long := strings.Repeat("word ", 100)
	if d := describe(long); len([]rune(d)) > maxDescription || !strings.HasSuffix(d, "word…") {
		t.Errorf("describe(long) = %q", d)
	}
}

func TestTimelinePage(t *testing.T) {
	site := laterSite()
	_, _, files := build(t, site, themes.Default)
	index := files["index.html"]
	// Entries: id is the event ID, data- attributes for the filters, the
	// date's precision and disputes, the sources by number.
	inOrder(t, "index", index,
		`3 events · <a href="#sources">2 sources</a> · <a href="#undated">1 undated</a> · oldest first`,
		`<figure class="overview" id="overview">`,
		`<svg class="ov"`,
		`<a href="#kremlin-announces-visit" tabindex="-1"><title>Kremlin announces the visit (Sep 11, 2023)</title>`,
		`<a href="#analysts-divided" tabindex="-1"><title>Analysts are divided (March 2024)</title><line class="ov-bar ov-vague"`,
		`<a href="#undated" tabindex="-1"><title>1 undated event, listed at the end</title>`,
		`<figcaption>2 dated events from Sep 2023 to Mar 2024; 1 undated event is listed at the end</figcaption>`,
		`<form class="filters" id="filters" hidden>`,
		`<select id="f-source" name="source">`,
		`<option value="">All sources</option>`,
		`</select>`,
		`<input type="date" id="f-from" name="from" min="2023-09-11" max="2024-03-31">`,
		`<h2 class="year-label" id="year-2023">2023</h2>`,
		`<li class="entry" id="kremlin-announces-visit" data-sources="alpha beta" data-start="2023-09-11" data-end="2023-09-11">`,
		`Sources <a href="#src-alpha">1</a>, <a href="#src-beta">2</a>`,
		`<h2 class="year-label" id="year-2024">2024</h2>`,
		`<li class="entry" id="analysts-divided" data-sources="beta" data-start="2024-03-01" data-end="2024-03-31">`,
		`<time datetime="2024-03">March 2024</time> <span class="date-note">(day unknown; 2 quotes give other dates)</span>`,
		`id="undated"`,
		`<li class="entry entry-undated" id="feed-scare" data-sources="alpha">`,
		`<section class="source-list" id="sources"`,
		`<li id="src-alpha"><a href="./sources/alpha/">Kim to visit Russia</a> · Example News · <time datetime="2023-09-11">Sep 11, 2023</time> · <a class="original" href="https://news.example.com/kim-russia" rel="external noopener">original</a></li>`,
	)
	// The event page links back to the entry.
	if !strings.Contains(files["events/analysts-divided/index.html"], `<a href="../../#analysts-divided">`) {
		t.Errorf("the event page does not link to its entry on the timeline")
	}

	// Newest first: years and events reversed, undated still last.
	site.Order = "newest"
	_, _, files = build(t, site, themes.Default)
	inOrder(t, "index, newest first", files["index.html"],
		`1 undated</a> · newest first`,
		`id="year-2024"`, `id="analysts-divided"`, `id="year-2023"`, `id="kremlin-announces-visit"`, `id="undated"`, `id="feed-scare"`)
	// The data stays in timeline order.
	if i, j := strings.Index(files["timeline.json"], `"kremlin-announces-visit"`), strings.Index(files["timeline.json"], `"analysts-divided"`); i > j {
		t.Errorf("timeline.json is not in timeline order when the page is newest first")
	}

	site.Order = "sideways"
	if _, err := Write(t.Context(), site, themes.Default, t.TempDir()); err == nil || !strings.Contains(err.Error(), `order "sideways"`) {
		t.Errorf("Write with order sideways = %v", err)
	}

	// No dated event: no overview, no date bounds.
	site = testSite()
	site.Events = site.Events[1:]
	site.Sources[0].EventIDs = []string{"feed-scare"}
	site.Sources[0].Blocks[1].Sentences[0].EventIDs = nil
	site.Sources[1].EventIDs = nil
	site.Sources[1].Blocks[0].Sentences[0].EventIDs = nil
	_, _, files = build(t, site, themes.Default)
	if strings.Contains(files["index.html"], "<svg") || !strings.Contains(files["index.html"], `<input type="date" id="f-from" name="from">`) {
		t.Errorf("a timeline without dated events has an overview or date bounds")
	}
}

func TestReservedIDs(t *testing.T) {
	for _, tt := range []struct {
		id string
		ok bool
	}{
		{"undated", false}, {"main", false}, {"sources", false}, {"year-2023", false}, {"src-alpha", false},
		{"year-end-review-3f2a9c", true}, {"src-gamma", true}, {"undated-2", true},
	} {
		site := testSite()
		old := site.Events[1].ID
		site.Events[1].ID = tt.id
		for i := range site.Sources {
			s := &site.Sources[i]
			for j, id := range s.EventIDs {
				if id == old {
					s.EventIDs[j] = tt.id
				}
			}
			for _, b := range s.Blocks {
				for k := range b.Sentences {
					for j, id := range b.Sentences[k].EventIDs {
						if id == old {
							b.Sentences[k].EventIDs[j] = tt.id
						}
					}
				}
			}
		}
		_, err := Write(t.Context(), site, themes.Default, t.TempDir())
		if (err == nil) != tt.ok {
			t.Errorf("event ID %q: Write = %v, want ok %v", tt.id, err, tt.ok)
		}
	}
}

func TestDayRange(t *testing.T) {
	for _, tt := range []struct {
		d           Date
		first, last string
	}{
		{Date{ISO: "2023-09-11"}, "2023-09-11", "2023-09-11"},
		{Date{ISO: "2023-09-16", End: "2023-09-17"}, "2023-09-16", "2023-09-17"},
		{Date{ISO: "2024-02"}, "2024-02-01", "2024-02-29"},
		{Date{ISO: "2023"}, "2023-01-01", "2023-12-31"},
		{Date{ISO: "2023-09", End: "2023-10"}, "2023-09-01", "2023-10-31"},
		{Date{ISO: "2023-09-11", End: "2023-09-01"}, "2023-09-11", "2023-09-11"}, // an end before the start is ignored
		{Date{ISO: ""}, "", ""},
		{Date{ISO: "2023-13"}, "", ""},
		{Date{ISO: "Sep 2023"}, "", ""},
	} {
		if first, last := firstDay(tt.d), lastDay(tt.d); first != tt.first || last != tt.last {
			t.Errorf("%+v: %q–%q, want %q–%q", tt.d, first, last, tt.first, tt.last)
		}
	}
}

// drawOverview draws ov with the default theme's overview-svg partial, as
// the timeline page does.
func drawOverview(t *testing.T, ix *siteIndex, ov *Overview) string {
	t.Helper()
	return drawOverviewWith(t, themes.Default, ix, ov)
}

// drawOverviewWith draws ov with the overview-svg template of theme's
// layouts/partials/overview.html.
func drawOverviewWith(t *testing.T, theme fs.FS, ix *siteIndex, ov *Overview) string {
	t.Helper()
	text, err := fs.ReadFile(theme, "layouts/partials/overview.html")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := template.New("overview.html").Funcs(ix.funcs()).Parse(string(text))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "overview-svg", ov); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestOverviewTicks(t *testing.T) {
	day := func(s string) Date { return Date{ISO: s, Precision: "day", Display: s} }
	for _, tt := range []struct {
		name  string
		dates []Date
		want  []string
	}{
		{"one day", []Date{day("2023-09-11")}, []string{"Sep 10", "Sep 11", "Sep 12"}},
		{"a week", []Date{day("2023-09-10"), day("2023-09-17")}, []string{"Sep 10", "Sep 11", "Sep 12", "Sep 13", "Sep 14", "Sep 15", "Sep 16", "Sep 17"}},
		{"months", []Date{day("2023-01-15"), day("2023-05-02")}, []string{"Feb 2023", "Mar", "Apr"}}, // May 1 is too near the end for a label
		{"years", []Date{{ISO: "1990", Precision: "year"}, day("2023-05-02")}, []string{"1990", "1995", "2000", "2005", "2010", "2015", "2020"}},
	} {
		site := Site{BaseURL: "https://example.org/"}
		for i, d := range tt.dates {
			site.Events = append(site.Events, Event{ID: "e" + string(rune('a'+i)), Title: "E", Date: d})
		}
		ix, err := newIndex(&site)
		if err != nil {
			t.Fatal(err)
		}
		ov := ix.overview()
		var got []string
		for _, tk := range ov.Ticks {
			if tk.Label != nil {
				got = append(got, tk.Label.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: tick labels %q, want %q", tt.name, got, tt.want)
		}
		// The default theme draws the labels, and one bar per event.
		svg := drawOverview(t, ix, ov)
		var drawn []string
		for _, m := range regexp.MustCompile(`<text x="[0-9.]+%" dx="3" y="\d+">([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
			drawn = append(drawn, m[1])
		}
		if strings.Join(drawn, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: tick labels drawn %q, want %q", tt.name, drawn, tt.want)
		}
		if len(ov.Bars) != len(tt.dates) || strings.Count(svg, "<line class=\"ov-bar") != len(tt.dates) {
			t.Errorf("%s: not one bar per event:\n%s", tt.name, svg)
		}
	}
}

// TestOverviewOutlier checks that the overview's axis spans the dense
// part of the timeline: one event decades before (or after) a story of a
// week is drawn past a break with its date, and the week's events spread
// across the strip instead of crowding at one end; a timeline spread
// evenly over decades is drawn without a break.
func TestOverviewOutlier(t *testing.T) {
	day := func(s string) Date { return Date{ISO: s, Precision: "day", Display: s} }
	week := []Date{day("2023-09-10"), day("2023-09-11"), day("2023-09-12"), day("2023-09-13"), day("2023-09-16")}
	bar := regexp.MustCompile(`<a href="#(e\d+)" tabindex="-1"><title>[^<]*</title><line class="ov-bar[^"]*" x1="([0-9.]+)%" x2="([0-9.]+)%"`)
	draw := func(dates []Date) (*Overview, string, map[string][2]float64) {
		t.Helper()
		site := Site{BaseURL: "https://example.org/"}
		for i, d := range dates {
			site.Events = append(site.Events, Event{ID: fmt.Sprintf("e%d", i), Title: "E", Date: d})
		}
		ix, err := newIndex(&site)
		if err != nil {
			t.Fatal(err)
		}
		ov := ix.overview()
		svg := drawOverview(t, ix, ov)
		xs := map[string][2]float64{}
		for _, b := range ov.Bars {
			xs[b.Event.ID] = [2]float64{float64(b.Line.X1), float64(b.Line.X2)}
		}
		// The default theme draws each bar where the data puts it.
		drawn := 0
		for _, m := range bar.FindAllStringSubmatch(svg, -1) {
			x1, _ := strconv.ParseFloat(m[2], 64)
			x2, _ := strconv.ParseFloat(m[3], 64)
			if x, ok := xs[m[1]]; !ok || fmt.Sprintf("%.2f %.2f", x[0], x[1]) != fmt.Sprintf("%.2f %.2f", x1, x2) {
				t.Errorf("bar %s drawn at %.2f%%–%.2f%%, laid out at %.2f%%–%.2f%%", m[1], x1, x2, x[0], x[1])
			}
			drawn++
		}
		if len(xs) != len(dates) || drawn != len(dates) {
			t.Fatalf("%d bars (%d drawn) for %d events:\n%s", len(xs), drawn, len(dates), svg)
		}
		return ov, svg, xs
	}
	for _, tt := range []struct {
		name    string
		dates   []Date
		far     string // the far event's ID
		label   string
		left    bool
		caption string
	}{
		{"decades before", append([]Date{day("1975-02-12")}, week...), "e0", "Feb 1975", true,
			"6 dated events from Feb 1975 to Sep 2023, most of them between Sep 10 and 16, 2023; 1 long before (Feb 1975) is drawn past a break"},
		{"decades after", append(slices.Clone(week), Date{ISO: "2061", Precision: "year", Display: "2061"}), "e5", "2061", false,
			"6 dated events from Sep 2023 to Dec 2061, most of them between Sep 10 and 16, 2023; 1 long after (2061) is drawn past a break"},
	} {
		ov, svg, xs := draw(tt.dates)
		if len(ov.Far) != 1 || ov.Far[0].Label.Text != tt.label {
			t.Errorf("%s: far zones %+v, want one labelled %q", tt.name, ov.Far, tt.label)
		}
		if strings.Count(svg, `class="ov-break"`) != 2 || !strings.Contains(svg, `text-anchor="middle">`+tt.label+`</text>`) {
			t.Errorf("%s: no break, or no label %q, on the strip:\n%s", tt.name, tt.label, svg)
		}
		if x := xs[tt.far][0]; tt.left && x > ovLeft+ovFarW || !tt.left && x < ovRight-ovFarW {
			t.Errorf("%s: the far event at %.2f%%, not in its zone", tt.name, x)
		}
		// The week spans most of the strip: its first day near the left
		// of the axis, its last near the right.
		lo, hi := 100.0, 0.0
		for id, x := range xs {
			if id != tt.far {
				lo, hi = min(lo, x[0]), max(hi, x[1])
			}
		}
		if hi-lo < 60 {
			t.Errorf("%s: the week's events span %.1f%% to %.1f%% of the strip, want most of it", tt.name, lo, hi)
		}
		if !strings.Contains(svg, ">Sep 10</text>") {
			t.Errorf("%s: the axis is not marked in days:\n%s", tt.name, svg)
		}
		if ov.Caption != tt.caption {
			t.Errorf("%s: caption %q,\nwant %q", tt.name, ov.Caption, tt.caption)
		}
	}

	// Spread evenly, or two stories of equal weight: no break.
	var years []Date
	for y := 1990; y <= 2020; y += 3 {
		years = append(years, day(fmt.Sprintf("%d-06-01", y)))
	}
	two := []Date{day("1990-01-01"), day("1990-01-03"), day("1990-01-05"), day("2023-09-10"), day("2023-09-11"), day("2023-09-12")}
	near := append(slices.Clone(week), day("2023-09-24")) // a week later: stretching costs little
	for name, dates := range map[string][]Date{"evenly": years, "two stories": two, "a week later": near} {
		if ov, svg, _ := draw(dates); len(ov.Far) > 0 || strings.Contains(svg, "ov-break") || strings.Contains(ov.Caption, "break") {
			t.Errorf("%s: a break on the strip: %s", name, ov.Caption)
		}
	}
}

// TestPlacedUndated checks undated events the chronology placed among the
// dated ones: shown at their place, marked, in the year group of the
// event before them (or, leading, of the event after them); only the
// undated events after the last dated one make the Undated section.
func TestPlacedUndated(t *testing.T) {
	site := laterSite() // kremlin (2023), analysts (2024), feed-scare (undated)
	e := site.Events
	placed := e[2]
	placed.Placement = "no source dates it; placed after “Kremlin announces the visit”, as the sources tell it"
	site.Events = []Event{e[0], placed, e[1]}
	_, _, files := build(t, site, themes.Default)
	index := files["index.html"]
	inOrder(t, "index", index,
		`id="year-2023"`, `id="kremlin-announces-visit"`,
		`<li class="entry entry-undated" id="feed-scare"`, `Date unknown</span> <span class="date-note">(placed as the sources tell it)</span>`,
		`id="year-2024"`, `id="analysts-divided"`)
	for _, absent := range []string{`id="undated"`, `href="./#undated"`, `href="#undated"`} {
		if strings.Contains(index, absent) {
			t.Errorf("index has %s without trailing undated events", absent)
		}
	}
	if !strings.Contains(index, "; 1 undated event is listed among them as the sources tell it</figcaption>") {
		t.Errorf("overview caption does not count the placed event")
	}
	if !strings.Contains(files["events/feed-scare/index.html"], `<span class="label">Where it is placed:</span> no source dates it; placed after “Kremlin announces the visit”`) {
		t.Errorf("the event page does not say where the event is placed")
	}
	site.Events[1].Basis = placed.Placement
	_, _, again := build(t, site, themes.Default)
	if page := again["events/feed-scare/index.html"]; strings.Count(page, "placed after “Kremlin announces the visit”") != 1 {
		t.Errorf("the event page repeats a placement that is also the basis")
	}
	if !strings.Contains(files["timelinejs.json"], "1 event has no known date") ||
		!strings.Contains(files["timelinejs.json"], "Date unknown: no source dates it; placed after “Kremlin announces the visit”") {
		t.Errorf("timelinejs.json does not count the placed undated event, or say where it is placed:\n%s", files["timelinejs.json"])
	}
	var order []string
	for _, m := range regexp.MustCompile(`"unique_id": "([^"]+)"`).FindAllStringSubmatch(files["timelinejs.json"], -1) {
		order = append(order, m[1])
	}
	if got := strings.Join(order, " "); got != "kremlin-announces-visit feed-scare analysts-divided" {
		t.Errorf("timelinejs.json slides %s, want the timeline's order", got)
	}

	// Placed before the first dated event: in its year group, first.
	site.Events = []Event{placed, e[0], e[1]}
	_, _, files = build(t, site, themes.Default)
	inOrder(t, "index, leading undated", files["index.html"], `id="year-2023"`, `id="feed-scare"`, `id="kremlin-announces-visit"`, `id="year-2024"`)
	// In TimelineJS, at the date of the event after it.
	inOrder(t, "timelinejs.json, leading undated", files["timelinejs.json"],
		`"year": 2023,`, `"month": 9,`, `"day": 11`, `"display_date": "Date unknown"`, `"unique_id": "feed-scare"`,
		`"year": 2023,`, `"month": 9,`, `"day": 11`, `"display_date": "Sep 11, 2023"`, `"unique_id": "kremlin-announces-visit"`)

	// Newest first: each group reversed, the placed event still after its
	// anchor in time, so before it on the page.
	site.Events = []Event{e[0], placed, e[1]}
	site.Order = "newest"
	_, _, files = build(t, site, themes.Default)
	inOrder(t, "index, newest first", files["index.html"], `id="year-2024"`, `id="analysts-divided"`, `id="year-2023"`, `id="feed-scare"`, `id="kremlin-announces-visit"`)

	// Placed after the last dated event: at the end of its year, not in
	// the Undated section, which holds the events not placed.
	unplaced := placed
	unplaced.ID, unplaced.Placement = "unplaced", ""
	site = laterSite()
	site.Events = append(site.Events[:2], placed, unplaced)
	site.Events[2].Placement = "no source dates it; placed after “Analysts are divided”, as the sources tell it"
	site.Sources[0].EventIDs = append(site.Sources[0].EventIDs, "unplaced")
	_, _, files = build(t, site, themes.Default)
	inOrder(t, "index, placed after the last", files["index.html"],
		`id="year-2024"`, `id="analysts-divided"`, `id="feed-scare"`, `</section>`, `id="undated"`, `id="unplaced"`)
}

// TestLabelInName checks WCAG 2.5.3 (label in name, axe-core's
// label-content-name-mismatch) on every page: an element named with
// aria-label that shows text has a name that starts with that text, so a
// user who says what they see ("click 1") reaches it. The citation
// numbers of a source page are the case in point.
func TestLabelInName(t *testing.T) {
	_, _, files := build(t, testSite(), themes.Default)
	checked := 0
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var text func(*html.Node) string
		text = func(n *html.Node) string {
			if n.Type == html.TextNode {
				return n.Data
			}
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				b.WriteString(text(c))
			}
			return b.String()
		}
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			for _, a := range n.Attr {
				if a.Key != "aria-label" || n.DataAtom == atom.Nav || n.DataAtom == atom.Section {
					continue
				}
				visible := strings.Join(strings.Fields(text(n)), " ")
				if visible == "" {
					continue
				}
				checked++
				if !strings.HasPrefix(strings.ToLower(a.Val), strings.ToLower(visible)) {
					t.Errorf("%s: <%s> shows %q but is named %q", name, n.Data, visible, a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	if checked == 0 {
		t.Errorf("no element named with aria-label that shows text: the test checks nothing")
	}
}

// TestOverviewLabelsBeforeBreak checks that the day labels of the axis
// stop well short of a break on their right, so that the last of them
// does not run into the far zone's date on a narrow screen: ten days of
// events, whose last-but-one tick falls close to the break, and one
// event decades later.
func TestOverviewLabelsBeforeBreak(t *testing.T) {
	site := Site{BaseURL: "https://example.org/"}
	for i, d := range []string{"2023-09-10", "2023-09-12", "2023-09-14", "2023-09-17", "2023-09-20"} {
		site.Events = append(site.Events, Event{ID: fmt.Sprintf("e%d", i), Title: "E", Date: Date{ISO: d, Precision: "day", Display: d}})
	}
	site.Events = append(site.Events, Event{ID: "far", Title: "E", Date: Date{ISO: "2061", Precision: "year", Display: "2061"}})
	ix, err := newIndex(&site)
	if err != nil {
		t.Fatal(err)
	}
	ov := ix.overview()
	brk := 100.0
	for _, z := range ov.Far {
		for _, l := range z.Break {
			brk = min(brk, float64(l.X1))
		}
	}
	if brk == 100 {
		t.Fatalf("no break on the strip: %+v", ov)
	}
	var labels []*OverviewText
	for _, tk := range ov.Ticks {
		if tk.Label != nil {
			labels = append(labels, tk.Label)
		}
	}
	if len(labels) < 5 {
		t.Fatalf("%d day labels, want the days marked: %+v", len(labels), ov.Ticks)
	}
	for _, l := range labels {
		if x := float64(l.X); x > brk-12 {
			t.Errorf("day label %q at %.1f%%, within 12%% of the break at %.1f%%", l.Text, x, brk)
		}
	}
	// The default theme draws the break and the labels where they are.
	svg := drawOverview(t, ix, ov)
	if !strings.Contains(svg, fmt.Sprintf(`class="ov-break" x1="%s"`, Percent(brk))) {
		t.Errorf("the break at %.2f%% is not drawn:\n%s", brk, svg)
	}
	if got := len(regexp.MustCompile(`<text x="[0-9.]+%" dx="3"[^>]*>[^<]*</text>`).FindAllString(svg, -1)); got != len(labels) {
		t.Errorf("%d day labels drawn, want %d:\n%s", got, len(labels), svg)
	}
}
