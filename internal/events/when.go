package events

import (
	"strings"

	"github.com/timeline-ssg/timeline/internal/lexicon"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

const (
	// inheritBack is how many sentences back a sentence without a date of
	// its own looks for one to inherit, within its paragraph or from the
	// paragraph before.
	inheritBack = 3
	// inheritAhead is how many sentences ahead, in its own paragraph, it
	// looks when none is behind it ("Police arrested two men. The raids
	// were on Monday.").
	inheritAhead = 2
)

// dateSentences sets When for every sentence: its own date when it has
// one, else the date of a nearby sentence of the same narrative, the
// nearest before it in its paragraph or the paragraph before, else the
// nearest after it in its paragraph. Sentences of one source are
// contiguous and in order.
func dateSentences(sents []Sentence) {
	for i := range sents {
		s := &sents[i]
		s.When, s.WhenExpr, s.Inherited, s.WhenFrom = temporal.Date{}, 0, false, 0
		if k := ownDate(s); k >= 0 {
			s.When, s.WhenExpr = s.Dates[k].Date, k
		}
	}
	for i := range sents {
		s := &sents[i]
		if s.OwnDate() || len(s.Dates) > 0 {
			continue // a sentence that places itself in time inherits nothing
		}
		if d := donor(sents, i); d >= 0 {
			s.When, s.Inherited, s.WhenFrom = sents[d].When, true, d
		}
	}
}

// ownDate returns the index in s.Dates of the expression that dates what
// s reports: the first of day precision that is not background to it
// (anchored to another event, or held by a clause that tells another; see
// Background), else the first of week precision. A sentence whose every
// such date is background keeps the first one not anchored to another
// event, as the time of the clause that holds it, which groups the
// sentence with what that clause tells ("has been leaking since a rig
// exploded on 20 April"); WhenBackground then reports it, and neither
// the event's date (chronology) nor a neighbour (donor) takes it. -1
// when there is none.
func ownDate(s *Sentence) int {
	if k := firstDate(s, s.Background); k >= 0 {
		return k
	}
	return firstDate(s, s.Anchored)
}

// firstDate returns the first date of day precision that skip does not
// reject, else the first of week precision, or -1.
func firstDate(s *Sentence, skip func(int) bool) int {
	best := -1
	for k, e := range s.Dates {
		if e.Date.Precision < temporal.Week || skip(k) {
			continue
		}
		if e.Date.Precision == temporal.Day {
			return k
		}
		if best < 0 {
			best = k
		}
	}
	return best
}

// WhenBackground reports whether When is a date of the sentence's own
// words that is background to what it reports (see ownDate).
func (s *Sentence) WhenBackground() bool {
	return s.OwnDate() && s.Background(s.WhenExpr)
}

// donor returns the sentence whose own date sentence i inherits, or -1.
func donor(sents []Sentence, i int) int {
	s := &sents[i]
	for j := i - 1; j >= 0 && i-j <= inheritBack; j-- {
		d := &sents[j]
		if d.Source != s.Source || s.Block-d.Block > 1 {
			break
		}
		if d.OwnDate() && !d.WhenBackground() {
			return j
		}
	}
	for j := i + 1; j < len(sents) && j-i <= inheritAhead; j++ {
		d := &sents[j]
		if d.Source != s.Source || d.Block != s.Block {
			break
		}
		if d.OwnDate() && !d.WhenBackground() {
			return j
		}
	}
	return -1
}

// Background cues: why a date in a sentence tells when something other
// than the sentence's own event happened (see backgroundCue).
const (
	BgPluperfect = "pluperfect" // "had met him in July"
	BgSince      = "since"      // "since he came to power in 2011"
	BgFirst      = "first"      // "first unveiled in 2019"
	BgRelative   = "relative"   // "Jackson, who died last week", "a total that includes …"
	BgParticiple = "participle" // "reached the ship built in 1998"
	BgPerfect    = "perfect"    // "has ordered … over his death in 2009"
)

// Background reports whether the k-th date of the sentence is background
// to what the sentence reports: anchored to another event (see Anchored)
// or held by a clause that tells an earlier, other event (see
// backgroundCue). Such a date never dates the sentence's event.
func (s *Sentence) Background(k int) bool {
	return s.Anchored(k) || backgroundCue(s.Text, s.Dates[k]) != ""
}

// BackgroundCue names why the k-th date of the sentence is background
// (one of the Bg cues, "anchored", or "" when it is the sentence's own).
func (s *Sentence) BackgroundCue(k int) string {
	if s.Anchored(k) {
		return "anchored"
	}
	return backgroundCue(s.Text, s.Dates[k])
}

// backgroundCue returns why expression e of text dates an event other
// than the one its sentence reports, or "". It reads the clause that
// holds e, from the last comma, semicolon, colon, dash or bracket before
// it:
//
//   - the nearest verb before e is a pluperfect, "had" and a participle:
//     the clause tells what happened before the story's moment;
//   - "since" opens a clause with its own verb and e is a month or a
//     year it writes out ("since he came to power in 2011"); a day or a
//     relative time there ("since shelling began on Friday") names the
//     story's own event the state runs from, and stays;
//   - "first", "originally" or "initially" before a participle ("first
//     unveiled in 2019");
//   - a relative pronoun (who, which, whom, whose; "that" after a noun
//     with its determiner) opens a clause with a past form before e: it
//     tells what a noun did or had done ("who died last week"), not
//     "which we share today";
//   - a participle right after a noun, not after an auxiliary or a
//     subject, within three words before e and followed by e or a
//     preposition (not "unmarked police vans"), the noun the object of a
//     finite verb up to eight words before it, with its determiner, in a clause whose finite verb
//     comes before that noun and is not a verb of saying ("reached the
//     ship built in 1998", "the $7bn earmarked for sale last week");
//   - the nearest verb is a present perfect and e a whole year or month
//     with its year: English does not put a definite past time on a
//     present perfect ("has ordered … over the singer's death in 2009"),
//     so the date belongs to a noun.
func backgroundCue(text string, e temporal.Expression) string {
	if e.Start <= 0 || e.Start > len(text) {
		return ""
	}
	head := text[:e.Start]
	cut := strings.LastIndexAny(head, ",;:—–()")
	if cut >= 0 {
		head = head[cut+1:]
	}
	toks := words.Split(head)
	n := len(toks)
	lower := make([]string, n)
	for i, t := range toks {
		lower[i] = strings.ToLower(t.Text)
	}
	// The nearest verb form before e, and what comes before it.
	verb := -1
	for i := n - 1; i >= 0; i-- {
		if lower[i] == "to" && i > 0 && futureInPast[lower[i-1]] {
			break // "had been expected to surrender last Friday": the date is the plan's
		}
		if verbForm(lower[i]) {
			verb = i
			break
		}
	}
	if verb >= 0 {
		aux := auxBefore(lower, verb)
		if aux >= 0 && (lower[aux] == "had" || lower[aux] == "hadn't") && !backshift(lower, aux) {
			return BgPluperfect
		}
		if aux >= 0 && (lower[aux] == "has" || lower[aux] == "have" || lower[aux] == "hasn't" || lower[aux] == "haven't") &&
			e.Date.Precision <= temporal.Month && (e.Kind == temporal.Absolute || e.Kind == temporal.BareYear) && !sinceBefore(lower) {
			return BgPerfect
		}
		if verb > 0 {
			switch lower[verb-1] {
			case "first", "originally", "initially":
				if pastForm(lower[verb]) {
					return BgFirst
				}
			}
		}
	}
	if sinceClause(lower) && e.Date.Precision <= temporal.Month && e.Kind != temporal.Relative {
		return BgSince
	}
	for i := n - 1; i >= 0; i-- {
		if i == 0 && cut < 0 {
			break // a question, "Who …", not a clause about a noun before it
		}
		switch lower[i] {
		case "who", "which", "whom", "whose":
			if pastAfter(lower[i+1:]) {
				return BgRelative
			}
		case "that":
			if i >= 2 && determiner[lower[i-2]] && !verbForm(lower[i-1]) && !isUpperWord(toks[i-1].Text) && pastAfter(lower[i+1:]) {
				return BgRelative
			}
		}
	}
	if verb >= 1 && n-verb <= 4 && participleForm(lower[verb]) && !reportingVerb[lower[verb]] &&
		(verb == n-1 || preposition[lower[verb+1]]) && auxBefore(lower, verb) < 0 {
		p := lower[verb-1]
		reduced := !auxiliaryWord(p) && !pronoun[p] && !modal[p] && !verbForm(p) && !determiner[p] &&
			p != "and" && p != "or" && p != "but" && p != "to" && p != "not" && !(strings.HasSuffix(p, "ly") && len(p) > 4)
		if reduced {
			for i := verb - 2; i >= 0 && i >= verb-objectSpan; i-- {
				if finiteClauseOpener[lower[i]] {
					break // "… as the government moved Friday": a clause of its own
				}
				if finiteBefore(lower, i) && !strings.ContainsAny(lower[i], "-‑") && (i == 0 || !determiner[lower[i-1]]) {
					if !saying[lower[i]] && !reportingVerb[lower[i]] && determinerBetween(lower[i+1:verb]) {
						return BgParticiple
					}
					break
				}
			}
		}
	}
	return ""
}

// objectSpan is how many words before a participle the finite verb whose
// object it modifies may stand ("condemned the UN resolution passed on
// Friday").
const objectSpan = 8

// participleForm reports a form that is a past participle: a regular
// "-ed" form or an irregular participle ("built"), not a past form only
// ("came", "began").
func participleForm(w string) bool {
	return edForm(w) || lexicon.IrregularParticiple(w)
}

// determinerBetween reports whether the words hold a determiner: the
// object noun phrase a participle may modify ("reached the ship built …").
func determinerBetween(lower []string) bool {
	for _, w := range lower {
		if determiner[w] {
			return true
		}
	}
	return false
}

// backshift reports whether the "had" at i follows a verb of saying
// with at most its subject and "that" between ("said they had spent
// yesterday …"): reported speech puts a simple past in the pluperfect, so
// the clause tells the reported event itself.
func backshift(lower []string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		w := lower[j]
		if reportingVerb[w] || saying[w] || w == "says" || w == "say" || w == "tell" || w == "tells" {
			return true
		}
		if auxiliaryWord(w) || verbForm(w) && !(j > 0 && determiner[lower[j-1]]) {
			return false // another verb, not an adjective in the subject ("the restored system")
		}
	}
	return false
}

