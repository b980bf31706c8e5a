package webpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// meta is what the page says about itself, gathered from the whole tree
// before extraction removes anything.
type meta struct {
	lang       string
	title      string            // <title>
	tags       map[string]string // <meta> content by lower-cased property, name or itemprop; the first of each
	canon      string            // <link rel=canonical>
	relAuth    string            // text of the first <a rel=author>
	byline     string            // text of the first element named byline or author
	bylineSeen bool
	micro      map[string]string // itemprop values of elements (headline, author, datePublished …)
	ld         linkedData
	pubTime    string // datetime of the first <time pubdate> or <time itemprop=datePublished>
	h1s        []*html.Node
}

// readMeta gathers the page's metadata from the tree under root.
func readMeta(root *html.Node) *meta {
	m := &meta{tags: map[string]string{}, micro: map[string]string{}}
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			m.element(n)
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return m
}

// element records what element n says.
func (m *meta) element(n *html.Node) {
	switch n.Data {
	case "html":
		if m.lang == "" {
			m.lang = strings.TrimSpace(attr(n, "lang"))
		}
	case "title":
		if m.title == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			m.title = fold(n.FirstChild.Data)
		}
		return
	case "meta":
		key := attr(n, "property")
		if key == "" {
			key = attr(n, "name")
		}
		if key == "" {
			key = attr(n, "itemprop")
		}
		if key == "" {
			key = attr(n, "http-equiv")
		}
		content := fold(attr(n, "content"))
		if key == "" || content == "" {
			return
		}
		// Some pages list several properties in one attribute.
		for _, k := range strings.Fields(strings.ToLower(key)) {
			if _, ok := m.tags[k]; !ok {
				m.tags[k] = content
			}
		}
		return
	case "link":
		rel := strings.ToLower(attr(n, "rel"))
		if m.canon == "" && hasToken(rel, "canonical") {
			m.canon = strings.TrimSpace(attr(n, "href"))
		}
		return
	case "script":
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
			}
			m.ld.add(b.String(), lineOf(n))
		}
		return
	case "time":
		_, pd := attrOK(n, "pubdate")
		if dt := attr(n, "datetime"); m.pubTime == "" && dt != "" && (pd || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
			m.pubTime = dt
		}
	case "h1":
		m.h1s = append(m.h1s, n)
	case "a":
		if m.relAuth == "" && hasToken(strings.ToLower(attr(n, "rel")), "author") {
			m.relAuth = cleanAuthor(textOf(n))
		}
	}
	if p := attr(n, "itemprop"); p != "" {
		for _, k := range strings.Fields(p) {
			// Only the first element of each property is read, so that
			// nested ones cost nothing.
			if _, ok := m.micro[k]; !ok {
				m.micro[k] = microValue(n, k)
			}
		}
	}
	if !m.bylineSeen && n.Data != "body" && n.Data != "html" {
		w := classWords(n)
		if strings.Contains(w, " byline ") || strings.Contains(w, " author name ") || strings.Contains(w, " byline name ") {
			m.bylineSeen = true
			if t := cleanAuthor(bylineText(n)); len(t) <= 80 {
				m.byline = t
			}
		}
	}
}

// bylineText returns the name in a byline element: the text of its first
// link with text (the author's page), else all its text.
func bylineText(n *html.Node) string {
	var link string
	stack := []*html.Node{n}
	for len(stack) > 0 && link == "" {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && c.Data == "a" {
			link = fold(textOf(c))
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	if link != "" {
		return link
	}
	return textOf(n)
}

// microValue returns the value of microdata property k on element n: its
// content or datetime attribute, or for author and publisher the name
// inside, or its text.
func microValue(n *html.Node, k string) string {
	if v := attr(n, "content"); v != "" {
		return fold(v)
	}
	if v := attr(n, "datetime"); v != "" {
		return fold(v)
	}
	if k == "author" || k == "publisher" || k == "creator" {
		if _, scope := attrOK(n, "itemscope"); scope {
			var name string
			stack := []*html.Node{n.FirstChild}
			for len(stack) > 0 && name == "" {
				c := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if c == nil {
					continue
				}
				stack = append(stack, c.NextSibling)
				if c.Type == html.ElementNode {
					if strings.EqualFold(attr(c, "itemprop"), "name") {
						name = microValue(c, "name")
						break
					}
					stack = append(stack, c.FirstChild)
				}
			}
			return name
		}
		return cleanAuthor(textOf(n))
	}
	switch n.Data {
	case "meta", "link", "script", "style", "img":
		return ""
	}
	t := fold(textOf(n))
	if len(t) > 300 {
		return ""
	}
	return t
}

// attrOK returns the value of n's attribute key and whether it is there.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// hasToken says whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if f == tok {
			return true
		}
	}
	return false
}

