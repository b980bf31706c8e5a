package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Overview is the timeline's overview strip: where the dated events fall
// in time, each a bar over the days its date covers. The strip's geometry
// is computed here, as plain data; the theme draws it (the default theme's
// layouts/partials/overview.html makes an inline SVG of it, so it needs no
// script), and a site's theme can draw it otherwise.
//
// Horizontal positions are percentages of the strip's width (Percent), so
// a drawing fills any width while its text keeps its size; vertical ones
// are pixels from the top of the strip.
type Overview struct {
	// Height is the strip's height in pixels.
	Height int
	// Axis is the time axis of the dense part of the timeline.
	Axis OverviewLine
	// Far holds the zones of events far before (first) or far after the
	// dense part, each past a break in the axis; none when no event is
	// far.
	Far []OverviewFar
	// Ticks mark the axis, in time order.
	Ticks []OverviewTick
	// Bars are the dated events, by their first day.
	Bars []OverviewBar
	// Undated is the zone standing for the undated events listed at the
	// end of the timeline, or nil when there are none.
	Undated *OverviewUndated
	// Caption describes the strip in words: "5 dated events from Feb 2022
	// to Sep 2023; 9 undated events are listed at the end". A drawing is
	// hidden from assistive technology: the caption says what it shows,
	// and the list of events below it holds the same.
	Caption string
	// From and To are the first and the last day the dated events cover
	// ("2023-09-10"), for the bounds of a date filter.
	From, To string
}

// Percent is a horizontal position or length on the overview strip, a
// percentage of its width. It prints as an SVG length: "12.50%".
type Percent float64

// String formats p as an SVG length with two decimals, "12.50%".
func (p Percent) String() string { return fmt.Sprintf("%.2f%%", float64(p)) }

// OverviewLine is a straight stroke on the strip, from (X1, Y1) to (X2, Y2).
type OverviewLine struct {
	X1, X2 Percent
	Y1, Y2 int
}

// OverviewText is a label on the strip: Text, whose baseline starts (or,
// for a label centred on its place, is centred) at X, Y.
type OverviewText struct {
	X    Percent
	Y    int
	Text string
}

// OverviewFar is the zone of the events far before or far after the
// dense part of the timeline.
type OverviewFar struct {
	// Axis is the zone's own stretch of axis.
	Axis OverviewLine
	// Break is the break between the zone and the axis of the dense part:
	// two slanted strokes.
	Break [2]OverviewLine
	// Label is the zone's date, centred under it: the month of its one
	// event ("Feb 1975"), or the years of several ("1950–1990").
	Label OverviewText
}

// OverviewTick is a mark on the axis.
type OverviewTick struct {
	// Mark is the tick's stroke below the axis.
	Mark OverviewLine
	// Minor is set on every other tick, whose label a narrow screen may
	// leave out.
	Minor bool
	// Label is the tick's date ("Sep 10", "Jan 2023", "Mar", "1990"),
	// starting at the tick, or nil for a tick too near the end of the
	// axis to be labelled.
	Label *OverviewText
}

// OverviewBar is an event's bar on the strip: a horizontal stroke over
// the days its date covers, in the first lane where it does not touch
// another bar.
type OverviewBar struct {
	Event *Event
	// Label names the bar, for a tooltip: the event's title and date,
	// "Kremlin announces the visit (Sep 11, 2023)".
	Label string
	Line  OverviewLine
	// Lane is the bar's lane from the top, from 0.
	Lane int
	// Key says the event is among the site's most important; Vague that
	// its day is not known or its sources give other dates.
	Key, Vague bool
}

// OverviewUndated is the zone at the right end of the strip standing for
// the undated events listed at the end of the timeline.
type OverviewUndated struct {
	// Count is the number of those events; Title says it in words,
	// "3 undated events, listed at the end", for a tooltip.
	Count int
	Title string
	// X, Y, Width and Height are the zone's box.
	X, Width  Percent
	Y, Height int
	// CountText is Count, centred in the box; Label, "undated", starts
	// under it.
	CountText, Label OverviewText
}

// Geometry of the strip, in pixels. Horizontal positions are percentages
// of the strip's width, so a drawing fills any width while its text keeps
// its size.
const (
	ovTop      = 8  // space above the first lane
	ovLane     = 14 // distance between lanes
	ovMaxLanes = 5  // bars that would need more lanes overlap
	ovLabel    = 17 // from the axis to the baseline of tick labels
	ovBottom   = 6  // space below the labels
	ovLeft     = 1.5
	ovRight    = 98.5 // without an undated zone
	ovZoneAt   = 87.0 // the undated zone, when there are undated events
	ovZoneEnd  = 99.0
	ovMinGap   = 1.2 // least horizontal gap between two bars of one lane, in %
)

