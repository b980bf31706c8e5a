package events

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// This file explains a Result after the fact: why the sentences of each
// event are one event, why sentences like them were left out, which kind
// of event each is, and which sources retell one report. It reads only
// what Extract leaves on the Result (the sentences' vectors, mention
// cues and dates), so it holds whatever the clustering is.

// The kinds of event KindOf tells apart.
const (
	KindHappening = "happening" // something was done or happened
	KindStatement = "statement" // someone said something
)

const (
	// candidateSim is the least cosine between a sentence outside an
	// event and one of its members for the sentence to count as a
	// candidate the event left out.
	candidateSim = 0.25
	// maxCandidates is the most left-out candidates listed per event,
	// the closest first.
	maxCandidates = 10
	// maxShared is the most shared words listed per pair.
	maxShared = 8
	// retoldSim is the cosine at which a sentence retells one of
	// another source: on the demo, a rewrite's sentences are at 0.3 to
	// 0.7 from the original's, two papers' own reports of one event
	// mostly below.
	retoldSim = 0.3
	// minRetold is the least share of each source's event mentions that
	// must retell one of the other's for the two to be rewrites of one
	// report (the demo's rewrite: 0.71 and 0.60; the closest pair of
	// independent reports of corpus2: 0.50 and 0.36).
	minRetold = 0.5
	// maxExplainPosting skips, when looking for sentences like one, the
	// terms more sentences share (as clustering does): they tell nothing
	// apart, and following them costs quadratic time on a large site.
	maxExplainPosting = 200
	// minRetoldSentences is the least number of paraphrased mentions:
	// two or three close sentences are what two reports of one event
	// share anyway.
	minRetoldSentences = 5
)

// EventExplanation says why an event's sentences are one event and why
// sentences close to them are not in it.
type EventExplanation struct {
	// Event is the index of the event in Result.Events.
	Event int
	// Kind is KindHappening or KindStatement (see KindOf).
	Kind string
	// Statements are the mentions that report speech (see Statement).
	Statements []int
	// Pairs are the pairs of mentions whose sentence vectors share a
	// term, the most similar first.
	Pairs []Pair
	// LeftOut are the sentences outside the event closest to its
	// mentions, the closest first, with why each is not in it.
	LeftOut []LeftOut
}

// Pair is the similarity of two mentions of an event and what they share.
type Pair struct {
	// A and B are indexes into Result.Sentences, A < B.
	A, B int
	// Cosine is the cosine similarity of the two sentences' term vectors.
	Cosine float64
	// Shared are the content words both sentences have, as A writes
	// them (lower case), in A's order.
	Shared []string
	// SameSource and SamePassage say whether the two come from one
	// source, and from one passage of it; SameDay whether both date
	// themselves, in their own words, to the same day.
	SameSource, SamePassage, SameDay bool
}

// The reasons a candidate sentence is not in an event.
const (
	LeftNotMention = "not an event mention"
	LeftCapped     = "capped"
	LeftBackground = "background date"
	LeftOtherDay   = "other day"
	LeftOtherEvent = "in another event"
	LeftNotLinked  = "not linked"
)

// LeftOut is a sentence close to an event that is not in it.
type LeftOut struct {
	// Sentence is an index into Result.Sentences.
	Sentence int
	// Cosine is its greatest cosine to a mention of the event.
	Cosine float64
	// Reason is one of the Left constants; Detail says more: the mention
	// cues, the background cue, the day, the other event's ID.
	Reason, Detail string
}

