package events

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/lexicon"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

const (
	// eventLink is the least similarity between two passages of different
	// sources in a group for the sources to corroborate each other: below
	// it, two sources that merely share a few words do not make an event.
	eventLink = 0.3
	// strongMention is the least mention score (see Mention) of a dated
	// sentence that makes an event of a group no other source
	// corroborates.
	strongMention = 1.2
)

// makeEvent turns a group of sentences into an event, or reports that it
// is not one. A group is an event when two or more sources corroborate
// it, or when it is dated and one of its sentences clearly reports
// something happening: undated single-source sentences are mostly
// background and comment. titles gives the titles of sentences.
func makeEvent(g group, sents []Sentence, sources []dedup.Source, titles *titles) (Event, bool) {
	members := g.members
	srcSet := map[int]bool{}
	for _, m := range members {
		srcSet[sents[m].Source] = true
	}
	if !(len(srcSet) >= 2 && g.best >= eventLink) && !dated(members, sents) {
		return Event{}, false
	}
	ev := Event{}
	for s := range srcSet {
		ev.Sources = append(ev.Sources, s)
	}
	sort.Ints(ev.Sources)
	ev.Mentions = append([]int(nil), members...)
	sort.Slice(ev.Mentions, func(i, j int) bool {
		a, b := sents[ev.Mentions[i]], sents[ev.Mentions[j]]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Ordinal < b.Ordinal
	})
	central := byCentrality(ev.Mentions, sents)
	ev.Cohesion = central.cohesion
	best := leadFirst(summaryOrder(central.order, sents), sents, titles)
	var basis TitleBasis
	ev.Title, basis = headline(best, sents, titles)
	ev.Summary = summary(basis.Sentence, best, sents, titles)
	ev.ID = eventID(ev.Mentions, sents, sources)
	return ev, true
}

// dated reports whether a member sentence that clearly reports an event
// carries a date of its own (not the dateline, not anchored to another
// event) that resolved to a month or better.
func dated(members []int, sents []Sentence) bool {
	for _, m := range members {
		s := &sents[m]
		if s.Mention.Score < strongMention {
			continue
		}
		for k, e := range s.Dates {
			if e.Date.Precision >= temporal.Month && !s.Anchored(k) {
				return true
			}
		}
	}
	return false
}

type centrality struct {
	order    []int // mentions, most central first
	cohesion float64
}

// byCentrality orders mentions by similarity to the cluster centroid.
func byCentrality(mentions []int, sents []Sentence) centrality {
	centroid := map[int32]float64{}
	for _, m := range mentions {
		for _, t := range sents[m].vec {
			centroid[t.id] += float64(t.w)
		}
	}
	score := make(map[int]float64, len(mentions))
	var total float64
	for _, m := range mentions {
		var s float64
		for _, t := range sents[m].vec {
			s += float64(t.w) * centroid[t.id]
		}
		s /= float64(len(mentions))
		score[m] = s
		total += s
	}
	order := append([]int(nil), mentions...)
	sort.SliceStable(order, func(i, j int) bool {
		if score[order[i]] != score[order[j]] {
			return score[order[i]] > score[order[j]]
		}
		return order[i] < order[j]
	})
	return centrality{order: order, cohesion: total / float64(len(mentions))}
}

const (
	// summaryWords is the most words a summary of several sentences has;
	// a first sentence longer than that stands alone.
	summaryWords = 30
	// summaryNovelty is the least share of new content a further summary
	// sentence must bring: one minus its greatest cosine similarity to the
	// sentences already chosen.
	summaryNovelty = 0.5
)

// summary picks one or two sentences that add to the title, which was
// composed from sentence basis: from the event's mentions best first (see
// summaryOrder and leadFirst), the first that is not the title's sentence
// and tells enough that it does not, then the next best of another source
// that adds enough new content, while the summary stays short. Only an
// event with nothing else to tell has the title's sentence as its
// summary.
func summary(basis int, order []int, sents []Sentence, titles *titles) []int {
	var out []int
	used := map[int]bool{}
	title, _ := titles.of(&sents[basis])
	sameTitle := func(m int) bool {
		t, _ := titles.of(&sents[m])
		return t == title
	}
	n := 0
	novel := func(m int) bool {
		if dot(sents[m].vec, sents[basis].vec) > 1-summaryNovelty {
			return false // it says what the title's sentence says
		}
		for _, o := range out {
			if dot(sents[m].vec, sents[o].vec) > 1-summaryNovelty {
				return false
			}
		}
		return true
	}
	for _, m := range order {
		if len(out) == 2 {
			break
		}
		if m == basis || sents[m].Text == sents[basis].Text || !goodSummary(sents[m].Text) || !novel(m) || sameTitle(m) {
			continue
		}
		w := sents[m].words
		if len(out) > 0 && (used[sents[m].Source] || n+w > summaryWords) {
			continue
		}
		used[sents[m].Source] = true
		out = append(out, m)
		n += w
	}
	if len(out) > 0 {
		return out
	}
	// Nothing new enough: the best other sentence that does not give the
	// same title, then the title's own.
	for _, m := range order {
		if m != basis && sents[m].Text != sents[basis].Text && goodSummary(sents[m].Text) && !sameTitle(m) {
			return []int{m}
		}
	}
	return []int{basis}
}

