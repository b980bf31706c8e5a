package content

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// frontMatter is the metadata an article may start with: TOML between +++
// lines, YAML between --- lines, or a JSON object.
type frontMatter struct {
	Title     string   `toml:"title"`
	Publisher string   `toml:"publisher"`
	URL       string   `toml:"url"`
	Author    string   `toml:"author"`
	Date      any      `toml:"date"`
	Tags      []string `toml:"tags"`
	Draft     bool     `toml:"draft"`
}

// FrontMatterFormat is the language a front matter block is written in.
type FrontMatterFormat int

const (
	// NoFrontMatter is the format of text that has no front matter block.
	NoFrontMatter FrontMatterFormat = iota
	// TOML front matter sits between two +++ lines.
	TOML
	// YAML front matter sits between a --- line and a --- (or ...) line.
	YAML
	// JSON front matter is a JSON object that opens on the file's first
	// line, with "{" and then a key or nothing.
	JSON
)

// String returns "TOML", "YAML", "JSON", or "none".
func (f FrontMatterFormat) String() string {
	switch f {
	case TOML:
		return "TOML"
	case YAML:
		return "YAML"
	case JSON:
		return "JSON"
	}
	return "none"
}

// FrontMatter is the front matter block a text starts with, as
// SplitFrontMatter finds it.
type FrontMatter struct {
	// Format is the block's language: TOML, YAML or JSON, or
	// NoFrontMatter when the text has no block.
	Format FrontMatterFormat
	// Text is the block's text: what lies between the fences (TOML,
	// YAML), or the whole object, braces included (JSON).
	Text string
	// Line is the 1-based line of the file on which Text starts.
	Line int
}

// SplitFrontMatter separates a front matter block from the body of text:
// TOML between +++ lines, YAML between --- lines (closed by --- or ...),
// or a JSON object whose first line is "{" alone or "{" and a key. It
// returns the block, the body, and the 1-based line on which the body
// starts. Text without a front matter block is all body, with Format
// NoFrontMatter. A block that is opened and never closed is an error
// naming the line.
func SplitFrontMatter(file, text string) (fm FrontMatter, body string, bodyLine int, err error) {
	first, _, _ := strings.Cut(text, "\n")
	switch strings.TrimRight(first, " \t") {
	case "+++":
		return splitFenced(file, text, TOML, "+++")
	case "---":
		fm, body, line, err := splitFenced(file, text, YAML, "---", "...")
		if strings.EqualFold(filepath.Ext(file), ".txt") && (err != nil || !yamlKeyFirst(fm.Text)) {
			// A raw text's first line of dashes is a rule more often than
			// a fence: it opens front matter only when a closing fence
			// follows and the block starts with a key ("title: …").
			return FrontMatter{}, text, 1, nil
		}
		return fm, body, line, err
	}
	if opensJSON(first) {
		return splitJSON(file, text)
	}
	return FrontMatter{}, text, 1, nil
}

