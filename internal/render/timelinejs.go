package render

import (
	"fmt"
	"html"
	"strings"
)

// timelinejsFile is the timeline in Knight Lab's TimelineJS3 JSON format
// (https://timeline.knightlab.com/docs/json-format.html), so the timeline
// can be embedded with that viewer too.
const timelinejsFile = "timelinejs.json"

type tjsDoc struct {
	Title  tjsSlide   `json:"title"`
	Events []tjsSlide `json:"events"`
}

// tjsSlide is a TimelineJS slide: the title slide has no dates.
type tjsSlide struct {
	StartDate   *tjsDate `json:"start_date,omitempty"`
	EndDate     *tjsDate `json:"end_date,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	Text        tjsText  `json:"text"`
	UniqueID    string   `json:"unique_id,omitempty"`
}

// tjsDate is a TimelineJS date: the year, and the month and day when
// known.
type tjsDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// tjsText is a slide's headline and its text, which TimelineJS shows as
// HTML, as it does a slide's display_date: each is made of text escaped
// with html.EscapeString and, in Text, the renderer's own <p>, <em> and
// links to the site, never markup from the input.
type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// tjsUnknown is the display_date of an undated event's slide.
const tjsUnknown = "Date unknown"

// timelineJS encodes the events as TimelineJS3 JSON, in timeline order.
// A dated event's start_date has the fields its date is known to (a
// year; a month; a day) and its display_date the date as the pages show
// it. TimelineJS places every slide in time, so an undated event is
// placed where the timeline places it, at the start_date of the dated
// event it follows (or, before the first dated event, of the one after
// it), and its display_date says "Date unknown" and its text where it
// was placed: the date is a position, never shown as the event's. When
// no event is dated there is nothing to place the undated ones by, and
// the export has the title slide only, which says so. Headlines, dates
// and texts are HTML-escaped; each slide links to the event's page, by
// its absolute address when BaseURL is absolute.
//
// The export holds data only. An embedding page sets TimelineJS's
// options; {font: null} there keeps TimelineJS from loading its default
// fonts from a CDN (see the README).
func (ix *siteIndex) timelineJS() ([]byte, error) {
	site := ix.site
	title := site.Title
	if title == "" {
		title = "Timeline"
	}
	// at[i] is the date slide i is placed at: its own, or for an undated
	// event the one before it, or the first after it.
	at := make([]*tjsDate, len(site.Events))
	var prev *tjsDate
	for i := range site.Events {
		if e := &site.Events[i]; !isUndated(e) {
			prev = tjsDateOf(e.Date.ISO)
		}
		at[i] = prev
	}
	for i := len(site.Events) - 1; i >= 0; i-- {
		if e := &site.Events[i]; !isUndated(e) {
			prev = tjsDateOf(e.Date.ISO)
		}
		if at[i] == nil {
			at[i] = prev
		}
	}
	var intro []string
	if site.Description != "" {
		intro = append(intro, "<p>"+html.EscapeString(site.Description)+"</p>")
	}
	shown := 0
	doc := tjsDoc{Events: []tjsSlide{}}
	for i := range site.Events {
		e := &site.Events[i]
		if at[i] == nil {
			continue
		}
		slide := tjsSlide{
			StartDate:   at[i],
			DisplayDate: tjsUnknown,
			UniqueID:    e.ID,
			Text:        tjsText{Headline: html.EscapeString(e.Title), Text: ix.tjsText(e)},
		}
		if !isUndated(e) {
			slide.EndDate = tjsDateOf(e.Date.End)
			slide.DisplayDate = html.EscapeString(e.Date.Display)
		} else {
			shown++
		}
		doc.Events = append(doc.Events, slide)
	}
	switch {
	case shown > 0:
		intro = append(intro, fmt.Sprintf(`<p>%d %s no known date: %s shown where the sources tell it, marked “%s”.</p>`,
			shown, plural(shown, "event has", "events have"), plural(shown, "it is", "each is"), tjsUnknown))
	case ix.undated > 0:
		intro = append(intro, fmt.Sprintf(`<p>%d undated %s not shown here, as no event is dated to place %s by: see <a href="%s">the full timeline</a>.</p>`,
			ix.undated, plural(ix.undated, "event is", "events are"), plural(ix.undated, "it", "them"), html.EscapeString(ix.link(""))))
	}
	doc.Title = tjsSlide{Text: tjsText{Headline: html.EscapeString(title), Text: strings.Join(intro, "")}}
	return jsonIndent(doc)
}

// tjsText is a slide's HTML: the summary, how uncertain the date is (for
// an undated event, that it is unknown and where it was placed), and a
// link to the event's page with its sources.
func (ix *siteIndex) tjsText(e *Event) string {
	var b strings.Builder
	if s := summary(e); s != "" {
		b.WriteString("<p>" + html.EscapeString(s) + "</p>")
	}
	if isUndated(e) {
		note := "no source dates it, nor tells where it falls among the dated events; shown at the end, as on the timeline"
		if e.Placement != "" {
			note = e.Placement
		}
		b.WriteString("<p><em>" + tjsUnknown + ": " + html.EscapeString(note) + ".</em></p>")
	} else if note := dateNote(e); note != "" {
		b.WriteString("<p><em>Date: " + html.EscapeString(note) + ".</em></p>")
	}
	fmt.Fprintf(&b, `<p><a href="%s">%d %s, quoted</a></p>`, html.EscapeString(ix.link("events/"+e.ID+"/")),
		e.SourceCount, plural(e.SourceCount, "source", "sources"))
	return b.String()
}

// tjsDateOf converts an ISO date, month or year to a TimelineJS date, or
// returns nil.
func tjsDateOf(iso string) *tjsDate {
	t, _, ok := period(iso)
	if !ok {
		return nil
	}
	d := &tjsDate{Year: t.Year()}
	if len(iso) >= len("2006-01") {
		d.Month = int(t.Month())
	}
	if len(iso) == len("2006-01-02") {
		d.Day = t.Day()
	}
	return d
}
