package site

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// vectors are script-injection attempts and spoofing tricks, put in every
// field of every input format by TestHostileInput.
var vectors = []string{
	`<script>alert("xss-script")</script>`,
	`<img src=x onerror=alert("xss-onerror")>`,
	`"><svg onload=alert("xss-svg")>`,
	`javascript:alert("xss-js")`,
	`JaVaScRiPt:alert("xss-js2")`,
	` javascript:alert("xss-js3")`,
	`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
	`vbscript:msgbox("xss-vb")`,
	`&#106;avascript:alert("xss-entity")`,
	`&lt;script&gt;alert("xss-entity2")&lt;/script&gt;`,
	`</script><script>alert("xss-breakout")</script>`,
	`</title><script>alert("xss-title")</script>`,
	"\u202Egnp.exe\u202C bidi \u2066override\u2069",
	`<a href="javascript:alert('xss-link')">click</a>`,
	`{{.}} {{template "x"}} ${alert(1)}`,
	`<style>@import'//evil.example/xss-style.css'</style>`,
	`<a href=//evil.example/ style="x:expression(alert('xss-css'))">css</a>`,
}

// urlVectors are addresses with a scheme no output may carry. Each goes
// only in the URL fields of an article (front matter url, <link
// rel=canonical>, og:url, JSON-LD url) of otherwise harmless text, with
// the marker "urlonly", so any trace of it in any output file is the URL
// itself, kept.
var urlVectors = []string{
	`javascript:alert("urlonly-js")`,
	`JaVaScRiPt:alert("urlonly-js2")`,
	` javascript:alert("urlonly-js3")`,
	"java\tscript:alert(\"urlonly-tab\")",
	`data:text/html,<script>alert("urlonly-data")</script>`,
	`vbscript:msgbox("urlonly-vb")`,
	`file:///etc/passwd#urlonly-file`,
	// No marker: with its control character taken out (HTML metadata
	// does), this is a fine address; kept with it, the bidi check fails.
	"https://evil.example/\u202Ebidi-url",
}

// hostileNames are file names that try to reorder the text around them.
var hostileNames = []string{"report-\u202Etxt.exe", "memo-\u2066rtl\u2069-\u200bzw"}

// prose is a sentence with a date, so the articles make events that cite
// the hostile text.
const prose = "The harbour council met on Monday, March 4, 2024, and voted to close the old pier for repairs"

func hostileSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"Hostile <img src=x onerror=alert('xss-site')>\"\n"+
		"description = \"<script>alert('xss-site-desc')</script>\"\nbaseURL = \"https://example.org/sub/\"\n")
	for i, v := range vectors {
		q, _ := json.Marshal(v) // a TOML basic string is JSON-compatible for these
		// An event of its own, with the vector in its headline.
		own := fmt.Sprintf("%s Councillor %s resigned from the ferry board on April %d, 2024.", v, strings.ToUpper(name(i)[7:]), i+1)
		txt := v + "\n\n" + prose + " " + v + ".\n\nOfficials said the pier would reopen in June " + v + ".\n\n" + own + "\n"
		writeFile(t, filepath.Join(dir, "content", "txt", name(i)+".txt"), txt)
		md := "+++\ntitle = " + string(q) + "\npublisher = " + string(q) + "\nauthor = " + string(q) +
			"\nurl = " + string(q) + "\ntags = [" + string(q) + "]\ndate = 2024-03-05\n+++\n\n# " + v + "\n\n" +
			prose + " [" + v + "](" + strings.ReplaceAll(v, " ", "") + ") " + v + ".\n\n" +
			"Officials said the pier would reopen in June. <b onclick=\"alert('xss-md')\">" + v + "</b>\n\n" +
			"<script>alert('xss-md-block')</script>\n\n## " + v + "\n\n- " + v + "\n- The pier closed on March 4, 2024. " + v + "\n- " + own + "\n"
		writeFile(t, filepath.Join(dir, "content", "md", name(i)+".md"), md)
		esc := html.EscapeString(v)
		page := `<!doctype html><html><head><title>` + esc + `</title>
<meta property="og:title" content="` + esc + `"><meta property="og:site_name" content="` + esc + `">
<meta property="og:url" content="` + esc + `"><link rel="canonical" href="` + esc + `">
<meta name="author" content="` + esc + `"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":` + string(q) + `,"name":` + string(q) + `,"description":` + string(q) +
			`,"author":{"name":` + string(q) + `},"publisher":{"@type":"Organization","name":` + string(q) + `},"url":` + string(q) + `}</script>
<script>alert("xss-page-script")</script></head>
<body onload="alert('xss-body')"><article><h1>` + v + `</h1>
<p onclick="alert('xss-p')">` + prose + ` ` + v + `.</p>
<p>Officials said the pier would reopen in June. <a href="` + esc + `">` + v + `</a> <img src="` + esc + `" onerror="alert('xss-img')"></p>
<h2>` + v + `</h2><ul><li>` + v + `</li><li>The pier closed on March 4, 2024. ` + v + `</li><li>` + html.EscapeString(own) + `</li></ul>
<iframe src="javascript:alert('xss-iframe')"></iframe></article></body></html>`
		writeFile(t, filepath.Join(dir, "content", "html", name(i)+".html"), page)
	}
	for i, u := range urlVectors {
		q, _ := json.Marshal(u)
		title := fmt.Sprintf("Pier report %d", i)
		md := "+++\ntitle = \"" + title + "\"\nurl = " + string(q) + "\ndate = 2024-03-05\n+++\n\n" + prose + ".\n"
		writeFile(t, filepath.Join(dir, "content", "url", name(i)+".md"), md)
		esc := html.EscapeString(u)
		page := `<!doctype html><html><head><title>` + title + `</title><link rel="canonical" href="` + esc + `">
<meta property="og:url" content="` + esc + `"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"` + title + `","url":` + string(q) + `,"mainEntityOfPage":` + string(q) + `}</script>
</head><body><article><h1>` + title + `</h1><p>` + prose + `.</p></article></body></html>`
		writeFile(t, filepath.Join(dir, "content", "url", name(i)+".html"), page)
	}
	for i, n := range hostileNames {
		writeFile(t, filepath.Join(dir, "content", "names", n+".txt"), fmt.Sprintf("File name report %d\n\n%s, the file says.\n", i, prose))
	}
	return dir
}

// hostileFiles is the number of articles hostileSite writes.
func hostileFiles() int { return 3*len(vectors) + 2*len(urlVectors) + len(hostileNames) }

func name(i int) string { return "vector-" + string(rune('a'+i)) }

// TestHostileInput builds a site whose every input field, in every input
// format, carries script-injection and spoofing vectors, then parses every
// page of the output: no script but the theme's own and JSON-LD data, no
// event-handler attribute, no link or source with a scheme other than
// http, https or mailto, and no bidi control characters.
func TestHostileInput(t *testing.T) {
	dir := hostileSite(t)
	sum, err := Build(context.Background(), Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != hostileFiles() {
		t.Fatalf("%d articles read from %d files: the hostile articles were not all read (warnings %v)", sum.Articles, hostileFiles(), sum.Warnings)
	}
	pub := filepath.Join(dir, "public")
	pages := 0
	seen := map[string]int{} // the data files checked
	err = filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(pub, p)
		rel = filepath.ToSlash(rel)
		if i := bytes.IndexAny(data, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B"); i >= 0 {
			t.Errorf("%s: contains a bidi control or zero-width character: %q", rel, data[max(0, i-60):min(len(data), i+20)])
		}
		if i := bytes.Index(data, []byte("urlonly")); i >= 0 {
			t.Errorf("%s: carries an address with a forbidden scheme: %q", rel, data[max(0, i-80):min(len(data), i+20)])
		}
		if bytes.Contains(data, []byte("xss-")) && !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".xml") {
			t.Errorf("%s: hostile text in a file of type %s", rel, filepath.Ext(p))
		}
		switch {
		case strings.HasSuffix(p, ".html"):
			pages++
			checkPage(t, rel, data)
		case rel == "timeline.json":
			checkTimelineJSON(t, rel, data)
		case rel == "timelinejs.json":
			checkTimelineJS(t, rel, data)
		case rel == "sitemap.xml":
			checkXML(t, rel, data, sitemapElements)
		case strings.HasSuffix(p, ".xml"):
			checkXML(t, rel, data, atomElements)
		default:
			return nil
		}
		seen[path.Ext(rel)+" "+path.Base(rel)]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{".json timeline.json", ".json timelinejs.json", ".xml feed.xml", ".xml sitemap.xml"} {
		if seen[f] != 1 {
			t.Errorf("%s: checked %d times, want once", f, seen[f])
		}
	}
	if pages < sum.Sources+2 {
		t.Fatalf("only %d pages checked for %d sources", pages, sum.Sources)
	}
	// The hostile text is shown, escaped, not dropped: a source page
	// quotes it.
	found := false
	filepath.WalkDir(filepath.Join(pub, "sources"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte(`&lt;script&gt;alert(&#34;xss-script&#34;)&lt;/script&gt;`)) {
				found = true
			}
		}
		return nil
	})
	if !found {
		t.Error("no source page shows the script vector as escaped text")
	}
}

