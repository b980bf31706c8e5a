package webpage

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// The pages below are made up: a harbour strike, a river flood and a
// kettle recall, wrapped in made-up site chrome.

// prose is an article body long enough to be found as one.
var prose = []string{
	"Dockworkers at the port of Lisbon walked off the job on Sunday after talks over pay and shift patterns collapsed, leaving dozens of container ships waiting at anchor outside the harbour.",
	"The union representing the crane operators said its members had not received a pay rise in four years, while the cost of housing near the docks had doubled over the same period.",
	"The port authority called the walkout unlawful and said it would ask a court to order the dockworkers back while mediation continued with the help of the labour ministry.",
	"Shipping lines began diverting vessels to other harbours along the coast, and exporters of cork and wine warned that their cargo could spoil if the strike lasted more than a week.",
}

// paragraphs returns the prose as <p> elements, one a line.
func paragraphs() string {
	return "<p>" + strings.Join(prose, "</p>\n<p>") + "</p>\n"
}

// page wraps head and body markup in a document.
func page(head, body string) string {
	return "<!DOCTYPE html>\n<html>\n<head>\n" + head + "\n</head>\n<body>\n" + body + "\n</body>\n</html>\n"
}

// texts returns the texts of the blocks.
func texts(bs []Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Text)
	}
	return out
}

