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
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// linkCases are the addresses the demo site is checked at: a domain's
// root, a GitHub Pages project site, a path without a host (no canonical
// addresses, no feed) and the bare default "/", each with relativeURLs
// as site.toml sets it ("" leaves it unset: true for the bases without a
// path), and whether the site must work opened from disk.
var linkCases = []struct {
	base, relativeURLs string
	fromDisk           bool
}{
	{"https://example.org/", "", true},
	{"https://user.github.io/repo/", "", false},
	{"/repo/", "", false},
	{"/", "", true},
	{"https://user.github.io/repo/", "true", true},
	{"https://example.org/", "false", false},
}

// buildAt builds the demo site with baseURL base and returns the output
// directory.
func buildAt(t *testing.T, base string) string {
	t.Helper()
	return buildWith(t, base, "")
}

// buildWith builds the demo site with baseURL base and, unless it is "",
// relativeURLs set to relative in its site.toml, and returns the output
// directory.
func buildWith(t *testing.T, base, relative string) string {
	t.Helper()
	dir := demoSite(t)
	if relative != "" {
		toml := filepath.Join(dir, "site.toml")
		writeFile(t, toml, "relativeURLs = "+relative+"\n"+readFile(t, toml))
	}
	out := filepath.Join(dir, "out")
	if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: out, BaseURL: base}); err != nil {
		t.Fatal(err)
	}
	return out
}

// served is where a server puts the site of base: a base without a host
// is served by localhost.
func served(t *testing.T, base string) *url.URL {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	if u.Host == "" {
		u = &url.URL{Scheme: "http", Host: "localhost", Path: u.Path}
	}
	return u
}

// htmlPage is what the link check reads of a page.
type htmlPage struct {
	ids    map[string]bool
	links  []link
	ldJSON []string
}

type link struct {
	attr, value string
}

