// Package chronology dates events, ranks them and puts them in order. An
// event's date is the consensus of the dates its sentences give in their
// own words (explicit dates, and weekday and relative expressions resolved
// against each source's publication date; not those anchored to another
// event, as in "since Monday"), else a date a sentence inherits from its
// neighbour, else the dateline, else the publication of a source that
// reports it in its lead; the page says which expression in which source
// it rests on. It also infers the publication day of a source that gives
// none from the events its sentences joined (InferPublication), the one
// step that feeds grouping back into dating. Events no evidence dates are
// never given a date:
// they follow the dated ones, in the order the sources tell them, marked
// undated. An event's importance is how well independent sources
// corroborate it on its day.
package chronology

import (
	"context"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// Evidence is one date one sentence gives an event.
type Evidence struct {
	// Mention is the index of the sentence in events.Result.Sentences.
	Mention int
	// Expression is the temporal expression, as found in the sentence.
	Expression temporal.Expression
	// FromDateline is true when the date is the source's dateline.
	FromDateline bool
	// FromLead is true when the date is the day before and the day of
	// the publication of a source that reports the event in its lead, in
	// the past, without a date of its own.
	FromLead bool
	// Inherited is true when the date is not the mention's own but that
	// of a neighbouring sentence of its paragraph (From), which tells the
	// same part of the story.
	Inherited bool
	// From is the sentence an inherited date comes from (an index into
	// events.Result.Sentences).
	From int
}

// Dated is an event with its date.
type Dated struct {
	events.Event
	// Date is the consensus date; zero when the event is undated.
	Date temporal.Date
	// Basis says how the date was found, in words a reader can check.
	Basis string
	// Evidence supports Date; Conflicts are dates other sentences gave
	// that disagree with it.
	Evidence  []Evidence
	Conflicts []Evidence
	// Position is the event's mean relative position in the sources that
	// tell it (0 at the start, 1 at the end): weak evidence of order.
	Position float64
	// Importance ranks the event from 0 to 1 by how well independent
	// sources corroborate it (see setImportance).
	Importance float64
	// Placement says, for an undated event placed among the dated ones,
	// what narrative evidence put it there.
	Placement string
	// SetAside is evidence left out of the date because it lies far
	// outside the span of the story's other events and fewer than two
	// independent sources give it (see setAsideOutliers); SetAsideWhy
	// says so in words a page can show. Empty when nothing was set aside.
	SetAside    []Evidence
	SetAsideWhy string
}

// Undated reports whether no evidence dates the event.
func (d Dated) Undated() bool { return d.Date.IsZero() }

// Order dates every event and returns them in timeline order: dated events
// by date (then by narrative position), then undated ones by narrative
// position. It stops between events, and between its phases, when ctx is
// done, and returns ctx's error.
func Order(ctx context.Context, res events.Result, sources []dedup.Source) ([]Dated, error) {
	return OrderWith(ctx, res, sources, fitted)
}

// OrderWith is Order with the weights w of importance.
func OrderWith(ctx context.Context, res events.Result, sources []dedup.Source, w Weights) ([]Dated, error) {
	perSource := map[int]int{}
	for _, s := range res.Sentences {
		perSource[s.Source] = max(perSource[s.Source], s.Ordinal+1)
	}
	out := make([]Dated, len(res.Events))
	if err := parallel.For(ctx, len(res.Events), func(i int) {
		ev := res.Events[i]
		d := Dated{Event: ev}
		d.Date, d.Evidence, d.Conflicts = consensus(ev, res.Sentences, sources)
		d.Basis = basis(d, res, sources)
		d.Position = position(ev, res.Sentences, perSource)
		out[i] = d
	}); err != nil {
		return nil, err
	}
	setAsideOutliers(out, res, sources)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := setImportance(ctx, out, res.Sentences, sources, w); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Undated() != b.Undated() {
			return !a.Undated()
		}
		if !a.Undated() {
			if !a.Date.Start.Equal(b.Date.Start) {
				return a.Date.Start.Before(b.Date.Start)
			}
			if a.Date.Precision != b.Date.Precision {
				return a.Date.Precision < b.Date.Precision // a whole month before its days
			}
		}
		if a.Position != b.Position {
			return a.Position < b.Position
		}
		return a.ID < b.ID
	})
	return placeUndated(ctx, out, res.Sentences)
}

