package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// Files for hosts, crawlers and feed readers. The Atom feed and the
// sitemap need absolute addresses, so they are written only for a site
// whose BaseURL is absolute ("https://user.github.io/repo/").
const (
	feedFile    = "feed.xml"
	sitemapFile = "sitemap.xml"
	robotsFile  = "robots.txt"
)

// noDate is the Atom <updated> of a feed and its entries when no source
// of the site has a date: Atom requires one, and the build time would
// make the output differ between builds.
const noDate = "1970-01-01T00:00:00Z"

type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Updated   string      `xml:"updated"`
	Links     []atomLink  `xml:"link"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator,omitempty"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Link      atomLink   `xml:"link"`
	Category  []atomTerm `xml:"category,omitempty"`
	Summary   string     `xml:"summary,omitempty"`
	Published string     `xml:"published,omitempty"`
}

type atomTerm struct {
	Term string `xml:"term,attr"`
}

// feedXML is the Atom feed of the events, in timeline order. An entry's
// id and link are the event page's address, which stays as long as the
// event's ID does. Its <updated> is the latest day among the event's date
// and the publication dates of the sources citing it (the news cannot be
// older than that), at midnight UTC; the feed's is the latest of its
// entries'. Undated events are in the feed, categorised "undated".
func (ix *siteIndex) feedXML() ([]byte, error) {
	site := ix.site
	title := site.Title
	if title == "" {
		title = "Timeline"
	}
	feed := atomFeed{
		Title:    title,
		Subtitle: site.Description,
		ID:       ix.absolute(""),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: ix.absolute(feedFile)},
			{Rel: "alternate", Type: "text/html", Href: ix.absolute("")},
		},
		Author:    atomPerson{Name: title},
		Generator: site.Generator,
		Entries:   make([]atomEntry, 0, len(site.Events)),
	}
	latest := ""
	for i := range site.Events {
		e := &site.Events[i]
		url := ix.absolute("events/" + e.ID + "/")
		entry := atomEntry{
			ID:      url,
			Title:   e.Title,
			Updated: ix.updated(e),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: url},
			Summary: feedSummary(e),
		}
		if isUndated(e) {
			entry.Category = []atomTerm{{Term: "undated"}}
		} else if first := firstDay(e.Date); first != "" {
			entry.Published = first + "T00:00:00Z"
			if entry.Published > entry.Updated {
				entry.Updated = entry.Published
			}
		}
		if entry.Updated > latest {
			latest = entry.Updated
		}
		feed.Entries = append(feed.Entries, entry)
	}
	feed.Updated = latest
	for i := range feed.Entries {
		if feed.Entries[i].Updated == "" {
			feed.Entries[i].Updated = latest
		}
	}
	if feed.Updated == "" {
		feed.Updated = noDate
		for i := range feed.Entries {
			feed.Entries[i].Updated = noDate
		}
	}
	return marshalXML(feed)
}

// updated is the latest publication date of the sources citing e, as an
// Atom date, or "".
func (ix *siteIndex) updated(e *Event) string {
	latest := ""
	for _, c := range e.Citations {
		s := ix.sources[c.SourceID]
		if s == nil {
			continue
		}
		if first := firstDay(s.Date); first != "" && first > latest {
			latest = first
		}
	}
	if latest == "" {
		return ""
	}
	return latest + "T00:00:00Z"
}

// feedSummary is an entry's text: the date, the summary, the sources.
func feedSummary(e *Event) string {
	date := "Date unknown"
	if !isUndated(e) {
		date = e.Date.Display
		if date == "" {
			date = e.Date.ISO
		}
	}
	parts := []string{date}
	if note := dateNote(e); note != "" {
		parts[0] += " (" + note + ")"
	}
	if s := summary(e); s != "" {
		parts = append(parts, s)
	}
	parts = append(parts, fmt.Sprintf("Reported by %d %s.", e.SourceCount, plural(e.SourceCount, "source", "independent sources")))
	return strings.Join(parts, " — ")
}

type sitemapURLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc string `xml:"loc"`
}

// sitemapXML lists the absolute address of every page but 404.html: the
// timeline, then the events in timeline order, then the sources.
func (ix *siteIndex) sitemapXML() ([]byte, error) {
	set := sitemapURLSet{URLs: []sitemapURL{{ix.absolute("")}}}
	for _, e := range ix.site.Events {
		set.URLs = append(set.URLs, sitemapURL{ix.absolute("events/" + e.ID + "/")})
	}
	for _, s := range ix.site.Sources {
		set.URLs = append(set.URLs, sitemapURL{ix.absolute("sources/" + s.ID + "/")})
	}
	return marshalXML(set)
}

// robotsTxt allows every crawler everything and names the sitemap when
// there is one. Crawlers read robots.txt only at a host's root, so on a
// project site under a subpath it is there for when the site moves to a
// domain of its own.
func (ix *siteIndex) robotsTxt() []byte {
	b := []byte("User-agent: *\nDisallow:\n")
	if ix.abs {
		b = fmt.Appendf(b, "\nSitemap: %s\n", ix.absolute(sitemapFile))
	}
	return b
}

// marshalXML encodes v as an indented XML document with a declaration
// and a trailing newline.
func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