func parsePage(t *testing.T, name string) htmlPage {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := htmlPage{ids: map[string]bool{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			var typ, property string
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					if p.ids[a.Val] {
						t.Errorf("%s: duplicate id %q", name, a.Val)
					}
					p.ids[a.Val] = true
				case "href", "src", "action", "cite":
					p.links = append(p.links, link{a.Key, a.Val})
				case "type":
					typ = a.Val
				case "property":
					property = a.Val
				}
			}
			if n.DataAtom == atom.Meta && property == "og:url" {
				for _, a := range n.Attr {
					if a.Key == "content" {
						p.links = append(p.links, link{"og:url", a.Val})
					}
				}
			}
			if n.DataAtom == atom.Script && typ == "application/ld+json" && n.FirstChild != nil {
				p.ldJSON = append(p.ldJSON, n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

// TestLinksResolve builds the demo site at a domain's root and under a
// subpath, and checks that every href and src of every page that stays on
// the site resolves to a file of the output, and every #fragment to an
// element of its page; that no root-relative link leaves the site's path;
// and that the feed, the sitemap and the TimelineJS export point at pages
// that exist. 404.html, which a server shows for any missing address, is
// checked from an address three levels deep. The same links are then
// followed as a browser does from disk (file://), where a directory is
// not its index.html (checkFromDisk): with relativeURLs, by default on
// the bases without a path, every one must lead to a file.
func TestLinksResolve(t *testing.T) {
	for _, c := range linkCases {
		base := c.base
		name := strings.ReplaceAll(base, "/", "_")
		if c.relativeURLs != "" {
			name += "_relativeURLs=" + c.relativeURLs
		}
		t.Run(name, func(t *testing.T) {
			out := buildWith(t, base, c.relativeURLs)
			root := served(t, base)
			pages := map[string]htmlPage{}
			err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
					rel, _ := filepath.Rel(out, p)
					pages[filepath.ToSlash(rel)] = parsePage(t, p)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) < 4 {
				t.Fatalf("only %d pages", len(pages))
			}
			// resolve maps an address on the site to the file it serves and
			// the fragment, or fails.
			resolve := func(from string, u *url.URL) (string, bool) {
				t.Helper()
				if u.Scheme != root.Scheme || u.Host != root.Host {
					return "", false // another site
				}
				rel, ok := strings.CutPrefix(u.Path, root.Path)
				if !ok {
					t.Errorf("%s: link to %s leaves the site at %s", from, u, root)
					return "", false
				}
				if rel == "" || strings.HasSuffix(rel, "/") {
					rel += "index.html"
				}
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); err != nil {
					t.Errorf("%s: link to %s: no file %s in the output", from, u, rel)
					return "", false
				}
				return rel, true
			}
			checked := 0
			for name, page := range pages {
				// The address the page is served at.
				at := strings.TrimSuffix(name, "index.html")
				if name == "404.html" {
					at = "no/such/page/"
				}
				pageURL := root.ResolveReference(&url.URL{Path: at})
				for _, l := range page.links {
					if frag, ok := strings.CutPrefix(l.value, "#"); ok {
						if !page.ids[frag] {
							t.Errorf("%s: link %q: no element #%s on the page", name, l.value, frag)
						}
						checked++
						continue
					}
					if strings.HasPrefix(l.value, "/") && !strings.HasPrefix(l.value, "//") && !strings.HasPrefix(l.value, root.Path) {
						t.Errorf("%s: root-relative %s=%q escapes the site's path %s", name, l.attr, l.value, root.Path)
						continue
					}
					u, err := pageURL.Parse(l.value)
					if err != nil {
						t.Errorf("%s: %s=%q: %v", name, l.attr, l.value, err)
						continue
					}
					if u.Scheme == "javascript" || u.Scheme == "data" {
						t.Errorf("%s: %s=%q", name, l.attr, l.value)
						continue
					}
					rel, ok := resolve(name, u)
					if !ok {
						continue
					}
					checked++
					if u.Fragment != "" && strings.HasSuffix(rel, ".html") && !pages[rel].ids[u.Fragment] {
						t.Errorf("%s: link %q: no element #%s in %s", name, l.value, u.Fragment, rel)
					}
				}
			}
			t.Logf("served: %d internal links checked in %d pages", checked, len(pages))
			ok, broken := checkFromDisk(out, pages)
			t.Logf("from disk: %d internal links lead to a file, %d do not", ok, len(broken))
			if c.fromDisk {
				for _, b := range broken {
					t.Errorf("from disk: %s", b)
				}
				if ok < checked/2 {
					t.Errorf("from disk: only %d links followed, %d served", ok, checked)
				}
			} else if len(broken) == 0 {
				t.Errorf("from disk: no broken link without relativeURLs; is the check checking?")
			}

			// Feed, sitemap and TimelineJS addresses.
			var addrs []string
			if served(t, base).Host == "localhost" {
				for _, f := range []string{"feed.xml", "sitemap.xml"} {
					if _, err := os.Stat(filepath.Join(out, f)); err == nil {
						t.Errorf("%s written for a baseURL without a host", f)
					}
				}
			} else {
				feed := readAtom(t, filepath.Join(out, "feed.xml"))
				for _, l := range feed.Links {
					addrs = append(addrs, l.Href)
				}
				for _, e := range feed.Entries {
					addrs = append(addrs, e.ID)
					for _, l := range e.Links {
						addrs = append(addrs, l.Href)
					}
				}
				for _, u := range readSitemap(t, filepath.Join(out, "sitemap.xml")).URLs {
					addrs = append(addrs, u.Loc)
				}
			}
			for _, ev := range readTimelineJS(t, filepath.Join(out, "timelinejs.json")).Events {
				for _, href := range hrefs(t, ev.Text.Text) {
					addrs = append(addrs, href)
				}
			}
			for _, a := range addrs {
				u, err := root.Parse(a)
				if err != nil {
					t.Errorf("%q: %v", a, err)
					continue
				}
				if _, ok := resolve("feeds", u); !ok && u.Host == root.Host {
					t.Errorf("feed address %s does not resolve", a)
				}
			}
		})
	}
}

// checkFromDisk follows the links of the pages (by slash path in the
// output out) as a browser does that opened the files from disk: a
// relative link is resolved against the page's file, and must name a
// file, not a directory (a browser shows a directory as a listing), and
// its #fragment an element of that page. A root-relative link leads to
// the root of the disk, out of the site. Absolute http(s) addresses
// (canonical links, og:url, other sites) are left alone, as is 404.html,
// which only a server shows. It returns how many links lead to a file
// and what is wrong with the others.
func checkFromDisk(out string, pages map[string]htmlPage) (ok int, broken []string) {
	for name, page := range pages {
		if name == "404.html" {
			continue
		}
		pageURL := &url.URL{Scheme: "file", Path: "/" + name}
		for _, l := range page.links {
			if l.attr == "og:url" || strings.HasPrefix(l.value, "#") {
				continue
			}
			u, err := pageURL.Parse(l.value)
			if err != nil || u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto" {
				continue
			}
			if strings.HasPrefix(l.value, "/") {
				broken = append(broken, fmt.Sprintf("%s: %s=%q leads out of the site on disk", name, l.attr, l.value))
				continue
			}
			rel := strings.TrimPrefix(u.Path, "/")
			info, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
			switch {
			case err != nil:
				broken = append(broken, fmt.Sprintf("%s: %s=%q: no file %s", name, l.attr, l.value, rel))
			case info.IsDir():
				broken = append(broken, fmt.Sprintf("%s: %s=%q is the directory %s", name, l.attr, l.value, rel))
			case u.Fragment != "" && strings.HasSuffix(rel, ".html") && !pages[rel].ids[u.Fragment]:
				broken = append(broken, fmt.Sprintf("%s: %s=%q: no element #%s in %s", name, l.attr, l.value, u.Fragment, rel))
			default:
				ok++
			}
		}
	}
	slices.Sort(broken)
	return ok, broken
}

