package editorial

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/chronology"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/events"
)

// Regroup applies the merges and splits to the events found, before they
// are dated. sourceIDs are the IDs of the sources the sentences index.
// It returns the regrouped events and a warning for each edit, or part of
// one, that matches nothing.
func (e Edits) Regroup(res events.Result, sourceIDs []string) (events.Result, diag.List) {
	var warns diag.List
	evs := slices.Clone(res.Events)
	find := func(id string) int {
		return slices.IndexFunc(evs, func(ev events.Event) bool { return ev.ID == id })
	}
	for _, m := range e.Merges {
		into := -1
		for _, id := range m.IDs {
			i := find(id)
			if i < 0 {
				warns = append(warns, diag.Warnf(e.File, m.Line, "merge: no event with id %q (renamed, merged or gone): left out of the merge", id))
				continue
			}
			if into < 0 {
				into = i
				continue
			}
			if i == into {
				continue
			}
			evs[into] = join(evs[into], evs[i])
			evs = slices.Delete(evs, i, i+1)
			if i < into {
				into--
			}
		}
	}
	for _, s := range e.Splits {
		i := find(s.ID)
		if i < 0 {
			warns = append(warns, diag.Warnf(e.File, s.Line, "split: no event with id %q (renamed, merged or gone): split not applied", s.ID))
			continue
		}
		anchorOf := func(m int) string {
			x := res.Sentences[m]
			return fmt.Sprintf("%s#s%d", sourceIDs[x.Source], x.Ordinal+1)
		}
		move := map[int]bool{}
		for _, want := range s.Sentences {
			j := slices.IndexFunc(evs[i].Mentions, func(m int) bool { return anchorOf(m) == want })
			if j < 0 {
				warns = append(warns, diag.Warnf(e.File, s.Line, "split: event %q does not cite sentence %q: not moved", s.ID, want))
				continue
			}
			move[evs[i].Mentions[j]] = true
		}
		if len(move) == 0 {
			continue
		}
		kept, moved := part(evs[i], move, res.Sentences)
		moved.ID = s.NewID
		if moved.ID == "" {
			moved.ID = s.ID + "-split"
		}
		moved.Title = s.Title
		if moved.Title == "" {
			moved.Title = draftTitle(res.Sentences[moved.Summary[0]].Text)
		}
		if find(moved.ID) >= 0 {
			warns = append(warns, diag.Warnf(e.File, s.Line, "split: an event with id %q exists already: choose another new_id", moved.ID))
			continue
		}
		if len(kept.Mentions) == 0 {
			evs[i] = moved
		} else {
			evs[i] = kept
			evs = slices.Insert(evs, i+1, moved)
		}
	}
	out := res // everything else the events stage found is kept
	out.Events = evs
	return out, warns
}

// join merges event b into a: a keeps its ID and title; mentions and
// sources are the union; the summary takes a's, then b's, up to three.
func join(a, b events.Event) events.Event {
	out := a
	out.Mentions = union(a.Mentions, b.Mentions)
	out.Sources = union(a.Sources, b.Sources)
	out.Summary = slices.Clone(a.Summary)
	for _, m := range b.Summary {
		if len(out.Summary) < 3 && !slices.Contains(out.Summary, m) {
			out.Summary = append(out.Summary, m)
		}
	}
	return out
}

// part divides ev's mentions: those in move go to a new event.
func part(ev events.Event, move map[int]bool, sents []events.Sentence) (kept, moved events.Event) {
	kept = events.Event{ID: ev.ID, Title: ev.Title, Cohesion: ev.Cohesion}
	for _, m := range ev.Mentions {
		if move[m] {
			moved.Mentions = append(moved.Mentions, m)
		} else {
			kept.Mentions = append(kept.Mentions, m)
		}
	}
	for _, m := range ev.Summary {
		if !move[m] {
			kept.Summary = append(kept.Summary, m)
		}
	}
	if len(kept.Summary) == 0 && len(kept.Mentions) > 0 {
		kept.Summary = kept.Mentions[:1]
	}
	moved.Summary = moved.Mentions[:1]
	kept.Sources = sourcesOf(kept.Mentions, sents)
	moved.Sources = sourcesOf(moved.Mentions, sents)
	return kept, moved
}

func sourcesOf(mentions []int, sents []events.Sentence) []int {
	var out []int
	for _, m := range mentions {
		out = append(out, sents[m].Source)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func union(a, b []int) []int {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// draftTitle is a title for a split-off event: its first sentence, cut
// at a word to 80 characters.
func draftTitle(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ".")
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)[:79]
	if i := strings.LastIndexByte(string(r), ' '); i > 40 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// Pin applies the [[event]] edits to the dated events: hidden events are
// dropped; pinned titles and dates replace the drafted ones (a pinned
// date's basis says so) and events are put back in date order. It returns
// the events, the editor's Markdown summaries by event ID, and a warning
// for each edit that matches no event.
func (e Edits) Pin(dated []chronology.Dated) ([]chronology.Dated, map[string]string, diag.List) {
	var warns diag.List
	byID := map[string]int{}
	for i, d := range dated {
		byID[d.ID] = i
	}
	out := slices.Clone(dated)
	hide := map[string]bool{}
	summaries := map[string]string{}
	repinned := false
	for _, ed := range e.Events {
		i, ok := byID[ed.ID]
		if !ok {
			warns = append(warns, diag.Warnf(e.File, ed.Line, "event: no event with id %q (renamed, merged or gone): edit not applied", ed.ID))
			continue
		}
		if ed.Hide {
			hide[ed.ID] = true
		}
		if ed.Title != "" {
			out[i].Title = ed.Title
		}
		if !ed.Date.IsZero() {
			out[i].Date = ed.Date
			out[i].Basis = fmt.Sprintf("pinned by the editor in %s", e.File)
			repinned = true
		}
		if ed.Summary != "" {
			summaries[ed.ID] = ed.Summary
		}
	}
	out = slices.DeleteFunc(out, func(d chronology.Dated) bool { return hide[d.ID] })
	if repinned {
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if a.Undated() != b.Undated() {
				return !a.Undated()
			}
			if a.Undated() || a.Date.Start.Equal(b.Date.Start) {
				return false
			}
			return a.Date.Start.Before(b.Date.Start)
		})
	}
	return out, summaries, warns
}