// cleanAuthor folds a byline and removes a leading "By" (or "Posted
// by", "Written by"), whatever follows a separator or a "Published" or
// "Updated" stamp, and trailing punctuation.
func cleanAuthor(s string) string {
	s = fold(s)
	for _, cut := range []string{" | ", " / ", " · ", " • ", " Published", " Updated", " Posted", " on "} {
		if i := strings.Index(s, cut); i > 0 {
			s = s[:i]
		}
	}
	for _, p := range []string{"Posted by ", "Written by ", "By ", "by ", "BY ", "Von ", "Por ", "Par "} {
		s = strings.TrimPrefix(s, p)
	}
	s = strings.Trim(s, " ,;:|-–—")
	if isURL(s) {
		return ""
	}
	return s
}

// choice is one field's value and where it came from.
type choice struct {
	val, from string
}

// first returns the first choice with a value.
func first(cs ...choice) choice {
	for _, c := range cs {
		if c.val != "" {
			return c
		}
	}
	return choice{}
}

// tag returns the choice of the first of keys that the page has a <meta>
// for, named by its key.
func (m *meta) tag(keys ...string) choice {
	for _, k := range keys {
		if v := m.tags[k]; v != "" {
			return choice{v, k}
		}
	}
	return choice{}
}

// headlines returns the titles the page gives itself in its metadata:
// og:title, twitter:title, JSON-LD headline and <title>, and of each the
// parts of three words or more before and after a separator (the
// headline without the site's name).
func (m *meta) headlines() []string {
	var out []string
	add := func(s string) {
		if s = fold(s); s != "" {
			out = append(out, s)
		}
	}
	add(m.tags["og:title"])
	add(m.tags["twitter:title"])
	add(m.micro["headline"])
	if art, _ := m.ld.article(); art != nil {
		add(ldString(art["headline"]))
	}
	add(m.title)
	for _, t := range out {
		for _, sep := range titleSeparators {
			for i := 0; ; {
				j := strings.Index(t[i:], sep)
				if j < 0 {
					break
				}
				j += i
				for _, part := range []string{t[:j], t[j+len(sep):]} {
					if wordCount(part) >= 3 {
						add(part)
					}
				}
				i = j + len(sep)
			}
		}
	}
	return out
}

// apply fills p's metadata from m and what extraction found in b.
func (m *meta) apply(p *Page, b body) {
	art, artType := m.ld.article()
	ldFrom := "JSON-LD " + artType
	ld := func(key string) choice {
		if art == nil {
			return choice{}
		}
		return choice{ldString(art[key]), ldFrom}
	}
	set := func(field string, c choice, dst *string) {
		if c.val != "" {
			*dst = c.val
			p.MetaFrom[field] = c.from
		}
	}

	// Publisher first: the title's site suffix is cut by it.
	site := m.tag("og:site_name")
	if site.val == "" {
		if n, how := m.ld.publisherName(art); n != "" {
			if how == "publisher" {
				site = choice{n, ldFrom + " publisher"}
			} else {
				site = choice{n, "JSON-LD " + how}
			}
		}
	}
	site = first(site, m.tag("application-name", "al:android:app_name", "al:ios:app_name"), choice{m.micro["publisher"], "itemprop=publisher"})
	set("publisher", site, &p.SiteName)

	h1 := choice{}
	if b.h1 != "" {
		h1 = choice{b.h1, "<h1>"}
	} else if len(m.h1s) == 1 {
		h1 = choice{fold(textOf(m.h1s[0])), "<h1>"}
	}
	title := first(m.tag("og:title"), ld("headline"), m.tag("twitter:title"), choice{m.micro["headline"], "itemprop=headline"}, h1, choice{m.title, "<title>"})
	title.val = cutSiteName(title.val, p.SiteName, b.onPage)
	set("title", title, &p.Title)
	if p.SiteName == "" {
		// "Headline – Site" in <title> names the site.
		if rest := titleRest(m.title, p.Title); rest != "" {
			set("publisher", choice{rest, "<title>"}, &p.SiteName)
		}
	}

	var author choice
	if art != nil {
		if names := m.ld.names(art["author"]); len(names) > 0 {
			author = choice{strings.Join(names, ", "), ldFrom}
		}
	}
	// Authors given as profile URLs say nothing to a reader.
	name := func(c choice) choice {
		if c.val = cleanAuthor(c.val); c.val == "" {
			return choice{}
		}
		return c
	}
	author = first(name(author), name(m.tag("author")), name(m.tag("article:author")),
		name(m.tag("dc.creator", "dcterms.creator", "byl", "parsely-author", "sailthru.author")),
		name(choice{m.micro["author"], "itemprop=author"}), choice{m.relAuth, "rel=author"}, choice{m.byline, "byline"})
	set("author", author, &p.Author)

	canon := choice{m.canon, "link rel=canonical"}
	var ldURL choice
	if art != nil {
		ldURL = choice{ldString(art["url"]), ldFrom}
		if ldURL.val == "" {
			ldURL = choice{ldString(art["mainEntityOfPage"]), ldFrom}
		}
	}
	for _, c := range []choice{canon, m.tag("og:url"), ldURL} {
		if u := absoluteURL(c.val); u != "" {
			set("url", choice{u, c.from}, &p.URL)
			break
		}
	}

	desc := first(m.tag("og:description", "description", "twitter:description", "dc.description"), ld("description"))
	set("description", desc, &p.Description)

	lang := first(choice{m.lang, "<html lang>"}, m.tag("content-language", "og:locale", "dc.language", "language"), ld("inLanguage"))
	lang.val = strings.ReplaceAll(strings.TrimSpace(lang.val), "_", "-")
	if len(lang.val) <= 35 {
		set("lang", lang, &p.Lang)
	}

	m.applyDate(p, ld, ldFrom, b)
}