// Explain explains every event of res, index for index with res.Events.
// sources are the sources res was extracted from.
func Explain(res Result, sources []dedup.Source) []EventExplanation {
	sents := res.Sentences
	eventOf := make([]int, len(sents))
	for i := range eventOf {
		eventOf[i] = -1
	}
	for e, ev := range res.Events {
		for _, m := range ev.Mentions {
			if eventOf[m] < 0 {
				eventOf[m] = e
			}
		}
	}
	// An inverted index from terms to sentences proposes the candidates.
	post := map[int32][]int{}
	for i := range sents {
		for _, t := range sents[i].vec {
			post[t.id] = append(post[t.id], i)
		}
	}
	out := make([]EventExplanation, len(res.Events))
	for e, ev := range res.Events {
		x := EventExplanation{Event: e, Kind: KindOf(ev, sents)}
		for _, m := range ev.Mentions {
			if Statement(&sents[m]) {
				x.Statements = append(x.Statements, m)
			}
		}
		members := map[int]bool{}
		for _, m := range ev.Mentions {
			members[m] = true
		}
		for i, a := range ev.Mentions {
			for _, b := range ev.Mentions[i+1:] {
				if p, ok := pairOf(sents, min(a, b), max(a, b)); ok {
					x.Pairs = append(x.Pairs, p)
				}
			}
		}
		sort.SliceStable(x.Pairs, func(i, j int) bool { return x.Pairs[i].Cosine > x.Pairs[j].Cosine })
		closest := map[int]float64{}
		for _, m := range ev.Mentions {
			seen := map[int]bool{}
			for _, t := range sents[m].vec {
				if len(post[t.id]) > maxExplainPosting {
					continue
				}
				for _, c := range post[t.id] {
					if members[c] || seen[c] {
						continue
					}
					seen[c] = true
					if sim := dot(sents[m].vec, sents[c].vec); sim >= candidateSim && sim > closest[c] {
						closest[c] = sim
					}
				}
			}
		}
		days := eventDays(ev.Mentions, sents)
		for c, sim := range closest {
			reason, detail := leftOutReason(&sents[c], days, eventOf[c], res.Events)
			x.LeftOut = append(x.LeftOut, LeftOut{Sentence: c, Cosine: sim, Reason: reason, Detail: detail})
		}
		sort.Slice(x.LeftOut, func(i, j int) bool {
			a, b := x.LeftOut[i], x.LeftOut[j]
			if a.Cosine != b.Cosine {
				return a.Cosine > b.Cosine
			}
			return a.Sentence < b.Sentence
		})
		if len(x.LeftOut) > maxCandidates {
			x.LeftOut = x.LeftOut[:maxCandidates]
		}
		out[e] = x
	}
	return out
}

// pairOf compares sentences a and b; false when they share no term.
func pairOf(sents []Sentence, a, b int) (Pair, bool) {
	sa, sb := &sents[a], &sents[b]
	cos := dot(sa.vec, sb.vec)
	if cos <= 0 {
		return Pair{}, false
	}
	p := Pair{A: a, B: b, Cosine: cos, SameSource: sa.Source == sb.Source}
	p.SamePassage = p.SameSource && sa.Passage == sb.Passage
	p.SameDay = sa.OwnDate() && sb.OwnDate() && sa.When.Precision == temporal.Day &&
		sb.When.Precision == temporal.Day && sa.When.Start.Equal(sb.When.Start)
	other := map[string]bool{}
	for _, k := range words.ContentKeys(sb.Text) {
		other[k] = true
	}
	var keys []string
	for _, t := range words.Split(sa.Text) {
		lw := strings.ToLower(t.Text)
		if words.IsStop(lw) || strings.IndexFunc(lw, unicode.IsLetter) < 0 {
			continue
		}
		if k := words.Key(t.Text); other[k] && !slices.Contains(keys, k) {
			keys = append(keys, k)
			p.Shared = append(p.Shared, lw) // the word as A has it, not its stem
			if len(p.Shared) == maxShared {
				break
			}
		}
	}
	return p, true
}

// eventDays are the days the mentions give in their own words.
func eventDays(mentions []int, sents []Sentence) map[time.Time]bool {
	days := map[time.Time]bool{}
	for _, m := range mentions {
		s := &sents[m]
		if s.OwnDate() && !s.WhenBackground() && s.When.Precision == temporal.Day {
			days[s.When.Start] = true
		}
	}
	return days
}

// leftOutReason says why sentence s is not in an event whose mentions
// give days; other is the index of the event s is in, or -1.
func leftOutReason(s *Sentence, days map[time.Time]bool, other int, evs []Event) (string, string) {
	switch {
	case s.Mention.Cues&CueCapped != 0:
		return LeftCapped, CueCapped.String()
	case !s.Mention.Event:
		return LeftNotMention, s.Mention.Cues.String()
	case s.WhenBackground():
		e := s.Dates[s.WhenExpr]
		return LeftBackground, "“" + s.Text[e.Start:e.End] + "” (" + s.BackgroundCue(s.WhenExpr) + ")"
	case len(days) > 0 && s.OwnDate() && s.When.Precision == temporal.Day && !days[s.When.Start]:
		return LeftOtherDay, s.When.Display()
	case other >= 0:
		return LeftOtherEvent, evs[other].ID
	}
	return LeftNotLinked, "too little in common with the event's passages"
}

