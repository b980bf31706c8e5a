package webpage

import (
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// parseDate reads a date as pages write it in metadata, one of the forms
// temporal.ParseStamp reads, to the day or the second: ISO 8601, RFC 1123
// and a few spelled-out forms. A time without a zone is taken as UTC.
// dateOnly says the text gave no time of day. A year outside 1990–2200 is
// not a page's date.
func parseDate(s string) (t time.Time, dateOnly, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false, false
	}
	st, ok := temporal.ParseStamp(s, time.UTC)
	if !ok || st.Precision != temporal.Day {
		return time.Time{}, false, false
	}
	return st.Time, !st.Clock, plausible(st.Time)
}

// plausible says whether t can be the date of a web page.
func plausible(t time.Time) bool {
	return t.Year() >= 1990 && t.Year() <= 2200
}