// applyDate fills p.Published from the first date source that parses.
func (m *meta) applyDate(p *Page, ld func(string) choice, ldFrom string, b body) {
	cands := []choice{
		m.tag("article:published_time", "og:article:published_time", "article:published"),
		ld("datePublished"),
		m.tag("datepublished"),
		{m.micro["datePublished"], "itemprop=datePublished"},
		m.tag("pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
			"dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
			"sailthru.date", "parsely-pub-date", "article.published", "published_time",
			"og:published_time", "original-publish-date", "datecreated", "citation_publication_date"),
		{ld("dateCreated").val, ldFrom + " dateCreated"},
	}
	// A <time> marked as the publication date, else the first <time> in
	// the article: the container, or the <article> around it, which also
	// holds the headline and the byline.
	tm := choice{m.pubTime, "<time datetime>"}
	for n := b.container; n != nil && tm.val == ""; n = n.parent {
		if n.elem != nil && n.tag != "body" && (n == b.container || isArticle(n)) {
			if dt := firstTime(n.elem); dt != "" {
				tm = choice{dt, "<time datetime>"}
			}
			if n != b.container {
				break
			}
		}
	}
	// Failing all of these, the date it was last changed.
	cands = append(cands, tm, choice{ld("dateModified").val, ldFrom + " dateModified"},
		m.tag("article:modified_time", "og:updated_time", "lastmod"))
	for _, c := range cands {
		if c.val == "" {
			continue
		}
		if t, dateOnly, ok := parseDate(c.val); ok {
			p.Published, p.HasPublished, p.DateOnly = t, true, dateOnly
			p.MetaFrom["date"] = c.from
			return
		}
	}
}

// firstTime returns the datetime of the first <time datetime> under n.
func firstTime(n *html.Node) string {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && c.Data == "time" {
			if dt := attr(c, "datetime"); dt != "" {
				return dt
			}
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return ""
}

// absoluteURL returns s if it is an absolute http or https URL, else "".
func absoluteURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return s
}

// titleSeparators are what sites put between a headline and their name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " / "}

// cutSiteName removes the site's name from a title. The title is kept
// whole when the page shows it on a line of its own (onPage); else a
// leading or trailing part after one of titleSeparators that is the site
// name goes; else the longest leading or trailing part that the page
// shows on its own line is the headline; else a trailing part after " | "
// that is shorter than the rest is taken for the site name.
func cutSiteName(title, site string, onPage func(string) bool) string {
	if title == "" || onPage(title) {
		return title
	}
	isSite := func(s string) bool {
		return site != "" && (norm(s) == norm(site) || len(s) >= 3 && strings.Contains(norm(site), norm(s)))
	}
	var best string
	for _, sep := range titleSeparators {
		for i := 0; ; {
			j := strings.Index(title[i:], sep)
			if j < 0 {
				break
			}
			j += i
			head, tail := strings.TrimSpace(title[:j]), strings.TrimSpace(title[j+len(sep):])
			if head != "" && tail != "" {
				if isSite(tail) {
					return head
				}
				if isSite(head) {
					return tail
				}
				for _, part := range []string{head, tail} {
					if len(part) > len(best) && onPage(part) {
						best = part
					}
				}
			}
			i = j + len(sep)
		}
	}
	if best != "" {
		return best
	}
	if i := strings.LastIndex(title, " | "); i > 0 && len(title)-i-3 < i {
		return strings.TrimSpace(title[:i])
	}
	return title
}

// titleRest returns what title holds besides the headline, when it is
// the headline and one short part joined by a separator.
func titleRest(title, headline string) string {
	if headline == "" {
		return ""
	}
	for _, sep := range titleSeparators {
		var rest string
		if h, ok := strings.CutSuffix(title, sep+headline); ok {
			rest = h
		} else if t, ok := strings.CutPrefix(title, headline+sep); ok {
			rest = t
		} else {
			continue
		}
		if rest = strings.TrimSpace(rest); rest != "" && len(rest) <= 60 && !strings.Contains(rest, sep) {
			return rest
		}
	}
	return ""
}

// norm lower-cases s and folds its white space, for comparing names.
func norm(s string) string {
	return strings.ToLower(fold(s))
}