// Retold finds the pairs of sources that retell one report: rewrites
// in which at least half of each source's event mentions that joined an
// event retell one of the other's in that event (cosine at least
// retoldSim), at least minRetoldSentences of them, which dedup's
// shingles miss when the wording changed throughout. A retold sentence
// joins the event of the sentence it retells, so only sentences of one
// event are compared: the work is the sum of the squares of the events'
// sizes, not a search over the site. Pairs are of indexes into the
// sources, the smaller first, sorted. It stops when ctx is done, and
// returns ctx's error.
func Retold(ctx context.Context, res Result, nSources int) ([][2]int, error) {
	sents := res.Sentences
	joined := make([]int, nSources) // each source's event mentions in an event
	matched := map[[2]int]int{}     // matched[{a, b}]: a's mentions retold by b
	var hit []int
	compared := 0 // sentences compared since ctx was last looked at
	for _, ev := range res.Events {
		for _, i := range ev.Mentions {
			if compared += len(ev.Mentions); compared >= checkEvery {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				compared = 0
			}
			s := &sents[i]
			if !s.Mention.Event {
				continue
			}
			joined[s.Source]++
			hit = hit[:0]
			for _, j := range ev.Mentions {
				o := sents[j].Source
				if o == s.Source || !sents[j].Mention.Event || slices.Contains(hit, o) {
					continue
				}
				if dot(s.vec, sents[j].vec) >= retoldSim {
					hit = append(hit, o)
				}
			}
			for _, o := range hit {
				matched[[2]int{s.Source, o}]++
			}
		}
	}
	var out [][2]int
	for k, ab := range matched {
		a, b := k[0], k[1]
		ba := matched[[2]int{b, a}]
		if a < b && min(ab, ba) >= minRetoldSentences &&
			float64(ab) >= minRetold*float64(joined[a]) && float64(ba) >= minRetold*float64(joined[b]) {
			out = append(out, [2]int{a, b})
		}
	}
	slices.SortFunc(out, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return out, nil
}

// verbsOfSaying are the verbs whose subject is a speaker and whose
// complement is what was said.
var verbsOfSaying = map[string]bool{}

// namingVerbs are the verbs of saying that can take, instead of what was
// said, a noun phrase naming an action ("announced the closure"): the
// sentence then reports the action.
var namingVerbs = map[string]bool{}

// speechNouns are nouns that, as the object of a naming verb, name
// something said, not done ("denied the allegations", "announced plans").
var speechNouns = map[string]bool{}

func init() {
	for _, stem := range []string{"say", "tell", "announce", "state", "warn", "urge", "deny", "insist", "add",
		"claim", "declare", "confirm", "vow", "pledge", "promise", "accuse", "argue", "stress", "note",
		"assert", "reiterate", "explain", "allege", "report", "reveal", "predict", "threaten", "demand",
		"assure", "reassure", "acknowledge", "concede", "caution", "reply", "respond"} {
		for _, w := range sayForms(stem) {
			verbsOfSaying[w] = true
		}
	}
	for _, stem := range []string{"announce", "declare", "confirm", "report", "reveal"} {
		for _, w := range sayForms(stem) {
			namingVerbs[w] = true
		}
	}
	for _, w := range []string{"plan", "plans", "allegation", "allegations", "claim", "claims", "report", "reports",
		"accusation", "accusations", "rumour", "rumours", "rumor", "rumors", "intention", "hope", "hopes",
		"statement", "remarks", "comments", "warning", "warnings", "threat", "threats", "demand", "demands"} {
		speechNouns[w] = true
	}
}

// sayForms lists the forms of a regular verb of saying (but the bare
// form of those mostly nouns) and of the irregular ones.
func sayForms(stem string) []string {
	switch stem {
	case "say":
		return []string{"say", "says", "said", "saying"}
	case "tell":
		return []string{"tell", "tells", "told", "telling"}
	}
	var past, ing string
	switch {
	case strings.HasSuffix(stem, "e"):
		past, ing = stem+"d", stem[:len(stem)-1]+"ing"
	case strings.HasSuffix(stem, "y") && !strings.HasSuffix(stem, "ay"):
		past, ing = stem[:len(stem)-1]+"ied", stem+"ing"
	default:
		past, ing = stem+"ed", stem+"ing"
	}
	third := stem + "s"
	switch {
	case strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "ch"):
		third = stem + "es"
	case strings.HasSuffix(stem, "y") && !strings.HasSuffix(stem, "ay"):
		third = stem[:len(stem)-1] + "ies"
	}
	switch stem {
	case "state", "report", "note", "promise", "demand", "stress":
		return []string{third, past, ing} // the bare form is mostly a noun: "a state visit"
	}
	return []string{stem, third, past, ing}
}

// KindOf tells whether an event is a statement, most of its mentions
// reporting speech (see Statement), or a happening. A tie is a happening.
func KindOf(ev Event, sents []Sentence) string {
	n := 0
	for _, m := range ev.Mentions {
		if Statement(&sents[m]) {
			n++
		}
	}
	if len(ev.Mentions) > 0 && 2*n > len(ev.Mentions) {
		return KindStatement
	}
	return KindHappening
}

