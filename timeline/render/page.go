package render

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
)

// Page is the data every layout receives. The layout for a page is
// layouts/base.html with the page's own file (layouts/index.html,
// event.html, source.html or 404.html) parsed over it, plus every
// layouts/partials/*.html; base.html is executed.
//
// Layouts link between pages with Root, a prefix relative to the page
// itself: {{.Root}}events/{{.Event.ID}}/. Relative links are the robust
// choice over absolute ones built from Site.BaseURL: the same files work at
// a domain root, under a project subpath (https://user.github.io/repo/), on
// a local preview server whatever BaseURL says, and a page opened from disk
// finds its stylesheet. (Pages link to directories, events/ID/, so from disk
// a browser shows those as listings; any static server serves index.html.)
type Page struct {
	Site *Site
	// Kind is "index", "event", "source" or "404".
	Kind string
	// Title is the page's own title: the event's or source's title, or ""
	// on the index.
	Title string
	// Path is the page's address relative to the site root: "",
	// "events/ID/", "sources/ID/" or "404.html".
	Path string
	// Root leads from the page to the site root: "./" on the index,
	// "../../" on event and source pages. The 404 page, which a server
	// shows at any depth, gets the path of Site.BaseURL instead ("/repo/"),
	// or "/".
	Root string
	// URL is the page's absolute address (Site.BaseURL + Path), or "" when
	// the site has no BaseURL.
	URL string

	// Years groups the dated events by year, in timeline order (index).
	Years []YearGroup
	// Undated lists the undated events, and any event without Date.ISO, in
	// timeline order (index).
	Undated []*Event

	// Event is the event shown (event page).
	Event *Event
	// Prev and Next are the event's neighbours on the timeline, or nil
	// (event page).
	Prev, Next *Event
	// Groups are the event's citations grouped by source, sources in order
	// of first citation (event page).
	Groups []CitationGroup

	// Source is the source shown (source page).
	Source *Source
	// Events are the events citing the source: Source.EventIDs, then any
	// other event citing one of its sentences, in timeline order (source
	// page). EventNumber numbers them.
	Events []*Event
}

// YearGroup is a run of consecutive dated events of the same year.
type YearGroup struct {
	// Year is the year part of the events' Date.ISO: "2023".
	Year   string
	Events []*Event
}

// CitationGroup is the citations of one event from one source.
type CitationGroup struct {
	Source    *Source
	Citations []Citation
}

// siteIndex finds events and sources by ID, and holds what pages derive
// from the whole site.
type siteIndex struct {
	site    *Site
	events  map[string]*Event
	sources map[string]*Source
	// position is each event's index in site.Events.
	position map[string]int
	// keyAt is the lowest importance of a key event; key events are the top
	// tenth by importance, on sites with enough events to rank.
	keyAt  float64
	hasKey bool
	// undated counts the undated events.
	undated int
}

// isUndated reports whether e belongs in the Undated section: marked
// undated, or without a date.
func isUndated(e *Event) bool { return e.Undated || e.Date.ISO == "" }

// funcs are the functions layouts may call besides the built-in ones.
//
//	dict "k1" v1 "k2" v2 …  a map, to pass several values to a partial
//	event ID                 the *Event with that ID, or nil
//	source ID                the *Source with that ID, or nil
//	summary EVENT            the event's Summary texts joined by spaces
//	lead EVENT               the first Summary text, for one-line listings
//	key EVENT                whether the event is among the site's most important
//	add A B                  A + B, for numbering from 1
//	undated                  the number of undated events in the site
//	percent X                a share 0..1 as a whole percentage, "97%"
func (ix *siteIndex) funcs() template.FuncMap {
	return template.FuncMap{
		"dict":    dict,
		"event":   func(id string) *Event { return ix.events[id] },
		"source":  func(id string) *Source { return ix.sources[id] },
		"summary": summary,
		"lead": func(e *Event) string {
			if e != nil && e.EditorSummaryText != "" {
				return e.EditorSummaryText
			}
			if e == nil || len(e.Summary) == 0 {
				return ""
			}
			return e.Summary[0].Text
		},
		"key":     func(e *Event) bool { return e != nil && ix.hasKey && e.Importance >= ix.keyAt },
		"add":     func(a, b int) int { return a + b },
		"undated": func() int { return ix.undated },
		"percent": func(x float64) string { return fmt.Sprintf("%.0f%%", x*100) },
	}
}

