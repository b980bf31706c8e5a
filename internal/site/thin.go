package site

import (
	"strings"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/diag"
)

// noRunningText is the reason cleaning gives for every line of a file
// with no run of prose, such as a body of one sentence.
const noRunningText = "no running text in the file"

// thinText returns a warning for each article that had text when read
// and has no sentence left to cite after cleaning (cleaned[i] is
// articles[i] cleaned): all its lines were removed, or only headings were
// kept, which events do not read. The warning names the file, the first
// line removed and why. Such an article still makes a source page, but
// it reports no event: without the warning it would be lost without a
// word. An article with no text to begin with was warned about when it
// was read.
func thinText(articles []content.Article, cleaned []clean.Article) diag.List {
	var warns diag.List
	for i, a := range cleaned {
		if len(articles[i].Blocks) == 0 || hasProse(a) {
			continue
		}
		line, why := 0, "nothing was kept"
		if len(a.Removed) > 0 {
			line = a.Removed[0].Line
			why = removedReasons(a.Removed)
		}
		what := "no article text left after cleaning"
		if len(a.Blocks) > 0 {
			what = "only headings left after cleaning"
		}
		if why == noRunningText {
			warns = append(warns, diag.Warnf(a.Path, line, "%s, so it reports no event: its text is too short to be an article (one sentence, or a few short lines, reads as site chrome)", what))
			continue
		}
		warns = append(warns, diag.Warnf(a.Path, line, "%s, so it reports no event: cleaning removed its lines (%s)", what, why))
	}
	return warns
}

// hasProse reports whether a cleaned article has a block that is not a
// heading: the blocks events take sentences from.
func hasProse(a clean.Article) bool {
	for _, b := range a.Blocks {
		if !b.Heading && strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}

// removedReasons lists the distinct reasons of removals: the first two,
// then "…" if there are more.
func removedReasons(rs []clean.Removal) string {
	var seen []string
	for _, r := range rs {
		found := false
		for _, s := range seen {
			found = found || s == r.Reason
		}
		if !found {
			seen = append(seen, r.Reason)
		}
	}
	s := strings.Join(seen[:min(len(seen), 2)], "; ")
	if len(seen) > 2 {
		s += "; …"
	}
	return s
}