// checkPage parses one output page and reports any script, handler or
// link that did not come from the theme.
func checkPage(t *testing.T, rel string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					t.Errorf("%s: <%s %s=%q>: an event-handler attribute", rel, n.Data, a.Key, a.Val)
				}
				if key == "href" || key == "src" || key == "action" || key == "formaction" || key == "srcset" || key == "xlink:href" {
					if !safeURL(a.Val) {
						t.Errorf("%s: <%s %s=%q>: a link with an unsafe scheme", rel, n.Data, a.Key, a.Val)
					}
				}
			}
			switch n.Data {
			case "script":
				checkScript(t, rel, n)
			case "iframe", "object", "embed", "frame", "base", "style":
				t.Errorf("%s: a <%s> element", rel, n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// checkScript accepts JSON-LD data that parses as JSON and scripts the
// theme loads from the site itself; anything else is the input's.
func checkScript(t *testing.T, rel string, n *html.Node) {
	t.Helper()
	var typ, src string
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "type":
			typ = a.Val
		case "src":
			src = a.Val
		}
	}
	var body strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		body.WriteString(c.Data)
	}
	switch {
	case typ == "application/ld+json":
		var v any
		if err := json.Unmarshal([]byte(body.String()), &v); err != nil {
			t.Errorf("%s: JSON-LD does not parse (broken out of?): %v", rel, err)
		}
		walkJSON(v, "", func(key, s string) {
			if !ldKeys[key] {
				t.Errorf("%s: JSON-LD key %q: not one the renderer writes", rel, key)
			}
			if key == "url" && !absoluteSafeURL(s) {
				t.Errorf("%s: JSON-LD url %q: not an absolute http(s) or mailto address", rel, s)
			}
		})
	case src != "":
		u, err := url.Parse(src)
		if err != nil || (u.Scheme != "" && u.Host != "example.org") || !strings.HasSuffix(u.Path, ".js") {
			t.Errorf("%s: script from %q", rel, src)
		}
	default:
		if strings.Contains(body.String(), "xss-") || strings.Contains(body.String(), "alert(") {
			t.Errorf("%s: inline script carries input: %.80q", rel, body.String())
		}
	}
}

