package events

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/lexicon"
	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
)

// Mention says whether a sentence reports an event, and why. News
// sentences that report something happening have an actor and a verb in
// the past tense (or a scheduled future), often a date or a place;
// background, analysis, opinion, questions and quoted commentary do not.
type Mention struct {
	// Event is true when the sentence reads as the report of an event.
	Event bool
	// Score is the sum of the weights of the cues (see Params.Mention);
	// Event is Score ≥ 1.
	Score float64
	// Cues are the cues found, for explanations.
	Cues Cues
}

// Cues is a set of the cues mention detection looks for.
type Cues uint32

// The cues, each with its weight in Params.Mention.
const (
	CuePast     Cues = 1 << iota // a finite verb in the past tense outside quotes ("arrested", "was sent")
	CueReported                  // the only past verbs report speech ("said", "told")
	CuePerfect                   // a present perfect ("has resigned")
	CueFuture                    // a scheduled future ("will meet", "is set to")
	CueOngoing                   // a present progressive ("are gathering")
	CueDate                      // a date of its own, a week or more precise
	CueActor                     // a name: a capitalised word that does not open the sentence
	CueNumber                    // a number
	CueQuestion                  // ends with a question mark
	CueExclaim                   // ends with an exclamation mark
	CuePerson                    // first or second person outside quotes ("we", "you")
	CueSpeaker                   // a transcript's speaker label ("BLITZER:")
	CueShort                     // fewer than five words
	CueHedge                     // a modal ("could", "may") and no past or future
	CueOpinion                   // a verb of opinion or analysis in the present ("suggests", "believe")
	CueGeneric                   // a present copula and no past or future ("is a", "are")
	CueQuote                     // most of the words are quoted
	CueMeta                      // the text speaks of itself ("this report") or is page chrome ("Reply |")
	CueState                     // the only past verb is a copula of state ("was a modest man")
	CueCapped                    // a mention after the most one source may bring (see maxMentions)
)

var cueNames = []string{"past", "reported", "perfect", "future", "ongoing", "date", "actor", "number",
	"question", "exclamation", "first/second person", "speaker label", "short", "hedge", "opinion",
	"generic", "quote", "meta", "past state", "over the source's limit of event mentions"}

