package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
)

// timeline.json: the machine-readable site. Field order is the struct
// order; every list is [] rather than null when empty.

type jsonSite struct {
	Title       string       `json:"title"`
	Description string       `json:"description"`
	BaseURL     string       `json:"base_url"`
	Generator   string       `json:"generator"`
	Events      []jsonEvent  `json:"events"`
	Sources     []jsonSource `json:"sources"`
}

type jsonEvent struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Date        string  `json:"date"`
	DateEnd     string  `json:"date_end,omitempty"`
	Precision   string  `json:"precision"`
	Undated     bool    `json:"undated"`
	Basis       string  `json:"basis"`
	Summary     string  `json:"summary"`
	Kind        string  `json:"kind"`
	Importance  float64 `json:"importance"`
	SourceCount int     `json:"source_count"`
	// SourcesCited counts rewrites of one report apart; SourceCount,
	// the independent sources, counts them once.
	SourcesCited int            `json:"sources_cited"`
	RelatedNote  string         `json:"related_note,omitempty"`
	CopyCount    int            `json:"copy_count"`
	Citations    []jsonCitation `json:"citations"`
}

type jsonCitation struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Anchor string `json:"anchor"`
	Date   string `json:"date,omitempty"`
}

type jsonSource struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	URL       string `json:"url"`
	Date      string `json:"date"`
	// DateFrom says where Date came from (see Source.DateFrom).
	DateFrom string `json:"date_from"`
	Dateline string `json:"dateline"`
	File     string `json:"file"`
	// Duplicates are the files of the copies merged into this source;
	// Copies says more of each.
	Duplicates []string   `json:"duplicates"`
	Copies     []JSONCopy `json:"copies"`
	// Related are the sources that rewrite much of the same story.
	Related []JSONRelated `json:"related"`
	Text    string        `json:"text"`
	Events  []string      `json:"events"`
	Removed []JSONRemoval `json:"removed"`
}

// JSONCopy is a copy merged into a source, in JSON, as timeline.json and
// `timeline sources --json` have it: its file, the metadata it had (""
// where it had none) and how much of it the source contains (0..1).
type JSONCopy struct {
	File        string  `json:"file"`
	Title       string  `json:"title"`
	Publisher   string  `json:"publisher"`
	URL         string  `json:"url"`
	Containment float64 `json:"containment"`
}

// JSONRelated is a related source in JSON, as timeline.json and
// `timeline sources --json` have it: another source that rewrites much
// of the same story, and how similar the two are (0..1).
type JSONRelated struct {
	ID         string  `json:"id"`
	Similarity float64 `json:"similarity"`
}

// JSONRemoval is a line cleaning removed from an article, in JSON, as
// timeline.json and `timeline extract --json` and `sources --json` have
// it: its line number in the file, why it was removed, and its text.
type JSONRemoval struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// timelineJSON encodes the site as timeline.json: an object with the
// site's fields, then its events and its sources as arrays of one
// element a line, each element compact, HTML characters escaped, with a
// trailing newline. One element a line keeps the file quick to write and
// read, and a diff of two builds shows which events and sources changed.
// With a memo, the lines of events and sources unchanged since the last
// render are not encoded again.
func timelineJSON(site *Site, memo *renderMemo) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n")
	for _, f := range [...]struct{ key, value string }{
		{"title", site.Title}, {"description", site.Description}, {"base_url", site.BaseURL}, {"generator", site.Generator},
	} {
		v, err := json.Marshal(f.value)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "  %q: %s,\n", f.key, v)
	}
	list := func(name string, n int, line func(i int) ([]byte, error), last bool) error {
		fmt.Fprintf(&b, "  %q: [", name)
		for i := range n {
			l, err := line(i)
			if err != nil {
				return err
			}
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			b.Write(l)
		}
		if n > 0 {
			b.WriteString("\n  ")
		}
		if last {
			b.WriteString("]\n")
		} else {
			b.WriteString("],\n")
		}
		return nil
	}
	err := list("events", len(site.Events), func(i int) ([]byte, error) {
		return memo.line(memo.eventLines(i), func() ([]byte, error) { return json.Marshal(eventJSON(&site.Events[i])) })
	}, false)
	if err != nil {
		return nil, err
	}
	err = list("sources", len(site.Sources), func(i int) ([]byte, error) {
		return memo.line(memo.sourceLines(i), func() ([]byte, error) { return json.Marshal(sourceJSON(&site.Sources[i])) })
	}, true)
	if err != nil {
		return nil, err
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// eventJSON is an event as timeline.json has it.
func eventJSON(e *Event) jsonEvent {
	je := jsonEvent{
		ID:           e.ID,
		Title:        e.Title,
		Date:         e.Date.ISO,
		DateEnd:      e.Date.End,
		Precision:    e.Date.Precision,
		Undated:      e.Undated,
		Basis:        e.Basis,
		Summary:      summary(e),
		Kind:         cmp.Or(e.Kind, "happening"),
		Importance:   e.Importance,
		SourceCount:  e.SourceCount,
		SourcesCited: max(e.SourcesCited, e.SourceCount),
		RelatedNote:  e.RelatedNote,
		CopyCount:    e.CopyCount,
		Citations:    make([]jsonCitation, len(e.Citations)),
	}
	for j, c := range e.Citations {
		je.Citations[j] = jsonCitation{
			Source: c.SourceID,
			Text:   c.Text,
			Start:  c.Start,
			End:    c.End,
			Anchor: c.Anchor,
			Date:   c.Date,
		}
	}
	return je
}

// sourceJSON is a source as timeline.json has it.
func sourceJSON(s *Source) jsonSource {
	js := jsonSource{
		ID:         s.ID,
		Title:      s.Title,
		Publisher:  s.Publisher,
		Author:     s.Author,
		URL:        s.URL,
		Date:       s.Date.ISO,
		DateFrom:   s.DateFrom,
		Dateline:   s.Dateline,
		File:       s.File,
		Duplicates: make([]string, len(s.Copies)),
		Copies:     make([]JSONCopy, len(s.Copies)),
		Related:    make([]JSONRelated, len(s.Related)),
		Text:       s.Text,
		Events:     append([]string{}, s.EventIDs...),
		Removed:    make([]JSONRemoval, len(s.Removed)),
	}
	for j, c := range s.Copies {
		js.Duplicates[j] = c.File
		js.Copies[j] = JSONCopy{File: c.File, Title: c.Title, Publisher: c.Publisher, URL: c.URL, Containment: round2(c.Containment)}
	}
	for j, r := range s.Related {
		js.Related[j] = JSONRelated{ID: r.ID, Similarity: round2(r.Similarity)}
	}
	for j, r := range s.Removed {
		js.Removed[j] = JSONRemoval{Line: r.Line, Reason: r.Reason, Text: r.Text}
	}
	return js
}

// round2 rounds a score to two decimals, so the JSON shows what is
// meaningful and stays stable across platforms.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