// The parts of the strip besides the axis: events far from the rest are
// drawn in a zone of ovFarW at either end of it, past a break of ovBreak.
const (
	ovFarW  = 10.0
	ovBreak = 3.0
)

// overview lays out the strip for the site's events, or returns nil when no
// event is dated. The axis spans the dense part of the timeline (see
// denseSpan); the events far before or after it are drawn in a zone at
// its left or right end, past a break in the axis, with their dates,
// rather than stretching the axis until the story is a few dots at one
// end.
func (ix *siteIndex) overview() *Overview {
	var bars []ovBar
	for i := range ix.site.Events {
		e := &ix.site.Events[i]
		if isUndated(e) {
			continue
		}
		if first, last, ok := dayRange(e.Date); ok {
			bars = append(bars, ovBar{e: e, first: first, last: last})
		}
	}
	if len(bars) == 0 {
		return nil
	}
	slices.SortStableFunc(bars, func(a, b ovBar) int { return a.first.Compare(b.first) })
	lo, hi := denseSpan(bars)
	core := bars[lo:hi]
	t0, t1 := core[0].first, core[0].last
	for _, b := range core {
		if b.last.After(t1) {
			t1 = b.last
		}
	}
	t1 = t1.AddDate(0, 0, 1) // the domain ends after the last day
	// A short domain is padded so that a single day is not the whole strip.
	if days := t1.Sub(t0).Hours() / 24; days < 3 {
		t0, t1 = t0.AddDate(0, 0, -1), t1.AddDate(0, 0, 1)
	}
	right := ovRight
	if ix.trailing > 0 {
		right = ovZoneAt - 3
	}
	// The axis of the dense part, and the zones of the far events.
	axisL, axisR := ovLeft, right
	if lo > 0 {
		axisL = ovLeft + ovFarW + ovBreak
	}
	if hi < len(bars) {
		axisR = right - ovFarW - ovBreak
	}
	span := t1.Sub(t0).Seconds()
	x := func(t time.Time) float64 { return axisL + (axisR-axisL)*t.Sub(t0).Seconds()/span }
	for i := range bars {
		b := &bars[i]
		switch {
		case i < lo: // evenly in the left zone, in time order
			b.x1 = ovLeft + ovFarW*(float64(i)+0.5)/float64(lo)
			b.x2 = b.x1
		case i >= hi:
			b.x1 = right - ovFarW + ovFarW*(float64(i-hi)+0.5)/float64(len(bars)-hi)
			b.x2 = b.x1
		default:
			b.x1, b.x2 = x(b.first), x(b.last.AddDate(0, 0, 1))
		}
	}

	// Lanes: each bar goes in the first lane where it does not touch the
	// bar before it; past the last lane, in the lane that ends first.
	var ends []float64
	lanes := 0
	for i := range bars {
		b := &bars[i]
		b.lane = -1
		for l, end := range ends {
			if end+ovMinGap <= b.x1 {
				b.lane = l
				break
			}
		}
		if b.lane < 0 {
			if len(ends) < ovMaxLanes {
				ends = append(ends, 0)
				b.lane = len(ends) - 1
			} else {
				b.lane = 0
				for l := range ends {
					if ends[l] < ends[b.lane] {
						b.lane = l
					}
				}
			}
		}
		ends[b.lane] = max(ends[b.lane], b.x2)
		lanes = max(lanes, b.lane+1)
	}
	axis := ovTop + lanes*ovLane

	ov := &Overview{
		Height: axis + ovLabel + ovBottom,
		Axis:   OverviewLine{X1: Percent(axisL), X2: Percent(axisR), Y1: axis, Y2: axis},
	}
	// farZone is a zone's stretch of axis, the break between it and the
	// axis of the dense part, and the date of its events.
	farZone := func(from, to, brk float64, far []ovBar) OverviewFar {
		z := OverviewFar{
			Axis:  OverviewLine{X1: Percent(from), X2: Percent(to), Y1: axis, Y2: axis},
			Label: OverviewText{X: Percent((from + to) / 2), Y: axis + ovLabel - 3, Text: farLabel(far)},
		}
		for i, dx := range []float64{-0.5, 0.5} {
			z.Break[i] = OverviewLine{X1: Percent(brk + dx - 0.4), X2: Percent(brk + dx + 0.4), Y1: axis + 5, Y2: axis - 5}
		}
		return z
	}
	if lo > 0 {
		ov.Far = append(ov.Far, farZone(ovLeft, ovLeft+ovFarW, ovLeft+ovFarW+ovBreak/2, bars[:lo]))
	}
	if hi < len(bars) {
		ov.Far = append(ov.Far, farZone(right-ovFarW, right, right-ovFarW-ovBreak/2, bars[hi:]))
	}
	// Tick labels stop short of the axis's end, more so before a break,
	// whose zone has a date of its own.
	labelsTo := axisR - 7
	if hi < len(bars) {
		labelsTo = axisR - 11
	}
	for i, tk := range ticks(t0, t1) {
		tx := x(tk.at)
		t := OverviewTick{
			Mark:  OverviewLine{X1: Percent(tx), X2: Percent(tx), Y1: axis, Y2: axis + 5},
			Minor: i%2 == 1,
		}
		if tx <= labelsTo {
			t.Label = &OverviewText{X: Percent(tx), Y: axis + ovLabel - 3, Text: tk.label}
		}
		ov.Ticks = append(ov.Ticks, t)
	}
	for _, b := range bars {
		y := ovTop + b.lane*ovLane + ovLane/2
		ov.Bars = append(ov.Bars, OverviewBar{
			Event: b.e,
			Label: b.e.Title + " (" + cmp.Or(b.e.Date.Display, b.e.Date.ISO) + ")",
			Line:  OverviewLine{X1: Percent(b.x1), X2: Percent(b.x2), Y1: y, Y2: y},
			Lane:  b.lane,
			Key:   ix.isKey(b.e),
			Vague: b.e.Date.Precision != "day" || b.e.DateConflicts > 0,
		})
	}
	if n := ix.trailing; n > 0 {
		ov.Undated = &OverviewUndated{
			Count:     n,
			Title:     fmt.Sprintf("%d undated %s, listed at the end", n, plural(n, "event", "events")),
			X:         ovZoneAt,
			Width:     ovZoneEnd - ovZoneAt,
			Y:         ovTop - 3,
			Height:    axis - ovTop + 3,
			CountText: OverviewText{X: (ovZoneAt + ovZoneEnd) / 2, Y: ovTop + (axis-ovTop)/2 + 4, Text: strconv.Itoa(n)},
			Label:     OverviewText{X: ovZoneAt, Y: axis + ovLabel - 3, Text: "undated"},
		}
	}

	first, last := bars[0].first, t0
	for _, b := range bars {
		if b.last.After(last) {
			last = b.last
		}
	}
	long := last.Sub(first) > 50*24*time.Hour
	show := func(t time.Time) string {
		if long {
			return t.Format("Jan 2006")
		}
		return t.Format("Jan 2, 2006")
	}
	caption := fmt.Sprintf("%d dated %s", len(bars), plural(len(bars), "event", "events"))
	if from, to := show(first), show(last); from == to {
		caption += ", " + from
	} else {
		caption += " from " + from + " to " + to
	}
	if lo > 0 || hi < len(bars) {
		var far []string
		if lo > 0 {
			far = append(far, fmt.Sprintf("%d long before (%s)", lo, farLabel(bars[:lo])))
		}
		if n := len(bars) - hi; n > 0 {
			far = append(far, fmt.Sprintf("%d long after (%s)", n, farLabel(bars[hi:])))
		}
		caption += fmt.Sprintf(", most of them %s; %s %s drawn past a break", ovSpan(core), strings.Join(far, " and "), plural(len(bars)-len(core), "is", "are"))
	}
	if n := ix.undated - ix.trailing; n > 0 {
		caption += fmt.Sprintf("; %d undated %s among them as the sources tell %s", n, plural(n, "event is listed", "events are listed"), plural(n, "it", "them"))
	}
	if n := ix.trailing; n > 0 {
		caption += fmt.Sprintf("; %d undated %s at the end", n, plural(n, "event is listed", "events are listed"))
	}
	ov.Caption, ov.From, ov.To = caption, dayISO(first), dayISO(last)
	return ov
}

