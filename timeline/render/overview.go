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

// overview draws the strip for the site's events, or returns nil when no
// event is dated.
func (ix *siteIndex) overview() *Overview {
	type bar struct {
		e           *Event
		first, last time.Time
		x1, x2      float64
		lane        int
	}
	var bars []bar
	for i := range ix.site.Events {
		e := &ix.site.Events[i]
		if isUndated(e) {
			continue
		}
		if first, last, ok := dayRange(e.Date); ok {
			bars = append(bars, bar{e: e, first: first, last: last})
		}
	}
	if len(bars) == 0 {
		return nil
	}
	slices.SortStableFunc(bars, func(a, b bar) int { return a.first.Compare(b.first) })
	t0, t1 := bars[0].first, bars[0].last
	for _, b := range bars {
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
	span := t1.Sub(t0).Seconds()
	x := func(t time.Time) float64 { return ovLeft + (right-ovLeft)*t.Sub(t0).Seconds()/span }

	// Lanes: each bar goes in the first lane where it does not touch the
	// bar before it; past the last lane, in the lane that ends first.
	var ends []float64
	lanes := 0
	for i := range bars {
		b := &bars[i]
		b.x1, b.x2 = x(b.first), x(b.last.AddDate(0, 0, 1))
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
	fmt.Fprintf(&w, `<line class="ov-axis" x1="%s" x2="%s" y1="%d" y2="%d"/>`, pct(ovLeft), pct(right), axis, axis)
	for i, tk := range ticks(t0, t1) {
		tx := x(tk.at)
		class := "ov-tick"
		if i%2 == 1 {
			class += " ov-minor" // labels a narrow screen leaves out
		}
		fmt.Fprintf(&w, `<g class="%s"><line x1="%s" x2="%s" y1="%d" y2="%d"/>`, class, pct(tx), pct(tx), axis, axis+5)
		if tx <= right-7 {
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
	if n := ix.undated - ix.trailing; n > 0 {
		caption += fmt.Sprintf("; %d undated %s among them as the sources tell %s", n, plural(n, "event is listed", "events are listed"), plural(n, "it", "them"))
	}
	if n := ix.trailing; n > 0 {
		caption += fmt.Sprintf("; %d undated %s at the end", n, plural(n, "event is listed", "events are listed"))
	}
	return &Overview{SVG: template.HTML(w.String()), Caption: caption, From: dayISO(first), To: dayISO(last)}
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
