package webpage

import (
	"strings"
	"time"
)

// dateLayouts are the forms of dates that pages write in their metadata
// besides ISO 8601, which parseDate reads itself. Layouts without a clock
// are listed with dateOnly set.
var dateLayouts = []struct {
	layout   string
	dateOnly bool
}{
	{time.RFC1123Z, false},
	{time.RFC1123, false},
	{"Mon, 2 Jan 2006 15:04:05 -0700", false},
	{"Mon, 2 Jan 2006 15:04:05 MST", false},
	{"2 Jan 2006 15:04:05 -0700", false},
	{time.RFC850, false},
	{time.ANSIC, false},
	{time.UnixDate, false},
	{"Mon Jan 2 2006 15:04:05 GMT-0700", false},
	{"January 2, 2006, 3:04 PM MST", false},
	{"January 2, 2006, 3:04 PM", false},
	{"January 2, 2006 3:04 PM MST", false},
	{"January 2, 2006 3:04 PM", false},
	{"2 Jan 2006 15:04 MST", false},
	{"2 Jan 2006 15:04", false},
	{"January 2, 2006 15:04", false},
	{"Jan 2, 2006 3:04 PM", false},
	{"Jan. 2, 2006 3:04 PM", false},
	{"January 2, 2006", true},
	{"Jan 2, 2006", true},
	{"Jan. 2, 2006", true},
	{"2 January 2006", true},
	{"2 Jan 2006", true},
	{"Monday, January 2, 2006", true},
	{"Mon, 2 Jan 2006", true},
	{"2006/01/02 15:04:05", false},
	{"2006/01/02 15:04", false},
	{"2006/01/02", true},
	{"02.01.2006 15:04", false},
	{"02.01.2006", true},
}

// parseDate reads a date as pages write it in metadata: ISO 8601 (with or
// without time, seconds, fraction and zone; a space for the "T"), RFC 1123
// and a few spelled-out forms. A time without a zone is taken as UTC.
// dateOnly says the text gave no time of day.
func parseDate(s string) (t time.Time, dateOnly, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return time.Time{}, false, false
	}
	if t, dateOnly, ok = parseISO(s); ok {
		return t, dateOnly, plausible(t)
	}
	// "2019-11-18 10:00:00 +0000 UTC" and similar: try the ISO reading of
	// the first two fields.
	if f := strings.Fields(s); len(f) >= 2 {
		if t, dateOnly, ok = parseISO(f[0] + "T" + f[1]); ok {
			return t, dateOnly, plausible(t)
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.UTC(), l.dateOnly, plausible(t)
		}
	}
	return time.Time{}, false, false
}

// plausible says whether t can be the date of a web page.
func plausible(t time.Time) bool {
	return t.Year() >= 1990 && t.Year() <= 2200
}

// parseISO reads ISO 8601: YYYY-MM-DD or YYYYMMDD, then optionally "T" or
// a space, hh:mm[:ss[.fff]], and a zone Z, ±hh, ±hhmm or ±hh:mm.
func parseISO(s string) (time.Time, bool, bool) {
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		// The compact form, date only: 20191118.
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	p := isoParser{s: s}
	year, ok := p.digits(4)
	if !ok {
		return time.Time{}, false, false
	}
	dash := p.accept('-') || p.accept('/')
	month, ok := p.digits(2)
	if !ok {
		// A single-digit month, as in 2019-1-5.
		if month, ok = p.digits(1); !ok || !dash {
			return time.Time{}, false, false
		}
	}
	if dash && !p.accept(s[4]) {
		return time.Time{}, false, false
	}
	day, ok := p.digits(2)
	if !ok {
		if day, ok = p.digits(1); !ok || !dash {
			return time.Time{}, false, false
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false, false
	}
	if p.done() {
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), true, true
	}
	if !p.accept('T') && !p.accept(' ') && !p.accept('t') {
		return time.Time{}, false, false
	}
	hour, ok1 := p.digits(2)
	ok2 := p.accept(':')
	minute, ok3 := p.digits(2)
	if !ok1 || !ok2 || !ok3 || hour > 24 || minute > 59 {
		return time.Time{}, false, false
	}
	sec, nsec := 0, 0
	if p.accept(':') {
		if sec, ok = p.digits(2); !ok || sec > 60 {
			return time.Time{}, false, false
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
				return time.Time{}, false, false
			}
		}
	}
	loc := time.UTC
	p.accept(' ')
	switch {
	case p.done():
	case p.accept('Z') || p.accept('z'):
	case p.s[p.i] == '+' || p.s[p.i] == '-':
		sign := 1
		if p.s[p.i] == '-' {
			sign = -1
		}
		p.i++
		zh, ok := p.digitsRun(2)
		if !ok || zh > 14 {
			return time.Time{}, false, false
		}
		p.accept(':')
		zm := 0
		if !p.done() && p.s[p.i] != ' ' {
			if zm, ok = p.digits(2); !ok || zm > 59 {
				return time.Time{}, false, false
			}
		}
		loc = time.FixedZone("", sign*(zh*3600+zm*60))
	default:
		return time.Time{}, false, false
	}
	if !p.done() {
		// Zone names after the offset ("+0000 UTC") are ignored.
		if !p.accept(' ') {
			return time.Time{}, false, false
		}
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc), false, true
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
