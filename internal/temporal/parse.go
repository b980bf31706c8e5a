package temporal

import (
	"fmt"
	"strings"
	"time"
)

// timestampLayouts are the machine formats ParseDate accepts, most common
// first. The date is taken as written, in the timestamp's own zone.
var timestampLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"2006-01",
	"2006",
}

// ParseDate parses a date as people write it in metadata or a dateline:
// "2023-09-11", "2023-09-11T08:00:00Z", "Mon, 11 Sep 2023 08:00:00 GMT",
// "September 11, 2023", "Sept. 11, 2023", "11 September 2023", "Sep 11
// 2023", "Monday, Sept. 11, 2023", "September 2023", "2023-09", "2023".
// A timestamp gives the date as written, in its own zone. The whole string
// must be the date; a date without its year is an error.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	for _, layout := range timestampLayouts {
		tm, err := time.Parse(layout, t)
		if err != nil {
			continue
		}
		y, m, d := tm.Date()
		switch layout {
		case "2006":
			return yearDate(y), nil
		case "2006-01":
			return monthDate(y, m), nil
		}
		return DayOf(y, m, d), nil
	}
	t = strings.TrimSuffix(t, ".")
	if es := Find(t, Reference{}); len(es) == 1 && es[0].Start == 0 && es[0].End == len(t) && !es[0].Date.IsZero() {
		return es[0].Date, nil
	}
	return Date{}, fmt.Errorf("temporal: %q is not a date with a year", s)
}
