package temporal

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how exactly a Date is known.
type Precision int

// The precisions, from least to most exact.
const (
	// Unknown is the precision of the zero Date.
	Unknown Precision = iota
	// Year is a whole calendar year.
	Year
	// Month is a whole calendar month.
	Month
	// Week is a week, a weekend, or a span of a few days.
	Week
	// Day is a single day.
	Day
)

// String returns "unknown", "year", "month", "week" or "day".
func (p Precision) String() string {
	switch p {
	case Unknown:
		return "unknown"
	case Year:
		return "year"
	case Month:
		return "month"
	case Week:
		return "week"
	case Day:
		return "day"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Date is a calendar date or span. Start and End are civil dates at 00:00
// UTC, End inclusive; End == Start for a single day. A Month date spans the
// whole month and a Year date the whole year. The zero Date is unknown.
type Date struct {
	Start, End time.Time
	Precision  Precision
}

// DayOf returns the single day y-m-d. Out-of-range values are normalized as
// time.Date normalizes them (October 32 is November 1). (It cannot be called
// Day: that name is the Precision.)
func DayOf(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{Start: t, End: t, Precision: Day}
}

// civil returns the civil date y-m-d at 00:00 UTC.
func civil(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// oneDay returns the single day t.
func oneDay(t time.Time) Date {
	return Date{Start: t, End: t, Precision: Day}
}

// monthDate returns the whole month y-m.
func monthDate(y int, m time.Month) Date {
	return Date{Start: civil(y, m, 1), End: civil(y, m+1, 0), Precision: Month}
}

// yearDate returns the whole year y.
func yearDate(y int) Date {
	return Date{Start: civil(y, time.January, 1), End: civil(y, time.December, 31), Precision: Year}
}

// span returns the days from a to b inclusive, with Week precision.
func span(a, b time.Time) Date {
	return Date{Start: a, End: b, Precision: Week}
}

// IsZero reports whether d is the zero, unknown Date.
func (d Date) IsZero() bool {
	return d.Precision == Unknown
}

// ISO returns d in ISO 8601 form at its precision: "2023-09-11" for a Day or
// a Week (the first day), "2023-09" for a Month, "2023" for a Year and "" for
// an unknown date.
func (d Date) ISO() string {
	switch d.Precision {
	case Day, Week:
		return d.Start.Format("2006-01-02")
	case Month:
		return d.Start.Format("2006-01")
	case Year:
		return d.Start.Format("2006")
	}
	return ""
}

// EndISO returns the last day ("2023-09-17") of a Day or Week date that spans
// more than one day, and "" otherwise. Month and Year dates return "": their
// ISO form already names the whole span.
func (d Date) EndISO() string {
	if (d.Precision == Day || d.Precision == Week) && d.End.After(d.Start) {
		return d.End.Format("2006-01-02")
	}
	return ""
}

// Display returns d as a reader sees it: "Sep 11, 2023", "Sep 16–17, 2023"
// (with an en dash), "Aug 30 – Sep 2, 2023", "Dec 30, 2023 – Jan 2, 2024",
// "September 2023", "2023", or "date unknown".
func (d Date) Display() string {
	switch d.Precision {
	case Day, Week:
		s, e := d.Start, d.End
		switch {
		case !e.After(s):
			return s.Format("Jan 2, 2006")
		case s.Year() != e.Year():
			return s.Format("Jan 2, 2006") + " – " + e.Format("Jan 2, 2006")
		case s.Month() != e.Month():
			return s.Format("Jan 2") + " – " + e.Format("Jan 2, 2006")
		default:
			return s.Format("Jan 2") + "–" + e.Format("2, 2006")
		}
	case Month:
		return d.Start.Format("January 2006")
	case Year:
		return d.Start.Format("2006")
	}
	return "date unknown"
}

// String returns d.Display().
func (d Date) String() string { return d.Display() }

// Contains reports whether o's span lies inside d's span. Unknown dates
// contain nothing and lie inside nothing.
func (d Date) Contains(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return !o.Start.Before(d.Start) && !o.End.After(d.End)
}

// Overlaps reports whether d's and o's spans share at least one day. Unknown
// dates overlap nothing.
func (d Date) Overlaps(o Date) bool {
	if d.IsZero() || o.IsZero() {
		return false
	}
	return !d.Start.After(o.End) && !o.Start.After(d.End)
}

// Tense is the tense of the clause around an expression.
type Tense int

// The tenses. Past is the zero value because it is the default of news text.
const (
	Past Tense = iota
	Present
	Future
)

// String returns "past", "present" or "future".
func (t Tense) String() string {
	switch t {
	case Past:
		return "past"
	case Present:
		return "present"
	case Future:
		return "future"
	}
	return "Tense(" + strconv.Itoa(int(t)) + ")"
}

// Reference is the date relative expressions resolve against: normally the
// article's publication date. Known is false when the article has no date.
// Only the civil date of Date (in its own location) is used.
type Reference struct {
	Date  time.Time
	Known bool
}

// Kind says what form an expression had.
type Kind int

// The kinds of expression.
const (
	// Absolute is a date with its year: "Sept. 11, 2023", "2023-09-11",
	// "September 2023".
	Absolute Kind = iota
	// Partial is a date without its year: "Sept. 11", "11 September",
	// "in July", "last July".
	Partial
	// Weekday is a day of the week: "on Monday", "Sunday night",
	// "last Tuesday".
	Weekday
	// Relative counts from the reference: "yesterday", "this weekend",
	// "last month", "two days later".
	Relative
	// BareYear is a year on its own: "in 2022", "since 1990". (It cannot
	// be called Year: that name is the Precision.)
	BareYear
)

// String returns "absolute", "partial", "weekday", "relative" or "year".
func (k Kind) String() string {
	switch k {
	case Absolute:
		return "absolute"
	case Partial:
		return "partial"
	case Weekday:
		return "weekday"
	case Relative:
		return "relative"
	case BareYear:
		return "year"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Expression is one temporal expression found in a text.
type Expression struct {
	// Start and End are byte offsets in the text given to Find;
	// Text == text[Start:End].
	Start, End int
	Text       string
	Kind       Kind
	Tense      Tense
	// Date is the resolved date, or the zero Date when the expression
	// cannot be resolved (a weekday with no reference).
	Date Date
}

// String describes e for logs and test failures: `"last Tuesday" weekday
// past → Sep 12, 2023`.
func (e Expression) String() string {
	return fmt.Sprintf("%q %s %s → %s", e.Text, e.Kind, e.Tense, e.Date.Display())
}