// pastAfter reports whether a past form or participle is among the words.
func pastAfter(lower []string) bool {
	for _, w := range lower {
		if verbForm(w) {
			return true
		}
	}
	return false
}

// sinceBefore reports whether "since" is among the words.
func sinceBefore(lower []string) bool {
	for _, w := range lower {
		if w == "since" {
			return true
		}
	}
	return false
}

// sinceClause reports whether "since" opens a clause with its own verb
// before the date ("since he came to power in 2011"). "since the early
// hours of Monday" is the start of the state the sentence reports.
func sinceClause(lower []string) bool {
	for i, w := range lower {
		if w != "since" {
			continue
		}
		for _, v := range lower[i+1:] {
			if verbForm(v) || auxiliaryWord(v) || modal[v] {
				return true
			}
		}
	}
	return false
}

// verbForm reports a past form or participle: "met", "announced", "built".
func verbForm(w string) bool {
	return edForm(w) || lexicon.IrregularPast(w) || lexicon.IrregularParticiple(w)
}

// pastForm reports a form that may be a past participle.
func pastForm(w string) bool {
	return edForm(w) || lexicon.IrregularParticiple(w) || lexicon.IrregularPast(w) && !pastAux[w]
}

// auxBefore returns the index of the auxiliary that governs the verb at
// i, skipping adverbs and "been"/"being" ("had already been arrested"),
// or -1.
func auxBefore(lower []string, i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := lower[j]
		switch {
		case w == "not" || w == "also" || w == "already" || w == "just" || w == "never" || w == "first" || w == "been" || w == "previously" || w == "since" || w == "recently":
			continue
		case strings.HasSuffix(w, "ly") && len(w) > 4:
			continue
		case auxiliaryWord(w):
			return j
		}
		return -1
	}
	return -1
}

