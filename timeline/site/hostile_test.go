package site

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
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
}

// prose is a sentence with a date, so the articles make events that cite
// the hostile text.
const prose = "The harbour council met on Monday, March 4, 2024, and voted to close the old pier for repairs"

func hostileSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "site.toml"), "title = \"Hostile\"\nbaseURL = \"https://example.org/sub/\"\n")
	for i, v := range vectors {
		q, _ := json.Marshal(v) // a TOML basic string is JSON-compatible for these
		txt := v + "\n\n" + prose + " " + v + ".\n\nOfficials said the pier would reopen in June " + v + ".\n"
		writeFile(t, filepath.Join(dir, "content", "txt", name(i)+".txt"), txt)
		md := "+++\ntitle = " + string(q) + "\npublisher = " + string(q) + "\nauthor = " + string(q) +
			"\nurl = " + string(q) + "\ntags = [" + string(q) + "]\ndate = 2024-03-05\n+++\n\n# " + v + "\n\n" +
			prose + " [" + v + "](" + strings.ReplaceAll(v, " ", "") + ") " + v + ".\n\n" +
			"Officials said the pier would reopen in June. <b onclick=\"alert('xss-md')\">" + v + "</b>\n\n" +
			"<script>alert('xss-md-block')</script>\n"
		writeFile(t, filepath.Join(dir, "content", "md", name(i)+".md"), md)
		esc := html.EscapeString(v)
		page := `<!doctype html><html><head><title>` + esc + `</title>
<meta property="og:title" content="` + esc + `"><meta property="og:site_name" content="` + esc + `">
<meta property="og:url" content="` + esc + `"><link rel="canonical" href="` + esc + `">
<meta name="author" content="` + esc + `"><meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":` + string(q) + `,"author":{"name":` + string(q) + `},"url":` + string(q) + `}</script>
<script>alert("xss-page-script")</script></head>
<body onload="alert('xss-body')"><article><h1>` + v + `</h1>
<p onclick="alert('xss-p')">` + prose + ` ` + v + `.</p>
<p>Officials said the pier would reopen in June. <a href="` + esc + `">` + v + `</a> <img src="` + esc + `" onerror="alert('xss-img')"></p>
<iframe src="javascript:alert('xss-iframe')"></iframe></article></body></html>`
		writeFile(t, filepath.Join(dir, "content", "html", name(i)+".html"), page)
	}
	return dir
}

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
	if sum.Articles != 3*len(vectors) {
		t.Fatalf("%d articles read from %d files: the hostile articles were not all read (warnings %v)", sum.Articles, 3*len(vectors), sum.Warnings)
	}
	pub := filepath.Join(dir, "public")
	pages := 0
	err = filepath.WalkDir(pub, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(pub, p)
		if i := bytes.IndexAny(data, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"); i >= 0 {
			t.Errorf("%s: contains a bidi control character: %q", rel, data[max(0, i-60):min(len(data), i+20)])
		}
		if bytes.Contains(data, []byte("xss-")) && !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".xml") {
			t.Errorf("%s: hostile text in a file of type %s", rel, filepath.Ext(p))
		}
		if strings.HasSuffix(p, ".html") {
			pages++
			checkPage(t, rel, data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
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
			case "iframe", "object", "embed", "frame", "base":
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
