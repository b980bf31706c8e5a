package clean

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// Byline returns the names in a byline, the line that credits an
// article's writers: "By Jane Doe", "By JANE DOE and John Roe, Reuters",
// "Written by Ana da Silva | Staff writer". Each name is two to six words
// shaped like a name (capitalized words, initials, particles such as
// "da"); "By Reuters" or "By Tuesday" is no byline. The names are returned as
// written, joined by ", "; what follows them (a publisher, a role, a date)
// is dropped. ok is false for a line that is not a byline.
func Byline(line string) (names string, ok bool) {
	fields := strings.Fields(line)
	if len(fields) > 20 {
		return "", false
	}
	// The credit word "By", perhaps after "Written", "Story", "Words".
	start := -1
	for i := 0; i < len(fields) && i < 2; i++ {
		if strings.EqualFold(strings.TrimRight(fields[i], ":"), "by") {
			start = i + 1
			break
		}
		if !isCapitalized(fields[i]) {
			return "", false
		}
	}
	if start < 0 {
		return "", false
	}
	var all, name []string
	for _, f := range fields[start:] {
		word := strings.TrimRight(f, ",;|")
		if word == "" || word == "-" || word == "–" || word == "—" {
			break
		}
		if strings.EqualFold(word, "and") || word == "&" {
			if len(name) == 0 {
				return "", false
			}
			all, name = append(all, strings.Join(name, " ")), nil
			continue
		}
		if !isNameWord(word) && (len(name) == 0 || !isParticle(word)) {
			break
		}
		if name = append(name, word); len(name) > 5 {
			return "", false
		}
		if word != f { // a comma or bar ends the names
			break
		}
	}
	if len(name) > 0 {
		all = append(all, strings.Join(name, " "))
	}
	if len(all) == 0 {
		return "", false
	}
	for _, n := range all {
		// A one-word credit ("By Reuters", "By Tuesday") is not a name.
		if !strings.Contains(n, " ") {
			return "", false
		}
	}
	return strings.Join(all, ", "), true
}

// isNameWord reports a word shaped like part of a person's name: it
// starts with an upper-case letter and is letters, apostrophes, hyphens
// and periods (initials).
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-' && r != '.' {
			return false
		}
	}
	return true
}