// String lists the cues by name.
func (c Cues) String() string {
	var out []string
	for i, n := range cueNames {
		if c&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// nCue is the number of cues that weigh in the mention model: all but
// CueCapped, which limitMentions sets.
const nCue = 19

// judge weighs the cues c by the mention model of p: the score is the
// sum of the weights of the cues found, and the sentence reads as the
// report of an event when it is 1 or more. Sums are rounded to six
// decimals, so that weights in tenths add up as tenths do.
func (p *Params) judge(c Cues) Mention {
	score := 0.0
	for i := range nCue {
		if c&(1<<i) != 0 {
			score += p.Mention[i]
		}
	}
	score = math.Round(score*1e6) / 1e6
	return Mention{Event: score >= 1, Score: score, Cues: c}
}

// judgeMentions weighs the cues of every sentence by the mention model
// of p (see judge), as a first pass of limitMentions had not capped any.
func judgeMentions(sents []Sentence, p *Params) {
	for i := range sents {
		sents[i].Mention = p.judge(sents[i].Mention.Cues &^ CueCapped)
	}
}

// detectMention judges one sentence. dates are its temporal expressions
// (offsets in text); skip is the length of a dateline prefix to ignore.
func detectMention(text string, dates []temporal.Expression, skip int) Mention {
	toks := words.Split(text)
	return detectMentionTokens(text, toks, lowerWords(nil, toks), dates, skip)
}

// detectMentionTokens is detectMention over the words of text, already
// split, and lower-cased as lows (see lowerWords).
func detectMentionTokens(text string, all []words.Token, lows []string, dates []temporal.Expression, skip int) Mention {
	body := text[skip:]
	toks := all // without a dateline, the words of the body are all of them
	if skip > 0 {
		toks = make([]words.Token, 0, len(all))
		for _, t := range all {
			if t.Start >= skip {
				toks = append(toks, words.Token{Start: t.Start - skip, End: t.End - skip, Text: t.Text})
			}
		}
		lows = lows[len(all)-len(toks):] // the words of the body are the last ones
	}
	var c Cues
	// Words inside dates do not count as words of the sentence.
	inDate := func(t words.Token) bool {
		for _, e := range dates {
			if t.Start+skip >= e.Start && t.End+skip <= e.End {
				return true
			}
		}
		return false
	}
	quoted := quotedMask(body, toks)
	nWords, nQuoted := 0, 0
	for i, t := range toks {
		if inDate(t) {
			continue
		}
		nWords++
		if quoted[i] {
			nQuoted++
		}
	}
	if nWords < 5 {
		c |= CueShort
	}
	if nWords > 0 && nQuoted*2 > nWords {
		c |= CueQuote
	}
	end := strings.TrimRight(body, " \"'”’)]")
	switch {
	case strings.HasSuffix(end, "?"):
		c |= CueQuestion
	case strings.HasSuffix(end, "!"):
		c |= CueExclaim
	}
	if speakerLabel(body) {
		c |= CueSpeaker
	}
	if strings.Contains(body, " | ") || strings.Contains(body, " wrote:") {
		c |= CueMeta // a separator of page chrome or a comment's byline, never prose
	}
	past, state, reportOnly, perfect, future, ongoing, hedge, opinion := false, false, true, false, false, false, false, false
	firstVerb := ""
	for i, t := range toks {
		if quoted[i] || inDate(t) {
			continue
		}
		w := t.Text
		lw := lows[i]
		upper := isUpperWord(w)
		kind := wordKind[lw]
		if i > 0 && upper && kind&kindPronoun == 0 && !words.IsStop(lw) {
			c |= CueActor
		}
		if i == 0 && upper && kind&kindPronoun == 0 && !words.IsStop(lw) && kind&kindSentenceAdverb == 0 {
			c |= CueActor
		}
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			c |= CueNumber
		}
		if kind&kindPerson != 0 && (lw != "us" || w == "us") {
			c |= CuePerson
		}
		if w == "this" || w == "This" {
			if i+1 < len(toks) && metaNoun[strings.ToLower(toks[i+1].Text)] {
				c |= CueMeta
			}
		}
		switch {
		case lw == "will" && !upper || lw == "shall" || lw == "'ll" || lw == "won't":
			future = true
		case lw == "will" && i == 0:
			future = true
		case kind&kindFutureLead != 0 && i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "to") && (isOrWas(prevWord(toks, i)) || lw == "plans" || lw == "intends"):
			future = true
		case lw == "is" || lw == "are" || lw == "am":
			if i+1 < len(toks) && strings.HasSuffix(strings.ToLower(toks[i+1].Text), "ing") {
				ongoing = true
			} else if i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "to") {
				future = true // "is to visit"
			}
			if firstVerb == "" {
				firstVerb = lw
			}
		case lw == "has" || lw == "have":
			if i+1 < len(toks) && (edForm(strings.ToLower(toks[i+1].Text)) || lexicon.IrregularParticiple(strings.ToLower(toks[i+1].Text))) {
				perfect = true
			}
			if firstVerb == "" {
				firstVerb = lw
			}
		case kind&kindModal != 0 && !upper:
			hedge = true
		case kind&kindOpinion != 0 && !upper:
			opinion = true
		case (lw == "was" || lw == "were") && !auxOfVerb(toks, i):
			state = true
			if firstVerb == "" {
				firstVerb = lw
			}
		case isPastVerb(body, toks, i, lw):
			past = true
			if !reportingVerb[lw] || i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "to") {
				reportOnly = false // "added to the doubts" reports nothing
			}
			if firstVerb == "" {
				firstVerb = lw
			}
		}
	}
	switch {
	case past:
		c |= CuePast
		if reportOnly && nQuoted > 0 {
			c |= CueReported
		}
	case perfect:
		c |= CuePerfect
	case state:
		c |= CueState
	}
	if future {
		c |= CueFuture
	}
	if ongoing && !past {
		c |= CueOngoing
	}
	if hedge && !past && !future && !perfect && !state {
		c |= CueHedge
	}
	if opinion && !past {
		c |= CueOpinion
	}
	for _, e := range dates {
		if e.Kind != temporal.BareYear && (e.Date.IsZero() || e.Date.Precision >= temporal.Week) && !anchored(text, e) {
			c |= CueDate
			break
		}
	}
	if (firstVerb == "is" || firstVerb == "are") && !past && !future && !perfect && !ongoing && c&CueDate == 0 {
		c |= CueGeneric
	}
	return fitted.judge(c)
}

