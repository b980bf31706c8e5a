package render

import (
	"strconv"
	"strings"
	"time"

	"github.com/timeline-ssg/timeline/internal/temporal"
)

// dayRange returns the first and the last day a date covers, at midnight
// UTC: "2023-09-11" covers one day, "2023-09" the month, "2023" the year,
// and a date with End runs to the last day End covers. ok is false for an
// unknown or malformed date.
func dayRange(d Date) (first, last time.Time, ok bool) {
	first, last, ok = period(d.ISO)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	if _, end, ok := period(d.End); ok && !end.Before(first) {
		last = end
	}
	return first, last, true
}

// period returns the first and the last day of an ISO date, month or
// year, as temporal.ParseStamp reads it.
func period(iso string) (first, last time.Time, ok bool) {
	st, ok := temporal.ParseStamp(iso, time.UTC)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	d := st.Date()
	return d.Start, d.End, true
}

// dayISO formats a day as "2006-01-02".
func dayISO(t time.Time) string { return t.Format("2006-01-02") }

// firstDay is the first day a date covers, "2006-01-02", or "".
func firstDay(d Date) string {
	if first, _, ok := dayRange(d); ok {
		return dayISO(first)
	}
	return ""
}

// lastDay is the last day a date covers, "2006-01-02", or "".
func lastDay(d Date) string {
	if _, last, ok := dayRange(d); ok {
		return dayISO(last)
	}
	return ""
}

// dateNote says how uncertain an event's date is, in a few words, or ""
// for a date known to the day that no source disputes.
func dateNote(e *Event) string {
	if e == nil || isUndated(e) {
		return ""
	}
	var notes []string
	switch e.Date.Precision {
	case "week":
		notes = append(notes, "exact day unknown")
	case "month":
		notes = append(notes, "day unknown")
	case "year":
		notes = append(notes, "month unknown")
	}
	switch n := e.DateConflicts; {
	case n == 1:
		notes = append(notes, "1 quote gives another date")
	case n > 1:
		notes = append(notes, strconv.Itoa(n)+" quotes give other dates")
	}
	return strings.Join(notes, "; ")
}