// mustExtract extracts the page src or fails the test.
func mustExtract(t *testing.T, src string) Page {
	t.Helper()
	p, err := Extract([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMetadata checks each metadata field from each kind of source, and
// MetaFrom naming it.
func TestMetadata(t *testing.T) {
	article := "<article>\n" + paragraphs() + "</article>"
	tests := []struct {
		name string
		head string
		body string
		want Page // only the metadata fields are compared
	}{
		{
			name: "open graph and article tags",
			head: `<title>Dockworkers strike | Harbour Post</title>
<meta property="og:title" content="Dockworkers strike in Lisbon | Harbour Post">
<meta property="og:site_name" content="Harbour Post">
<meta property="og:url" content="https://harbour.example/2024/strike">
<meta property="og:description" content="Ships wait at anchor.">
<meta property="article:published_time" content="2024-03-03T10:15:00+01:00">
<meta name="author" content="Dana Whitfield">`,
			body: article,
			want: Page{
				Title: "Dockworkers strike in Lisbon", SiteName: "Harbour Post", Author: "Dana Whitfield",
				URL: "https://harbour.example/2024/strike", Description: "Ships wait at anchor.",
				Published: time.Date(2024, 3, 3, 10, 15, 0, 0, time.FixedZone("", 3600)), HasPublished: true,
				MetaFrom: map[string]string{"title": "og:title", "publisher": "og:site_name", "author": "author",
					"url": "og:url", "description": "og:description", "date": "article:published_time"},
			},
		},
		{
			name: "JSON-LD graph with arrays and references",
			head: `<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "#site", "name": "Harbour Post Online"},
  {"@type": ["NewsArticle"], "headline": "Port of Lisbon at a standstill",
   "author": [{"@type": "Person", "name": "Dana Whitfield"}, {"@id": "#p2"}],
   "datePublished": "2024-03-03", "publisher": {"@id": "#org"},
   "mainEntityOfPage": {"@id": "https://harbour.example/a/1"}, "inLanguage": "pt_PT",
   "keywords": ["port", "strike", ],},
  {"@type": "Person", "@id": "#p2", "name": "Rui
Costa"},
  {"@type": "Organization", "@id": "#org", "name": "Harbour Media"}
]}
</script>`,
			body: article,
			want: Page{
				Title: "Port of Lisbon at a standstill", SiteName: "Harbour Media", Author: "Dana Whitfield, Rui Costa",
				URL:       "https://harbour.example/a/1",
				Published: time.Date(2024, 3, 3, 0, 0, 0, 0, time.UTC), HasPublished: true, DateOnly: true,
				Lang: "pt-PT",
				MetaFrom: map[string]string{"title": "JSON-LD NewsArticle", "publisher": "JSON-LD NewsArticle publisher",
					"author": "JSON-LD NewsArticle", "url": "JSON-LD NewsArticle", "date": "JSON-LD NewsArticle",
					"lang": "JSON-LD NewsArticle"},
			},
		},
		{
			name: "time element in the article, canonical link, rel=author",
			head: `<title>Strike at the port</title>
<link rel="canonical" href="https://harbour.example/strike">
<meta property="og:url" content="https://harbour.example/other">
<meta property="article:author" content="https://social.example/dana">`,
			body: `<header><time datetime="2001-01-01">New Year</time></header>
<article><p>By <a rel="author" href="/dana">Dana Whitfield</a> <time datetime="2024-03-03T10:15">March 3</time></p>
` + paragraphs() + `</article>`,
			want: Page{
				Title: "Strike at the port", Author: "Dana Whitfield", URL: "https://harbour.example/strike",
				Published: time.Date(2024, 3, 3, 10, 15, 0, 0, time.UTC), HasPublished: true,
				MetaFrom: map[string]string{"title": "<title>", "author": "rel=author", "url": "link rel=canonical",
					"date": "<time datetime>"},
			},
		},
		{
			name: "relative canonical, microdata author, byline, html lang",
			head: `<link rel="canonical" href="/strike">
<meta property="og:url" content="https://harbour.example/strike">
<meta name="date" content="Sun, 03 Mar 2024 10:15:00 +0000">`,
			body: `<article><h1>Dockworkers walk out</h1>
<div itemprop="author" itemscope><span itemprop="name">Dana Whitfield</span></div>
` + paragraphs() + `</article>`,
			want: Page{
				Title: "Dockworkers walk out", Author: "Dana Whitfield", URL: "https://harbour.example/strike",
				Published: time.Date(2024, 3, 3, 10, 15, 0, 0, time.UTC), HasPublished: true,
				MetaFrom: map[string]string{"title": "<h1>", "author": "itemprop=author", "url": "og:url", "date": "date"},
			},
		},
		{
			name: "byline element and title with a site suffix",
			head: `<title>Dockworkers walk out - Harbour Post</title><meta name="application-name" content="Harbour Post">`,
			body: `<div class="story-byline">By Dana Whitfield | Staff writer</div><article>` + paragraphs() + `</article>`,
			want: Page{
				Title: "Dockworkers walk out", SiteName: "Harbour Post", Author: "Dana Whitfield",
				MetaFrom: map[string]string{"title": "<title>", "publisher": "application-name", "author": "byline"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, page(tt.head, tt.body))
			if !reflect.DeepEqual(texts(got.Blocks), prose) {
				t.Errorf("blocks:\n%q\nwant\n%q", texts(got.Blocks), prose)
			}
			got.Blocks, got.Description = nil, tt.want.Description
			if tt.want.Description == "" {
				delete(got.MetaFrom, "description")
			}
			if !got.Published.Equal(tt.want.Published) {
				t.Errorf("Published = %v, want %v", got.Published, tt.want.Published)
			}
			got.Published = tt.want.Published
			if got.Encoding != "utf-8" || got.InvalidAt != -1 {
				t.Errorf("encoding %q, invalid at %d; want utf-8, -1", got.Encoding, got.InvalidAt)
			}
			got.Encoding, got.InvalidAt = "", 0
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestCharsets checks that pages in declared, undeclared and mislabelled
// charsets, and in UTF-16, read right.
func TestCharsets(t *testing.T) {
	body := "<p>Le caf\xe9 du port \x93rouvre\x94 ses portes apr\xe8s la gr\xe8ve, a dit le patron, qui attend les dockers.</p>"
	want := "Le café du port “rouvre” ses portes après la grève, a dit le patron, qui attend les dockers."
	latin1 := strings.NewReplacer("\x93", "\"", "\x94", "\"")
	utf16 := func(s string, big bool) string {
		var b []byte
		if big {
			b = append(b, 0xFE, 0xFF)
		} else {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range s {
			hi, lo := byte(r>>8), byte(r)
			if big {
				b = append(b, hi, lo)
			} else {
				b = append(b, lo, hi)
			}
		}
		return string(b)
	}
	tests := []struct {
		name, src, want string
		encoding        string
		invalidAt       int
	}{
		{"meta charset windows-1252", "<meta charset=windows-1252>" + body, want, "windows-1252", -1},
		{"http-equiv iso-8859-1", `<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">` + latin1.Replace(body),
			strings.NewReplacer("“", "\"", "”", "\"").Replace(want), "windows-1252", -1},
		{"no declaration, not UTF-8", body, want, "windows-1252 (undeclared)", -1},
		{"says UTF-8, one bad byte", "<meta charset=utf-8><p>Le café du port “rouvre” ses portes apr\xe8s la grève, a dit le patron.</p>",
			"Le café du port “rouvre” ses portes apr\uFFFDs la grève, a dit le patron.", "utf-8", 67},
		{"no declaration, mostly UTF-8", "<p>Le café du port “rouvre” ses portes apr\xe8s la grève, a dit le patron.</p>",
			"Le café du port “rouvre” ses portes apr\uFFFDs la grève, a dit le patron.", "utf-8", 47},
		{"declared latin-1 but saved as UTF-8", "<meta charset=iso-8859-1>" + want, want, "utf-8", -1},
		{"UTF-8 byte order mark", "\xEF\xBB\xBF<p>" + want + "</p>", want, "utf-8", -1},
		{"UTF-8 byte order mark, one bad byte", "\xEF\xBB\xBF<p>Le caf\xe9 du port rouvre ses portes, a dit le patron.</p>",
			"Le caf\uFFFD du port rouvre ses portes, a dit le patron.", "utf-8", 12},
		{"UTF-16 little endian", utf16("<p>"+want+"</p>", false), want, "utf-16le", -1},
		{"UTF-16 big endian", utf16("<p>"+want+"</p>", true), want, "utf-16be", -1},
		{"koi8-r", "<meta charset=koi8-r><p>\xf0\xcf\xd2\xd4 \xc2\xc1\xd3\xd4\xd5\xc5\xd4, \xc4\xcf\xcb\xc5\xd2\xd9 \xd6\xc4\xd5\xd4 \xd3\xd5\xc4\xc1 \xcf\xd4 \xcb\xcf\xd4\xcf\xd2\xcf\xc7\xcf \xd5\xd4\xd2\xc1.</p>",
			"Порт бастует, докеры ждут суда от которого утра.", "koi8-r", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, tt.src)
			if len(got.Blocks) != 1 || got.Blocks[0].Text != tt.want {
				t.Errorf("got %q, want %q", texts(got.Blocks), tt.want)
			}
			if got.Encoding != tt.encoding || got.InvalidAt != tt.invalidAt {
				t.Errorf("encoding %q, invalid at %d; want %q, %d", got.Encoding, got.InvalidAt, tt.encoding, tt.invalidAt)
			}
		})
	}
}

// TestChromeRemoved checks that navigation, header, share buttons, captions,
// advertising, hidden text, related stories, comments and the footer
// around an article are left out.
func TestChromeRemoved(t *testing.T) {
	src := page(`<title>Strike</title>`, `<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news from everywhere</a></li></ul></nav>
<div class="site-header">Harbour Post: the news of the coast, every day since 1921, in print and online.</div>
<main>
<article>
<h1>Dockworkers walk out</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <span>1.2k shares</span></div>
`+paragraphs()+`<figure><img src="a.jpg"><figcaption>Idle cranes at the container terminal on Sunday, as seen from the river.</figcaption></figure>
<div class="advertisement">Advertisement</div>
<p style="display:none">Subscribers can read this hidden teaser about the strike and the port and the ships.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Council approves new cycle lanes downtown after a long debate</a></li>
<li><a href="/b">Local bakery wins regional pastry award for the third time</a></li>
</ul></aside>
<section id="comments"><h2>3 comments</h2>
<div class="comment"><p>This strike has gone on long enough, and the government should step in now, before the wine spoils.</p></div>
<div class="comment"><p>The dockworkers deserve the pay rise, and everyone who lives near the port knows how rents have gone.</p></div>
</section>
</main>
<footer><p>Copyright Harbour Post. All rights reserved. Registered in Lisbon, company number 1234, with offices at the port.</p></footer>`)
	got := mustExtract(t, src)
	if !reflect.DeepEqual(texts(got.Blocks), prose) {
		t.Errorf("got\n%q\nwant\n%q", texts(got.Blocks), prose)
	}
}

// TestBlocks checks the kind, text and source line of each sort of block.
func TestBlocks(t *testing.T) {
	src := `<html><body>
<div class="article-body">
<h1>Kettle recall</h1>
<p>A maker of electric kettles is recalling two hundred thousand of them after reports that the handles can come loose when the kettle is full.</p>
<h2>What to do</h2>
<ul>
<li>Stop using the kettle and unplug it.</li>
<li>Check the model number under the base.</li>
</ul>
<blockquote><p>We are sorry for the trouble this causes our customers, and we will replace every kettle free of charge.</p></blockquote>
<div>Owners can return the kettle to any shop that sells it, with or without a receipt, until the end of the year.<br><br>
The company said no one had been hurt, but that it had received forty reports of loose handles since the spring.<br>
It did not say how many kettles had been sold abroad.</div>
<table><tr><td>Model</td><td>Years</td></tr>
<tr><td>KT-200</td><td>2021 to 2023</td></tr></table>
<pre>serial  KT-200-0001
serial  KT-200-9999</pre>
</div>
</body></html>`
	want := []Block{
		{Paragraph, "A maker of electric kettles is recalling two hundred thousand of them after reports that the handles can come loose when the kettle is full.", 4},
		{Heading, "What to do", 5},
		{ListItem, "Stop using the kettle and unplug it.", 7},
		{ListItem, "Check the model number under the base.", 8},
		{Quote, "We are sorry for the trouble this causes our customers, and we will replace every kettle free of charge.", 10},
		{Paragraph, "Owners can return the kettle to any shop that sells it, with or without a receipt, until the end of the year.", 11},
		{Paragraph, "The company said no one had been hurt, but that it had received forty reports of loose handles since the spring. It did not say how many kettles had been sold abroad.", 12},
		{Paragraph, "Model Years", 14},
		{Paragraph, "KT-200 2021 to 2023", 15},
		{Paragraph, "serial KT-200-0001", 16},
		{Paragraph, "serial KT-200-9999", 17},
	}
	got := mustExtract(t, src)
	if !reflect.DeepEqual(got.Blocks, want) {
		t.Errorf("got\n%v\nwant\n%v", got.Blocks, want)
	}
	if got.Title != "Kettle recall" || got.MetaFrom["title"] != "<h1>" {
		t.Errorf("title %q from %q, want the <h1>", got.Title, got.MetaFrom["title"])
	}
}

// TestLinesAfterBreaks checks the lines of paragraphs made by <br><br>, with
// CRLF line ends.
func TestLinesAfterBreaks(t *testing.T) {
	src := "<body>\r\n<div class=\"entry-content\">\r\n" +
		"First paragraph of the notice, which says that the ferry will not run on Sunday because of the strike.\r\n<br>\r\n<br>\r\n" +
		"Second paragraph of the notice, which says that tickets bought for Sunday will be refunded in full.\r\n<br><br>" +
		"Third paragraph of the notice, which says that the ferry company apologises to its passengers.\r\n</div>"
	got := mustExtract(t, src)
	var lines []int
	for _, b := range got.Blocks {
		lines = append(lines, b.Line)
	}
	if want := []int{2, 6, 7}; !reflect.DeepEqual(lines, want) {
		t.Errorf("lines %v, want %v (blocks %q)", lines, want, texts(got.Blocks))
	}
}

// TestParseDate checks the date forms pages write in their metadata.
func TestParseDate(t *testing.T) {
	utc := time.UTC
	tests := []struct {
		in       string
		want     time.Time
		dateOnly bool
		ok       bool
	}{
		{"2024-03-03", time.Date(2024, 3, 3, 0, 0, 0, 0, utc), true, true},
		{"20240303", time.Date(2024, 3, 3, 0, 0, 0, 0, utc), true, true},
		{"2024-3-3", time.Date(2024, 3, 3, 0, 0, 0, 0, utc), true, true},
		{"2024/03/03", time.Date(2024, 3, 3, 0, 0, 0, 0, utc), true, true},
		{"2024-03-03T10:15", time.Date(2024, 3, 3, 10, 15, 0, 0, utc), false, true},
		{"2024-03-03T10:15:30Z", time.Date(2024, 3, 3, 10, 15, 30, 0, utc), false, true},
		{"2024-03-03T10:15:30.250+01:00", time.Date(2024, 3, 3, 9, 15, 30, 250e6, utc), false, true},
		{"2024-03-03T10:15:30+0100", time.Date(2024, 3, 3, 9, 15, 30, 0, utc), false, true},
		{"2024-03-03T10:15:30-05", time.Date(2024, 3, 3, 15, 15, 30, 0, utc), false, true},
		{"2024-03-03 10:15:30", time.Date(2024, 3, 3, 10, 15, 30, 0, utc), false, true},
		{"2024-03-03 10:15:30 +0000 UTC", time.Date(2024, 3, 3, 10, 15, 30, 0, utc), false, true},
		{"Sun, 03 Mar 2024 10:15:00 GMT", time.Date(2024, 3, 3, 10, 15, 0, 0, utc), false, true},
		{"March 3, 2024", time.Date(2024, 3, 3, 0, 0, 0, 0, utc), true, true},
		{"March 3, 2024, 10:15 AM", time.Date(2024, 3, 3, 10, 15, 0, 0, utc), false, true},
		{"3 Mar 2024 10:15 GMT", time.Date(2024, 3, 3, 10, 15, 0, 0, utc), false, true},
		{"0001-01-01T00:00:00Z", time.Time{}, false, false},
		{"2024-13-03", time.Time{}, false, false},
		{"2023-02-29", time.Time{}, false, false},
		{"2023-09", time.Time{}, false, false},
		{"1989-12-31", time.Time{}, false, false},
		{"2024-03-03T25:00", time.Time{}, false, false},
		{"yesterday", time.Time{}, false, false},
		{"", time.Time{}, false, false},
	}
	for _, tt := range tests {
		got, dateOnly, ok := parseDate(tt.in)
		if ok != tt.ok || (ok && (!got.Equal(tt.want) || dateOnly != tt.dateOnly)) {
			t.Errorf("parseDate(%q) = %v, %v, %v; want %v, %v, %v", tt.in, got, dateOnly, ok, tt.want, tt.dateOnly, tt.ok)
		}
	}
}

// TestCutSiteName checks how a headline is cut out of a <title>.
func TestCutSiteName(t *testing.T) {
	onPage := func(lines ...string) func(string) bool {
		return func(s string) bool {
			for _, l := range lines {
				if norm(l) == norm(s) {
					return true
				}
			}
			return false
		}
	}
	tests := []struct {
		title, site string
		lines       []string
		want        string
	}{
		{"Port strike | Harbour Post", "Harbour Post", nil, "Port strike"},
		{"Harbour Post - Port strike", "Harbour Post", nil, "Port strike"},
		{"Port strike – Harbour Post", "", []string{"port strike"}, "Port strike"},
		{"Harbour Post - News - Port strike", "", []string{"Port strike"}, "Port strike"},
		{"Brexit - what happens next - BBC", "", []string{"Brexit - what happens next"}, "Brexit - what happens next"},
		{"Port strike | News | HP", "", nil, "Port strike | News"},
		{"Brexit - what happens next", "", nil, "Brexit - what happens next"},
		{"Brexit - what happens next", "", []string{"Brexit - what happens next"}, "Brexit - what happens next"},
		{"Port strike", "Harbour Post", nil, "Port strike"},
	}
	for _, tt := range tests {
		if got := cutSiteName(tt.title, tt.site, onPage(tt.lines...)); got != tt.want {
			t.Errorf("cutSiteName(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.lines, got, tt.want)
		}
	}
}

// TestJSONLDFallback checks that a page whose text is only in its JSON-LD
// articleBody gives that text.
func TestJSONLDFallback(t *testing.T) {
	// The article text is only in JSON-LD: the page shows a teaser and
	// loads the rest with a script.
	body := strings.Join(prose, "\n")
	src := page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Strike","articleBody":`+quote(body)+`}</script>`,
		`<div class="paywall-teaser"><p>Subscribe to read.</p></div>`)
	got := mustExtract(t, src)
	if !reflect.DeepEqual(texts(got.Blocks), prose) {
		t.Errorf("got %q", texts(got.Blocks))
	}
	if len(got.Blocks) > 0 && got.Blocks[0].Line != 4 {
		t.Errorf("line %d, want the <script>'s 4", got.Blocks[0].Line)
	}
}

// quote returns s as a JSON string.
func quote(s string) string {
	r := strings.NewReplacer(`"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// TestShortPage checks that a page too short to score still gives its
// text.
func TestShortPage(t *testing.T) {
	got := mustExtract(t, "<title>Note</title><p>Back at five.</p><p>Keys are under the mat.</p>")
	if want := []string{"Back at five.", "Keys are under the mat."}; !reflect.DeepEqual(texts(got.Blocks), want) {
		t.Errorf("got %q, want %q", texts(got.Blocks), want)
	}
}

// TestDeepNesting checks that elements nested far deeper than any page
// nests them keep their text and take little time.
func TestDeepNesting(t *testing.T) {
	for _, tag := range []string{"div", "span", "b", "blockquote", "table><tr><td"} {
		src := strings.Repeat("<"+tag+">", 2000) + prose[0]
		start := time.Now()
		got := mustExtract(t, src)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("<%s> × 2000: %v", tag, d)
		}
		if all := strings.Join(texts(got.Blocks), " "); all != prose[0] {
			t.Errorf("<%s> × 2000: got %q", tag, all)
		}
	}
}

// TestEmptyAndBroken checks that inputs with no page in them give no error
// and no empty blocks.
func TestEmptyAndBroken(t *testing.T) {
	for _, src := range []string{"", "   ", "<html>", "just some text", "<p>", "\x00\x01\x02", "<<<>>>"} {
		p, err := Extract([]byte(src))
		if err != nil {
			t.Errorf("Extract(%q): %v", src, err)
		}
		for _, b := range p.Blocks {
			if b.Text == "" {
				t.Errorf("Extract(%q): empty block", src)
			}
		}
	}
}

// TestWrappers checks that markup which wraps the whole article in
// something that usually marks chrome does not lose it.
func TestWrappers(t *testing.T) {
	tests := []struct {
		name, body string
	}{
		{"page inside a form", `<form id="aspnetForm" method="post"><div class="col">` + paragraphs() + `</div></form>`},
		{"page inside a header", `<header class="page">` + paragraphs() + `</header>`},
		{"utility class overflow-hidden", `<div class="overflow-hidden rounded">` + paragraphs() + `</div>`},
		{"hidden only on small screens", `<div class="hidden md:block">` + paragraphs() + `</div>`},
		{"app root named next", `<div id="__next"><div class="x">` + paragraphs() + `</div></div>`},
		{"text widgets of a page builder", `<div class="elementor-widget-container"><p>` + prose[0] + `</p><p>` + prose[1] +
			`</p></div><div class="elementor-widget-container"><p>` + prose[2] + `</p><p>` + prose[3] + `</p></div>`},
		{"standfirst before the body", `<div class="story"><div class="summary"><p>` + prose[0] + `</p></div><div class="story-body"><p>` +
			strings.Join(prose[1:], "</p><p>") + `</p></div></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, page("<title>Strike</title>", tt.body))
			if !reflect.DeepEqual(texts(got.Blocks), prose) {
				t.Errorf("got\n%q\nwant\n%q", texts(got.Blocks), prose)
			}
		})
	}
}

// TestListsOfOtherArticles checks that teasers for other pages are left
// out: a feed of posts after the article, and a grid of cards.
func TestListsOfOtherArticles(t *testing.T) {
	card := func(title, text string) string {
		return `<div class="card"><a href="/x"><img src="x.jpg"></a><a href="/x"><h3>` + title + `</h3></a><p>` + text + `</p></div>`
	}
	tests := []struct {
		name, body string
	}{
		{"posts nested after the article", `<div class="main"><article class="post"><p>` + strings.Join(prose, "</p><p>") + `</p>
<article class="post"><p>Flood waters reach the town hall as the river keeps rising through the night, and residents fill sandbags in the square.</p></article>
<article class="post"><p>A bakery in the old town wins a regional prize for its rye bread, the third award in as many years for the family business.</p></article>
</article></div>`},
		{"a grid of cards", `<div class="article-body">` + paragraphs() + `</div><div class="grid">` +
			card("Flood waters reach the town hall", "The river keeps rising through the night.") +
			card("Bakery wins a regional prize", "The third award in as many years.") +
			card("Kettles recalled over loose handles", "Owners should stop using them.") + `</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, page("<title>Strike</title>", tt.body))
			if !reflect.DeepEqual(texts(got.Blocks), prose) {
				t.Errorf("got\n%q\nwant\n%q", texts(got.Blocks), prose)
			}
		})
	}
}

// TestHeadlineAndDateline checks what is cut from the ends of an article:
// the headline, wherever it is repeated, a dateline, and scraps of a few
// words that are not sentences; but not a section heading in <h1> after
// the text has begun, nor a short line between paragraphs.
func TestHeadlineAndDateline(t *testing.T) {
	body := `<div class="entry-content"><h2>Dockworkers strike in Lisbon</h2><p>March 3, 2024 10:15 CET</p><p>Text size</p>
<p>` + prose[0] + `</p><p>` + prose[1] + `</p><h1>What comes next</h1><p>Lisbon, Sunday</p><p>` + prose[2] + `</p><p>` + prose[3] + `</p>
<p>12 comments</p></div>`
	got := mustExtract(t, page(`<meta property="og:title" content="Dockworkers strike in Lisbon">`, body))
	want := []string{prose[0], prose[1], "What comes next", "Lisbon, Sunday", prose[2], prose[3]}
	if !reflect.DeepEqual(texts(got.Blocks), want) {
		t.Errorf("got\n%q\nwant\n%q", texts(got.Blocks), want)
	}
}

// TestLineAttributeOfThePage checks that a page carrying the attribute
// Extract uses for line numbers does not change them.
func TestLineAttributeOfThePage(t *testing.T) {
	src := "<body>\n<div class=\"article-body\">\n<p data-webpage-line=\"99\">" + prose[0] + "</p>\n<p " + lineAttr + "=x>" + prose[1] + "</p>\n</div>"
	got := mustExtract(t, src)
	var lines []int
	for _, b := range got.Blocks {
		lines = append(lines, b.Line)
	}
	if want := []int{3, 4}; !reflect.DeepEqual(lines, want) {
		t.Errorf("lines %v, want %v", lines, want)
	}
}
