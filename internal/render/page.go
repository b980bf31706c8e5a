package render

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"sync"
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
// finds its stylesheet. A link to a page ends with Index:
// {{.Root}}events/{{.Event.ID}}/{{.Index}}. With Site.RelativeURLs it is
// "index.html", which a browser opening the files from disk (file://)
// needs, as it shows a directory as a listing; without, "", and pages
// link to directories, events/ID/, which any static server serves as
// their index.html.
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
	// Index ends a link to a page, after its directory: "index.html" when
	// Site.RelativeURLs is set, else "". The link to the timeline is
	// {{.Root}}{{.Index}}.
	Index string
	// URL is the page's absolute address (Site.BaseURL + Path), or "" when
	// Site.BaseURL is not an absolute http(s) URL, and on the 404 page.
	URL string
	// Description is the page's summary for search results and link
	// previews (<meta name=description>, og:description), at most 200
	// characters: the site's description, the event's summary, or what
	// the source is.
	Description string
	// JSONLD is the page's schema.org data as JSON, escaped so that it can
	// go in a <script type="application/ld+json"> element as it is: a
	// WebSite on the index, an Event with the NewsArticles reporting it on
	// an event page, a NewsArticle with the Events it reports on a source
	// page; "" on the 404 page.
	JSONLD template.JS
	// Feed is the path of the Atom feed from the site root, "feed.xml", or
	// "" when the site has none (its BaseURL is not absolute).
	Feed string

	// Overview is the strip showing where the dated events fall in time,
	// or nil when none is dated (index).
	Overview *Overview

	// Years groups the dated events by year, in timeline order, or latest
	// first when Site.Order is "newest" (index).
	Years []YearGroup
	// Undated lists the undated events (and any event without Date.ISO)
	// that the chronology could not place among the dated ones, which come
	// last in timeline order, without a Placement (index). An undated event
	// placed among them is in Years, in the group of the dated event before
	// it (or, before the first dated event, after it).
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
	// Text is the source's text as HTML, block by block: each sentence a
	// <span> with its Anchor as id, a cited one marked (<mark>) and followed
	// by links numbered as in Events (source page). Layouts that want
	// other markup can walk Source.Blocks instead.
	Text []TextBlock
	// Body is Text as one piece of HTML: each block a <p>, or an <h2
	// class="text-heading"> for a heading, on a line of its own (source
	// page). A layout that prints it makes one action of what would be
	// two for each block.
	Body template.HTML
	// Removed is the start of Source.Removed, what cleaning took out, for
	// the table of a source page: at most maxRemovedRows lines, so a file
	// of a million short lines does not make a page listing each.
	// RemovedMore counts the lines left out, which timeline.json and
	// `timeline sources` list (source page).
	Removed     []Removal
	RemovedMore int
}

// maxRemovedRows is the most lines of what cleaning removed a source page
// lists. An article's chrome is tens of lines; a file with more is a dump
// or a log, whose list helps nobody reading the page and would make it
// as large as the file many times over.
const maxRemovedRows = 200

// TextBlock is one block of a source's text as HTML (see Page.Text).
type TextBlock struct {
	Heading bool
	HTML    template.HTML
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
	// undated counts the undated events; trailing those the timeline
	// page lists in its Undated section: the unplaced undated events after
	// the last dated or placed one.
	undated, trailing int
	// base is Site.BaseURL with a trailing slash; abs says whether it is
	// an absolute http(s) URL; basePath is its path ("/repo/"), or "/".
	base     string
	abs      bool
	basePath string
	// sourceNumber numbers the sources from 1, in Site.Sources order.
	sourceNumber map[string]int
}

// Element ids the timeline page uses besides the events' IDs, which an
// event ID must not take: see checkReserved.
const (
	undatedID   = "undated"
	sourceIDPre = "src-" // + source ID: a source in the list of sources
	yearIDPre   = "year-"
)

