package temporal

import "time"

// daysIn returns the number of days of month m in year y.
func daysIn(y int, m time.Month) int {
	return civil(y, m+1, 0).Day()
}

// validDay reports whether y-m-d is a real date.
func validDay(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= daysIn(y, m)
}

// leapYear stands for a missing year when checking a day: it lets February 29
// through.
const leapYear = 2000

// valid reports whether a matched date names real days.
func (c *cand) valid() bool {
	if c.form != fmDate {
		return true
	}
	ys, ye := c.y, c.y
	if c.y == 0 {
		ys, ye = leapYear, leapYear
	} else if c.m2 != 0 && c.m2 < c.m {
		ys--
	}
	if !validDay(ys, c.m, c.d) {
		return false
	}
	return c.m2 == 0 || validDay(ye, c.m2, c.d2)
}

// intrinsic is the tense an expression implies on its own, for clauses
// without a tense marker: "last Tuesday" and "yesterday" are past, "next
// week" is future, "today" is present, and anything else is past, the news
// default.
func (c *cand) intrinsic() Tense {
	switch c.cue {
	case cueBefore, cueSince:
		return Past
	case cueAfter:
		return Future
	}
	if c.needFuture {
		return Future
	}
	switch c.form {
	case fmDays, fmWeeks, fmMonths, fmYears, fmWeekend, fmSpan:
		switch {
		case c.n < 0:
			return Past
		case c.n > 0:
			return Future
		}
		return Present
	}
	return Past
}

// dir is the direction in which an open expression is looked for.
type dir uint8

const (
	dNearest    dir = iota // either way, whichever is nearer
	dBackIncl              // on or before the reference
	dFwdIncl               // on or after the reference
	dBackStrict            // before the reference
	dFwdStrict             // after the reference
)

// direction combines an expression's cue with the tense of its clause.
func direction(c cue, t Tense) dir {
	switch c {
	case cueBefore:
		return dBackStrict
	case cueAfter:
		return dFwdStrict
	case cueSince:
		return dBackIncl
	case cueThis:
		if t == Past {
			return dBackIncl
		}
		return dFwdIncl
	}
	switch t {
	case Past:
		return dBackIncl
	case Future:
		return dFwdIncl
	}
	return dNearest
}

// back reports whether d looks backward from the reference.
func (d dir) back() bool { return d == dBackIncl || d == dBackStrict }

// allows reports whether a candidate at distance diff from the reference
// (negative before it) lies in direction d.
func (d dir) allows(diff int) bool {
	switch d {
	case dBackIncl:
		return diff <= 0
	case dFwdIncl:
		return diff >= 0
	case dBackStrict:
		return diff < 0
	case dFwdStrict:
		return diff > 0
	}
	return true
}

// better reports whether a candidate at distance diff beats the best one so
// far at distance best: the nearest in direction d, the earlier on a tie.
func better(diff, best int) bool {
	a, b := diff, best
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	return a < b || a == b && diff < best
}

// addDays returns t moved by n days.
func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// dayDiff returns the number of days from b to a.
func dayDiff(a, b time.Time) int {
	return int(a.Sub(b).Hours() / 24)
}

// resolve turns a matched expression into a Date, with tense t and the
// reference day ref (meaningful only when known).
func (c *cand) resolve(t Tense, ref time.Time, known bool) Date {
	switch c.form {
	case fmDate:
		if c.y != 0 {
			return c.dateIn(c.y)
		}
	case fmMonth:
		if c.y != 0 {
			return monthDate(c.y, c.m)
		}
	case fmYear:
		return yearDate(c.y)
	}
	if !known {
		return Date{}
	}
	d := direction(c.cue, t)
	switch c.form {
	case fmDate:
		return c.resolveDate(ref, d)
	case fmMonth:
		return resolveMonth(ref, c.m, c.cue, d)
	case fmWeekday:
		return oneDay(resolveWeekday(ref, c.wd, d))
	case fmDays:
		return oneDay(addDays(ref, c.n))
	case fmWeeks:
		mon := addDays(ref, -((int(ref.Weekday())+6)%7)+7*c.n)
		return span(mon, addDays(mon, 6))
	case fmMonths:
		return monthDate(ref.Year(), ref.Month()+time.Month(c.n))
	case fmYears:
		return yearDate(ref.Year() + c.n)
	case fmWeekend:
		return resolveWeekend(ref, c.n, d)
	case fmSpan:
		return span(addDays(ref, c.n), addDays(ref, c.n2))
	}
	return Date{}
}

