package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"
)

// maxDescription is the longest page description, in characters: about
// what search results and link previews show.
const maxDescription = 200

// describe shortens s to at most maxDescription characters, cutting at a
// word boundary and adding an ellipsis.
func describe(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxDescription {
		return s
	}
	r := []rune(s)[:maxDescription-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > maxDescription/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.–—-") + "…"
}

// description is the page's <meta name=description>: the site's
// description on the timeline, the summary on an event page, what the
// source is on a source page.
func (ix *siteIndex) description(p *Page) string {
	site := ix.site
	switch p.Kind {
	case "index":
		if site.Description != "" {
			return describe(site.Description)
		}
		return fmt.Sprintf("A timeline of %d %s from %d %s, each citing the sentences it rests on.",
			len(site.Events), plural(len(site.Events), "event", "events"), len(site.Sources), plural(len(site.Sources), "source", "sources"))
	case "event":
		if s := summary(p.Event); s != "" {
			return describe(s)
		}
		return describe(p.Event.Title)
	case "source":
		s := p.Source
		parts := []string{s.Title}
		if s.Publisher != "" {
			parts = append(parts, s.Publisher)
		}
		if s.Date.Display != "" && s.Date.ISO != "" {
			parts = append(parts, s.Date.Display)
		}
		n := len(p.Events)
		return describe(fmt.Sprintf("Source: %s. Cited by %d %s on the timeline, with the cited sentences highlighted.",
			strings.Join(parts, ", "), n, plural(n, "event", "events")))
	}
	return ""
}

// JSON-LD: schema.org types, field order fixed by the structs.

type ldThing struct {
	Context     string `json:"@context,omitempty"`
	Type        string `json:"@type"`
	Name        string `json:"name,omitempty"`
	Headline    string `json:"headline,omitempty"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	// Event
	StartDate string     `json:"startDate,omitempty"`
	EndDate   string     `json:"endDate,omitempty"`
	SubjectOf []*ldThing `json:"subjectOf,omitempty"`
	// NewsArticle
	DatePublished string     `json:"datePublished,omitempty"`
	Author        *ldThing   `json:"author,omitempty"`
	Publisher     *ldThing   `json:"publisher,omitempty"`
	About         []*ldThing `json:"about,omitempty"`
	// IsPartOf is the site, for pages.
	IsPartOf *ldThing `json:"isPartOf,omitempty"`
}

// jsonLD is the page's structured data: a WebSite on the timeline, a
// schema.org Event on an event page with the NewsArticles that report it,
// a NewsArticle on a source page with the Events it reports. It is JSON
// with <, > and & escaped, so article text cannot end the <script>
// element it goes in.
func (ix *siteIndex) jsonLD(p *Page) template.JS {
	site := ix.site
	website := &ldThing{Type: "WebSite", Name: site.Title, Description: site.Description, URL: ix.absolute("")}
	var doc *ldThing
	switch p.Kind {
	case "index":
		doc = website
	case "event":
		e := p.Event
		doc = &ldThing{Type: "Event", Name: e.Title, Description: summary(e), URL: p.URL}
		if !isUndated(e) {
			doc.StartDate = e.Date.ISO
			doc.EndDate = e.Date.End
		}
		for _, g := range p.Groups {
			doc.SubjectOf = append(doc.SubjectOf, ix.newsArticle(g.Source))
		}
	case "source":
		doc = ix.newsArticle(p.Source)
		for _, e := range p.Events {
			doc.About = append(doc.About, &ldThing{Type: "Event", Name: e.Title, URL: ix.absolute("events/" + e.ID + "/")})
		}
	default:
		return ""
	}
	if doc != website {
		doc.IsPartOf = website
	}
	doc.Context = "https://schema.org"
	b, err := json.Marshal(doc) // escapes <, >, &, U+2028 and U+2029
	if err != nil {
		return "" // cannot happen: strings only
	}
	return template.JS(b)
}

// newsArticle describes a source as a schema.org NewsArticle: the
// original article when its address is known, else the source's page.
func (ix *siteIndex) newsArticle(s *Source) *ldThing {
	a := &ldThing{Type: "NewsArticle", Headline: s.Title, URL: s.URL}
	if a.URL == "" {
		a.URL = ix.absolute("sources/" + s.ID + "/")
	}
	a.DatePublished = s.Date.ISO
	if s.Author != "" {
		a.Author = &ldThing{Type: "Person", Name: s.Author}
	}
	if s.Publisher != "" {
		a.Publisher = &ldThing{Type: "Organization", Name: s.Publisher}
	}
	return a
}

// jsonIndent encodes v as 2-space indented JSON with HTML characters
// escaped and a trailing newline.
func jsonIndent(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