// Outliers: a date further than outlierDays from the median of the
// story's dated events, and more than outlierSpread times the spread of
// their middle half, needs outlierSources independent sources.
const (
	outlierDays    = 365
	outlierSpread  = 4
	outlierSources = 2
	// outlierMin is the fewest dated events that give a story a span.
	outlierMin = 5
)

// setAsideOutliers sets aside the evidence of a date far outside the span
// of the story's other events ("in 2009" in a story of three weeks of
// 2011) that fewer than two independent sources give: the event is dated
// by its other evidence, or left undated. An explicit date (one written
// with its year, not resolved from the publication date) is kept when it
// is all the event has, so an event whose citations give a date is never
// shown undated; the reason is recorded either way.
func setAsideOutliers(ds []Dated, res events.Result, sources []dedup.Source) {
	var days []int
	for _, d := range ds {
		if !d.Undated() {
			days = append(days, dayNumber(d.Date.Start))
		}
	}
	if len(days) < outlierMin {
		return
	}
	sort.Ints(days)
	median := days[len(days)/2]
	spread := days[len(days)*3/4] - days[len(days)/4]
	far := func(date temporal.Date) bool {
		dist := 0
		switch a, b := dayNumber(date.Start), dayNumber(date.End); {
		case b < median:
			dist = median - b
		case a > median:
			dist = a - median
		}
		return dist > outlierDays && dist > outlierSpread*spread
	}
	for i := range ds {
		d := &ds[i]
		if d.Undated() || !far(d.Date) {
			continue
		}
		srcs := map[int]bool{}
		for _, e := range d.Evidence {
			srcs[res.Sentences[e.Mention].Source] = true
		}
		if len(srcs) >= outlierSources {
			continue
		}
		var rest []Evidence
		for _, e := range d.Conflicts {
			if !far(e.Expression.Date) {
				rest = append(rest, e)
			}
		}
		why := fmt.Sprintf("%s lies more than a year from the story's other events (median %s) and only %s gives it",
			d.Date.Display(), dateOfDay(median).Display(), plural(len(srcs), "one source", "no source"))
		// However it is written, a far date one source gives is set
		// aside: on a story of days, "in February 2022" in a sentence of
		// today's report tells what happened before the story (the rule
		// that an explicit date is never left out holds within its span).
		switch {
		case len(rest) > 0:
			d.SetAside = d.Evidence
			d.Date, d.Evidence, d.Conflicts = settle(rest, res.Sentences)
			d.SetAsideWhy = why + "; set aside"
		default:
			d.SetAside = d.Evidence
			d.Date, d.Evidence, d.Conflicts = temporal.Date{}, nil, nil
			d.SetAsideWhy = why + "; set aside, leaving the event undated"
		}
		d.Basis = basis(*d, res, sources) + "; " + d.SetAsideWhy
	}
}

// settle returns the date the evidence most supports (see pick), the
// evidence that supports it, the most precise first, and the rest as
// conflicts.
func settle(all []Evidence, sents []events.Sentence) (temporal.Date, []Evidence, []Evidence) {
	date := pick(all, sents)
	var support, conflicts []Evidence
	for _, o := range all {
		if date.Contains(o.Expression.Date) || o.Expression.Date.Contains(date) {
			support = append(support, o)
		} else {
			conflicts = append(conflicts, o)
		}
	}
	sort.SliceStable(support, func(i, j int) bool {
		return support[i].Expression.Date.Precision > support[j].Expression.Date.Precision
	})
	return date, support, conflicts
}

// dayNumber counts days from the Unix epoch.
func dayNumber(t time.Time) int { return int(t.Unix() / 86400) }

