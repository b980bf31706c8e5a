package events

import (
	"sort"
	"time"

	"github.com/timeline-ssg/timeline/timeline/dedup"
	"github.com/timeline-ssg/timeline/timeline/temporal"
)

// inferSpan is how many days around an event's date inferReferences
// tries as the publication date of a source that gives none.
const inferSpan = 8

// inferReferences infers a publication date for each source that has
// none, from the clusters its mentions joined: when a cluster's mentions
// from dated sources give one day in their own words, a relative date in
// the undated source's mention ("yesterday", "this morning", "on
// Monday") points to the publication dates that would resolve it to that
// day. Each such expression votes with the number of dated sources that
// give the cluster its day, the vote shared among the days it allows; the
// day with the most votes wins.
func inferReferences(sents []Sentence, clusters []group, sources []dedup.Source) map[int]temporal.Date {
	votes := map[int]map[time.Time]float64{}
	for _, g := range clusters {
		c := g.members
		day, n := clusterDay(sents, c, sources)
		if n == 0 {
			continue
		}
		for _, m := range c {
			s := &sents[m]
			if !sources[s.Source].Article.Date.IsZero() {
				continue
			}
			for _, e := range s.Dates {
				if !e.Date.IsZero() || e.Kind == temporal.Absolute || e.Kind == temporal.BareYear {
					continue
				}
				refs := refsResolving(s.Text, s.skip, e, day)
				for _, r := range refs {
					if votes[s.Source] == nil {
						votes[s.Source] = map[time.Time]float64{}
					}
					votes[s.Source][r] += float64(n) / float64(len(refs))
				}
			}
		}
	}
	if len(votes) == 0 {
		return nil
	}
	out := map[int]temporal.Date{}
	for src, v := range votes {
		days := make([]time.Time, 0, len(v))
		for d := range v {
			days = append(days, d)
		}
		sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
		best := days[0]
		for _, d := range days[1:] {
			if v[d] > v[best] {
				best = d
			}
		}
		out[src] = temporal.DayOf(best.Year(), best.Month(), best.Day())
	}
	return out
}

// clusterDay returns the day most dated sources of a cluster give its
// event in their own words, and how many sources give it.
func clusterDay(sents []Sentence, c []int, sources []dedup.Source) (time.Time, int) {
	count := map[time.Time]map[int]bool{}
	for _, m := range c {
		s := &sents[m]
		if !s.OwnDate() || s.When.Precision != temporal.Day || sources[s.Source].Article.Date.IsZero() {
			continue
		}
		if count[s.When.Start] == nil {
			count[s.When.Start] = map[int]bool{}
		}
		count[s.When.Start][s.Source] = true
	}
	var best time.Time
	n := 0
	for d, srcs := range count {
		if len(srcs) > n || len(srcs) == n && d.Before(best) {
			best, n = d, len(srcs)
		}
	}
	return best, n
}

// refsResolving returns the publication days, within inferSpan of day,
// against which expression e of text resolves to day.
func refsResolving(text string, skip int, e temporal.Expression, day time.Time) []time.Time {
	var out []time.Time
	for k := -inferSpan; k <= inferSpan; k++ {
		ref := day.AddDate(0, 0, k)
		for _, f := range temporal.Find(text[skip:], temporal.Reference{Date: ref, Known: true}) {
			if f.Start+skip == e.Start && f.Date.Precision == temporal.Day && f.Date.Start.Equal(day) {
				out = append(out, ref)
			}
		}
	}
	return out
}