func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, errors.New("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// summary joins the event's Summary texts with spaces, or returns the
// editor's summary text if there is one.
func summary(e *Event) string {
	if e == nil {
		return ""
	}
	if e.EditorSummaryText != "" {
		return e.EditorSummaryText
	}
	parts := make([]string, len(e.Summary))
	for i, c := range e.Summary {
		parts[i] = c.Text
	}
	return strings.Join(parts, " ")
}

// newIndex validates the site and indexes it. IDs become paths, so an ID
// must be non-empty, made of [a-z0-9-_.] and not start with '.'; IDs are
// unique; every ID and anchor a page links to must exist.
func newIndex(site *Site) (*siteIndex, error) {
	ix := &siteIndex{
		site:     site,
		events:   make(map[string]*Event, len(site.Events)),
		sources:  make(map[string]*Source, len(site.Sources)),
		position: make(map[string]int, len(site.Events)),
	}
	anchors := make(map[string]map[string]bool, len(site.Sources))
	for i := range site.Sources {
		s := &site.Sources[i]
		if err := checkID(s.ID); err != nil {
			return nil, fmt.Errorf("source %d (%q): %w", i, s.ID, err)
		}
		if ix.sources[s.ID] != nil {
			return nil, fmt.Errorf("source %q: duplicate ID", s.ID)
		}
		ix.sources[s.ID] = s
		a := make(map[string]bool)
		for _, b := range s.Blocks {
			for _, sen := range b.Sentences {
				if sen.Anchor == "" {
					continue
				}
				if err := checkAnchor(sen.Anchor); err != nil {
					return nil, fmt.Errorf("source %q: sentence anchor %q: %w", s.ID, sen.Anchor, err)
				}
				if a[sen.Anchor] {
					return nil, fmt.Errorf("source %q: duplicate sentence anchor %q", s.ID, sen.Anchor)
				}
				a[sen.Anchor] = true
			}
		}
		anchors[s.ID] = a
	}
	for i := range site.Events {
		e := &site.Events[i]
		if err := checkID(e.ID); err != nil {
			return nil, fmt.Errorf("event %d (%q): %w", i, e.ID, err)
		}
		if ix.events[e.ID] != nil {
			return nil, fmt.Errorf("event %q: duplicate ID", e.ID)
		}
		ix.events[e.ID] = e
		ix.position[e.ID] = i
		if isUndated(e) {
			ix.undated++
		}
	}
	checkCitations := func(e *Event, what string, cs []Citation) error {
		for j, c := range cs {
			if ix.sources[c.SourceID] == nil {
				return fmt.Errorf("event %q: %s %d cites unknown source %q", e.ID, what, j, c.SourceID)
			}
			if c.Anchor != "" && !anchors[c.SourceID][c.Anchor] {
				return fmt.Errorf("event %q: %s %d cites anchor %q, which is not a sentence of source %q", e.ID, what, j, c.Anchor, c.SourceID)
			}
		}
		return nil
	}
	for i := range site.Events {
		e := &site.Events[i]
		if err := checkCitations(e, "citation", e.Citations); err != nil {
			return nil, err
		}
		if err := checkCitations(e, "summary citation", e.Summary); err != nil {
			return nil, err
		}
	}
	for i := range site.Sources {
		s := &site.Sources[i]
		for _, id := range s.EventIDs {
			if ix.events[id] == nil {
				return nil, fmt.Errorf("source %q: cited by unknown event %q", s.ID, id)
			}
		}
		for _, b := range s.Blocks {
			for _, sen := range b.Sentences {
				for _, id := range sen.EventIDs {
					if ix.events[id] == nil {
						return nil, fmt.Errorf("source %q: sentence %q cited by unknown event %q", s.ID, sen.Anchor, id)
					}
				}
			}
		}
	}

	// Key events: the top tenth by importance, when there are enough events
	// to rank and they are not all equal.
	if n := len(site.Events); n >= 5 {
		imp := make([]float64, n)
		for i, e := range site.Events {
			imp[i] = e.Importance
		}
		slices.SortFunc(imp, func(a, b float64) int { return cmp.Compare(b, a) })
		ix.keyAt = imp[max(1, n/10)-1]
		ix.hasKey = ix.keyAt > imp[n-1]
	}
	return ix, nil
}

// checkID reports whether id is safe as a path element.
func checkID(id string) error {
	if id == "" {
		return errors.New("empty ID")
	}
	if id[0] == '.' {
		return errors.New("ID starts with '.'")
	}
	for _, r := range id {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("ID contains %q; only a-z, 0-9, '-', '_' and '.' are allowed", r)
		}
	}
	return nil
}