// reservedIDs are the fixed element ids of the default layouts.
var reservedIDs = []string{"main", undatedID, "undated-label", "overview", "filters", "f-source", "f-from", "f-to", "filter-count", "sources", "sources-label", "key-events", "key-label", "all-events"}

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
//	keyEvents                the key events in timeline order, on sites of 30 events or more
//	add A B                  A + B, for numbering from 1
//	undated                  the number of undated events the chronology could not place (the Undated section)
//	percent X                a share 0..1 as a whole percentage, "97%"
//	sources EVENT            the distinct sources the event cites, in citation order
//	sourceIDs EVENT          their IDs separated by spaces, for a data- attribute
//	sourceNumber ID          the source's number from 1 in Site.Sources, or 0
//	firstDay DATE            the first day the date covers, "2023-09-01", or ""
//	lastDay DATE             the last day it covers, "2023-09-30", or ""
//	dateNote EVENT           how uncertain the event's date is ("day unknown"), or ""
//	newest                   whether the timeline lists the latest event first
//	svgTitle TEXT            an SVG <title> element holding TEXT, a tooltip
//	partialCached NAME DATA KEY…
//	                         the template NAME executed with DATA, once per
//	                         render for each distinct list of KEYs: for a
//	                         piece of every page that depends on those alone,
//	                         such as the masthead on .Root and .Kind
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
		"key":       ix.isKey,
		"keyEvents": ix.keyEvents,
		"add":       func(a, b int) int { return a + b },
		"undated":   func() int { return ix.trailing },
		"percent":   func(x float64) string { return fmt.Sprintf("%.0f%%", x*100) },
		"sources":   ix.eventSources,
		"sourceIDs": func(e *Event) string {
			var ids []string
			for _, s := range ix.eventSources(e) {
				ids = append(ids, s.ID)
			}
			return strings.Join(ids, " ")
		},
		"sourceNumber": func(id string) int { return ix.sourceNumber[id] },
		"firstDay":     firstDay,
		"lastDay":      lastDay,
		"dateNote":     dateNote,
		"newest":       func() bool { return ix.site.Order == "newest" },
		"svgTitle":     svgTitle,
		// Bound to each layout's templates by parseLayouts.
		"partialCached": func(string, any, ...any) (template.HTML, error) {
			return "", errors.New("partialCached: not bound to a layout")
		},
	}
}

// partialCache executes templates of one layout for partialCached, keeping
// each output by the template's name and the keys given.
type partialCache struct {
	layout *template.Template
	mu     sync.Mutex
	done   map[string]template.HTML
}

// cached returns the output of the template name executed with data,
// made once for each name and list of keys.
func (p *partialCache) cached(name string, data any, keys ...any) (template.HTML, error) {
	key := fmt.Sprintf("%q %#v", name, keys)
	p.mu.Lock()
	out, ok := p.done[key]
	p.mu.Unlock()
	if ok {
		return out, nil
	}
	var b strings.Builder
	if err := p.layout.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("partialCached %q: %w", name, err)
	}
	out = template.HTML(b.String())
	p.mu.Lock()
	p.done[key] = out
	p.mu.Unlock()
	return out, nil
}

// keyListMin is the least number of events for which the timeline page
// lists the key events first: on a small site the whole timeline is short
// enough to read.
const keyListMin = 30

// keyEvents returns the key events in timeline order when the site is
// large enough to list them first, else nil.
func (ix *siteIndex) keyEvents() []*Event {
	if !ix.hasKey || len(ix.site.Events) < keyListMin {
		return nil
	}
	var out []*Event
	for i := range ix.site.Events {
		if e := &ix.site.Events[i]; ix.isKey(e) {
			out = append(out, e)
		}
	}
	return out
}

// isKey reports whether e is among the site's most important events.
func (ix *siteIndex) isKey(e *Event) bool { return e != nil && ix.hasKey && e.Importance >= ix.keyAt }

