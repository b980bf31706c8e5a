package render

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"time"
)

// Overview is the timeline's overview strip: where the dated events fall
// in time, each a bar over the days its date covers, drawn at build time
// as an inline SVG so it needs no script.
type Overview struct {
	// SVG is the drawing. Each bar links to its event's entry on the
	// timeline (#ID). It is hidden from assistive technology, and its links
	// are out of the tab order: Caption says what it shows, and the list of
	// events below it holds the same.
	SVG template.HTML
	// Caption describes the strip in words: "5 dated events from Feb 2022
	// to Sep 2023; 9 undated events are listed at the end".
	Caption string
	// From and To are the first and the last day the dated events cover
	// ("2023-09-10"), for the bounds of a date filter.
	From, To string
}

// Geometry of the strip, in pixels. Horizontal positions are percentages
// of the strip's width, so the SVG fills any width while its text keeps
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

// overview draws the strip for the site's events, or returns nil when no
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
	height := axis + ovLabel + ovBottom

	var w strings.Builder
	pct := func(v float64) string { return fmt.Sprintf("%.2f%%", v) }
	fmt.Fprintf(&w, `<svg class="ov" width="100%%" height="%d" aria-hidden="true" focusable="false">`, height)
	fmt.Fprintf(&w, `<line class="ov-axis" x1="%s" x2="%s" y1="%d" y2="%d"/>`, pct(axisL), pct(axisR), axis, axis)
	// farZone draws a zone's stretch of axis, the break between it and
	// the axis of the dense part (two slanted strokes), and the dates of
	// its events.
	farZone := func(from, to, brk float64, far []ovBar) {
		fmt.Fprintf(&w, `<g class="ov-far"><line class="ov-axis" x1="%s" x2="%s" y1="%d" y2="%d"/>`, pct(from), pct(to), axis, axis)
		for _, dx := range []float64{-0.5, 0.5} {
			fmt.Fprintf(&w, `<line class="ov-break" x1="%s" x2="%s" y1="%d" y2="%d"/>`, pct(brk+dx-0.4), pct(brk+dx+0.4), axis+5, axis-5)
		}
		fmt.Fprintf(&w, `<text x="%s" y="%d" text-anchor="middle">%s</text></g>`, pct((from+to)/2), axis+ovLabel-3, html.EscapeString(farLabel(far)))
	}
	if lo > 0 {
		farZone(ovLeft, ovLeft+ovFarW, ovLeft+ovFarW+ovBreak/2, bars[:lo])
	}
	if hi < len(bars) {
		farZone(right-ovFarW, right, right-ovFarW-ovBreak/2, bars[hi:])
	}
	// Tick labels stop short of the axis's end, more so before a break,
	// whose zone has a date of its own.
	labelsTo := axisR - 7
	if hi < len(bars) {
		labelsTo = axisR - 11
	}
	for i, tk := range ticks(t0, t1) {
		tx := x(tk.at)
		class := "ov-tick"
		if i%2 == 1 {
			class += " ov-minor" // labels a narrow screen leaves out
		}
		fmt.Fprintf(&w, `<g class="%s"><line x1="%s" x2="%s" y1="%d" y2="%d"/>`, class, pct(tx), pct(tx), axis, axis+5)
		if tx <= labelsTo {
			fmt.Fprintf(&w, `<text x="%s" dx="3" y="%d">%s</text>`, pct(tx), axis+ovLabel-3, html.EscapeString(tk.label))
		}
		w.WriteString(`</g>`)
	}
	for _, b := range bars {
		class := "ov-bar"
		if ix.isKey(b.e) {
			class += " ov-key"
		}
		if b.e.Date.Precision != "day" || b.e.DateConflicts > 0 {
			class += " ov-vague"
		}
		y := ovTop + b.lane*ovLane + ovLane/2
		label := b.e.Title + " (" + cmp.Or(b.e.Date.Display, b.e.Date.ISO) + ")"
		fmt.Fprintf(&w, `<a href="#%s" tabindex="-1"><title>%s</title><line class="%s" x1="%s" x2="%s" y1="%d" y2="%d"/></a>`,
			b.e.ID, html.EscapeString(label), class, pct(b.x1), pct(b.x2), y, y)
	}
	if n := ix.trailing; n > 0 {
		fmt.Fprintf(&w, `<a href="#undated" tabindex="-1"><title>%d undated %s, listed at the end</title>`, n, plural(n, "event", "events"))
		fmt.Fprintf(&w, `<rect class="ov-zone" x="%s" width="%s" y="%d" height="%d" rx="3"/>`, pct(ovZoneAt), pct(ovZoneEnd-ovZoneAt), ovTop-3, axis-ovTop+3)
		fmt.Fprintf(&w, `<text class="ov-count" x="%s" y="%d" text-anchor="middle">%d</text>`, pct((ovZoneAt+ovZoneEnd)/2), ovTop+(axis-ovTop)/2+4, n)
		fmt.Fprintf(&w, `<text x="%s" dx="3" y="%d">undated</text></a>`, pct(ovZoneAt), axis+ovLabel-3)
	}
	w.WriteString(`</svg>`)

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
	return &Overview{SVG: template.HTML(w.String()), Caption: caption, From: dayISO(first), To: dayISO(last)}
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
