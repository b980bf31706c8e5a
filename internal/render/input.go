package render

import (
	"net/url"
	"strings"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// Every output shows what the articles say as text, escaped for the
// format that reads it: html/template for the pages, encoding/json (with
// <, > and & escaped) for timeline.json and the JSON-LD, encoding/xml for
// the feed, and html.EscapeString for the TimelineJS export, whose
// headlines and texts TimelineJS shows as HTML. Addresses and file names
// are made safe once, before any output is made (see shownSources), so
// no output can forget them.

// safeURL returns s, trimmed of spaces, when it is an address an output
// may give for an article: an absolute http or https URL with a host, or
// a mailto URL. Anything else gives "": a javascript:, data:, vbscript:
// or file: URL, a relative one (it would point into the site), one that
// does not parse, and one with a control, bidi or zero-width character,
// which could make it read as another address. Every output that gives
// an article's address gives it through safeURL.
func safeURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || diag.ShowName(s) != s {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host != "" && u.Opaque == "" {
			return s
		}
	case "mailto":
		if u.Opaque != "" {
			return s
		}
	}
	return ""
}

// shownSources returns the sources as the outputs show them: their
// addresses and those of their copies through safeURL, their file names
// through diag.ShowName. Sources are copied only when one changes, so
// the caller's stay as they were.
func shownSources(sources []Source) []Source {
	out := sources
	copied := false
	for i := range sources {
		s := &sources[i]
		if !sourceShown(s) {
			if !copied {
				out = append([]Source(nil), sources...)
				copied = true
			}
			showSource(&out[i])
		}
	}
	return out
}

// sourceShown reports whether s is already as the outputs show it.
func sourceShown(s *Source) bool {
	if safeURL(s.URL) != s.URL || diag.ShowName(s.File) != s.File {
		return false
	}
	for _, c := range s.Copies {
		if safeURL(c.URL) != c.URL || diag.ShowName(c.File) != c.File {
			return false
		}
	}
	return true
}

// showSource makes the addresses and file names of s safe, copying its
// copies rather than changing them.
func showSource(s *Source) {
	s.URL = safeURL(s.URL)
	s.File = diag.ShowName(s.File)
	if s.Copies == nil {
		return
	}
	copies := make([]Copy, len(s.Copies))
	for i, c := range s.Copies {
		c.URL = safeURL(c.URL)
		c.File = diag.ShowName(c.File)
		copies[i] = c
	}
	s.Copies = copies
}