// auxOfVerb reports whether the "was" or "were" at token i is the
// auxiliary of a verb that follows ("was arrested", "were fleeing", "was to
// speak") rather than a copula of state ("was a modest man").
func auxOfVerb(toks []words.Token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		w := strings.ToLower(toks[j].Text)
		switch {
		case w == "not" || w == "also" || w == "then" || w == "still" || w == "already" || w == "first" || w == "later" || w == "never" || w == "just" || w == "being" || w == "been":
			continue
		case strings.HasSuffix(w, "ly") && len(w) > 4:
			continue
		}
		return edForm(w) || lexicon.IrregularParticiple(w) || lexicon.IrregularPast(w) || strings.HasSuffix(w, "ing") && len(w) > 5 || w == "to"
	}
	return false
}

// isPastVerb reports whether token i (lower-case lw) is a finite verb in
// the past tense: an irregular past form, or a regular "-ed" form that no
// determiner or present "be" comes before and no comma sets apart.
func isPastVerb(text string, toks []words.Token, i int, lw string) bool {
	w := toks[i].Text
	if pastAux[lw] {
		return true
	}
	if lexicon.IrregularPast(lw) {
		return true
	}
	if lexicon.AmbiguousPast(lw) && i > 0 {
		// "Black Heron put …": a present form after a name would be "puts".
		p := toks[i-1].Text
		return isUpperWord(p) && !strings.HasSuffix(p, "s") || strings.EqualFold(p, "he") || strings.EqualFold(p, "she") || strings.EqualFold(p, "it")
	}
	if !edForm(lw) || isUpperWord(w) || strings.ContainsAny(w, "-‑") {
		return false
	}
	// Look back over adverbs in -ly ("was swiftly arrested").
	j := i - 1
	for j >= 0 && strings.HasSuffix(strings.ToLower(toks[j].Text), "ly") && len(toks[j].Text) > 4 {
		j--
	}
	if j < 0 {
		return false // an opening participle: "Accompanied by …,"
	}
	if strings.Contains(text[toks[j].End:toks[i].Start], ",") && i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "by") {
		return false // "Kim, accompanied by …" sets off a participle
	}
	switch p := strings.ToLower(toks[j].Text); {
	case determiner[p]:
		return false // "the reported trip"
	case p == "is" || p == "are" || p == "am" || p == "be" || p == "being" || p == "to":
		return false // present passive, infinitive
	case p == "been":
		return false // a perfect: "have been arrested"; "had" marks a past one
	case p == "has" || p == "have":
		return false // a present perfect, weighed apart
	}
	return true
}

// edForm reports a regular "-ed" form: "announced", not "need",
// "proceed", "hundred" or "red".
func edForm(lw string) bool {
	n := len(lw)
	if n < 4 || !strings.HasSuffix(lw, "ed") {
		return false
	}
	if strings.HasSuffix(lw, "eed") {
		return eedPast[lw]
	}
	_, ok := notParticiple[lw]
	return !ok
}

// anchored reports whether a date names when another event happened
// rather than the sentence's own: "since Monday", "before Friday",
// "Monday's attack", "two days later".
func anchored(text string, e temporal.Expression) bool {
	if e.Kind == temporal.Relative {
		// "two days later", "a day after", "the day before", "the
		// following day" count from another event of the story, not from
		// the publication date.
		t := strings.ToLower(e.Text)
		for _, w := range []string{"later", "after", "earlier", "before", "following day", "next day", "previous day"} {
			if strings.HasSuffix(t, w) {
				return true
			}
		}
	}
	before := strings.TrimRight(text[:e.Start], " ")
	if i := strings.LastIndexAny(before, " ,(—–-"); i >= 0 {
		before = before[i+1:]
	}
	switch strings.ToLower(before) {
	case "since", "before", "after":
		return true
	}
	after := text[e.End:]
	return strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s")
}

