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

// timelineJS encodes the dated events as TimelineJS3 JSON, in timeline
// order. Undated events are left out, as TimelineJS places every slide in
// time; the title slide says how many there are and links to the
// timeline, where they are. Headlines, dates and texts are HTML-escaped;
// each slide links to the event's page, by its absolute address when
// BaseURL is absolute.
func (ix *siteIndex) timelineJS() ([]byte, error) {
	site := ix.site
	title := site.Title
	if title == "" {
		title = "Timeline"
	}
	var intro []string
	if site.Description != "" {
		intro = append(intro, "<p>"+html.EscapeString(site.Description)+"</p>")
	}
	if ix.undated > 0 {
		intro = append(intro, fmt.Sprintf(`<p>%d undated %s not shown here: see <a href="%s">the full timeline</a>.</p>`,
			ix.undated, plural(ix.undated, "event is", "events are"), html.EscapeString(ix.link(""))))
	}
	doc := tjsDoc{
		Title:  tjsSlide{Text: tjsText{Headline: html.EscapeString(title), Text: strings.Join(intro, "")}},
		Events: []tjsSlide{},
	}
	for i := range site.Events {
		e := &site.Events[i]
		if isUndated(e) {
			continue
		}
		start := tjsDateOf(e.Date.ISO)
		if start == nil {
			continue
		}
		slide := tjsSlide{
			StartDate:   start,
			EndDate:     tjsDateOf(e.Date.End),
			DisplayDate: html.EscapeString(e.Date.Display),
			UniqueID:    e.ID,
			Text:        tjsText{Headline: html.EscapeString(e.Title), Text: ix.tjsText(e)},
		}
		doc.Events = append(doc.Events, slide)
	}
	return jsonIndent(doc)
}

// tjsText is a slide's HTML: the summary, how uncertain the date is, and
// a link to the event's page with its sources.
func (ix *siteIndex) tjsText(e *Event) string {
	var b strings.Builder
	if s := summary(e); s != "" {
		b.WriteString("<p>" + html.EscapeString(s) + "</p>")
	}
	if note := dateNote(e); note != "" {
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