// safeURL reports a URL that is relative, or http, https or mailto.
func safeURL(s string) bool {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil {
		// Unparsable is harmless only if it has no scheme-like prefix.
		return !strings.Contains(strings.SplitN(s, "/", 2)[0], ":")
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

// ldKeys are the keys of the JSON-LD the renderer writes.
var ldKeys = map[string]bool{"@context": true, "@type": true, "name": true, "headline": true, "description": true,
	"url": true, "startDate": true, "endDate": true, "datePublished": true}

// walkJSON calls f with every string of a decoded JSON value and the key
// of the object member it is, or of the member whose array holds it.
func walkJSON(v any, key string, f func(key, s string)) {
	switch v := v.(type) {
	case string:
		f(key, v)
	case []any:
		for _, e := range v {
			walkJSON(e, key, f)
		}
	case map[string]any:
		for k, e := range v {
			walkJSON(e, k, f)
		}
	}
}

// absoluteSafeURL reports an address that is an absolute http or https
// URL with a host, or a mailto URL: the only ones an output may give for
// an article.
func absoluteSafeURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || s != strings.TrimSpace(s) {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// checkTimelineJSON parses timeline.json and checks it carries text
// only: no raw <, > or & (the encoder escapes them, so no consumer
// pasting a field into HTML meets markup), and article addresses that
// are absolute http(s) or mailto URLs or empty.
func checkTimelineJSON(t *testing.T, rel string, data []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	if i := bytes.IndexAny(data, "<>&"); i >= 0 {
		t.Errorf("%s: raw markup character: %q", rel, data[max(0, i-40):min(len(data), i+40)])
	}
	urls := 0
	walkJSON(v, "", func(key, s string) {
		if key == "url" || key == "base_url" {
			if s != "" {
				urls++
			}
			if s != "" && !absoluteSafeURL(s) {
				t.Errorf("%s: %s %q: not an absolute http(s) or mailto address", rel, key, s)
			}
		}
	})
	if urls == 0 {
		t.Errorf("%s: no address at all: the check saw nothing", rel)
	}
}

// checkTimelineJS parses timelinejs.json and every field TimelineJS
// shows as HTML (headline, text, display_date) as an HTML fragment: a
// headline or date may hold no element at all, a text only the
// renderer's own <p>, <em> and <a href> to the site itself.
func checkTimelineJS(t *testing.T, rel string, data []byte) {
	t.Helper()
	type slide struct {
		DisplayDate string `json:"display_date"`
		Text        struct {
			Headline string `json:"headline"`
			Text     string `json:"text"`
		} `json:"text"`
	}
	var doc struct {
		Title  slide   `json:"title"`
		Events []slide `json:"events"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Errorf("%s: %v", rel, err)
		return
	}
	if len(doc.Events) == 0 {
		t.Errorf("%s: no events: the check saw nothing", rel)
	}
	for i, s := range append([]slide{doc.Title}, doc.Events...) {
		where := fmt.Sprintf("%s: slide %d", rel, i)
		checkFragment(t, where+" headline", s.Text.Headline, nil)
		checkFragment(t, where+" display_date", s.DisplayDate, nil)
		checkFragment(t, where+" text", s.Text.Text, map[string]bool{"p": true, "em": true, "a": true})
	}
}

// checkFragment parses s as TimelineJS would, as HTML inside an element,
// and reports every element not in allowed, every attribute but an
// <a>'s href, and every href that leaves the site.
func checkFragment(t *testing.T, where, s string, allowed map[string]bool) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Errorf("%s: %v", where, err)
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowed[n.Data] {
				t.Errorf("%s: a <%s> element in %.120q", where, n.Data, s)
			}
			for _, a := range n.Attr {
				if n.Data != "a" || a.Key != "href" {
					t.Errorf("%s: <%s %s=%q>: an attribute from the input", where, n.Data, a.Key, a.Val)
					continue
				}
				if u, err := url.Parse(a.Val); err != nil || u.Scheme != "https" || u.Host != "example.org" {
					t.Errorf("%s: <a href=%q>: a link off the site", where, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// atomElements and sitemapElements are the elements, and for each the
// attributes, the renderer writes in its feed and its sitemap.
var (
	atomElements = map[string][]string{"feed": nil, "title": nil, "subtitle": nil, "id": nil, "updated": nil,
		"link": {"rel", "type", "href"}, "author": nil, "name": nil, "generator": nil, "entry": nil,
		"category": {"term"}, "summary": nil, "published": nil}
	sitemapElements = map[string][]string{"urlset": nil, "url": nil, "loc": nil}
)

// checkXML parses an Atom feed or a sitemap token by token and reports
// any element or attribute but the renderer's own (an Atom text
// construct with type="html" would make its text markup), and any
// address (<id>, <loc>, href) that is not an absolute http(s) URL on the
// site.
func checkXML(t *testing.T, rel string, data []byte, elements map[string][]string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	n := 0
	onSite := func(what, s string) {
		if u, err := url.Parse(strings.TrimSpace(s)); err != nil || u.Scheme != "https" || u.Host != "example.org" {
			t.Errorf("%s: %s %q: not an address on the site", rel, what, s)
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Errorf("%s: %v", rel, err)
			}
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n++
			attrs, ok := elements[tok.Name.Local]
			if !ok {
				t.Errorf("%s: a <%s> element", rel, tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				if a.Name.Space != "" || !slices.Contains(attrs, a.Name.Local) {
					t.Errorf("%s: <%s %s:%s=%q>: an attribute from the input", rel, tok.Name.Local, a.Name.Space, a.Name.Local, a.Value)
				}
				if a.Name.Local == "href" {
					onSite("href", a.Value)
				}
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && (stack[len(stack)-1] == "loc" || stack[len(stack)-1] == "id") {
				onSite(stack[len(stack)-1], string(tok))
			}
		case xml.ProcInst, xml.Comment, xml.Directive:
			if p, ok := tok.(xml.ProcInst); !ok || p.Target != "xml" {
				t.Errorf("%s: a %T", rel, tok)
			}
		}
	}
	if n < 3 {
		t.Errorf("%s: %d elements: the check saw nothing", rel, n)
	}
}

// TestFrontMatterURL builds a site whose one article gives a javascript:
// address in its front matter, and checks that no file of the output
// carries it, in any form: not timeline.json, not the JSON-LD, not the
// pages as an href or as text.
func TestFrontMatterURL(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
	writeFile(t, filepath.Join(dir, "content", "a.md"), "+++\ntitle = \"Pier report\"\npublisher = \"Harbour News\"\n"+
		"url = \"javascript:alert(document.domain)\"\ndate = 2024-03-05\n+++\n\n"+prose+".\n\nOfficials said the pier would reopen in June.\n")
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	files := 0
	err := filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		if i := bytes.Index(bytes.ToLower(b), []byte("javascript:")); i >= 0 {
			t.Errorf("%s: %q", p[len(pub):], b[max(0, i-60):min(len(b), i+40)])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 6 {
		t.Fatalf("only %d files written", files)
	}
}

// TestHostileRemovedLines builds a site from a file of thousands of short
// lines around an article: the source page lists the first of the lines
// cleaning removed, says how many more there are, and stays small.
func TestHostileRemovedLines(t *testing.T) {
	const lines = 5000
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
	var b strings.Builder
	b.WriteString("Pier report\n\n" + prose + ".\n\nOfficials said the pier would reopen in June.\n\n")
	for i := range lines {
		fmt.Fprintf(&b, "Link %d\n", i)
	}
	writeFile(t, filepath.Join(dir, "content", "dump.txt"), b.String())
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Sources []struct {
			ID      string
			Removed []struct{ Line int }
		}
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "public", "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Sources) != 1 || len(tl.Sources[0].Removed) < lines {
		t.Fatalf("timeline.json: want one source with at least %d removed lines, got %+v", lines, len(tl.Sources))
	}
	removed := len(tl.Sources[0].Removed)
	page := readFile(t, filepath.Join(dir, "public", "sources", tl.Sources[0].ID, "index.html"))
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "details" {
			in = true
		}
		if in && n.Type == html.ElementNode && n.Data == "tr" {
			rows++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	const maxRows = 200 + 1 // the renderer's cap, and the table's head
	if rows > maxRows || rows < 100 {
		t.Errorf("the removed-lines table has %d rows, want at most %d", rows, maxRows)
	}
	more := fmt.Sprintf("%d more lines are not listed here", removed-(rows-1))
	if !strings.Contains(page, more) || !strings.Contains(page, "timeline sources") {
		t.Errorf("the source page does not say %q and that `timeline sources` lists them", more)
	}
	if len(page) > 200_000 {
		t.Errorf("the source page is %d bytes", len(page))
	}
}

// TestHostileDatedSentences builds a site from one file of thousands of
// dated sentences, each of which could be an event of its own: the
// events it makes are capped, and a warning names the file.
func TestHostileDatedSentences(t *testing.T) {
	const sentences = 3000
	const maxEvents = 500 // the cap on the event mentions of one source
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"T\"\nbaseURL = \"https://example.org/\"\n")
	var b strings.Builder
	b.WriteString("Depot log\n\n")
	day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range sentences {
		fmt.Fprintf(&b, "Inspector Hale opened depot number %d on %s.\n\n", 1000+i, day.AddDate(0, 0, i).Format("January 2, 2006"))
	}
	writeFile(t, filepath.Join(dir, "content", "log.txt"), b.String())
	sum, err := Build(context.Background(), Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Events > maxEvents || sum.Events < maxEvents/2 {
		t.Errorf("%d events from one file of %d dated sentences, want at most %d (and not far fewer)", sum.Events, sentences, maxEvents)
	}
	warned := false
	for _, w := range sum.Warnings {
		if strings.HasSuffix(w.File, "log.txt") && strings.Contains(w.Message, "500") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning names content/log.txt: %v", sum.Warnings)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "public", "events", "*"))
	if len(pages) > maxEvents {
		t.Errorf("%d event pages", len(pages))
	}
}