// dateIn returns a matched date whose year is known; for a range the year
// is that of its end ("Dec. 30 – Jan. 2, 2024" starts in 2023).
func (c *cand) dateIn(y int) Date {
	if c.m2 == 0 {
		return DayOf(y, c.m, c.d)
	}
	ys := y
	if c.m2 < c.m {
		ys--
	}
	return span(civil(ys, c.m, c.d), civil(y, c.m2, c.d2))
}

// resolveDate finds the year of a date written without one: the year that
// puts its first day nearest the reference in direction d.
func (c *cand) resolveDate(ref time.Time, d dir) Date {
	found := false
	var best time.Time
	bestDiff := 0
	for y := ref.Year() - 4; y <= ref.Year()+4; y++ {
		if !validDay(y, c.m, c.d) {
			continue
		}
		t := civil(y, c.m, c.d)
		diff := dayDiff(t, ref)
		if d.allows(diff) && (!found || better(diff, bestDiff)) {
			best, bestDiff, found = t, diff, true
		}
	}
	if !found {
		return Date{}
	}
	if c.m2 == 0 {
		return oneDay(best)
	}
	ye := best.Year()
	if c.m2 < c.m {
		ye++
	}
	end := civil(ye, c.m2, c.d2)
	if end.Before(best) {
		return oneDay(best)
	}
	return span(best, end)
}

// resolveMonth finds the year of a month written without one. "this July"
// is July of the reference's year.
func resolveMonth(ref time.Time, m time.Month, c cue, d dir) Date {
	if c == cueThis {
		return monthDate(ref.Year(), m)
	}
	refIdx := ref.Year()*12 + int(ref.Month()) - 1
	found := false
	bestY, bestDiff := 0, 0
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		diff := y*12 + int(m) - 1 - refIdx
		if d.allows(diff) && (!found || better(diff, bestDiff)) {
			bestY, bestDiff, found = y, diff, true
		}
	}
	if !found {
		return Date{}
	}
	return monthDate(bestY, m)
}

// resolveWeekday finds the weekday wd nearest the reference in direction
// d; on or before (or after) includes the reference day itself.
func resolveWeekday(ref time.Time, wd time.Weekday, d dir) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
	switch d {
	case dBackIncl:
		return addDays(ref, -back)
	case dFwdIncl:
		return addDays(ref, fwd)
	case dBackStrict:
		if back == 0 {
			back = 7
		}
		return addDays(ref, -back)
	case dFwdStrict:
		if fwd == 0 {
			fwd = 7
		}
		return addDays(ref, fwd)
	}
	if back <= fwd {
		return addDays(ref, -back)
	}
	return addDays(ref, fwd)
}

// resolveWeekend returns a Saturday–Sunday span. Weeks run Monday to
// Sunday: "last weekend" is the weekend of the week before the reference's,
// "next weekend" that of the week after. "this weekend" is the reference's
// own weekend when the reference is a Saturday or Sunday; otherwise the one
// before it when looking back (past tense) and the one after it otherwise.
func resolveWeekend(ref time.Time, n int, d dir) Date {
	mon := addDays(ref, -((int(ref.Weekday()) + 6) % 7))
	sat := addDays(mon, 5)
	switch {
	case n != 0:
		sat = addDays(sat, 7*n)
	case ref.Weekday() == time.Saturday || ref.Weekday() == time.Sunday:
	case d.back():
		sat = addDays(sat, -7)
	}
	return span(sat, addDays(sat, 1))
}