// yamlKeyRe matches a line that opens a YAML mapping: a key and a colon.
var yamlKeyRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*[ \t]*:([ \t]|$)`)

// yamlKeyFirst reports whether the first line of block that is not
// blank or a comment is a YAML key ("title: Harbour reopens").
func yamlKeyFirst(block string) bool {
	for _, l := range strings.Split(block, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		return yamlKeyRe.MatchString(l)
	}
	return false
}

// splitFenced splits a block that opens with the text's first line and
// closes with a line that is one of closers.
func splitFenced(file, text string, format FrontMatterFormat, closers ...string) (FrontMatter, string, int, error) {
	first, _, _ := strings.Cut(text, "\n")
	off, line := len(first)+1, 2 // start and number of the line being looked at
	for off <= len(text) {
		l, next := text[off:], len(text)+1
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		for _, c := range closers {
			if strings.TrimRight(l, " \t") == c {
				fm := FrontMatter{Format: format, Text: text[len(first)+1 : off], Line: 2}
				if next > len(text) {
					return fm, "", line + 1, nil
				}
				return fm, text[next:], line + 1, nil
			}
		}
		off = next
		line++
	}
	return FrontMatter{}, "", 0, diag.Errorf(file, 1, "%s front matter opened with %q is never closed: add a %q line after it", format, closers[0], closers[0])
}

// parseFrontMatter decodes fm into Meta; lines in errors are lines of
// file. loc is the zone for datetimes without an offset.
func parseFrontMatter(file string, fm FrontMatter, loc *time.Location) (Meta, error) {
	var v frontMatter
	dateLine := 0
	switch fm.Format {
	case YAML:
		var err error
		if dateLine, err = decodeYAML(file, fm.Text, fm.Line, &v); err != nil {
			return Meta{}, err
		}
	case JSON:
		var err error
		if dateLine, err = decodeJSON(file, fm.Text, fm.Line, &v); err != nil {
			return Meta{}, err
		}
	default:
		if err := config.DecodeStrict(file, []byte(fm.Text), fm.Line, &v); err != nil {
			return Meta{}, err
		}
		if v.Date != nil {
			dateLine = fm.Line + max(config.KeyLine([]byte(fm.Text), []string{"date"}), 1) - 1
		}
	}
	// Values are folded to one line and stripped of invisible and bidi
	// control characters, as body text is.
	m := Meta{
		Title:     cleanSpace(v.Title),
		Publisher: cleanSpace(v.Publisher),
		URL:       cleanSpace(v.URL),
		Author:    cleanSpace(v.Author),
		Draft:     v.Draft,
	}
	for _, tag := range v.Tags {
		if tag = cleanSpace(tag); tag != "" {
			m.Tags = append(m.Tags, tag)
		}
	}
	if v.Date != nil {
		d, dateOnly, err := frontMatterDate(v.Date, loc, fm.Format)
		if err != nil {
			return Meta{}, diag.Errorf(file, dateLine, "date: %v", err)
		}
		m.Date, m.HasDate, m.DateOnly = d, true, dateOnly
	}
	m.From = map[string]string{}
	for field, set := range map[string]bool{"title": m.Title != "", "publisher": m.Publisher != "",
		"author": m.Author != "", "url": m.URL != "", "date": m.HasDate} {
		if set {
			m.From[field] = "front matter"
		}
	}
	return m, nil
}

// frontMatterDate converts the value of the date key: a TOML date, local
// datetime or offset datetime, or a string (as YAML and JSON give every
// date) that temporal.ParseStamp reads as a day or a moment. format says
// how to write a date in the error.
func frontMatterDate(v any, loc *time.Location, format FrontMatterFormat) (time.Time, bool, error) {
	switch d := v.(type) {
	case time.Time:
		// The toml package marks dates and datetimes without an offset
		// with zones of these names.
		switch d.Location().String() {
		case "date-local":
			return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), true, nil
		case "datetime-local":
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), loc), false, nil
		}
		return d, false, nil
	case string:
		s := strings.TrimSpace(d)
		if st, ok := temporal.ParseStamp(s, loc); ok && st.Precision == temporal.Day {
			return st.Time, !st.Clock, nil
		}
		return time.Time{}, false, fmt.Errorf("%q is not a date: %s", s, dateHint(format))
	}
	return time.Time{}, false, fmt.Errorf("a %T is not a date: %s", v, dateHint(format))
}

// dateHint says how to write a date in front matter of format.
func dateHint(format FrontMatterFormat) string {
	switch format {
	case YAML:
		return "write it as 2023-09-11, or 2023-09-11T08:00:00Z with the time"
	case JSON:
		return `write it as a string, "2023-09-11", or "2023-09-11T08:00:00Z" with the time`
	}
	return "write it as a TOML date, 2023-09-11, or datetime, 2023-09-11T08:00:00Z"
}