// dateOfDay is the day dayNumber n counts.
func dateOfDay(n int) temporal.Date {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return temporal.DayOf(t.Year(), t.Month(), t.Day())
}

// weight of a date by precision: a day says more than a month.
func weight(p temporal.Precision) float64 {
	switch p {
	case temporal.Day:
		return 3
	case temporal.Week:
		return 2
	case temporal.Month:
		return 1
	case temporal.Year:
		return 0.5
	}
	return 0
}

// consensus picks the date most evidence supports. Each sentence's dates
// vote with the weight of their precision; a date contained in another
// supports it too. Ties go to the more precise, then the earlier date.
func consensus(ev events.Event, sents []events.Sentence, sources []dedup.Source) (temporal.Date, []Evidence, []Evidence) {
	var all []Evidence
	for _, m := range ev.Mentions {
		s := &sents[m]
		for k, e := range s.Dates {
			if !e.Date.IsZero() && !s.Background(k) {
				all = append(all, Evidence{Mention: m, Expression: e})
			}
		}
	}
	if len(all) == 0 {
		// A date a mention inherits from its neighbours.
		for _, m := range ev.Mentions {
			s := &sents[m]
			if s.Inherited {
				d := &sents[s.WhenFrom]
				all = append(all, Evidence{Mention: m, Expression: d.Dates[d.WhenExpr], Inherited: true, From: s.WhenFrom})
			}
		}
	}
	if len(all) == 0 {
		// The dateline dates the lead sentence's event when nothing else does.
		for _, m := range ev.Mentions {
			s := sents[m]
			dl := sources[s.Source].Article.Dateline
			if s.Dateline && !dl.Date.IsZero() {
				all = append(all, Evidence{Mention: m, FromDateline: true,
					Expression: temporal.Expression{Text: dl.Text, Kind: temporal.Absolute, Date: dl.Date}})
			}
		}
	}
	if len(all) == 0 {
		// A report's lead tells its news: what happened on the day it was
		// published or the day before. It dates an event no sentence
		// dates, to those two days, not to one of them.
		for _, m := range ev.Mentions {
			s := &sents[m]
			pub := sources[s.Source].Article.Date
			if s.Ordinal > leadOrdinal || pub.Precision != temporal.Day || s.Mention.Cues&(events.CuePast|events.CuePerfect) == 0 || s.Mention.Cues&events.CueFuture != 0 {
				continue
			}
			span := temporal.Date{Start: pub.Start.AddDate(0, 0, -1), End: pub.Start, Precision: temporal.Week}
			all = append(all, Evidence{Mention: m, FromLead: true,
				Expression: temporal.Expression{Text: "published " + pub.Display(), Kind: temporal.Absolute, Date: span}})
		}
	}
	if len(all) == 0 {
		return temporal.Date{}, nil, nil
	}
	// The evidence gives few distinct dates: each votes once, with the
	// weight of all the evidence giving it, so the work grows with the
	// square of the distinct dates, not of the evidence.
	type vote struct {
		date   temporal.Date
		weight float64
	}
	return settle(all, sents)
}

// leadOrdinal is the last sentence of a source's lead, from 0: its
// headline or first sentence, and the one after.
const leadOrdinal = 1

// repeatShare is what a source's second and later sentences giving one
// date add to its vote, as a share of a source's.
const repeatShare = 0.25

