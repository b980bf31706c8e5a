package temporal

import (
	"fmt"
	"strings"
	"time"
)

// Stamp is a date or a moment as metadata writes it: a front matter date,
// a page's publication time, a pinned date, an ISO date in a site's data.
type Stamp struct {
	// Time is the moment, in the zone the text gives, else in the zone
	// given to ParseStamp. A date without a time of day is midnight UTC;
	// a month or a year starts at its first day.
	Time time.Time
	// Precision is Day, Month or Year.
	Precision Precision
	// Clock says whether the text gave a time of day.
	Clock bool
}

// Date returns the calendar date of s: the day, month or year as written,
// in the zone of s.Time.
func (s Stamp) Date() Date {
	y, m, d := s.Time.Date()
	switch s.Precision {
	case Year:
		return yearDate(y)
	case Month:
		return monthDate(y, m)
	}
	return DayOf(y, m, d)
}

// stampLayouts are the forms ParseStamp reads besides ISO 8601, which it
// reads itself (see parseISO), as time.Parse layouts: the machine forms of
// mail and HTTP headers, a few spelled-out forms pages write in their
// metadata, and an ISO month or year alone.
var stampLayouts = []struct {
	layout    string
	precision Precision
	clock     bool
}{
	{time.RFC1123Z, Day, true},
	{time.RFC1123, Day, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", Day, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", Day, true},
	{"2 Jan 2006 15:04:05 -0700", Day, true},
	{time.RFC850, Day, true},
	{time.ANSIC, Day, true},
	{time.UnixDate, Day, true},
	{"Mon Jan 2 2006 15:04:05 GMT-0700", Day, true},
	{"January 2, 2006, 3:04 PM MST", Day, true},
	{"January 2, 2006, 3:04 PM", Day, true},
	{"January 2, 2006 3:04 PM MST", Day, true},
	{"January 2, 2006 3:04 PM", Day, true},
	{"2 Jan 2006 15:04 MST", Day, true},
	{"2 Jan 2006 15:04", Day, true},
	{"January 2, 2006 15:04", Day, true},
	{"Jan 2, 2006 3:04 PM", Day, true},
	{"Jan. 2, 2006 3:04 PM", Day, true},
	{"January 2, 2006", Day, false},
	{"Jan 2, 2006", Day, false},
	{"Jan. 2, 2006", Day, false},
	{"2 January 2006", Day, false},
	{"2 Jan 2006", Day, false},
	{"Monday, January 2, 2006", Day, false},
	{"Mon, 2 Jan 2006", Day, false},
	{"2006/01/02 15:04:05", Day, true},
	{"2006/01/02 15:04", Day, true},
	{"02.01.2006 15:04", Day, true},
	{"02.01.2006", Day, false},
	{"2006-01", Month, false},
	{"2006", Year, false},
}

// ParseStamp reads s, a date or a moment in one of the forms metadata
// uses: ISO 8601 ("2023-09-11", "20230911", "2023/09/11", "2023-9-1",
// "2023-09-11T08:00", "2023-09-11 08:00:00.5+02:00", a zone Z, ±hh,
// ±hhmm or ±hh:mm, a zone name after it ignored), RFC 1123 and the other
// forms of mail and HTTP headers, the spelled-out forms of stampLayouts
// ("September 11, 2023", "11 Sep 2023 08:00", "Sep. 11, 2023 8:00 AM"),
// and an ISO month or year alone ("2023-09", "2023"). A time of day
// without a zone is in loc. The whole of s, but for white space around
// it, must be the stamp.
func ParseStamp(s string, loc *time.Location) (Stamp, bool) {
	s = strings.TrimSpace(s)
	if st, ok := parseISO(s, loc); ok {
		return st, true
	}
	// "2019-11-18 10:00:00 EST", "2019-11-18 10:00 +0200": the ISO
	// reading of a date and a time, then at most a zone, an offset joined
	// to the time or a name left out. Anything else after them ("PM", a
	// typo) is not a stamp.
	if f := strings.Fields(s); len(f) == 2 || len(f) == 3 && (zoneName(f[2]) || zoneOffset(f[2])) {
		iso := f[0] + "T" + f[1]
		if len(f) == 3 && zoneOffset(f[2]) {
			iso += f[2]
		}
		if st, ok := parseISO(iso, loc); ok {
			return st, true
		}
	}
	for _, l := range stampLayouts {
		t, err := time.ParseInLocation(l.layout, s, loc)
		if err != nil {
			continue
		}
		if !l.clock {
			t = civil(t.Year(), t.Month(), t.Day())
		}
		return Stamp{Time: t, Precision: l.precision, Clock: l.clock}, true
	}
	return Stamp{}, false
}