// quotedMask marks the tokens inside quotation marks. A quote left open
// runs to the end of the sentence, and a closing mark without an opening
// one closes a quote that began in an earlier sentence.
func quotedMask(s string, toks []words.Token) []bool {
	type span struct{ a, b int }
	var spans []span
	open := -1
	straight := false
	for i, r := range s {
		switch r {
		case '“':
			if open < 0 {
				open, straight = i, false
			}
		case '”':
			if open >= 0 && !straight {
				spans = append(spans, span{open, i})
				open = -1
			} else if open < 0 && len(spans) == 0 {
				spans = append(spans, span{0, i})
			}
		case '"':
			if open >= 0 && straight {
				spans = append(spans, span{open, i})
				open = -1
			} else if open < 0 {
				open, straight = i, true
			}
		}
	}
	if open >= 0 {
		spans = append(spans, span{open, len(s)})
	}
	mask := make([]bool, len(toks))
	for i, t := range toks {
		for _, sp := range spans {
			if t.Start > sp.a && t.End <= sp.b {
				mask[i] = true
				break
			}
		}
	}
	return mask
}

// speakerLabel reports a transcript line: a name in capitals and a colon
// ("BLITZER:", "FAREED ZAKARIA, CNN:").
func speakerLabel(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 2 || i > 40 {
		return false
	}
	letters := 0
	for _, r := range s[:i] {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		case r == ' ' || r == ',' || r == '.' || r == '\'' || r == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

func isUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isOrWas reports a form of "be" that a future lead follows ("is
// expected to").
func isOrWas(w string) bool {
	return w == "is" || w == "are" || w == "was" || w == "were" || w == "am"
}

// prevWord is the lower-case word before token i, or "".
func prevWord(toks []words.Token, i int) string {
	if i == 0 {
		return ""
	}
	return strings.ToLower(toks[i-1].Text)
}

// The lists of words wordKind tells.
const (
	kindPronoun uint8 = 1 << iota
	kindPerson
	kindFutureLead
	kindModal
	kindOpinion
	kindSentenceAdverb
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	pastAux       = set(`was were had did wasn't weren't hadn't didn't`)
	reportingVerb = set(`said told added noted stated explained commented argued insisted wrote remarked
	observed replied responded continued acknowledged asserted contended maintained suggested emphasized
	emphasised stressed claimed`)
	modal = set(`could would might may should must can can't cannot couldn't wouldn't shouldn't`)
	// opinionVerb lists present forms of verbs of opinion and analysis.
	opinionVerb = set(`suggests suggest signals signal underscores underscore highlights indicates
	reflects means remains remain seems seem believe believes think thinks fear fears argue argues hope
	hopes doubt doubts wonder wonders appears appear feel feels`)
	futureLead = set(`set scheduled slated due expected poised planning plans intends going`)
	determiner = set(`the a an this that these those its his her their our my your some many more most
	very so too less highly fully newly any no each every such`)
	pronoun = set(`he she it they we i you his her its their our my your this these those that there
	here who what which`)
	person = set(`i me my we us our you your`)
	// sentenceAdverb lists capitalised openers that are not names.
	sentenceAdverb = set(`however meanwhile moreover furthermore additionally also still yet but and or
	so then now later earlier today yesterday tomorrow after before during while when as since despite
	although though in on at by for from with without under over according`)
	metaNoun = set(`report story article page post blog`)
	// wordKind tells for each word which of pronoun, person, futureLead,
	// modal, opinionVerb and sentenceAdverb have it: detectMentionTokens
	// looks a word up once rather than in each.
	wordKind = func() map[string]uint8 {
		m := map[string]uint8{}
		for kind, set := range map[uint8]map[string]bool{kindPronoun: pronoun, kindPerson: person, kindFutureLead: futureLead,
			kindModal: modal, kindOpinion: opinionVerb, kindSentenceAdverb: sentenceAdverb} {
			for w := range set {
				m[w] |= kind
			}
		}
		return m
	}()
	eedPast = set(`agreed freed decreed guaranteed refereed disagreed`)
	// notParticiple lists words in -ed that are not verb forms.
	notParticiple = func() map[string]struct{} {
		m := map[string]struct{}{}
		for _, w := range strings.Fields(`hundred kindred sacred naked wicked rugged ragged jagged beloved
		crooked wretched dogged learned aged bed red shed shred wed bred fled sled`) {
			m[w] = struct{}{}
		}
		return m
	}()
)