// hrefs are the link targets in an HTML fragment.
func hrefs(t *testing.T, fragment string) []string {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "href" {
				out = append(out, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

// atomFeed is an Atom feed as the test reads it.
type atomFeed struct {
	XMLName xml.Name
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Entries []struct {
		ID      string     `xml:"id"`
		Title   string     `xml:"title"`
		Updated string     `xml:"updated"`
		Links   []atomLink `xml:"link"`
	} `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

// readAtom reads an Atom feed and checks what RFC 4287 requires: the
// feed and each entry have an id (an absolute IRI), a title and an updated
// date (RFC 3339); the feed has an author, as its entries have none, and
// a link to itself; entry ids are unique and each entry links to its page.
func readAtom(t *testing.T, name string) atomFeed {
	t.Helper()
	var f atomFeed
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	const ns = "http://www.w3.org/2005/Atom"
	if f.XMLName.Space != ns || f.XMLName.Local != "feed" {
		t.Errorf("%s: root element {%s}%s, want {%s}feed", name, f.XMLName.Space, f.XMLName.Local, ns)
	}
	absolute := func(what, s string) {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() || u.Host == "" {
			t.Errorf("%s: %s %q is not an absolute URL", name, what, s)
		}
	}
	date := func(what, s string) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("%s: %s updated %q: %v", name, what, s, err)
		}
	}
	absolute("feed id", f.ID)
	date("feed", f.Updated)
	if f.Title == "" || len(f.Author) == 0 || f.Author[0].Name == "" {
		t.Errorf("%s: feed title %q, author %v", name, f.Title, f.Author)
	}
	self := false
	for _, l := range f.Links {
		self = self || l.Rel == "self"
	}
	if !self {
		t.Errorf("%s: no link rel=self", name)
	}
	if len(f.Entries) == 0 {
		t.Errorf("%s: no entries", name)
	}
	ids := map[string]bool{}
	for _, e := range f.Entries {
		absolute("entry id", e.ID)
		date("entry "+e.ID, e.Updated)
		if e.Title == "" || len(e.Links) == 0 || e.Links[0].Href == "" {
			t.Errorf("%s: entry %s: title %q, links %v", name, e.ID, e.Title, e.Links)
		}
		if ids[e.ID] {
			t.Errorf("%s: entry id %s twice", name, e.ID)
		}
		ids[e.ID] = true
		if e.Updated > f.Updated {
			t.Errorf("%s: entry %s updated %s, after the feed (%s)", name, e.ID, e.Updated, f.Updated)
		}
	}
	return f
}

type sitemap struct {
	XMLName xml.Name
	URLs    []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
}

// readSitemap reads a sitemap and checks it is one: the sitemaps.org
// namespace, at least one URL, every URL absolute and listed once.
func readSitemap(t *testing.T, name string) sitemap {
	t.Helper()
	var s sitemap
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if s.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || s.XMLName.Local != "urlset" {
		t.Errorf("%s: root element {%s}%s", name, s.XMLName.Space, s.XMLName.Local)
	}
	if len(s.URLs) == 0 {
		t.Errorf("%s: no URLs", name)
	}
	seen := map[string]bool{}
	for _, u := range s.URLs {
		if p, err := url.Parse(u.Loc); err != nil || !p.IsAbs() || p.Host == "" {
			t.Errorf("%s: %q is not an absolute URL", name, u.Loc)
		}
		if seen[u.Loc] {
			t.Errorf("%s: %s twice", name, u.Loc)
		}
		seen[u.Loc] = true
	}
	return s
}

// timelineJS is a TimelineJS3 document as the test reads it.
type timelineJS struct {
	Title struct {
		Text struct{ Headline, Text string } `json:"text"`
	} `json:"title"`
	Events []struct {
		StartDate *tjsDate `json:"start_date"`
		EndDate   *tjsDate `json:"end_date"`
		Text      struct {
			Headline *string `json:"headline"`
			Text     string  `json:"text"`
		} `json:"text"`
		DisplayDate string `json:"display_date"`
		UniqueID    string `json:"unique_id"`
	} `json:"events"`
}

type tjsDate struct {
	Year  *int `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
}

// readTimelineJS reads a TimelineJS3 JSON file and checks the fields the
// format requires: a title slide with a headline; for every event a
// start_date with a numeric year (a month 1-12 and day 1-31 when given), a
// text with a headline, and a unique_id, unique.
func readTimelineJS(t *testing.T, name string) timelineJS {
	t.Helper()
	var doc timelineJS
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if doc.Title.Text.Headline == "" {
		t.Errorf("%s: title slide without a headline", name)
	}
	checkDate := func(id, what string, d *tjsDate) {
		if d.Year == nil || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 || (d.Day > 0 && d.Month == 0) {
			t.Errorf("%s: event %s: bad %s %+v", name, id, what, d)
		}
	}
	ids := map[string]bool{}
	for _, e := range doc.Events {
		if e.UniqueID == "" || ids[e.UniqueID] {
			t.Errorf("%s: unique_id %q missing or repeated", name, e.UniqueID)
		}
		ids[e.UniqueID] = true
		if e.StartDate == nil {
			t.Errorf("%s: event %s without start_date", name, e.UniqueID)
		} else {
			checkDate(e.UniqueID, "start_date", e.StartDate)
		}
		if e.EndDate != nil {
			checkDate(e.UniqueID, "end_date", e.EndDate)
		}
		if e.Text.Headline == nil || *e.Text.Headline == "" {
			t.Errorf("%s: event %s without a headline", name, e.UniqueID)
		}
	}
	return doc
}

// TestHostingFiles checks the demo site's files for hosts, crawlers and
// feed readers against their formats and against timeline.json: an entry
// per event in the feed, a URL per page in the sitemap, every event in
// timeline order in timelinejs.json (the undated ones shown as "Date
// unknown"), robots.txt naming the sitemap,
// and valid schema.org JSON-LD on every page.
func TestHostingFiles(t *testing.T) {
	const base = "https://user.github.io/repo/"
	out := buildAt(t, base)
	var tl struct {
		Events []struct {
			ID, Title string
			Undated   bool
		}
		Sources []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, "timeline.json"))), &tl); err != nil {
		t.Fatal(err)
	}

	feed := readAtom(t, filepath.Join(out, "feed.xml"))
	if feed.ID != base || len(feed.Entries) != len(tl.Events) {
		t.Errorf("feed: id %s, %d entries; want %s, %d", feed.ID, len(feed.Entries), base, len(tl.Events))
	}
	for i, e := range feed.Entries {
		if i < len(tl.Events) && (e.ID != base+"events/"+tl.Events[i].ID+"/" || e.Title != tl.Events[i].Title) {
			t.Errorf("feed entry %d: %s %q, want event %s %q", i, e.ID, e.Title, tl.Events[i].ID, tl.Events[i].Title)
		}
	}

	sm := readSitemap(t, filepath.Join(out, "sitemap.xml"))
	if want := 1 + len(tl.Events) + len(tl.Sources); len(sm.URLs) != want {
		t.Errorf("sitemap: %d URLs, want %d", len(sm.URLs), want)
	}
	for _, u := range sm.URLs {
		if !strings.HasPrefix(u.Loc, base) {
			t.Errorf("sitemap: %s is not under %s", u.Loc, base)
		}
	}
	if robots := readFile(t, filepath.Join(out, "robots.txt")); !strings.Contains(robots, "\nSitemap: "+base+"sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}

	tjs := readTimelineJS(t, filepath.Join(out, "timelinejs.json"))
	var all, got []string
	for _, e := range tl.Events {
		all = append(all, e.ID)
	}
	undated := 0
	for i, e := range tjs.Events {
		got = append(got, e.UniqueID)
		if i >= len(tl.Events) || !tl.Events[i].Undated {
			continue
		}
		undated++
		if e.DisplayDate != "Date unknown" || e.EndDate != nil {
			t.Errorf("timelinejs.json: undated event %s shown as %q (end %v), want \"Date unknown\"", e.UniqueID, e.DisplayDate, e.EndDate)
		}
	}
	if strings.Join(got, " ") != strings.Join(all, " ") || undated == 0 {
		t.Errorf("timelinejs.json events %q, want every event in timeline order %q (the demo has undated ones)", got, all)
	}

	wantType := map[string]string{"index": "WebSite", "events": "Event", "sources": "NewsArticle"}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		kind := strings.Split(rel, "/")[0]
		if kind == "index.html" {
			kind = "index"
		}
		page := parsePage(t, p)
		if kind == "404.html" {
			if len(page.ldJSON) != 0 {
				t.Errorf("%s has JSON-LD", rel)
			}
			return nil
		}
		if len(page.ldJSON) != 1 {
			t.Fatalf("%s: %d JSON-LD scripts, want 1", rel, len(page.ldJSON))
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(page.ldJSON[0]), &ld); err != nil {
			t.Fatalf("%s: JSON-LD: %v", rel, err)
		}
		if ld["@context"] != "https://schema.org" || ld["@type"] != wantType[kind] {
			t.Errorf("%s: JSON-LD @context %v, @type %v; want %s", rel, ld["@context"], ld["@type"], wantType[kind])
		}
		if kind == "events" {
			if arts, _ := ld["subjectOf"].([]any); len(arts) == 0 || arts[0].(map[string]any)["@type"] != "NewsArticle" {
				t.Errorf("%s: the Event has no NewsArticle: %v", rel, ld["subjectOf"])
			}
		}
		if u, _ := ld["url"].(string); !strings.HasPrefix(u, "http") {
			t.Errorf("%s: JSON-LD url %q is not absolute", rel, u)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIndexPageWeight checks the demo timeline page against its budget:
// the page and every style sheet, script and image it loads, under 60 KB
// uncompressed. (TestBrowser measures the same in a browser.)
func TestIndexPageWeight(t *testing.T) {
	out := buildAt(t, "https://user.github.io/repo/")
	index := filepath.Join(out, "index.html")
	total := 0
	var parts []string
	add := func(name string) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		total += len(b)
		rel, _ := filepath.Rel(out, name)
		parts = append(parts, rel+" "+strconv.Itoa(len(b)))
	}
	add(index)
	f, err := os.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		attr := func(k string) string {
			for _, a := range n.Attr {
				if a.Key == k {
					return a.Val
				}
			}
			return ""
		}
		var load string
		switch n.DataAtom {
		case atom.Link:
			if attr("rel") == "stylesheet" || attr("rel") == "icon" || attr("rel") == "preload" {
				load = attr("href")
			}
		case atom.Script, atom.Img, atom.Iframe, atom.Source:
			load = attr("src")
		}
		if load != "" {
			if strings.Contains(load, "://") || strings.HasPrefix(load, "//") {
				t.Errorf("the timeline page loads %s from elsewhere", load)
			} else {
				add(filepath.Join(out, filepath.FromSlash(path.Clean(load))))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	t.Logf("timeline page: %d bytes: %s", total, strings.Join(parts, ", "))
	if total > maxIndexBytes {
		t.Errorf("timeline page: %d bytes with what it loads, want at most %d", total, maxIndexBytes)
	}
	if css := readFile(t, filepath.Join(out, "style.css")); strings.Contains(css, "@import") || strings.Contains(css, "url(") {
		t.Errorf("style.css loads more files")
	}
}
