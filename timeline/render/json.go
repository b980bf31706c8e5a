package render

import "math"

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
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Date        string         `json:"date"`
	DateEnd     string         `json:"date_end,omitempty"`
	Precision   string         `json:"precision"`
	Undated     bool           `json:"undated"`
	Basis       string         `json:"basis"`
	Summary     string         `json:"summary"`
	Importance  float64        `json:"importance"`
	SourceCount int            `json:"source_count"`
	CopyCount   int            `json:"copy_count"`
	Citations   []jsonCitation `json:"citations"`
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
	Dateline  string `json:"dateline"`
	File      string `json:"file"`
	// Duplicates are the files of the copies merged into this source;
	// Copies says more of each.
	Duplicates []string   `json:"duplicates"`
	Copies     []jsonCopy `json:"copies"`
	// Related are the sources that rewrite much of the same story.
	Related []jsonRelated `json:"related"`
	Text    string        `json:"text"`
	Events  []string      `json:"events"`
	Removed []jsonRemoval `json:"removed"`
}

type jsonCopy struct {
	File        string  `json:"file"`
	Title       string  `json:"title"`
	Publisher   string  `json:"publisher"`
	URL         string  `json:"url"`
	Containment float64 `json:"containment"`
}

type jsonRelated struct {
	ID         string  `json:"id"`
	Similarity float64 `json:"similarity"`
}

type jsonRemoval struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

// timelineJSON encodes the site as timeline.json: 2-space indented, HTML
// characters escaped, with a trailing newline.
func timelineJSON(site *Site) ([]byte, error) {
	out := jsonSite{
		Title:       site.Title,
		Description: site.Description,
		BaseURL:     site.BaseURL,
		Generator:   site.Generator,
		Events:      make([]jsonEvent, len(site.Events)),
		Sources:     make([]jsonSource, len(site.Sources)),
	}
	for i := range site.Events {
		e := &site.Events[i]
		je := jsonEvent{
			ID:          e.ID,
			Title:       e.Title,
			Date:        e.Date.ISO,
			DateEnd:     e.Date.End,
			Precision:   e.Date.Precision,
			Undated:     e.Undated,
			Basis:       e.Basis,
			Summary:     summary(e),
			Importance:  e.Importance,
			SourceCount: e.SourceCount,
			CopyCount:   e.CopyCount,
			Citations:   make([]jsonCitation, len(e.Citations)),
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
		out.Events[i] = je
	}
	for i := range site.Sources {
		s := &site.Sources[i]
		js := jsonSource{
			ID:         s.ID,
			Title:      s.Title,
			Publisher:  s.Publisher,
			Author:     s.Author,
			URL:        s.URL,
			Date:       s.Date.ISO,
			Dateline:   s.Dateline,
			File:       s.File,
			Duplicates: make([]string, len(s.Copies)),
			Copies:     make([]jsonCopy, len(s.Copies)),
			Related:    make([]jsonRelated, len(s.Related)),
			Text:       s.Text,
			Events:     append([]string{}, s.EventIDs...),
			Removed:    make([]jsonRemoval, len(s.Removed)),
		}
		for j, c := range s.Copies {
			js.Duplicates[j] = c.File
			js.Copies[j] = jsonCopy{File: c.File, Title: c.Title, Publisher: c.Publisher, URL: c.URL, Containment: round2(c.Containment)}
		}
		for j, r := range s.Related {
			js.Related[j] = jsonRelated{ID: r.ID, Similarity: round2(r.Similarity)}
		}
		for j, r := range s.Removed {
			js.Removed[j] = jsonRemoval{Line: r.Line, Reason: r.Reason, Text: r.Text}
		}
		out.Sources[i] = js
	}
	return jsonIndent(out)
}

// round2 rounds a score to two decimals, so the JSON shows what is
// meaningful and stays stable across platforms.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