// summaryOrder reorders mentions, most central first, for summaries: an
// event mention of a reasonable length comes before one that is not, and
// a report's opening sentences, which news writing makes tell the event,
// come before later ones of the same centrality.
func summaryOrder(order []int, sents []Sentence) []int {
	day := ownDay(order, sents)
	score := make(map[int]float64, len(order))
	for rank, m := range order {
		s := &sents[m]
		v := 1 / (1 + 0.15*float64(rank)) // centrality rank
		if !s.Mention.Event || !goodSummary(s.Text) {
			v *= 0.3
		}
		if w := s.words; w < 8 || w > 45 {
			v *= 0.6
		}
		switch s.Ordinal {
		case 0:
			v *= 1.5
		case 1:
			v *= 1.2
		}
		if s.negated {
			v *= 0.6 // "Police did not say whether …" tells what did not happen
		}
		switch {
		case s.OwnDate() && !day.IsZero() && s.When.Start.Equal(day):
			v *= 1.3 // it says the event happened on the day most of its mentions give
		case s.OwnDate() && !day.IsZero() && !s.When.Contains(temporal.Date{Start: day, End: day, Precision: temporal.Day}):
			v *= 0.5 // it gives another date: a later development or a recap
		case s.OwnDate():
			v *= 1.1
		}
		score[m] = v
	}
	out := append([]int(nil), order...)
	sort.SliceStable(out, func(i, j int) bool { return score[out[i]] > score[out[j]] })
	return out
}

// negated reports a sentence whose first verb is negated ("Police did not
// say whether …", "The company has not commented"). toks are the words of
// s, lows the same lower-cased (see lowerWords).
func negated(s string, toks []words.Token, lows []string) bool {
	for i := range toks {
		if i == 12 {
			break
		}
		lw := lows[i]
		if strings.HasSuffix(lw, "n't") || lw == "not" && i > 0 && lexicon.Auxiliary(strings.ToLower(toks[i-1].Text)) {
			return true
		}
		if lexicon.Auxiliary(lw) || isPastVerb(s, toks, i, lw) {
			if i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "not") {
				return true
			}
			if lw != "did" && lw != "does" && lw != "do" {
				return false // the first verb, not negated
			}
		}
	}
	return false
}

// ownDay returns the day the most mentions give in their own words, or
// the zero time.
func ownDay(mentions []int, sents []Sentence) time.Time {
	count := map[time.Time]int{}
	var best time.Time
	for _, m := range mentions {
		s := &sents[m]
		if !s.OwnDate() || s.When.Precision != temporal.Day {
			continue
		}
		d := s.When.Start
		count[d]++
		if count[d] > count[best] || count[d] == count[best] && d.Before(best) {
			best = d
		}
	}
	return best
}

// leadCandidates is how many of the best summary sentences leadFirst
// considers.
const leadCandidates = 4

// leadFirst moves to the front the sentence the title is best composed
// from: of the first few, the first that makes a good headline (see
// titleOf).
func leadFirst(order []int, sents []Sentence, titles *titles) []int {
	for i, m := range order {
		if i == leadCandidates {
			break
		}
		if _, q := titles.of(&sents[m]); q >= goodTitle {
			out := append([]int{m}, order[:i]...)
			return append(out, order[i+1:]...)
		}
	}
	return order
}

func goodSummary(s string) bool {
	return utf8.RuneCountInString(s) >= 30 && utf8.RuneCountInString(s) <= 400 && !strings.HasSuffix(s, "?")
}

// eventID makes the stable ID: a slug of the anchor sentence's first
// content words and a short hash of its source and text.
func eventID(mentions []int, sents []Sentence, sources []dedup.Source) string {
	anchor := mentions[0]
	for _, m := range mentions[1:] {
		a, b := sents[m], sents[anchor]
		if sources[a.Source].ID < sources[b.Source].ID || (a.Source == b.Source && a.Ordinal < b.Ordinal) {
			anchor = m
		}
	}
	s := sents[anchor]
	h := fnv.New32a()
	h.Write([]byte(sources[s.Source].ID))
	h.Write([]byte{0})
	h.Write([]byte(s.Text))
	var slug []string
	text := s.Text
	if s.Dateline {
		text = idText(text)
	}
	for _, t := range words.Split(text) {
		w := strings.ToLower(t.Text)
		if words.IsStop(w) {
			continue
		}
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w != "" {
			slug = append(slug, w)
		}
		if len(slug) == 5 {
			break
		}
	}
	return fmt.Sprintf("%s-%06x", strings.Join(slug, "-"), h.Sum32()&0xffffff)
}

// uniqueIDs suffixes the rare IDs that collide; events are sorted by ID.
func uniqueIDs(evs []Event) {
	seen := map[string]int{}
	for i := range evs {
		id := evs[i].ID
		if n := seen[id]; n > 0 {
			evs[i].ID = fmt.Sprintf("%s-%d", id, n+1)
		}
		seen[id]++
	}
}