// checkAnchor reports whether a is usable as an HTML id and URL fragment
// as it is.
func checkAnchor(a string) error {
	for _, r := range a {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("anchor contains %q; only letters, digits, '-', '_' and '.' are allowed", r)
		}
	}
	return nil
}

// indexPage is the timeline.
func (ix *siteIndex) indexPage() *Page {
	p := ix.page("index", "", "", "./")
	for i := range ix.site.Events {
		e := &ix.site.Events[i]
		if isUndated(e) {
			p.Undated = append(p.Undated, e)
			continue
		}
		year, _, _ := strings.Cut(e.Date.ISO, "-")
		if n := len(p.Years); n == 0 || p.Years[n-1].Year != year {
			p.Years = append(p.Years, YearGroup{Year: year})
		}
		g := &p.Years[len(p.Years)-1]
		g.Events = append(g.Events, e)
	}
	return p
}

// eventPage is the page of the i-th event.
func (ix *siteIndex) eventPage(i int) *Page {
	e := &ix.site.Events[i]
	p := ix.page("event", e.Title, "events/"+e.ID+"/", "../../")
	p.Event = e
	if i > 0 {
		p.Prev = &ix.site.Events[i-1]
	}
	if i+1 < len(ix.site.Events) {
		p.Next = &ix.site.Events[i+1]
	}
	for _, c := range e.Citations {
		k := slices.IndexFunc(p.Groups, func(g CitationGroup) bool { return g.Source.ID == c.SourceID })
		if k < 0 {
			p.Groups = append(p.Groups, CitationGroup{Source: ix.sources[c.SourceID]})
			k = len(p.Groups) - 1
		}
		p.Groups[k].Citations = append(p.Groups[k].Citations, c)
	}
	return p
}

// sourcePage is the page of the i-th source.
func (ix *siteIndex) sourcePage(i int) *Page {
	s := &ix.site.Sources[i]
	p := ix.page("source", s.Title, "sources/"+s.ID+"/", "../../")
	p.Source = s
	seen := make(map[string]bool, len(s.EventIDs))
	for _, id := range s.EventIDs {
		if !seen[id] {
			seen[id] = true
			p.Events = append(p.Events, ix.events[id])
		}
	}
	// Events citing a sentence but missing from EventIDs are listed too, in
	// timeline order, so every numbered link in the text is in the list.
	var more []*Event
	for _, b := range s.Blocks {
		for _, sen := range b.Sentences {
			for _, id := range sen.EventIDs {
				if !seen[id] {
					seen[id] = true
					more = append(more, ix.events[id])
				}
			}
		}
	}
	slices.SortFunc(more, func(a, b *Event) int { return cmp.Compare(ix.position[a.ID], ix.position[b.ID]) })
	p.Events = append(p.Events, more...)
	return p
}

// EventNumber is the 1-based position of the event id in Events, or 0: on a
// source page, the number a cited sentence links to its event by.
func (p *Page) EventNumber(id string) int {
	for i, e := range p.Events {
		if e.ID == id {
			return i + 1
		}
	}
	return 0
}

// notFoundPage is 404.html. A server shows it at whatever depth the
// missing address had, so its links start from the site's path on the
// server rather than from the page.
func (ix *siteIndex) notFoundPage() *Page {
	root := "/"
	if u, err := url.Parse(ix.site.BaseURL); err == nil && u.Path != "" {
		root = strings.TrimSuffix(u.Path, "/") + "/"
	}
	return ix.page("404", "Page not found", "404.html", root)
}

func (ix *siteIndex) page(kind, title, path, root string) *Page {
	p := &Page{Site: ix.site, Kind: kind, Title: title, Path: path, Root: root}
	if base := ix.site.BaseURL; base != "" {
		p.URL = strings.TrimSuffix(base, "/") + "/" + path
	}
	return p
}