// ovBar is an event's bar on the strip: the days its date covers, where
// it is drawn and in which lane.
type ovBar struct {
	e           *Event
	first, last time.Time
	x1, x2      float64
	lane        int
}

// denseSpan finds the dense part of the timeline among bars sorted by
// their first day: the indexes [lo, hi) of the bars the axis spans, the
// others being far before (bars[:lo]) or far after (bars[hi:]).
//
// A run of bars at one end is far when both
//
//   - it is a minority: at most a fifth of the bars (at least one), and at
//     least two bars stay in the dense part; and
//   - the gap between it and the rest, from the last day of the run to
//     the first day of the rest (or back), is at least twice the span of
//     the dense part (padded to three days as the axis is): stretching
//     the axis over the gap would leave the dense part at most a third of
//     the strip.
//
// At each end the run with the widest gap is taken; then each end's run
// is checked against the span of the dense part both leave, and a run
// whose gap falls short is given back to it. The rule has no scale of
// its own: the same story told over days with one event a year away, or
// over decades with one event a millennium away, is drawn alike, and a
// timeline spread evenly is never broken.
func denseSpan(bars []ovBar) (lo, hi int) {
	n := len(bars)
	lo, hi = 0, n
	most := max(1, n/5)
	if n < 3 {
		return lo, hi
	}
	// latest[i] is the last day of bars[:i+1]; earliest[i] the first of
	// bars[i:] (bars are sorted by first day).
	latest := make([]time.Time, n)
	for i, b := range bars {
		latest[i] = b.last
		if i > 0 && latest[i-1].After(b.last) {
			latest[i] = latest[i-1]
		}
	}
	gapBefore := func(k int) time.Duration { return bars[k].first.Sub(latest[k-1].AddDate(0, 0, 1)) } // between bars[:k] and bars[k:]
	best := func(ks []int) int {
		k0 := 0
		for _, k := range ks {
			if k0 == 0 || gapBefore(k) > gapBefore(k0) {
				k0 = k
			}
		}
		return k0
	}
	var left, rightKs []int
	for k := 1; k <= most && n-k >= 2; k++ {
		left = append(left, k)
		rightKs = append(rightKs, n-k)
	}
	lo, hi = best(left), best(rightKs)
	if lo >= hi-1 { // the two runs would leave fewer than two bars
		lo, hi = 0, n
	}
	span := func(lo, hi int) time.Duration {
		d := latest[hi-1].AddDate(0, 0, 1).Sub(bars[lo].first)
		return max(d, 3*24*time.Hour)
	}
	for range 2 { // giving one end back widens the span the other must beat
		if lo > 0 && gapBefore(lo) < 2*span(lo, hi) {
			lo = 0
		}
		if hi < n && gapBefore(hi) < 2*span(lo, hi) {
			hi = n
		}
	}
	return lo, hi
}

