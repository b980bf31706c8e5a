package chronology

import (
	"context"
	"sort"
	"time"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// inferSpan is how many days around an event's date inferReferences
// tries as the publication date of a source that gives none.
const inferSpan = 8

// InferPublication infers a publication date for each source of res
// that has none, from the events its sentences joined (see
// inferReferences); events.Redate then dates the sources' sentences by
// them. It stops when ctx is done, and returns ctx's error.
func InferPublication(ctx context.Context, res events.Result, sources []dedup.Source) (map[int]temporal.Date, error) {
	clusters := make([][]int, len(res.Events))
	for i, ev := range res.Events {
		clusters[i] = ev.Mentions
	}
	return inferReferences(ctx, res.Sentences, clusters, sources)
}

// inferReferences infers a publication date for each source that has
// none, from the clusters its mentions joined: when a cluster's mentions
// from dated sources give one day in their own words, a relative date in
// the undated source's mention ("yesterday", "this morning", "on
// Monday") points to the publication dates that would resolve it to that
// day. Each such expression votes with the number of dated sources that
// give the cluster its day, the vote shared among the days it allows; the
// day with the most votes wins, among the days no earlier than the latest
// day the source itself reports in the past tense with a written-out
// date (a report of "March 3, 2024" was not published on March 1). An
// inference that rests on one weak vote (one expression, of a cluster
// one dated source dates) is not used: it would move every event of the
// source on one reading.
func inferReferences(ctx context.Context, sents []events.Sentence, clusters [][]int, sources []dedup.Source) (map[int]temporal.Date, error) {
	inf, err := inferVotes(ctx, sents, clusters, sources)
	if len(inf) == 0 || err != nil {
		return nil, err
	}
	floors, err := pastFloors(ctx, sents, inf)
	if err != nil {
		return nil, err
	}
	out := map[int]temporal.Date{}
	for src, v := range inf {
		if d, ok := v.choose(floors[src]); ok {
			out[src] = d
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// dayVotes are the votes for the publication days of one source.
type dayVotes struct {
	weight map[time.Time]float64
	// voters counts the expressions that vote for each day.
	voters map[time.Time]int
}

// weakVote is the most a single expression's vote weighs when it is too
// weak to date a source alone.
const weakVote = 1

// choose returns the day with the most votes no earlier than floor, the
// earliest on a tie, and false when there is none or it rests on one
// weak vote.
func (v dayVotes) choose(floor time.Time) (temporal.Date, bool) {
	days := make([]time.Time, 0, len(v.weight))
	for d := range v.weight {
		if !d.Before(floor) {
			days = append(days, d)
		}
	}
	if len(days) == 0 {
		return temporal.Date{}, false
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	best := days[0]
	for _, d := range days[1:] {
		if v.weight[d] > v.weight[best] {
			best = d
		}
	}
	if v.voters[best] == 1 && v.weight[best] <= weakVote {
		return temporal.Date{}, false
	}
	return temporal.DayOf(best.Year(), best.Month(), best.Day()), true
}

// inferVotes gathers, for each undated source, the votes of its relative
// expressions for its publication day (see inferReferences).
func inferVotes(ctx context.Context, sents []events.Sentence, clusters [][]int, sources []dedup.Source) (map[int]dayVotes, error) {
	votes := map[int]dayVotes{}
	for k, c := range clusters {
		if k%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
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
				refs := refsResolving(s.Text, s.DatelineEnd(), e, day)
				if len(refs) == 0 {
					continue
				}
				v, ok := votes[s.Source]
				if !ok {
					v = dayVotes{weight: map[time.Time]float64{}, voters: map[time.Time]int{}}
					votes[s.Source] = v
				}
				for _, r := range refs {
					v.weight[r] += float64(n) / float64(len(refs))
					v.voters[r]++
				}
			}
		}
	}
	return votes, nil
}

// pastFloors returns, for each source with votes, the latest day it
// reports in the past tense with a date that needs no publication date
// ("on March 3, 2024"), not background to its sentence, or the zero
// time: in one pass over the sentences.
func pastFloors(ctx context.Context, sents []events.Sentence, votes map[int]dayVotes) (map[int]time.Time, error) {
	floors := map[int]time.Time{}
	for i := range sents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s := &sents[i]
		if _, ok := votes[s.Source]; !ok {
			continue
		}
		for k, e := range s.Dates {
			if e.Kind != temporal.Absolute || e.Date.Precision != temporal.Day || e.Tense != temporal.Past || s.Background(k) {
				continue
			}
			if e.Date.End.After(floors[s.Source]) {
				floors[s.Source] = e.Date.End
			}
		}
	}
	return floors, nil
}

// clusterDay returns the day most dated sources of a cluster give its
// event in their own words, and how many sources give it.
func clusterDay(sents []events.Sentence, c []int, sources []dedup.Source) (time.Time, int) {
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
