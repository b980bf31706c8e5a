package content

import (
	"fmt"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/timeline/config"
	"github.com/timeline-ssg/timeline/timeline/diag"
)

// frontMatter is the TOML an article may start with, between +++ lines.
type frontMatter struct {
	Title     string   `toml:"title"`
	Publisher string   `toml:"publisher"`
	URL       string   `toml:"url"`
	Author    string   `toml:"author"`
	Date      any      `toml:"date"`
	Tags      []string `toml:"tags"`
	Draft     bool     `toml:"draft"`
}

const fence = "+++"

// SplitFrontMatter separates a +++ front matter block from the body of text.
// It returns the TOML between the fences, the body, and the 1-based line on
// which the body starts. Text without a front matter block is all body.
// An opening fence with no closing one is an error naming the line.
func SplitFrontMatter(file, text string) (front, body string, bodyLine int, err error) {
	first, _, _ := strings.Cut(text, "\n")
	if strings.TrimRight(first, " \t") != fence {
		return "", text, 1, nil
	}
	off, line := len(first)+1, 2 // start and number of the line being looked at
	for off <= len(text) {
		l, next := text[off:], len(text)+1
		if i := strings.IndexByte(l, '\n'); i >= 0 {
			l, next = l[:i], off+i+1
		}
		if strings.TrimRight(l, " \t") == fence {
			front = text[len(first)+1 : off]
			if next > len(text) {
				return front, "", line + 1, nil
			}
			return front, text[next:], line + 1, nil
		}
		off = next
		line++
	}
	return "", "", 0, diag.Errorf(file, 1, "front matter opened with %q is never closed: add a %q line after it", fence, fence)
}

// parseFrontMatter decodes front into Meta; lines in errors count from
// firstLine of file. loc is the zone for datetimes without an offset.
func parseFrontMatter(file, front string, firstLine int, loc *time.Location) (Meta, error) {
	var fm frontMatter
	if err := config.DecodeStrict(file, []byte(front), firstLine, &fm); err != nil {
		return Meta{}, err
	}
	// Values are folded to one line and stripped of invisible and bidi
	// control characters, as body text is.
	m := Meta{
		Title:     cleanSpace(fm.Title),
		Publisher: cleanSpace(fm.Publisher),
		URL:       cleanSpace(fm.URL),
		Author:    cleanSpace(fm.Author),
		Draft:     fm.Draft,
	}
	for _, tag := range fm.Tags {
		if tag = cleanSpace(tag); tag != "" {
			m.Tags = append(m.Tags, tag)
		}
	}
	if fm.Date != nil {
		d, dateOnly, err := frontMatterDate(fm.Date, loc)
		if err != nil {
			return Meta{}, diag.Errorf(file, firstLine+max(config.KeyLine([]byte(front), []string{"date"}), 1)-1, "date: %v", err)
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
// datetime or offset datetime, or a string in one of the ISO forms.
func frontMatterDate(v any, loc *time.Location) (time.Time, bool, error) {
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
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			t, err := time.ParseInLocation(layout, s, loc)
			if err == nil {
				if layout == "2006-01-02" {
					return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true, nil
				}
				return t, false, nil
			}
		}
		return time.Time{}, false, fmt.Errorf("%q is not a date: write it as a TOML date, 2023-09-11, or datetime, 2023-09-11T08:00:00Z", s)
	}
	return time.Time{}, false, fmt.Errorf("a %T is not a date: write it as a TOML date, 2023-09-11, or datetime, 2023-09-11T08:00:00Z", v)
}