// Statement reports whether a sentence reports speech: its main verb is a
// verb of saying (said, told, announced, warned, urged, called for,
// denied, according to …) with a speaker for subject. The rule, read
// outside quotes:
//
//   - A verb of saying that opens the sentence's main clause, after its
//     subject ("Putin said on Tuesday that …", "Officials urged residents
//     to stay indoors"), makes it a statement, unless it is passive ("was
//     told to leave", "as announced by the Kremlin": no speaker), inside
//     a relative or subordinate clause
//     ("Residents who said …", "After the president announced …"), or a
//     verb that can name an action (announce, declare, confirm, report,
//     reveal) followed by a determiner and a noun that is not one of
//     speech: "announced the closure of the port" reports the closure, a
//     happening; "announced that the port would close" and "announced
//     plans to …" report what was said.
//   - An attribution after the report (", police said.", "according to
//     the ministry") makes it a statement only when what is attributed is
//     quoted or has no past verb of its own besides verbs of saying
//     ("The talks will resume, the ministry said"); "Two men were
//     arrested, police said" reports the arrests, a happening.
func Statement(s *Sentence) bool {
	text := s.Text[min(s.skip, len(s.Text)):]
	toks := words.Split(text)
	quoted := quotedMask(text, toks)
	lower := make([]string, len(toks))
	for i, t := range toks {
		lower[i] = strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
	}
	// attributed reports whether what the attribution in toks[from:to]
	// is attached to, the rest of the sentence, is itself speech: quoted,
	// or without a past verb of its own.
	attributed := func(from, to int) bool {
		end := len(text)
		if to < len(toks) {
			end = toks[to].Start
		}
		report := strings.TrimSpace(text[:toks[from].Start] + text[end:])
		if report == "" {
			return true
		}
		m := detectMention(report, nil, 0)
		return m.Cues&CueQuote != 0 || strings.ContainsAny(report[:1], "\"“‘") || m.Cues&(CuePast|CuePerfect) == 0
	}
	for i, w := range lower {
		if quoted[i] {
			continue
		}
		if w == "according" && i+1 < len(lower) && lower[i+1] == "to" {
			return attributed(sayClauseStart(text, toks, i), sayClauseEnd(text, toks, i))
		}
		if !verbsOfSaying[w] && !(w == "called" || w == "calls" || w == "call") {
			continue
		}
		if w == "called" || w == "calls" || w == "call" {
			if i+1 >= len(lower) || lower[i+1] != "for" {
				continue // "a town called Ostrow"
			}
		}
		switch {
		case i == 0 || strings.HasSuffix(w, "ing") || i+1 < len(lower) && lower[i+1] == "by":
			continue // no subject before it, or a participle ("confirmed by state media")
		case capitalised(toks[i].Text) || npOpener(lower[i-1]):
			continue // a name or a noun: "the United States", "the reports"
		case strings.HasPrefix(w, "add") && i+1 < len(lower) && lower[i+1] == "to":
			continue // "added to the doubts" says nothing
		}
		if sayPassive(lower[i-1]) {
			return false
		}
		start := sayClauseStart(text, toks, i)
		if saySubordinate(lower[start:i]) {
			continue
		}
		if start > 0 && i+1-start <= 6 && len(lower)-i <= 5 {
			return attributed(start, len(toks)) // ", police said." after the report
		}
		if namingVerbs[w] && i+2 < len(lower) && npOpener(lower[i+1]) && !speechNouns[lower[i+2]] {
			return false // "announced the closure of the port"
		}
		return true
	}
	return false
}

// sayPassive reports whether w, before a participle, makes it passive.
func sayPassive(w string) bool {
	switch w {
	case "was", "were", "been", "being", "be", "is", "are":
		return true
	}
	return false
}

// saySubordinate reports whether the words of a clause before its verb open
// a relative or subordinate clause.
func saySubordinate(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "who", "which", "whom", "whose", "after", "before", "when", "while", "as", "because", "since", "if", "although", "once", "until":
			return true
		}
	}
	return false
}

// npOpener reports whether w opens a noun phrase.
func npOpener(w string) bool {
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "new", "this", "these", "those":
		return true
	}
	return false
}

// sayClauseStart returns the index of the first token of the clause that
// holds token i: after the last comma, semicolon, colon, dash or closing
// quote before it.
func sayClauseStart(text string, toks []words.Token, i int) int {
	for j := i; j > 0; j-- {
		if strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ",;:—–\"”") {
			return j
		}
	}
	return 0
}

// sayClauseEnd returns the index after the last token of the clause that
// holds token i: up to the next comma, semicolon, colon or dash.
func sayClauseEnd(text string, toks []words.Token, i int) int {
	for j := i + 1; j < len(toks); j++ {
		if strings.ContainsAny(text[toks[j-1].End:toks[j].Start], ",;:—–") {
			return j
		}
	}
	return len(toks)
}
