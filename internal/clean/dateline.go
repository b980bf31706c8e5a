package clean

import (
	"regexp"
	"strings"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// datelineRE matches the dateline news copy opens with: a place in
// capitals, perhaps a region, perhaps a date, perhaps an agency in
// brackets, then a dash: "MOSCOW, September 11, 2023 – ",
// "WASHINGTON (AP) — ", "LONDON, Sept 11 (Reuters) - ".
var datelineRE = regexp.MustCompile(`^((\p{Lu}[\p{Lu}.'’\-]+(?: \p{Lu}[\p{Lu}.'’\-]+){0,3})(?:, (?:\p{Lu}[\p{L}.]+)(?: \p{Lu}[\p{L}.]+)?)?)` +
	`(?:,? ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?: \d{4})?))?` +
	`(?: ?\([^)]{1,40}\))? ?[–—-]{1,2} ?`)

// FindDateline reads the dateline at the start of a paragraph, if any.
func FindDateline(p string) (Dateline, bool) {
	m := datelineRE.FindStringSubmatchIndex(p)
	if m == nil {
		return Dateline{}, false
	}
	place := p[m[4]:m[5]]
	if len([]rune(place)) < 2 || strings.ToUpper(place) != place {
		return Dateline{}, false
	}
	dl := Dateline{Text: strings.TrimRight(p[m[0]:m[1]], " –—-"), Place: strings.TrimSpace(p[m[2]:m[3]])}
	if m[6] >= 0 {
		if d, err := temporal.ParseDate(p[m[6]:m[7]]); err == nil {
			dl.Date = d
		}
	}
	return dl, true
}