// auxiliaryWord reports a form of be, have or do, or "get".
func auxiliaryWord(w string) bool {
	switch w {
	case "is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had", "hasn't", "haven't", "hadn't",
		"wasn't", "weren't", "isn't", "aren't", "get", "gets", "got", "did", "does", "do", "'d":
		return true
	}
	return false
}

// finiteBefore reports whether word i is a finite verb: an auxiliary, a
// past form not itself after an auxiliary, or a modal.
func finiteBefore(lower []string, i int) bool {
	w := lower[i]
	if auxiliaryWord(w) || modal[w] || w == "will" {
		return true
	}
	return verbForm(w) && auxBefore(lower, i) < 0
}

// finiteClauseOpener lists the words that open a clause of its own, whose
// "-ed" verb is finite ("as the government moved Friday").
var finiteClauseOpener = set(`as when while after before because since although though and but or that if until
where whereas so once unless whether`)

// futureInPast lists the words before "to" that make an infinitive a
// plan ("had been expected to", "was due to"): a date in it dates the
// plan, however its clause is in the past.
var futureInPast = set(`expected scheduled slated due set planned poised meant supposed likely going intended`)

// preposition lists the words that may open the complement of a
// participle that modifies a noun ("built in 1998", "earmarked for sale").
var preposition = set(`in on at for by during from to over until with after before into across near`)

// saying lists verbs that take a clause as object ("confirmed the bridge
// collapsed on Monday"): a participle after them is a finite verb.
var saying = set(`confirmed announced reported revealed denied believed feared warned learned knew thought
showed indicated alleged admitted hoped heard found felt realized realised saw understood assumed
estimated expected predicted ruled decided agreed insisted`)