// isParticle reports a short lower-case word found inside names, "de",
// "van", "bin", that is not an English function word ("on", "of").
func isParticle(w string) bool {
	if utf8.RuneCountInString(w) > 3 || words.IsStop(w) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// PublishedDate returns the date of a short line that dates the article,
// as in "Published September 11, 2023", "Updated 3:45 PM EDT, Mon Sep 11,
// 2023" or "11/09/2023 10:04": a line of at most a dozen words whose only
// date is a full calendar day with its year. ok is false for any other
// line, including prose that mentions a date.
func PublishedDate(line string) (temporal.Date, bool) {
	if len(strings.Fields(line)) > 12 {
		return temporal.Date{}, false
	}
	found := temporal.Find(line, temporal.Reference{})
	var day []temporal.Expression
	for _, e := range found {
		if e.Kind == temporal.Absolute && e.Date.Precision == temporal.Day {
			day = append(day, e)
		}
	}
	if len(day) != 1 {
		return temporal.Date{}, false
	}
	return day[0].Date, true
}

// takeHeaderMeta reads the lines above the article's first paragraph (the
// removed chrome there, and kept blocks that are only a byline or a date)
// for the author, and its date lines for the publication date, when
// front matter or the page did not give them: a line cleaning removed as
// site chrome, a headline or another text never provides a date. Kept
// byline and date lines are moved to Removed: they are metadata, not
// article text. A title a page's metadata gave (not the front matter,
// which the user wrote) that cannot be one (see usableTitle) is dropped.
func takeHeaderMeta(a *Article) {
	if from := a.MetaFrom["title"]; a.Title != "" && from != "" && from != "front matter" && from != "headline" && !usableTitle(a.Title) {
		a.Title = ""
		delete(a.MetaFrom, "title")
	}
	first := len(a.Blocks) // the first paragraph
	for i, b := range a.Blocks {
		if !b.Heading {
			first = i
			break
		}
	}
	limit := int(^uint(0) >> 1)
	if first < len(a.Blocks) {
		limit = a.Blocks[first].Line
	}
	// header holds the lines above the first paragraph that may give the
	// author; dated, those that may give the date: kept lines that are
	// nothing but a date line, and removed ones that are date lines (see
	// dateLineRemoval). Any other line cleaning removed never dates the
	// article.
	var header, dated []string
	for _, r := range a.Removed {
		if r.Line < limit {
			header = append(header, r.Text)
			if dateLineRemoval(r) {
				dated = append(dated, r.Text)
			}
		}
	}
	kept := a.Blocks[:0:0]
	moved := false
	for i, b := range a.Blocks {
		if i <= first && !b.Heading {
			if _, ok := Byline(b.Text); ok {
				header = append(header, b.Text)
				a.Removed = append(a.Removed, Removal{Line: b.Line, Text: b.Text, Reason: "byline: names the writers, metadata not text"})
				moved = true
				continue
			}
			if _, ok := PublishedDate(b.Text); ok && !isSentence(b.Text) {
				dated = append(dated, b.Text)
				a.Removed = append(a.Removed, Removal{Line: b.Line, Text: b.Text, Reason: "date line: dates the article, metadata not text"})
				moved = true
				continue
			}
		}
		kept = append(kept, b)
	}
	if moved {
		a.Blocks = kept
		sort.SliceStable(a.Removed, func(i, j int) bool { return a.Removed[i].Line < a.Removed[j].Line })
	}
	for _, line := range header {
		if a.Author == "" {
			if names, ok := Byline(line); ok {
				a.Author = names
				a.MetaFrom["author"] = "byline"
			}
		}
	}
	for _, line := range dated {
		if a.DateFrom == "" {
			if d, ok := PublishedDate(line); ok {
				if latest, far := farAfterText(a.Blocks, d); far {
					noteNotDate(a, line, latest)
					continue
				}
				a.Date = d
				a.DateFrom = "date line"
				a.MetaFrom["date"] = "date line"
			}
		}
	}
}

// maxDateLineLag is the most a date line above the article may come after
// the latest full date the article's text gives for it to be the
// article's date. A page saved months after it was written may carry the
// day it was saved in its header (a clock, "Last updated …" of the site,
// the crawl's date): a report whose own dates are in January is not
// published in July.
const maxDateLineLag = 62 * 24 * time.Hour

// farAfterText reports whether d is more than maxDateLineLag after the
// latest date with a year that the blocks give, and that date. An
// article without such dates gives nothing to compare with.
func farAfterText(blocks []Block, d temporal.Date) (temporal.Date, bool) {
	var latest temporal.Date
	for _, b := range blocks {
		for _, e := range temporal.Find(b.Text, temporal.Reference{}) {
			if e.Kind != temporal.Absolute || e.Date.IsZero() || e.Date.Precision == temporal.Year {
				continue
			}
			if latest.IsZero() || e.Date.End.After(latest.End) {
				latest = e.Date
			}
		}
	}
	if latest.IsZero() {
		return latest, false
	}
	return latest, d.Start.Sub(latest.End) > maxDateLineLag
}

// noteNotDate says, in the reason the date line was removed for, why it
// does not date the article.
func noteNotDate(a *Article, line string, latest temporal.Date) {
	for i := range a.Removed {
		if a.Removed[i].Text == line {
			a.Removed[i].Reason = strings.Replace(a.Removed[i].Reason, "dates the article, metadata", "metadata", 1)
			a.Removed[i].Reason += "; not the article's date: months after the latest date its text gives (" + latest.Display() + "), a date the page was saved or shown on"
			return
		}
	}
}

// dateLineRemoval reports whether a line cleaning removed above the
// article may still be its date line: it was set aside for its shape
// alone ("before the article: a short line that is not a sentence"), or,
// shaped like a headline, it says it is one ("Posted on October 17,
// 2024 by …", "Updated …", or it opens with the date). A line in other
// articles too (a masthead's date), a related story's headline, another
// story or the title never dates the article.
func dateLineRemoval(r Removal) bool {
	why, ok := strings.CutPrefix(r.Reason, "before the article: ")
	switch {
	case !ok:
		return false
	case why == "a short line that is not a sentence":
		return true
	case why != "a headline-like line outside the article's text":
		return false
	}
	first := strings.ToLower(strings.Trim(strings.Fields(r.Text + " x")[0], ":|·-–—"))
	switch first {
	case "posted", "published", "updated", "modified", "last", "first", "date", "dated", "on":
		return true
	}
	found := temporal.Find(r.Text, temporal.Reference{})
	return len(found) > 0 && found[0].Start == 0
}

// isSentence reports text that reads as a sentence: it ends with sentence
// punctuation and has a verb-sized number of words.
func isSentence(s string) bool {
	s = strings.TrimSpace(s)
	return len(strings.Fields(s)) >= 6 && strings.ContainsAny(s[len(s)-1:], ".!?")
}