// zoneName reports a time zone's abbreviation: two to five capitals
// ("UTC", "EST", "CEST"), but not "AM" or "PM".
func zoneName(w string) bool {
	if len(w) < 2 || len(w) > 5 || w == "AM" || w == "PM" {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// zoneOffset reports an offset from UTC as ISO 8601 writes one after a
// time: Z, ±hh, ±hhmm or ±hh:mm.
func zoneOffset(w string) bool {
	if w == "Z" {
		return true
	}
	if len(w) < 3 || w[0] != '+' && w[0] != '-' {
		return false
	}
	digits := strings.Replace(w[1:], ":", "", 1)
	if len(digits) != 2 && len(digits) != 4 || strings.Count(w, ":") > 1 || strings.Contains(w[1:], ":") && len(w) != 6 {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ParseDate parses a date as people write it in metadata or a dateline:
// any stamp ParseStamp reads ("2023-09-11", "2023-09-11T08:00:00Z", "Mon,
// 11 Sep 2023 08:00:00 GMT", "2023-09", "2023"), and the absolute dates
// Find reads ("Sept. 11, 2023", "Sep 11 2023", "Monday, Sept. 11, 2023",
// "September 2023", "Sept. 16-17, 2023"). A timestamp gives the date as
// written, in its own zone. The whole string must be the date; a date
// without its year is an error.
func ParseDate(s string) (Date, error) {
	if st, ok := ParseStamp(s, time.UTC); ok {
		return st.Date(), nil
	}
	t := strings.TrimSuffix(strings.TrimSpace(s), ".")
	if es := Find(t, Reference{}); len(es) == 1 && es[0].Start == 0 && es[0].End == len(t) && !es[0].Date.IsZero() {
		return es[0].Date, nil
	}
	return Date{}, fmt.Errorf("temporal: %q is not a date with a year", s)
}

// parseISO reads ISO 8601: YYYY-MM-DD, YYYY/MM/DD (a single-digit month
// or day allowed) or YYYYMMDD, then optionally "T" or a space,
// h[h]:mm[:ss[.fff]], and a zone Z, ±hh, ±hhmm or ±hh:mm, which may be
// followed by a space and anything (a zone name). The day must exist.
func parseISO(s string, loc *time.Location) (Stamp, bool) {
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		// The compact form, date only: 20191118.
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	p := isoParser{s: s}
	year, ok := p.digits(4)
	if !ok {
		return Stamp{}, false
	}
	dash := p.accept('-') || p.accept('/')
	month, ok := p.digits(2)
	if !ok {
		// A single-digit month, as in 2019-1-5.
		if month, ok = p.digits(1); !ok || !dash {
			return Stamp{}, false
		}
	}
	if dash && !p.accept(s[4]) {
		return Stamp{}, false
	}
	day, ok := p.digits(2)
	if !ok {
		if day, ok = p.digits(1); !ok || !dash {
			return Stamp{}, false
		}
	}
	if month < 1 || month > 12 || day < 1 || day > civil(year, time.Month(month)+1, 0).Day() {
		return Stamp{}, false
	}
	if p.done() {
		return Stamp{Time: civil(year, time.Month(month), day), Precision: Day}, true
	}
	if !p.accept('T') && !p.accept(' ') && !p.accept('t') {
		return Stamp{}, false
	}
	hour, ok1 := p.digits(2)
	if !ok1 {
		hour, ok1 = p.digits(1)
	}
	ok2 := p.accept(':')
	minute, ok3 := p.digits(2)
	if !ok1 || !ok2 || !ok3 || hour > 24 || minute > 59 {
		return Stamp{}, false
	}
	sec, nsec := 0, 0
	if p.accept(':') {
		if sec, ok = p.digits(2); !ok || sec > 60 {
			return Stamp{}, false
		}
		if p.accept('.') || p.accept(',') {
			scale := 100000000
			n := 0
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				if scale > 0 {
					nsec += int(p.s[p.i]-'0') * scale
					scale /= 10
				}
				p.i++
				n++
			}
			if n == 0 {
				return Stamp{}, false
			}
		}
	}
	p.accept(' ')
	switch {
	case p.done():
	case p.accept('Z') || p.accept('z'):
		loc = time.UTC
	case p.s[p.i] == '+' || p.s[p.i] == '-':
		sign := 1
		if p.s[p.i] == '-' {
			sign = -1
		}
		p.i++
		zh, ok := p.digitsRun(2)
		if !ok || zh > 24 {
			return Stamp{}, false
		}
		p.accept(':')
		zm := 0
		if !p.done() && p.s[p.i] != ' ' {
			if zm, ok = p.digits(2); !ok || zm > 59 {
				return Stamp{}, false
			}
		}
		loc = time.FixedZone("", sign*(zh*3600+zm*60))
	default:
		return Stamp{}, false
	}
	if !p.done() {
		// Zone names after the offset ("+0000 UTC") are ignored.
		if !p.accept(' ') {
			return Stamp{}, false
		}
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)
	return Stamp{Time: t, Precision: Day, Clock: true}, true
}

// isoParser reads a string left to right.
type isoParser struct {
	s string
	i int
}

// done says whether the whole string has been read.
func (p *isoParser) done() bool { return p.i >= len(p.s) }

// accept consumes c if it comes next.
func (p *isoParser) accept(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

// digits consumes exactly n decimal digits, if that many come next and no
// digit follows them.
func (p *isoParser) digits(n int) (int, bool) {
	if p.i+n < len(p.s) && p.s[p.i+n] >= '0' && p.s[p.i+n] <= '9' {
		return 0, false
	}
	return p.digitsRun(n)
}

// digitsRun consumes n decimal digits, if that many come next.
func (p *isoParser) digitsRun(n int) (int, bool) {
	if p.i+n > len(p.s) {
		return 0, false
	}
	v := 0
	for j := 0; j < n; j++ {
		c := p.s[p.i+j]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	p.i += n
	return v, true
}
