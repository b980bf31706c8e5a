package chronology

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// sequenceCue reports whether a sentence's first word says it tells what
// came next ("Then", "Later", "After …"): evidence, stronger than mere
// order, that its event follows the one told before it.
func sequenceCue(first string) bool {
	switch strings.ToLower(first) {
	case "then", "later", "afterwards", "afterward", "after", "next", "subsequently", "following", "thereafter":
		return true
	}
	return false
}

// placeUndated moves each undated event to where the narrative puts it
// among the dated ones. In each source that tells it, the dated event told
// last before it votes "after that one", and the dated event told first
// after it votes "before that one"; an "after" vote counts double when the
// undated event's sentence opens with a cue of sequence ("Then", "Later",
// "After …"). A vote weighs as its dated event's precision does (a day
// more than a month or a year: a coarse date says little about where an
// event sits). The event goes to the place among the dated events that
// agrees with the most votes, across sources (ties: the place nearest its
// mean position in the narrative among the dated events').
// Undated events no source tells beside a dated one stay at the end. ds
// must be in timeline order, dated first. It stops when ctx is done, and
// returns ctx's error.
func placeUndated(ctx context.Context, ds []Dated, sents []events.Sentence) ([]Dated, error) {
	k := 0
	for k < len(ds) && !ds[k].Undated() {
		k++
	}
	if k == 0 || k == len(ds) {
		return ds, nil
	}
	dated, undated := ds[:k], ds[k:]
	type mention struct{ event, ordinal int }
	bySource := map[int][]mention{}
	for i, d := range dated {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, f := range firstOrdinals(d.Event, sents) {
			bySource[f.source] = append(bySource[f.source], mention{i, f.ordinal})
		}
	}
	// The dated events' narrative positions, sorted, to rank an undated
	// event's among them.
	positions := make([]float64, k)
	for i, d := range dated {
		positions[i] = d.Position
	}
	slices.Sort(positions)
	slots := make([][]Dated, k+1) // slot p: after dated[p-1], before dated[p]
	var rest []Dated
	for n, u := range undated {
		if n%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// The votes, by dated event: few of the dated events get any, so
		// the work for an event grows with its votes, not with the
		// number of dated events.
		type vote struct{ after, before float64 } // for "after dated[i]", "before dated[i]"
		votes := map[int]*vote{}
		at := func(i int) *vote {
			if votes[i] == nil {
				votes[i] = &vote{}
			}
			return votes[i]
		}
		for _, f := range firstOrdinals(u.Event, sents) {
			src, ord := f.source, f.ordinal
			prev, prevOrd, next, nextOrd := -1, -1, -1, 0
			for _, m := range bySource[src] {
				if m.ordinal < ord && m.ordinal > prevOrd {
					prev, prevOrd = m.event, m.ordinal
				}
				if m.ordinal > ord && (next < 0 || m.ordinal < nextOrd) {
					next, nextOrd = m.event, m.ordinal
				}
			}
			if prev >= 0 {
				w := weight(dated[prev].Date.Precision) / weight(temporal.Day)
				if cue(u.Event, src, sents) {
					w *= 2
				}
				at(prev).after += w
			}
			if next >= 0 {
				at(next).before += weight(dated[next].Date.Precision) / weight(temporal.Day)
			}
		}
		if len(votes) == 0 {
			rest = append(rest, u)
			continue
		}
		voted := slices.Sorted(maps.Keys(votes))
		// score(p) = after votes for events before slot p + before votes
		// for events from slot p on; it changes only past a voted event.
		var agree float64
		for _, i := range voted {
			agree += votes[i].before
		}
		// Ties go to the place nearest the event's overall narrative
		// position among the dated events'.
		rank, _ := slices.BinarySearch(positions, u.Position)
		dist := func(p int) int { return max(p-rank, rank-p) }
		// The slots from lo to hi share a score: of them, the nearest to
		// rank is the one to weigh.
		best, bestScore := -1, 0.0
		consider := func(lo, hi int) {
			p := min(max(rank, lo), hi)
			if best < 0 || agree > bestScore || agree == bestScore && dist(p) < dist(best) {
				best, bestScore = p, agree
			}
		}
		lo := 0
		for _, i := range voted {
			consider(lo, i) // slots lo..i come before the score takes dated[i]'s votes
			agree += votes[i].after - votes[i].before
			lo = i + 1
		}
		consider(lo, k)
		if best > 0 {
			u.Placement = fmt.Sprintf("no source dates it; placed after “%s”, as the sources tell it", dated[best-1].Title)
		} else {
			u.Placement = fmt.Sprintf("no source dates it; placed before “%s”, as the sources tell it", dated[0].Title)
		}
		slots[best] = append(slots[best], u)
	}
	out := make([]Dated, 0, len(ds))
	for p := 0; p <= k; p++ {
		group := slots[p]
		sort.SliceStable(group, func(a, b int) bool { return group[a].Position < group[b].Position })
		out = append(out, group...)
		if p < k {
			out = append(out, dated[p])
		}
	}
	return append(out, rest...), nil
}

// firstMention is where an event is first told in one source.
type firstMention struct{ source, ordinal int }

// firstOrdinals returns, for each source telling the event, the position
// of its first mention there, sorted by source: sums over them are then
// made in one order, and floating-point results are the same every run.
func firstOrdinals(ev events.Event, sents []events.Sentence) []firstMention {
	var out []firstMention
	for _, m := range ev.Mentions {
		s := sents[m]
		i := slices.IndexFunc(out, func(f firstMention) bool { return f.source == s.Source })
		switch {
		case i < 0:
			out = append(out, firstMention{s.Source, s.Ordinal})
		case s.Ordinal < out[i].ordinal:
			out[i].ordinal = s.Ordinal
		}
	}
	slices.SortFunc(out, func(a, b firstMention) int { return a.source - b.source })
	return out
}

// cue reports whether the event's first sentence in source src opens with
// a cue of sequence.
func cue(ev events.Event, src int, sents []events.Sentence) bool {
	best := -1
	for _, m := range ev.Mentions {
		if sents[m].Source == src && (best < 0 || sents[m].Ordinal < sents[best].Ordinal) {
			best = m
		}
	}
	if best < 0 {
		return false
	}
	toks := words.Split(sents[best].Text)
	return len(toks) > 0 && sequenceCue(toks[0].Text)
}