// eventSources returns the distinct sources e cites, in the order of their
// first citation.
func (ix *siteIndex) eventSources(e *Event) []*Source {
	if e == nil {
		return nil
	}
	var out []*Source
	for _, c := range e.Citations {
		s := ix.sources[c.SourceID]
		if s != nil && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// absolute is the absolute address of path, relative to the site root,
// or "" when the site's BaseURL is not absolute.
func (ix *siteIndex) absolute(path string) string {
	if !ix.abs {
		return ""
	}
	return ix.base + path
}

// link is the address of path, relative to the site root, for files read
// outside the site (TimelineJS): absolute when BaseURL is, else from the
// server's root ("/repo/events/ID/").
func (ix *siteIndex) link(path string) string {
	if ix.abs {
		return ix.base + path
	}
	return ix.basePath + path
}

// svgTitle is an SVG <title> element holding text, escaped as text. A
// layout writing <title>{{.}}</title> itself would do as well, but
// html/template escapes more inside a <title> ("+" as "&#43;") than
// html.EscapeString does, and the overview strip's tooltips have always
// been escaped by the latter.
func svgTitle(text string) template.HTML {
	return template.HTML("<title>" + html.EscapeString(text) + "</title>")
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
		site:         site,
		events:       make(map[string]*Event, len(site.Events)),
		sources:      make(map[string]*Source, len(site.Sources)),
		position:     make(map[string]int, len(site.Events)),
		sourceNumber: make(map[string]int, len(site.Sources)),
		basePath:     "/",
	}
	switch site.Order {
	case "", "oldest", "newest":
	default:
		return nil, fmt.Errorf("order %q: want \"oldest\" or \"newest\"", site.Order)
	}
	if site.BaseURL != "" {
		u, err := url.Parse(site.BaseURL)
		if err != nil {
			return nil, fmt.Errorf("base URL %q: %w", site.BaseURL, err)
		}
		ix.base = strings.TrimSuffix(site.BaseURL, "/") + "/"
		ix.abs = (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
		if u.Path != "" {
			ix.basePath = strings.TrimSuffix(u.Path, "/") + "/"
		}
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
		ix.sourceNumber[s.ID] = i + 1
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
		if err := ix.checkReserved(e.ID); err != nil {
			return nil, fmt.Errorf("event %q: %w", e.ID, err)
		}
		ix.events[e.ID] = e
		ix.position[e.ID] = i
		if isUndated(e) {
			ix.undated++
		}
		if isUndated(e) && e.Placement == "" {
			ix.trailing++
		} else {
			ix.trailing = 0
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

// checkReserved reports whether an event ID, which is also the id of the
// event's entry on the timeline page (so that #ID links to it), would
// clash with another element id of that page.
func (ix *siteIndex) checkReserved(id string) error {
	year, isYear := strings.CutPrefix(id, yearIDPre)
	src, isSource := strings.CutPrefix(id, sourceIDPre)
	switch {
	case slices.Contains(reservedIDs, id),
		isYear && len(year) > 0 && strings.Trim(year, "0123456789") == "",
		isSource && ix.sources[src] != nil:
		return fmt.Errorf("ID is the id of another element of the timeline page")
	}
	return nil
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
	p.Overview = ix.overview()
	events := ix.site.Events
	var leading []*Event // undated events placed before the first dated one
	for i := range events {
		e := &events[i]
		switch {
		case isUndated(e) && i >= len(events)-ix.trailing:
			p.Undated = append(p.Undated, e)
		case isUndated(e) && len(p.Years) == 0:
			leading = append(leading, e)
		case isUndated(e):
			g := &p.Years[len(p.Years)-1]
			g.Events = append(g.Events, e)
		default:
			year, _, _ := strings.Cut(e.Date.ISO, "-")
			if n := len(p.Years); n == 0 || p.Years[n-1].Year != year {
				p.Years = append(p.Years, YearGroup{Year: year, Events: leading})
				leading = nil
			}
			g := &p.Years[len(p.Years)-1]
			g.Events = append(g.Events, e)
		}
	}
	if ix.site.Order == "newest" {
		slices.Reverse(p.Years)
		for _, g := range p.Years {
			slices.Reverse(g.Events)
		}
		// The Undated section stays in narrative order, last.
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
	p.Removed = s.Removed[:min(len(s.Removed), maxRemovedRows)]
	p.RemovedMore = len(s.Removed) - len(p.Removed)
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

// sourceText renders the blocks of a source page's Source as HTML (see
// Page.Text). It is made here rather than in the layout because it is
// most of what a source page holds: one template action per sentence
// would cost more than all the rest of the page.
func (ix *siteIndex) sourceText(p *Page) []TextBlock {
	number := make(map[string]int, len(p.Events))
	for i, e := range p.Events {
		number[e.ID] = i + 1
	}
	out := make([]TextBlock, len(p.Source.Blocks))
	var b strings.Builder
	for bi, blk := range p.Source.Blocks {
		b.Reset()
		for i, x := range blk.Sentences {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("<span")
			if x.Anchor != "" {
				b.WriteString(` id="`)
				b.WriteString(html.EscapeString(x.Anchor))
				b.WriteByte('"')
			}
			if len(x.EventIDs) == 0 {
				b.WriteByte('>')
				b.WriteString(html.EscapeString(x.Text))
				b.WriteString("</span>")
				continue
			}
			b.WriteString(` class="cited"><mark>`)
			b.WriteString(html.EscapeString(x.Text))
			b.WriteString("</mark>")
			for _, id := range x.EventIDs {
				e := ix.events[id]
				if e == nil {
					continue
				}
				title := html.EscapeString(e.Title)
				// The accessible name starts with the number shown, as
				// WCAG 2.5.3 (label in name) asks, and says what it leads to.
				n := number[e.ID]
				fmt.Fprintf(&b, `<a class="evref" href="%sevents/%s/%s" title="Cited in: %s" aria-label="%d, cited in: %s">%d</a>`,
					html.EscapeString(p.Root), html.EscapeString(e.ID), p.Index, title, n, title, n)
			}
			b.WriteString("</span>")
		}
		out[bi] = TextBlock{Heading: blk.Heading, HTML: template.HTML(b.String())}
	}
	return out
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
	p := ix.page("404", "Page not found", "404.html", ix.basePath)
	p.URL = ""
	return p
}

func (ix *siteIndex) page(kind, title, path, root string) *Page {
	p := &Page{Site: ix.site, Kind: kind, Title: title, Path: path, Root: root, URL: ix.absolute(path)}
	if ix.site.RelativeURLs {
		p.Index = "index.html"
	}
	if ix.abs {
		p.Feed = feedFile
	}
	return p
}

// finish sets what a page derives from the rest of it and the site's
// settings: its description, its structured data and, on a source page,
// its text as HTML. The page builders (indexPage, eventPage, sourcePage,
// notFoundPage) leave these to it, so a Memo can tell an unchanged page
// before they are made (see derivedFields).
func (ix *siteIndex) finish(p *Page) *Page {
	if p.Kind == "source" {
		p.Text = ix.sourceText(p)
		p.Body = sourceBody(p.Text)
	}
	p.Description = ix.description(p)
	p.JSONLD = ix.jsonLD(p)
	return p
}

// derivedFields are the fields of Page that finish sets. A page's key
// leaves them out: they are functions of the rest of the page and of the
// site's settings, which the key holds.
var derivedFields = []string{"Text", "Body", "Description", "JSONLD"}

// sourceBody joins the blocks of a source's text into Page.Body.
func sourceBody(text []TextBlock) template.HTML {
	var b strings.Builder
	for _, t := range text {
		if t.Heading {
			b.WriteString("\n    <h2 class=\"text-heading\">")
			b.WriteString(string(t.HTML))
			b.WriteString("</h2>")
		} else {
			b.WriteString("\n    <p>")
			b.WriteString(string(t.HTML))
			b.WriteString("</p>")
		}
	}
	return template.HTML(b.String())
}