// pick returns the date the evidence most supports. Each source votes
// in full once for each date it gives, its other sentences giving it only
// a quarter each (repeatShare), so
// that sources, not sentences, settle a disagreement (a report that
// repeats a day one off from the others', as time zones make, does not
// outvote them); a vote weighs by its precision, and a date contained in
// another supports it too. Ties go to the more precise, then the earlier
// date. A day that more independent sources give than any other day
// inside a coarser winner, and at least two, replaces it: day-level
// agreement outweighs "this week" or "in October".
func pick(all []Evidence, sents []events.Sentence) temporal.Date {
	type vote struct {
		date    temporal.Date
		weight  float64
		sources int
	}
	var votes []vote
	index := map[temporal.Date]int{}
	seen := map[struct {
		d   temporal.Date
		src int
	}]bool{}
	for _, c := range all {
		d := c.Expression.Date
		k, ok := index[d]
		if !ok {
			k = len(votes)
			index[d] = k
			votes = append(votes, vote{date: d})
		}
		key := struct {
			d   temporal.Date
			src int
		}{d, sents[c.Mention].Source}
		if seen[key] {
			votes[k].weight += repeatShare * weight(d.Precision)
			continue
		}
		seen[key] = true
		votes[k].weight += weight(d.Precision)
		votes[k].sources++
	}
	best, bestScore := -1, -1.0
	for i, c := range votes {
		score := 0.0
		for _, o := range votes {
			if c.date.Contains(o.date) || o.date.Contains(c.date) {
				score += o.weight
			}
		}
		score += weight(c.date.Precision) / 100 // prefer precision on ties
		if score > bestScore || (score == bestScore && c.date.Start.Before(votes[best].date.Start)) {
			best, bestScore = i, score
		}
	}
	date := votes[best].date
	if date.Precision == temporal.Day {
		return date
	}
	day, n, tied := -1, 0, false
	for i, v := range votes {
		if v.date.Precision != temporal.Day || !date.Contains(v.date) {
			continue
		}
		switch {
		case v.sources > n:
			day, n, tied = i, v.sources, false
		case v.sources == n:
			tied = true
		}
	}
	if day >= 0 && n >= 2 && !tied {
		return votes[day].date
	}
	return date
}

// basis describes the evidence for the date in words.
func basis(d Dated, res events.Result, sources []dedup.Source) string {
	if d.Undated() {
		return "no date: no sentence reporting this event gives one"
	}
	e := d.Evidence[0]
	si := res.Sentences[e.Mention].Source
	src := sources[si]
	name := SourceName(src)
	// The date a relative expression was resolved against.
	pub := "publication date unknown"
	switch inferred, ok := res.Inferred[si]; {
	case !src.Article.Date.IsZero():
		pub = "published " + src.Article.Date.Display()
	case ok:
		pub = "published " + inferred.Display() + " by the dates other sources give its events"
	}
	var s string
	switch {
	case e.FromDateline:
		s = fmt.Sprintf("dateline of %s (%s)", name, e.Expression.Text)
	case e.FromLead:
		s = fmt.Sprintf("reported in the lead of %s (%s), so on that day or the day before; no sentence gives a date", name, pub)
	case e.Inherited && e.Expression.Kind == temporal.Absolute:
		s = fmt.Sprintf("“%s” in the sentence %s it in %s", e.Expression.Text, beforeAfter(e), name)
	case e.Inherited:
		s = fmt.Sprintf("“%s” in the sentence %s it in %s (%s)", e.Expression.Text, beforeAfter(e), name, pub)
	case e.Expression.Kind == temporal.Absolute:
		s = fmt.Sprintf("“%s” in %s", e.Expression.Text, name)
	default:
		s = fmt.Sprintf("“%s” in %s (%s)", e.Expression.Text, name, pub)
	}
	if n := len(d.Evidence) - 1; n > 0 {
		s += fmt.Sprintf("; %d more %s", n, plural(n, "mention agrees", "mentions agree"))
	}
	if n := len(d.Conflicts); n > 0 {
		c := d.Conflicts[0]
		s += fmt.Sprintf("; %d %s (“%s” → %s)", n, plural(n, "mention disagrees", "mentions disagree"), c.Expression.Text, c.Expression.Date.Display())
	}
	return s
}

