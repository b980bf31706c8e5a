package events

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/timeline/dedup"
	"github.com/timeline-ssg/timeline/timeline/temporal"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// makeEvent turns a cluster of sentences into an event, or reports that
// it is not one: a sentence only one source carries becomes an event only
// when it is dated, since undated single-source sentences are mostly
// background and comment.
func makeEvent(members []int, sents []Sentence, sources []dedup.Source) (Event, bool) {
	srcSet := map[int]bool{}
	for _, m := range members {
		srcSet[sents[m].Source] = true
	}
	if len(srcSet) < 2 && !dated(members, sents) {
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
	ev.Title = headline(central.order, sents)
	ev.Summary = summary(central.order, sents)
	ev.ID = eventID(ev.Mentions, sents, sources)
	return ev, true
}

// dated reports whether any member sentence carries a date of its own
// (not the dateline) that resolved to a month or better.
func dated(members []int, sents []Sentence) bool {
	for _, m := range members {
		for _, e := range sents[m].Dates {
			if e.Date.Precision >= temporal.Month {
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

// summary picks up to three sentences: the most central, then the most
// central of each other source, in that order.
func summary(order []int, sents []Sentence) []int {
	var out []int
	used := map[int]bool{}
	for _, m := range order {
		if len(out) == 3 {
			break
		}
		if used[sents[m].Source] || !goodSummary(sents[m].Text) {
			continue
		}
		used[sents[m].Source] = true
		out = append(out, m)
	}
	if len(out) == 0 {
		out = append(out, order[0])
	}
	return out
}

func goodSummary(s string) bool {
	return utf8.RuneCountInString(s) >= 30 && utf8.RuneCountInString(s) <= 400 && !strings.HasSuffix(s, "?")
}

// maxTitle is the longest title in characters.
const maxTitle = 80

// headline makes a title from the most central sentence that has a named
// subject: the main clause, without a leading adverbial phrase or
// dateline, shortened at a clause boundary to at most maxTitle characters.
func headline(order []int, sents []Sentence) string {
	best := ""
	for _, m := range order {
		t := mainClause(sents[m].Text, sents[m].Dateline)
		if t == "" {
			continue
		}
		if !pronounStart(t) {
			return t
		}
		if best == "" {
			best = t
		}
	}
	if best == "" {
		best = shorten(sents[order[0]].Text)
	}
	return best
}

// mainClause strips a dateline, a leading adverbial phrase ("After
// inspecting the aircraft, ", "At the airfield, ") and trailing clauses.
func mainClause(s string, dateline bool) string {
	if dateline {
		if i := strings.IndexAny(s, "–—"); i >= 0 && i < 80 {
			_, size := utf8.DecodeRuneInString(s[i:])
			s = strings.TrimSpace(s[i+size:])
		}
	}
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ", "); i > 0 && i < 2*len(s)/3 {
		first := strings.ToLower(firstWordOf(s))
		if leadingAdverbial[first] {
			rest := strings.TrimSpace(s[i+2:])
			// "At X, located Y, Kim was …": skip a second appositive too.
			if j := strings.Index(rest, ", "); j > 0 && j < len(rest)/2 && participle(firstWordOf(rest)) {
				rest = strings.TrimSpace(rest[j+2:])
			}
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				s = rest
			} else if rest != "" {
				s = strings.ToUpper(rest[:1]) + rest[1:]
			}
		}
	}
	return shorten(s)
}

var leadingAdverbial = map[string]bool{
	"after": true, "before": true, "during": true, "at": true, "in": true, "on": true, "when": true,
	"while": true, "following": true, "additionally": true, "moreover": true, "however": true,
	"meanwhile": true, "furthermore": true, "later": true, "then": true, "also": true, "earlier": true,
	"throughout": true, "despite": true, "amid": true, "as": true, "since": true, "upon": true, "with": true,
	"coinciding": true, "accompanied": true, "according": true,
}

// shorten cuts s to at most maxTitle characters at a clause boundary (a
// comma, dash, semicolon or "which/who/that"), never inside a word, and
// drops the final full stop.
func shorten(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".")
	if utf8.RuneCountInString(s) <= maxTitle {
		return balanceQuotes(s)
	}
	cut := ""
	for _, sep := range []string{", which", ", who", ", where", ", ", " – ", " — ", "; "} {
		for i := strings.Index(s, sep); i > 0; {
			if utf8.RuneCountInString(s[:i]) > maxTitle {
				break
			}
			if utf8.RuneCountInString(s[:i]) >= 25 && len(s[:i]) > len(cut) {
				cut = s[:i]
			}
			j := strings.Index(s[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	if cut == "" {
		// No clause boundary fits: cut at the last word boundary.
		r := []rune(s)
		cut = string(r[:maxTitle-1])
		if i := strings.LastIndexByte(cut, ' '); i > 20 {
			cut = cut[:i]
		}
		cut = strings.TrimRight(cut, ",;:–— ") + "…"
	}
	return balanceQuotes(strings.TrimRight(cut, ",;: "))
}

// balanceQuotes removes a quote mark left open by shortening.
func balanceQuotes(s string) string {
	if strings.Count(s, "“") > strings.Count(s, "”") {
		s = strings.Replace(s, "“", "", 1)
	}
	if strings.Count(s, "\"")%2 == 1 {
		s = strings.Replace(s, "\"", "", 1)
	}
	return strings.TrimSpace(s)
}

func firstWordOf(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// participle reports a lower-case -ed or -ing word, which opens an
// appositive phrase ("located 50 km from …").
func participle(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// pronounStart reports a title that would begin with a pronoun subject.
func pronounStart(s string) bool {
	switch strings.ToLower(firstWordOf(s)) {
	case "he", "she", "they", "it", "this", "these", "those", "that", "we", "i", "his", "her", "their", "its":
		return true
	}
	return false
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
		text = mainClause(text, true)
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