// ovSpan says what the dense part spans: "between Sep 10 and 17, 2023",
// "between Sep 2023 and Mar 2024".
func ovSpan(core []ovBar) string {
	first, last := barsSpan(core)
	switch {
	case first.Equal(last):
		return "on " + first.Format("Jan 2, 2006")
	case first.Year() == last.Year() && first.Month() == last.Month():
		return fmt.Sprintf("between %s and %d, %d", first.Format("Jan 2"), last.Day(), last.Year())
	case last.Sub(first) <= 50*24*time.Hour && first.Year() == last.Year():
		return "between " + first.Format("Jan 2") + " and " + last.Format("Jan 2, 2006")
	default:
		return "between " + first.Format("Jan 2006") + " and " + last.Format("Jan 2006")
	}
}

// barsSpan returns the first day of the first of bars, which are in
// order, and the latest last day of any.
func barsSpan(bars []ovBar) (first, last time.Time) {
	first, last = bars[0].first, bars[0].last
	for _, b := range bars {
		if b.last.After(last) {
			last = b.last
		}
	}
	return first, last
}

// farLabel is the date shown under a zone of far events: the month of
// the one event ("Feb 1975"), or the years of several ("1950–1990").
func farLabel(far []ovBar) string {
	first, last := barsSpan(far)
	switch {
	case first.Year() != last.Year():
		return fmt.Sprintf("%d–%d", first.Year(), last.Year())
	case first.Month() != last.Month():
		return first.Format("2006")
	default:
		return first.Format("Jan 2006")
	}
}

// tick is a labelled mark on the strip's time axis.
type tick struct {
	at    time.Time
	label string
}

// ticks marks the domain [t0, t1) with at most about eight ticks: days
// for a span of weeks, months for a span of up to four years, years
// beyond.
func ticks(t0, t1 time.Time) []tick {
	days := t1.Sub(t0).Hours() / 24
	pick := func(n float64, steps ...int) int {
		for _, s := range steps {
			if n/float64(s) <= 8 {
				return s
			}
		}
		return steps[len(steps)-1]
	}
	var out []tick
	switch {
	case days <= 50:
		step := pick(days, 1, 2, 3, 7, 14)
		for t := t0; t.Before(t1); t = t.AddDate(0, 0, step) {
			out = append(out, tick{t, t.Format("Jan 2")})
		}
	case days <= 4*366:
		step := pick(days/30.44, 1, 2, 3, 6, 12)
		t := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
		for ; t.Before(t1); t = t.AddDate(0, 1, 0) {
			if t.Before(t0) || (int(t.Month())-1)%step != 0 {
				continue
			}
			label := t.Format("Jan")
			if len(out) == 0 || t.Month() == time.January {
				label = t.Format("Jan 2006")
			}
			out = append(out, tick{t, label})
		}
	default:
		step := pick(days/365.25, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
		for y := t0.Year(); ; y++ {
			t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			if !t.Before(t1) {
				break
			}
			if t.Before(t0) || y%step != 0 {
				continue
			}
			out = append(out, tick{t, t.Format("2006")})
		}
	}
	return out
}

// plural picks the singular or plural form for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