// beforeAfter says where the sentence an inherited date comes from
// stands relative to the mention.
func beforeAfter(e Evidence) string {
	if e.From < e.Mention {
		return "before"
	}
	return "after"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// SourceName is how pages name a source in prose: its publisher, else its
// title, else its file.
func SourceName(s dedup.Source) string {
	switch {
	case s.Article.Publisher != "":
		return s.Article.Publisher
	case s.Article.Title != "":
		return s.Article.Title
	}
	return s.Article.Path
}

// position is the mean over the event's sources of the relative position
// of its first mention in that source.
func position(ev events.Event, sents []events.Sentence, perSource map[int]int) float64 {
	first := firstOrdinals(ev, sents)
	var sum float64
	for _, f := range first {
		sum += float64(f.ordinal) / float64(max(1, perSource[f.source]))
	}
	return sum / float64(len(first))
}

// setImportance scores each event by how well independent sources
// corroborate it, scaled so the top event has 1. A source counts in full
// when it dates the event in its own words to the event's date, three
// quarters when its date is inherited from a neighbouring sentence or is
// its dateline, half when it gives no date but was published on the
// event's day or within the two days after, a quarter when it gives no
// date and was published later or at an unknown time, and not at all
// when all it gives is another date: a sentence repeated in reports weeks
// apart is background, not news. More mentions add a little. An event of
// a single day then counts more the more sources of the whole site refer
// to that day in their own words: the days a story's reports keep coming
// back to are its key days. And it counts more the more sources were
// published on its day or the day after (w.Volume): the days a story's
// coverage peaks are its key days too.
//
// It stops when ctx is done, and returns ctx's error.
func setImportance(ctx context.Context, ds []Dated, sents []events.Sentence, sources []dedup.Source, w Weights) error {
	refs, err := dayReferences(ctx, sents)
	if err != nil {
		return err
	}
	published := map[time.Time]float64{}
	for _, src := range sources {
		if d := src.Article.Date; d.Precision == temporal.Day {
			published[d.Start]++
		}
	}
	top := 0.0
	for i := range ds {
		d := &ds[i]
		support := map[int]float64{}
		for _, e := range d.Evidence {
			src := sents[e.Mention].Source
			w := 1.0
			if e.Inherited || e.FromDateline {
				w = 0.75
			}
			support[src] = max(support[src], w)
		}
		conflicting := map[int]bool{}
		for _, e := range d.Conflicts {
			conflicting[sents[e.Mention].Source] = true
		}
		var score float64
		for _, src := range d.Sources {
			w, ok := support[src]
			if !ok {
				switch pub := sources[src].Article.Date; {
				case conflicting[src]:
					w = 0
				case !d.Undated() && !pub.IsZero() && !pub.Start.Before(d.Date.Start) && !pub.Start.After(d.Date.End.AddDate(0, 0, 2)):
					w = 0.5
				default:
					w = 0.25
				}
			}
			score += w
		}
		score += 0.1 * math.Log2(1+float64(len(d.Mentions)))
		if d.Date.Precision == temporal.Day {
			score *= 1 + math.Log2(1+refs[d.Date.Start])
			volume := published[d.Date.Start] + published[d.Date.Start.AddDate(0, 0, 1)]
			score *= 1 + w.Volume*math.Log1p(volume)
		}
		d.Importance = score
		top = max(top, score)
	}
	for i := range ds {
		if top > 0 {
			ds[i].Importance = float64(int(ds[i].Importance/top*1000+0.5)) / 1000
		}
	}
	return nil
}

// dayReferences counts, for each day, the sources that refer to it in a
// date of their own words (not one anchored to another event, as in
// "since Monday").
//
// It stops when ctx is done, and returns ctx's error.
func dayReferences(ctx context.Context, sents []events.Sentence) (map[time.Time]float64, error) {
	seen := map[[2]int64]bool{}
	refs := map[time.Time]float64{}
	for i := range sents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s := &sents[i]
		for k, e := range s.Dates {
			if e.Date.Precision != temporal.Day || s.Background(k) {
				continue
			}
			key := [2]int64{int64(s.Source), e.Date.Start.Unix()}
			if !seen[key] {
				seen[key] = true
				refs[e.Date.Start]++
			}
		}
	}
	return refs, nil
}

// checkEvery is how many sentences or events a loop that does not run in
// parallel takes between two looks at its context: few enough that a
// cancelled build stops within a millisecond, many enough that looking
// costs nothing.
const checkEvery = 1024
