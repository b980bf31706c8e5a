package events

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/lexicon"
	"github.com/timeline-ssg/timeline/internal/words"
)

// maxTitle is the longest title in characters.
const maxTitle = 80

const (
	// splitBuf is how many words the buffer has that a function of titles
	// splits a text into (see words.AppendSplit): more than most sentences
	// have, so that splitting one allocates nothing.
	splitBuf = 64
	// titleCandidates is how many of an event's best sentences headline
	// considers.
	titleCandidates = 6
	// goodTitle is the least quality (see titleOf) of a title that reads
	// as a headline: a subject that is not a pronoun, and a verb.
	goodTitle = 1
	// resolveBack is how many sentences before a pronoun subject are
	// searched for the noun phrase it stands for.
	resolveBack = 3
)

// PartKind says what a part left out of a title's sentence was.
type PartKind string

// The kinds of parts a title leaves out.
const (
	PartDateline      PartKind = "dateline"       // "OSTROW, May 3 (Wire) – "
	PartDate          PartKind = "date"           // "On May 3, 2025, ", "on Monday"
	PartConnective    PartKind = "connective"     // "But", "Meanwhile,"
	PartAdverbial     PartKind = "adverbial"      // "After the vote, ", "When the dam broke, "
	PartAttribution   PartKind = "attribution"    // ", the official said", "according to police"
	PartAppositive    PartKind = "appositive"     // ", the chief engineer,"
	PartRelative      PartKind = "relative"       // ", which owns the quarry"
	PartParenthetical PartKind = "parenthetical"  // "(Wire)", "(about 40 km)"
	PartAdverb        PartKind = "adverb"         // "also", "reportedly"
	PartQuote         PartKind = "quotation mark" // the marks around a quotation made a statement
	PartThat          PartKind = "that"           // "said that" becomes "says"
	PartClause        PartKind = "clause"         // a trailing clause dropped to fit
	PartPhrase        PartKind = "phrase"         // a trailing phrase dropped to fit
	PartWords         PartKind = "words"          // trailing words dropped to fit, when nothing else did
	PartRunOn         PartKind = "run-on"         // a second sentence or heading run on without a stop
	PartDemonstrative PartKind = "demonstrative"  // "That well" becomes "The well"
	PartArticle       PartKind = "article"        // "the", "a", dropped headline style to fit
	PartExpletive     PartKind = "expletive"      // "There were" of "There were no signs of …", "It was" of "It was unclear whether …"
	PartRole          PartKind = "role"           // "Interior Minister" before a name, dropped to fit
	PartLightVerb     PartKind = "light verb"     // "issued a statement urging" becomes "urges"
)

// DroppedPart is one part of a sentence its title leaves out.
type DroppedPart struct {
	Kind PartKind
	Text string
}

// TitleBasis says how an event's title was composed: from which
// sentence, with which subject, leaving out what.
type TitleBasis struct {
	// Sentence is the index in Result.Sentences of the sentence the title
	// was composed from.
	Sentence int
	// Subject is the index of the sentence before it, in the same source,
	// that named the subject the sentence refers to with a pronoun or a
	// phrase such as "the first"; -1 when the sentence names it itself.
	Subject int
	// Replaced is the pronoun or phrase the subject replaced ("He").
	Replaced string
	// Dropped lists what the title leaves out of the sentence, in the
	// order it was dropped.
	Dropped []DroppedPart
}

// TitleBasis works out how the title of ev was composed (see headline):
// from which of its mentions, with which subject, leaving out what. An
// edited title, which no mention gives, has the Sentence -1.
func (r *Result) TitleBasis(ev *Event) TitleBasis {
	for _, m := range ev.Mentions {
		s := &r.Sentences[m]
		c := compose(s.Text, s.Dateline)
		if c.title == ev.Title {
			return TitleBasis{Sentence: m, Subject: -1, Dropped: c.dropped}
		}
		if needsAntecedent(c.title) {
			if res, ok := resolveSubject(c.title, m, r.Sentences, nil); ok && res.title == ev.Title {
				return TitleBasis{Sentence: m, Subject: res.from, Replaced: res.replaced, Dropped: append(c.dropped, res.dropped...)}
			}
		}
	}
	return TitleBasis{Sentence: -1, Subject: -1}
}

// headline composes a title from one of the event's best sentences (in
// the order given): the sentence's subject and main clause, without what
// a headline does without (see compose). Of the candidates it takes the
// one that reads best as a headline (a named subject, a verb, nothing
// cut) and keeps most of the words the event's sources share (see
// coverage). A pronoun subject, "the first" or "the two leaders" is
// replaced by the noun phrase it stands for in the sentences just before
// it in the same source (see resolveSubject); past the first candidates,
// the other mentions are tried only to replace an unresolved one. titles
// gives the title of each sentence (nil: work it out).
func headline(order []int, sents []Sentence, titles *titles) (string, TitleBasis) {
	best, bestQ, bestM := "", -1000.0, -1
	var bestRes resolution
	shared := sharedWords(order, sents)
	for i, m := range order {
		if i == titleCandidates && !needsAntecedent(best) {
			break
		}
		t, qi := titles.of(&sents[m])
		var res resolution
		if needsAntecedent(t) {
			if r, ok := resolveSubject(t, m, sents, titles); ok {
				res = r
				t, qi = r.title, qi+antecedentPenalty(t)-1
			}
		}
		if i == 0 {
			qi++ // the best sentence to lead with (see leadFirst)
		}
		if i >= titleCandidates && needsAntecedent(t) {
			continue // past the first candidates, only to replace a pronoun subject
		}
		if q := float64(qi) + coverageWeight*shared.coverage(t); q > bestQ {
			best, bestQ, bestM, bestRes = t, q, m, res
		}
	}
	b := TitleBasis{Sentence: bestM, Subject: -1}
	if bestM >= 0 {
		b.Dropped = slices.Clone(titles.composed(&sents[bestM]).dropped)
		if bestRes.title != "" {
			b.Subject, b.Replaced = bestRes.from, bestRes.replaced
			b.Dropped = append(b.Dropped, bestRes.dropped...)
		}
	}
	return best, b
}

// coverageWeight is what a title that has all of the words its event's
// sources share most is worth, in points of quality (see titleOf).
const coverageWeight = 5

// shared weighs the content words of an event's mentions by how many of
// its sources use them.
type shared struct {
	weight map[string]float64
	top    float64 // the sum of the greatest weights: what a title that has them covers
}

// sharedWords weighs the stems of the content words of mentions: the
// share of the other sources that use the stem too, or with one source,
// the share of the other mentions.
func sharedWords(mentions []int, sents []Sentence) shared {
	// Mentions in source order: a stem's sources are counted as they
	// change, without a set of them.
	bySource := slices.Clone(mentions)
	slices.SortStableFunc(bySource, func(a, b int) int { return cmp.Compare(sents[a].Source, sents[b].Source) })
	type use struct {
		stem              string
		sources, mentions int
		src, mention      int // the last source and mention (in bySource) that used it
	}
	var uses []use
	index := map[string]int{}
	nSrc, lastSrc := 0, 0
	for k, m := range bySource {
		src := sents[m].Source
		if k == 0 || src != lastSrc {
			nSrc++
			lastSrc = src
		}
		eachStem(sents[m].Text, func(st string) {
			i, ok := index[st]
			if !ok {
				i = len(uses)
				index[st] = i
				uses = append(uses, use{stem: st, src: -1, mention: -1})
			}
			u := &uses[i]
			if u.mention == k {
				return // once a mention
			}
			u.mention = k
			u.mentions++
			if u.src != src {
				u.src = src
				u.sources++
			}
		})
	}
	sh := shared{weight: make(map[string]float64, len(uses))}
	var ws []float64
	for _, u := range uses {
		var w float64
		if nSrc > 1 {
			w = float64(u.sources-1) / float64(nSrc-1)
		} else if len(mentions) > 1 {
			w = float64(u.mentions-1) / float64(len(mentions)-1)
		}
		if w > 0 {
			sh.weight[u.stem] = w
			ws = append(ws, w)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(ws)))
	for i, w := range ws {
		if i == 6 {
			break
		}
		sh.top += w
	}
	return sh
}

// coverage is the share of the weight of the most shared words a title
// has, from 0 to 1.
func (sh shared) coverage(t string) float64 {
	if sh.top == 0 {
		return 0
	}
	// Summed in the order of the stems, so that equal titles score the
	// same bit for bit, whatever the order of the map.
	var sum float64
	for _, st := range slices.Sorted(maps.Keys(stems(t))) {
		sum += sh.weight[st]
	}
	return min(1, sum/sh.top)
}

// stems returns the content words of s cut to their first five letters,
// a stem that joins "inspects" and "inspected".
func stems(s string) map[string]bool {
	out := map[string]bool{}
	eachStem(s, func(st string) { out[st] = true })
	return out
}

// eachStem calls f with the stem (see stems) of each content word of s,
// in order, as often as the word comes.
func eachStem(s string, f func(string)) {
	var buf [splitBuf]words.Token
	for _, t := range words.AppendSplit(buf[:0], s) {
		w := strings.ToLower(t.Text) // valid UTF-8, as ToLower makes it
		if len(w) < 2 || words.IsStop(w) {
			continue
		}
		n := 0
		for i := range w {
			if n == 5 {
				w = w[:i]
				break
			}
			n++
		}
		f(w)
	}
}

// titleOf returns the title one sentence gives and its quality as a
// headline, higher is better (see compose).
func titleOf(s string, dateline bool) (string, int) {
	c := compose(s, dateline)
	return c.title, c.quality
}

// composition is a title composed from one sentence.
type composition struct {
	title   string
	quality int
	dropped []DroppedPart
}

// composer composes a title, recording what it drops.
type composer struct {
	dropped []DroppedPart
	fit     int // how fit made the title short enough: fitWhole, fitParts, fitCut, fitWords
}

// How fit made a title short enough.
const (
	fitWhole = iota // it was
	fitParts        // by dropping inner parts: parentheses, time phrases, relative clauses, adverbs
	fitCut          // by dropping a trailing clause or phrase
	fitWords        // by dropping trailing words: nothing else fitted
)

func (c *composer) drop(kind PartKind, text string) {
	if text = strings.TrimSpace(strings.Trim(strings.TrimSpace(text), ",;")); text != "" {
		c.dropped = append(c.dropped, DroppedPart{kind, text})
	}
}

// compose makes a headline of a sentence: who did what, then the object
// and, where it fits, the place. It drops a dateline, a date opener
// ("On May 3, 2025, "), a leading connective or adverbial phrase ("But",
// "Meanwhile, ", "After the vote, "), an attribution ("…, the official
// said"; a named speaker is put first instead: "Lena Holt says …"), an
// appositive or relative clause after the subject and an "also"; makes a
// statement's "said that" a "says"; puts the verb of a named subject in
// the present ("Mara inspects the quarry") where the lexicon knows it;
// and fits the result to maxTitle characters by dropping parts, never by
// cutting a clause with an ellipsis (see fit). The quality says how well
// it reads as a headline, higher is better.
// Headline composes a headline from one sentence as an event's title is
// composed (without the sentences before it, so a pronoun subject stays):
// dateline says the sentence opens with its source's dateline. It is at
// most 80 characters and never cut with an ellipsis; "" when the
// sentence gives none.
func Headline(sentence string, dateline bool) string { return compose(sentence, dateline).title }

func compose(text string, dateline bool) composition {
	c := &composer{}
	s := c.lead(text, dateline)
	s = c.quotation(s)
	s = c.appositive(s)
	s = c.attribution(s)
	s = c.also(s)
	s = c.lightVerb(s)
	s = c.expletive(s)
	s = c.demonstrative(s)
	s = c.finish(s)
	return composition{title: s, quality: c.quality(s), dropped: c.dropped}
}

// finish puts the verb in the present, drops a statement's "that" and
// fits s to maxTitle.
func (c *composer) finish(s string) string {
	s = c.statement(s)
	s = present(s)
	return tidy(c.fitTitle(s))
}

// tidy drops from the end of a title an ellipsis, a stop and the words
// that cannot end one.
func tidy(s string) string {
	for {
		t := trimEnd(strings.TrimRight(strings.TrimSpace(s), ".…"))
		if t == s {
			return s
		}
		s = t
	}
}

// quality scores a title as a headline.
func (c *composer) quality(t string) int {
	q := 0
	switch c.fit {
	case fitWhole, fitParts:
		q += 3
	case fitCut:
		q += 2
	}
	first := firstWordOf(t)
	lf := strings.ToLower(first)
	switch {
	case needsAntecedent(t):
		q -= antecedentPenalty(t)
	case lf == "there" || lf == "here" || lf == "such" || lf == "both":
		q -= 4
	case first == "":
		q -= 4
	case !isUpperWord(first):
		q -= 3
	case lexicon.Subordinator(lf) || lexicon.Preposition(lf):
		q -= 3 // an opening phrase is left: the subject comes later
	case !words.IsStop(lf) && lf != "the":
		q += 1 // a name
	}
	if !hasVerb(t) {
		q -= 4
	}
	if dangling(t) {
		q -= 2
	}
	if words.Count(t) < 3 {
		q -= 5
	}
	for _, d := range c.dropped {
		if d.Kind == PartQuote {
			q-- // a quotation: what someone said, not what happened
			break
		}
	}
	return q
}

// lead drops what opens a sentence before its subject: a dateline, an
// agency credit, a speaker label or a list item's date (see stripLead),
// a connective ("But", "Meanwhile,"), a date opener ("On May 3, 2025,",
// "Late on Monday,") and an adverbial phrase or subordinate clause
// ending in a comma ("After inspecting the hull, ", "When the dam broke,
// "), as many as there are.
func (c *composer) lead(s string, dateline bool) string {
	s = strings.TrimSpace(s)
	// A heading in capitals longer than any dateline the text opens
	// with goes whole; else the dateline does.
	switch n, t := capsHeading(s), stripLead(s, dateline); {
	case n > len(s)-len(t):
		c.drop(PartRunOn, strings.TrimSpace(s[:n]))
		s = s[n:]
	case t != s:
		c.drop(PartDateline, s[:len(s)-len(t)])
		s = t
		if n := capsHeading(s); n > 0 { // "8 - 18 MAY: CONTAINER DOME - FAILED Plans …"
			c.drop(PartRunOn, strings.TrimSpace(s[:n]))
			s = s[n:]
		}
	}
	s = c.runOn(s)
	for k := 0; k < 4; k++ {
		first := firstWordOf(s)
		lf := strings.ToLower(first)
		after := s[len(first):]
		switch {
		case first == "":
			return s
		case (connective[lf] || connectiveComma[lf] && (strings.HasPrefix(after, ",") || lexicon.SubjectPronoun(strings.ToLower(firstWordOf(strings.TrimSpace(after)))))) &&
			(strings.HasPrefix(after, " ") || strings.HasPrefix(after, ", ")):
			// "Later, …", and "Later he …" with no comma
			c.drop(PartConnective, first)
			s = upperFirst(strings.TrimSpace(strings.TrimPrefix(after, ",")))
			continue
		}
		if n, speaker := leadingAttribution(s); n > 0 {
			// "He claimed, protesters set fire …": what was said is the title.
			c.drop(PartAttribution, strings.TrimSuffix(strings.TrimSpace(s[:n]), ","))
			s = upperFirst(strings.TrimSpace(s[n:]))
			if speaker != "" {
				s = speaker + " says " + lowerStatement(s)
			}
			continue
		}
		if n := dateOpener(s); n > 0 {
			c.drop(PartDate, s[:n])
			s = upperFirst(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s[n:]), ",")))
			continue
		}
		if i := strings.Index(s, ", "); i > 0 && i < 2*len(s)/3 {
			// A subordinate clause ("When the systems failed, ") or a phrase
			// without a finite verb of its own ("At the airfield, ",
			// "Despite concerns raised by …, ", "Accompanied by …, ") opens
			// the sentence; in "By then Heron had claimed the attack, …" it
			// is the main clause.
			if lexicon.Subordinator(lf) || subordinatorLead(s) || (lexicon.Preposition(lf) || lf == "according" || participle(lf)) && !hasFiniteVerb(s[:i]) {
				kind := PartAdverbial
				if lf == "according" {
					kind = PartAttribution
				}
				c.drop(kind, s[:i])
				s = upperFirst(strings.TrimSpace(s[i+2:]))
				continue
			}
		}
		break
	}
	return s
}

// capsHeading returns the length of a heading in capitals that opens s
// before its sentence ("CONTAINER DOME AND TOP HAT - FAILED Plans to
// place …"): two or more words of capitals, dashes between them, and
// then a capitalised word in lower-case letters; 0 when s opens
// otherwise. One word of capitals is a name or an acronym ("NATO
// Secretary-General …").
func capsHeading(s string) int {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	caps := 0
	for i, t := range toks {
		if strings.ToUpper(t.Text) == t.Text && strings.ToLower(t.Text) != t.Text {
			if len(t.Text) > 1 {
				caps++
			}
			continue
		}
		if caps < 2 || i < 2 || strings.ToLower(t.Text) == t.Text || !isUpperWord(t.Text) {
			return 0 // not capitals, or the sentence's first word is not a capitalised word
		}
		if gap := s[toks[i-1].End:t.Start]; strings.TrimSpace(strings.Trim(gap, "-–—:")) != "" {
			return 0
		}
		return t.Start
	}
	return 0
}

// leadingAttribution returns the length of an attribution that opens s,
// set off by a comma ("He claimed, …", "Police said, …", "Lena Holt
// said, …"), a verb of saying or of a statement, and its speaker when it is named (capitalised as written,
// not a pronoun); 0 when s opens otherwise.
func leadingAttribution(s string) (int, string) {
	i := strings.Index(s, ", ")
	if i <= 0 || i > 40 {
		return 0, ""
	}
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s[:i])
	if v := strings.ToLower(toks[len(toks)-1].Text); len(toks) < 2 || len(toks) > 4 || !attributionVerb[v] && !statementVerb[v] || words.Count(s[i+2:]) < 4 {
		return 0, ""
	}
	// At the start of a sentence every word is capitalised: a speaker is
	// named when the word that ends it is too ("Lena Holt", not "Police").
	speaker := strings.TrimSpace(s[:toks[len(toks)-1].Start])
	if len(toks) < 3 || !isUpperWord(toks[len(toks)-2].Text) || lexicon.Pronoun(strings.ToLower(firstWordOf(speaker))) || strings.EqualFold(firstWordOf(speaker), "the") {
		speaker = ""
	}
	return i + 2, speaker
}

// subordinatorLead reports a subordinate clause opening with a
// modifier of its conjunction: "Even as …", "Shortly after …", "Days
// before …".
func subordinatorLead(s string) bool {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	if len(toks) < 2 || !lexicon.Subordinator(strings.ToLower(toks[1].Text)) {
		return false
	}
	switch strings.ToLower(toks[0].Text) {
	case "even", "just", "only", "shortly", "soon", "long", "right", "immediately", "minutes", "hours", "days", "weeks", "months", "years":
		return true
	}
	return false
}

var (
	// connective are words that tie a sentence to the one before it and
	// that a headline drops, with or without a comma after them.
	connective = set(`but and so yet or also meanwhile however moreover additionally furthermore
	nonetheless nevertheless thus hence instead separately still`)
	// connectiveComma are words a headline drops when a comma follows.
	connectiveComma = set(`then now later earlier finally first second third indeed besides likewise
	similarly overall today yesterday tonight elsewhere again previously recently initially eventually
	ultimately subsequently afterwards`)
	// timeWord are the words of a date or time phrase besides month and
	// weekday names and numbers.
	timeWord = set(`on in at by of during since until last this next early earlier late later mid the that
	day days week weeks weekend month months year years morning afternoon evening night overnight today
	yesterday tonight tomorrow ago noon midnight hours local time st nd rd th a.m p.m am pm`)
	// timeHead are words that make a phrase of timeWords a date.
	timeHead = set(`today yesterday tonight tomorrow day days week weeks weekend month months year years
	morning afternoon evening night overnight noon midnight`)
)

// dateOpener returns the length of a date phrase that opens s and ends
// in a comma ("On September 17, 2023, ", "Late last week, "), or that
// opens with "On" and a date and runs into the subject ("On Monday the
// council …"), or 0.
func dateOpener(s string) int {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	n, head := 0, false
	for i, t := range toks {
		lw := strings.ToLower(t.Text)
		if !isTimeWord(lw) {
			f := strings.ToLower(toks[0].Text)
			if i > 0 && head && (timeLead[f] || isDateHead(f)) && n == 0 && !strings.ContainsAny(s[:t.Start], ",'’") &&
				(isUpperWord(t.Text) || lexicon.Determiner(lw) || countWord[lw]) {
				k := i - 1
				for k > 0 && !isDateHead(strings.ToLower(toks[k].Text)) && !isNumber(toks[k].Text) {
					k--
				}
				return toks[k].End // "On Monday the council …", "Yesterday two men …"
			}
			break
		}
		if isDateHead(lw) {
			head = true
		}
		if rest := s[t.End:]; head && strings.HasPrefix(rest, ",") {
			// A comma ends the phrase unless the date goes on after it
			// ("September 17, 2023").
			if i+1 < len(toks) && isYear(toks[i+1].Text) {
				continue
			}
			n = t.End + 1
			break
		}
	}
	return n
}

func isTimeWord(w string) bool { return timeWord[w] || isDateHead(w) || isNumber(w) }

func isDateHead(w string) bool {
	if _, ok := lexicon.Month(w); ok && w != "may" && w != "mar" {
		return true
	}
	if _, ok := lexicon.Weekday(w); ok {
		return true
	}
	return timeHead[w] || isYear(w) && (w[:2] == "19" || w[:2] == "20")
}

func isNumber(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

func isYear(w string) bool {
	return len(w) == 4 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// stripLead removes a dateline, an agency credit ending in a dash ("Cairo
// (CNN) -- "), an update stamp in brackets, a speaker label ("BLITZER: ")
// or a list item's date ("Monday 14 October: ") from the start of s.
func stripLead(s string, dateline bool) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		if i := strings.Index(s, ")"); i > 0 && i < 60 {
			s = strings.TrimSpace(s[i+1:])
		}
	}
	for _, dash := range []string{" -- ", " – ", " — ", " - "} {
		if i := strings.Index(s, dash); i > 0 && i < 60 && (dateline || strings.Contains(s[:i], ")") || upperPrefix(s[:i])) {
			s = strings.TrimSpace(s[i+len(dash):])
			break
		}
	}
	if dateline {
		if i := strings.IndexAny(s, "–—"); i >= 0 && i < 80 {
			_, size := utf8.DecodeRuneInString(s[i:])
			s = strings.TrimSpace(s[i+size:])
		}
	}
	if i := strings.Index(s, ": "); i > 0 && i < 40 && (speakerLabel(s) || dateLabel(s[:i])) {
		s = strings.TrimSpace(s[i+2:])
	}
	return s
}

// upperPrefix reports a dateline-like prefix: its words all capitalised
// ("CAIRO, Egypt", "WASHINGTON (AP)").
func upperPrefix(s string) bool {
	var buf [splitBuf]words.Token
	for _, t := range words.AppendSplit(buf[:0], s) {
		if !isUpperWord(t.Text) {
			return false
		}
	}
	return true
}

// dateLabel reports a label that is only a date ("Monday 14 October").
func dateLabel(s string) bool {
	var buf [splitBuf]words.Token
	for _, t := range words.AppendSplit(buf[:0], s) {
		w := strings.ToLower(t.Text)
		_, month := lexicon.Month(w)
		_, day := lexicon.Weekday(w)
		if !month && !day && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			return false
		}
	}
	return true
}

var (
	openQuote  = "“\"‘"
	closeQuote = "”\"’"
	// reportingVerb are the verbs of an attribution.
	attributionVerb = set(`said says told tells added adds stated noted reported announced confirmed
	explained insisted wrote according`)
)

// quotation makes a sentence that opens with a quotation a statement
// by its speaker: "“We will rebuild,” Holt said." becomes "Holt says we
// will rebuild". A quotation no one is named for loses its marks.
func (c *composer) quotation(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !strings.ContainsRune(openQuote, r) {
		return s
	}
	end := strings.IndexAny(s[size:], closeQuote)
	if end < 0 {
		return s
	}
	end += size
	_, csize := utf8.DecodeRuneInString(s[end:])
	quote := strings.TrimRight(strings.TrimSpace(s[size:end]), ",.")
	rest := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[end+csize:]), "."))
	c.drop(PartQuote, s[:size]+s[end:end+csize])
	if rest == "" {
		return quote
	}
	speaker, ok := speakerOf(rest)
	if !ok {
		return quote + " " + rest
	}
	c.drop(PartAttribution, rest)
	return speaker + " says " + lowerStatement(quote)
}

// runOnStart are capitalised words that, after a word with no stop
// between, start a second sentence or follow a heading run on into the
// text: "… is finally sealed The leaking well …".
var runOnStart = set(`the a an he she they it we however but according meanwhile`)

// runOn keeps of a sentence that runs on into another without a full stop
// the first part if it is a clause, else the rest.
func (c *composer) runOn(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	// from is the token the text still to judge starts at: a short head
	// dropped moves it on. Only the first maxHeading words after it are
	// tried, as a heading is short, so the work stays linear in the
	// sentence however many heads are dropped.
	from := 0
next:
	for from < len(toks) {
		at := toks[from].Start
		for i := from + 2; i < len(toks) && i-from <= maxHeading; i++ {
			t := toks[i]
			lw := strings.ToLower(t.Text)
			if !isUpperWord(t.Text) || t.Text == strings.ToUpper(t.Text) && len(t.Text) > 1 {
				continue
			}
			if !runOnStart[lw] {
				// A heading run into a lead that restates it: "Port chief
				// gets two years in jail Port chief Tomas Eld has been
				// jailed …".
				if head := strings.TrimSpace(s[at:t.Start]); i-from >= 4 && s[toks[i-1].End:t.Start] == " " && isLowerWord(toks[i-1].Text) &&
					len(toks) > i+3 && hasVerb(head) && restates(head, s[t.Start:toks[min(len(toks), i+maxHeading)-1].End]) {
					c.drop(PartRunOn, s[t.Start:])
					return head
				}
				continue
			}
			gap := s[toks[i-1].End:t.Start]
			prev := toks[i-1].Text
			if gap != " " || nameJoiner[strings.ToLower(prev)] || (lw == "the" || lw == "a" || lw == "an") && (i+1 >= len(toks) || isUpperWord(toks[i+1].Text)) {
				continue
			}
			head := strings.TrimSpace(s[at:t.Start])
			if words.Count(head) >= 3 && hasVerb(head) {
				c.drop(PartRunOn, s[t.Start:])
				return head
			}
			c.drop(PartRunOn, head)
			from = i
			continue next
		}
		if from == 0 {
			return s
		}
		return s[at:]
	}
	return s
}

// maxHeading is the most words of a heading run into its lead (see
// runOn).
const maxHeading = 20

// restates reports whether the start of tail, its first eight words,
// holds two or more of the content words of head (by their first five
// letters) and has a finite verb of its own: a lead that restates the
// heading run into it.
func restates(head, tail string) bool {
	want := map[string]bool{}
	for _, t := range words.Split(head) {
		if lw := strings.ToLower(t.Text); !words.IsStop(lw) {
			want[prefix5(lw)] = true
		}
	}
	toks := words.Split(tail)
	shared := 0
	for _, t := range toks[:min(8, len(toks))] {
		if lw := strings.ToLower(t.Text); want[prefix5(lw)] {
			delete(want, prefix5(lw))
			shared++
		}
	}
	return shared >= 2 && hasFiniteVerb(tail)
}

// prefix5 is the first five letters of w: "jackson's" and "jackson"
// compare alike.
func prefix5(w string) string {
	w = strings.TrimSuffix(strings.ReplaceAll(w, "’", "'"), "'s")
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

var (
	existentialRe = regexp.MustCompile(`^There (?:is|are|was|were|has been|have been|had been|will be|would be) `)
	expletiveItRe = regexp.MustCompile(`^It (?:is|was|remains|remained|seemed|seems) ((?:still |not |also )?[a-z]+) (?:whether|if|how|why|when|who|what) `)
)

// expletive drops a subject that stands for nothing: "There were no
// signs of a retreat" becomes "No signs of a retreat", "It was unclear
// whether the dam would hold" "Unclear whether the dam would hold".
func (c *composer) expletive(s string) string {
	if m := existentialRe.FindStringIndex(s); m != nil && words.Count(s[m[1]:]) >= 3 {
		c.drop(PartExpletive, s[:m[1]])
		return upperFirst(s[m[1]:])
	}
	if m := expletiveItRe.FindStringSubmatchIndex(s); m != nil {
		c.drop(PartExpletive, s[:m[2]])
		return upperFirst(s[m[2]:])
	}
	return s
}

// demonstrative makes a subject opening with a demonstrative determiner
// definite: "That well linked up …" becomes "The well linked up …".
func (c *composer) demonstrative(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	if len(toks) < 3 || !lexicon.Demonstrative(strings.ToLower(toks[0].Text)) {
		return s
	}
	next := strings.ToLower(toks[1].Text)
	if !isLowerWord(toks[1].Text) || lexicon.Auxiliary(next) || isPastVerb(s, toks, 1, next) || lexicon.FunctionWord(next) || headlineVerb(next) {
		return s
	}
	c.drop(PartDemonstrative, toks[0].Text)
	return "The" + s[toks[0].End:]
}

// speakerOf returns the speaker an attribution names, its first letter
// upper-cased: "Holt said", "said Lena Holt, the engineer", "the
// ministry said in a statement".
func speakerOf(attr string) (string, bool) {
	sp, ok := writtenSpeaker(attr)
	return upperFirst(sp), ok
}

// writtenSpeaker is speakerOf with the speaker as the attribution writes
// it.
func writtenSpeaker(attr string) (string, bool) {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], attr)
	if len(toks) == 0 || len(toks) > 9 {
		return "", false
	}
	for i, t := range toks {
		if i > 5 {
			break
		}
		lw := strings.ToLower(t.Text)
		if !attributionVerb[lw] || lw == "according" {
			continue
		}
		var sp string
		if i == 0 {
			sp = attr[t.End:] // "said Lena Holt, the engineer"
			if j := strings.Index(sp, ","); j >= 0 {
				sp = sp[:j]
			}
		} else {
			sp = attr[:t.Start]
			if len(toks)-i-1 > 4 {
				return "", false // "… said in a statement": no more
			}
		}
		sp = strings.TrimSpace(sp)
		if sp == "" || words.Count(sp) > 6 || hasVerb(sp) {
			return "", false
		}
		return sp, true
	}
	return "", false
}

// lowerStatement lowers the first letter of a quoted statement when its
// first word is a function word or a pronoun, which no name is.
func lowerStatement(s string) string {
	w := firstWordOf(s)
	if lw := strings.ToLower(w); w != "I" && (words.IsStop(lw) || lexicon.Pronoun(lw)) {
		return lw + s[len(w):]
	}
	return s
}

// attribution drops a trailing attribution ("…, the official said",
// "…, according to the ministry"), or puts a named speaker first: "The
// dam will hold, Holt said" becomes "Holt says the dam will hold".
func (c *composer) attribution(s string) string {
	body := strings.TrimRight(s, ".")
	i := strings.LastIndex(body, ", ")
	if i <= 0 {
		return s
	}
	// "…, said Tomas Eld, the chief engineer": the attribution may hold
	// a comma of its own.
	if j := strings.LastIndex(body[:i], ", "); j > 0 {
		if _, ok := speakerOf(body[j+2 : i]); ok {
			i = j
		}
	}
	main, attr := strings.TrimRight(body[:i], ",”\""), strings.TrimSpace(body[i+2:])
	if words.Count(main) < 3 {
		return s
	}
	if strings.HasPrefix(strings.ToLower(attr), "according to ") && words.Count(attr) <= 8 {
		c.drop(PartAttribution, attr)
		return main
	}
	sp, ok := speakerOf(attr)
	if !ok {
		return s
	}
	c.drop(PartAttribution, attr)
	// A speaker is named when it is capitalised as written: "one of
	// them said" names no one.
	written, _ := writtenSpeaker(attr)
	if lf := strings.ToLower(firstWordOf(sp)); isUpperWord(written) && !lexicon.Pronoun(lf) && lf != "the" && lf != "a" && lf != "an" {
		return sp + " says " + lowerStatement(main)
	}
	return main
}

// appositive drops a phrase set off by commas right after a short
// subject when a verb follows it: "Kestrel Systems, the vendor of the
// software, pushed an update" becomes "Kestrel Systems pushed an
// update", "Vell Mining, which owns the quarry, closed …" "Vell Mining
// closed …".
func (c *composer) appositive(s string) string {
	i := strings.Index(s, ", ")
	if i <= 0 || words.Count(s[:i]) > 5 || !isUpperWord(s) {
		return s
	}
	j := strings.Index(s[i+2:], ", ")
	if j <= 0 {
		return s
	}
	j += i + 2
	middle, rest := s[i+2:j], s[j+2:]
	rel := relative(middle)
	mw := firstWordOf(middle)
	reduced := isLowerWord(mw) && (participle(mw) || lexicon.IrregularParticiple(mw)) // "built in 1962", "located near …"
	if hasVerb(parenthetical.ReplaceAllString(middle, " ")) && !rel && !reduced && !lexicon.Determiner(strings.ToLower(mw)) {
		return s
	}
	if w := firstWordOf(rest); w == "" || isUpperWord(w) || words.IsStop(strings.ToLower(w)) && !lexicon.Auxiliary(strings.ToLower(w)) && !lexicon.IrregularPast(strings.ToLower(w)) {
		return s
	}
	if rel {
		c.drop(PartRelative, middle)
	} else {
		c.drop(PartAppositive, middle)
	}
	return s[:i] + " " + rest
}

// relative reports a relative clause ("who chairs …", "which supplies
// …").
func relative(s string) bool {
	switch strings.ToLower(firstWordOf(s)) {
	case "who", "which", "whose", "whom", "where":
		return true
	}
	return false
}

// also drops an "also" and words like it, which tie a sentence to the
// one before it, from after the subject: "Mara also toured the mine".
func (c *composer) also(s string) string {
	for _, w := range []string{" also ", " too "} {
		if i := strings.Index(s, w); i > 0 {
			c.drop(PartAdverb, strings.TrimSpace(w))
			s = s[:i] + " " + s[i+len(w):]
		}
	}
	return s
}

// statementVerb are verbs a statement's "that" clause follows.
var statementVerb = set(`say says said tell tells told warn warns warned claim claims claimed insist insists
insisted announce announces announced add adds added admit admits admitted deny denies denied`)

// statement drops the "that" after the verb of a statement: "Holt said
// that the dam would hold" becomes "Holt said the dam would hold".
func (c *composer) statement(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	for i, t := range toks {
		if i > 8 || i+2 >= len(toks) {
			break
		}
		lw := strings.ToLower(t.Text)
		if !statementVerb[lw] || !isUpperWord(s) {
			continue
		}
		// "said that", "told reporters that"
		for j := i + 1; j <= i+3 && j+1 < len(toks); j++ {
			between := true // "said on Friday that"
			for _, b := range toks[i+1 : j] {
				if !isTimeWord(strings.ToLower(b.Text)) {
					between = false
				}
			}
			if strings.EqualFold(toks[j].Text, "that") && (j == i+1 || between || lw == "told" || lw == "tells" || lw == "tell") {
				c.drop(PartThat, "that")
				if between && j > i+1 {
					// "said on Friday that it had …": the day goes too.
					c.drop(PartDate, s[toks[i+1].Start:toks[j-1].End])
					return s[:t.End] + " " + strings.TrimLeft(s[toks[j].End:], " ")
				}
				return s[:toks[j].Start] + strings.TrimLeft(s[toks[j].End:], " ")
			}
		}
		break
	}
	return s
}

// present puts the verb of a named subject in the headline's present
// tense when it is a simple past the lexicon knows: "Mara Lind inspected
// the quarry" becomes "Mara Lind inspects the quarry", "Holt and Reyland
// met" "Holt and Reyland meet". A subject that is not a name, or a name
// that may be plural, keeps its verb.
func present(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	for i, t := range toks {
		if i > 7 {
			return s
		}
		lw := strings.ToLower(t.Text)
		base, ok := lexicon.PastBase(lw)
		if !ok || i == 0 || isUpperWord(t.Text) {
			if i == 0 && !isUpperWord(t.Text) || strings.ContainsAny(s[:t.Start], ",;:()\"“”") {
				return s
			}
			if i > 0 && !isUpperWord(t.Text) && !nameJoiner[lw] && !(i+1 < len(toks) && isUpperWord(toks[i+1].Text)) {
				return s // a common noun in the subject: "the ministry", "police"
			}
			continue
		}
		prev := toks[i-1].Text
		if !isUpperWord(prev) || lexicon.Pronoun(strings.ToLower(toks[0].Text)) || strings.EqualFold(toks[0].Text, "the") {
			return s
		}
		head := prev // the subject's head noun: "Residents" of "Residents of Porth"
		for _, p := range toks[1:i] {
			if strings.EqualFold(p.Text, "of") {
				break
			}
			head = p.Text
		}
		if k := strings.Index(strings.ToLower(s[:t.Start]), " of "); k > 0 {
			last, _ := words.Last(s[:k])
			head = last.Text
		}
		if lexicon.PluralNoun(strings.ToLower(head)) {
			return s
		}
		if lexicon.PastIsParticiple(lw) {
			// "Gunfire heard in Marrin", "Two men charged by police": a
			// passive, unless an object follows the verb.
			if i+1 == len(toks) || lexicon.Preposition(strings.ToLower(toks[i+1].Text)) && i == 1 || strings.EqualFold(toks[i+1].Text, "by") {
				return s
			}
		}
		v := base
		plural := false
		for _, p := range toks[:i] {
			if strings.EqualFold(p.Text, "and") {
				plural = true
			}
		}
		if !plural {
			if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
				return s // "Democrats", "Residents": may be plural
			}
			v = lexicon.ThirdPerson(base)
		}
		if base == "be" || base == "have" && plural {
			return s
		}
		rest := s[t.End:]
		// "… arrived in Harl and said …": the verb it is coordinated with too.
		if k := strings.Index(rest, " and "); k >= 0 && !strings.ContainsAny(rest[:k], ",;") {
			after := rest[k+5:]
			w := firstWordOf(after)
			if b2, ok := lexicon.PastBase(w); ok && w != "" {
				v2 := b2
				if !plural {
					v2 = lexicon.ThirdPerson(b2)
				}
				rest = rest[:k+5] + v2 + after[len(w):]
			}
		}
		return s[:t.Start] + v + rest
	}
	return s
}

// nameJoiner are the lower-case words inside a name ("Bank of Ostrow",
// "Lena and Tomas").
var nameJoiner = set(`of and de del la le al bin van von der da dos the for`)

// fitTitle trims the final stop and fits s to maxTitle characters (see
// fit).
func (c *composer) fitTitle(s string) string {
	s = strings.TrimSpace(s)
	if t := strings.TrimRight(strings.TrimSuffix(s, "…"), "."); len(t) < len(s)-1 {
		c.drop(PartWords, s[len(t):]) // a sentence trailing off
	}
	s = trimEnd(strings.TrimSpace(strings.TrimRight(strings.TrimSuffix(s, "…"), ".")))
	return c.fitParts(s)
}

// fitParts fits s to maxTitle characters by dropping parts, least
// telling first: parentheses; a trailing clause set off by a comma when
// enough is left before it; relative clauses, time phrases and adverbs
// after the subject; then the trailing clause (subordinate, participle or
// coordinated) or prepositional phrase at the latest boundary that fits;
// only when none fits, trailing words. It never ends the title on a
// function word or inside a clause it cut, never leaves a quotation mark
// open, and never adds an ellipsis.
func (c *composer) fitParts(s string) string {
	if fits(s) {
		return balanceQuotes(s)
	}
	c.fit = fitParts
	s = c.dropInner(s, parenthetical, PartParenthetical, "(", "[", " – ", " — ", " - ")
	if fits(s) {
		return balanceQuotes(trimEnd(s))
	}
	s = c.dropRole(s)
	if fits(s) {
		return balanceQuotes(trimEnd(s))
	}
	if cut := lastBoundary(s, commaBreak, 45); cut > 0 {
		c.fit = fitCut
		c.drop(PartClause, s[cut:])
		return balanceQuotes(trimEnd(s[:cut]))
	}
	s = c.dropInner(s, relativeClause, PartRelative, ", wh")
	if !fits(s) {
		s = c.dropTimes(s)
	}
	if !fits(s) {
		s = c.dropAdverbs(s)
	}
	if fits(s) {
		return balanceQuotes(trimEnd(s))
	}
	// Headline style without articles, only when that is what it takes
	// to keep the whole clause.
	art := &composer{}
	if t := art.dropArticles(s); fits(t) {
		c.dropped = append(c.dropped, art.dropped...)
		return balanceQuotes(trimEnd(t))
	}
	c.fit = fitCut
	if cut := lastBoundary(s, clauseBreak, 35); cut > 0 {
		c.drop(PartClause, s[cut:])
		return balanceQuotes(trimEnd(s[:cut]))
	}
	if cut := lastPhrase(s); cut > 0 {
		c.drop(PartPhrase, s[cut:])
		return balanceQuotes(trimEnd(s[:cut]))
	}
	// What a report says, when the frame that says it is what keeps it
	// from fitting: "State television reported that the crisis has cost
	// the country an estimated 69 billion pounds" becomes "The crisis has
	// cost the country an estimated 69 billion pounds".
	if frame, said := reportFrame(s); said != "" {
		// Fitted on its own, without cutting words.
		sub := &composer{}
		if t := sub.fitParts(upperFirst(said)); sub.fit != fitWords && wholeCut(t) {
			c.drop(PartAttribution, frame)
			c.dropped = append(c.dropped, sub.dropped...)
			c.fit = sub.fit
			return t
		}
	}
	c.fit = fitWords
	r := []rune(s)
	cut := string(r[:maxTitle])
	if i := strings.LastIndexByte(cut, ' '); i > 20 {
		cut = cut[:i]
	}
	c.drop(PartWords, s[len(cut):])
	return balanceQuotes(trimEnd(cut))
}

// reportFrameRe matches a sentence that reports what someone said or
// found: a subject of at most eight words without a comma, a verb of
// saying or finding, and "that".
var reportFrameRe = regexp.MustCompile(`^((?:\S+ ){1,8}?(?:(?:said|says|reported|reports|revealed|reveals|confirmed|confirms|announced|announces|found|finds|testified) |told (?:\S+ ){1,3}?)that) `)

// reportFrame splits a sentence that reports what someone said or found
// into its frame ("State television reported that") and what was said;
// both are "" when it is not one.
func reportFrame(s string) (frame, said string) {
	m := reportFrameRe.FindStringSubmatchIndex(s)
	if m == nil || strings.ContainsAny(s[:m[3]], ",;:") {
		return "", ""
	}
	return s[:m[3]], strings.TrimSpace(s[m[3]:])
}

// dropRole drops the title or role before the name that is the
// subject: "U.S. Secretary of State Lena Holt urged …" becomes "Lena Holt
// urged …", "Opposition leader Tomas Eld …" "Tomas Eld …".
func (c *composer) dropRole(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	role := -1
	for i, t := range toks {
		if i > 8 {
			return s
		}
		lw := strings.ToLower(t.Text)
		if lexicon.PersonTitle(lw) {
			role = i
			continue
		}
		if role < 0 || isUpperWord(t.Text) || lw == "of" {
			continue
		}
		// The first lower-case word after a role: the verb.
		name := role + 1
		if name+1 < i && strings.EqualFold(toks[name].Text, "of") {
			name += 2 // "Secretary of State …"
		}
		if i-name < 2 || !isPastVerb(s, toks, i, lw) && !lexicon.Auxiliary(lw) && !headlineVerb(lw) {
			return s // a name is two words or more: "Minister Holt" stays
		}
		c.drop(PartRole, strings.TrimSpace(s[:toks[name].Start]))
		return s[toks[name].Start:]
	}
	return s
}

var lightVerbRe = regexp.MustCompile(`^(.{3,60}?) (?:released|issued|put out|made|published) (?:a|an) (?:\w+ )?statement(?: on \w+day| \w+day)?,? ([a-z]+ing)\b`)

// lightVerb makes a statement's verb the headline's: "Amnesty released
// a statement on Monday urging the authorities …" becomes "Amnesty urges
// the authorities …".
func (c *composer) lightVerb(s string) string {
	if !strings.Contains(s, "statement") {
		return s // what lightVerbRe needs, looked for quicker
	}
	m := lightVerbRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	subj, ing := s[m[2]:m[3]], s[m[4]:m[5]]
	stem := strings.TrimSuffix(ing, "ing")
	var base string
	for _, b := range []string{stem, stem + "e", stem[:max(0, len(stem)-1)]} {
		if lexicon.PresentVerb(b) && lexicon.ThirdPerson(b) != b {
			base = b
			break
		}
	}
	if base == "" || strings.ContainsAny(subj, ",;") {
		return s
	}
	v := lexicon.ThirdPerson(base)
	if head := lastWord(subj); strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !isUpperWord(head) || lexicon.PluralNoun(strings.ToLower(head)) {
		v = base
	}
	c.drop(PartLightVerb, s[m[3]:m[5]])
	return subj + " " + v + s[m[5]:]
}

func lastWord(s string) string {
	last, _ := words.Last(s)
	return last.Text
}

func fits(s string) bool { return utf8.RuneCountInString(s) <= maxTitle }

var (
	parenthetical  = regexp.MustCompile(`\s*(\([^()]*\)|\[[^\[\]]*\]|\s[–—]\s[^–—]*\s[–—](\s|$)|\s-\s[^–—-]*\s-(\s|$))`)
	relativeClause = regexp.MustCompile(`,\s(which|who|whose|whom|where)\s[^,;]*(,|$)`)
)

// dropInner drops the matches of re, which s can only have when it
// holds one of marks.
func (c *composer) dropInner(s string, re *regexp.Regexp, kind PartKind, marks ...string) string {
	if !slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(s, m) }) {
		return s
	}
	ms := re.FindAllStringIndex(s, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		c.drop(kind, s[m[0]:m[1]])
		b.WriteString(s[last:m[0]])
		b.WriteByte(' ')
		last = m[1]
	}
	b.WriteString(s[last:])
	return singleSpace(b.String())
}

// dropTimes drops the date and time phrases after the subject: "on
// Monday", "Wednesday night", "on 7 November 2011", "last week".
func (c *composer) dropTimes(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	var b strings.Builder
	last := 0
	for i := 1; i < len(toks); {
		j, head := i, false
		for j < len(toks) && isTimeWord(strings.ToLower(toks[j].Text)) {
			if isDateHead(strings.ToLower(toks[j].Text)) {
				head = true
			}
			j++
		}
		if !head {
			i = j + 1
			continue
		}
		// Leave the function words before the phrase's first word that is
		// not one ("on", "the") only when they belong to it: take them all
		// in, but never the last word of the title.
		start := i
		for start < j && !isDateHead(strings.ToLower(toks[start].Text)) && !timeLead[strings.ToLower(toks[start].Text)] {
			start++
		}
		end := j
		for end > start && !isDateHead(strings.ToLower(toks[end-1].Text)) {
			end--
		}
		if f := strings.ToLower(toks[start].Text); !timeLead[f] && !isDateHead(f) || f == "day" || f == "days" || strings.HasSuffix(f, "s") && timeHead[f] ||
			start > 0 && (lexicon.Determiner(strings.ToLower(toks[start-1].Text)) || isNumber(toks[start-1].Text) || countWord[strings.ToLower(toks[start-1].Text)]) {
			i = j + 1
			continue // "almost a week after", "three days"
		}
		if start > 0 && strings.EqualFold(toks[start-1].Text, "of") || end < len(toks) && strings.HasPrefix(s[toks[end-1].End:], "'") || end-1 < len(toks) && strings.HasPrefix(s[toks[end-1].End:], "’") {
			i = j + 1
			continue // "the end of last week", "Monday's vote"
		}
		if start < end && toks[start].Start > last {
			b.WriteString(s[last:toks[start].Start])
			c.drop(PartDate, s[toks[start].Start:toks[end-1].End])
			last = toks[end-1].End
		}
		i = j + 1
	}
	b.WriteString(s[last:])
	out := singleSpace(b.String())
	out = strings.ReplaceAll(out, " ,", ",")
	return out
}

// singleSpace returns s with its spaces made single and trimmed from its
// ends, as strings.Join(strings.Fields(s), " ") does, without a copy when
// they are already.
func singleSpace(s string) string {
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// singleSpaced reports whether s has no space but single ASCII spaces
// between words: whether strings.Fields and strings.Join with a space
// give s back.
func singleSpaced(s string) bool {
	space := true // before the start: a leading space is not single
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' {
				if space {
					return false
				}
				space = true
				continue
			}
			if c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n
		}
		space = false
	}
	return !space || s == ""
}

// countWord are words that count what follows them.
var countWord = set(`two three four five six seven eight nine ten several many dozens hundreds thousands`)

// timeLead are the words that open a time phrase.
var timeLead = set(`on in at last this next early earlier late later mid since until by during`)

// dropAdverbs drops adverbs in -ly after the subject: "reportedly",
// "quickly".
func (c *composer) dropAdverbs(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	var b strings.Builder
	last := 0
	for i, t := range toks {
		lw := t.Text
		if i == 0 || !strings.HasSuffix(lw, "ly") || len(lw) < 6 || isUpperWord(lw) || notAdverb[lw] || lexicon.Determiner(strings.ToLower(toks[i-1].Text)) {
			continue
		}
		b.WriteString(s[last:t.Start])
		c.drop(PartAdverb, lw)
		last = t.End
	}
	b.WriteString(s[last:])
	return strings.ReplaceAll(singleSpace(b.String()), " ,", ",")
}

// dropArticles drops, headline style, the articles after the first
// word: "Rescuers pulled the two miners from a collapsed shaft" becomes
// "Rescuers pulled two miners from collapsed shaft". Inside a quotation
// they stay.
func (c *composer) dropArticles(s string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	var b strings.Builder
	last, n := 0, 0
	for i, t := range toks {
		lw := strings.ToLower(t.Text)
		if i == 0 || lw != "the" && lw != "a" && lw != "an" || strings.Count(s[:t.Start], "“") > strings.Count(s[:t.Start], "”") || strings.Count(s[:t.Start], "\"")%2 == 1 {
			continue
		}
		b.WriteString(s[last:t.Start])
		last = t.End
		n++
	}
	if n == 0 {
		return s
	}
	b.WriteString(s[last:])
	c.drop(PartArticle, strconv.Itoa(n)+" articles")
	return strings.ReplaceAll(singleSpace(b.String()), " ,", ",")
}

// notAdverb are words in -ly that are not adverbs.
var notAdverb = set(`family assembly supply reply rally ally anomaly monopoly early only daily weekly
monthly yearly likely unlikely holy apply comply imply multiply july italy friendly deadly elderly
costly lonely orderly timely`)

// commaBreak are where a trailing clause set off by a comma starts.
var commaBreak = []string{", which", ", who", ", where", ", when", "; ", " – ", " — ", " -- ", " - ", ", and ", ", but ",
	", so ", ", while ", ", as ", ", after ", ", before ", ", because ", ", saying ", ", with ", ", "}

// clauseBreak are where a trailing clause starts.
var clauseBreak = append(commaBreak[:len(commaBreak):len(commaBreak)], " as ", " after ", " while ", " but ",
	" because ", " amid ", " following ", " despite ", " when ", " which ", " where ", " before ", " since ",
	" until ", " though ", " although ", " and ", " in a bid ", " in order to ", " even ", " saying ",
	" urging ", " calling ", " demanding ", " prompting ", " so ", " that ")

// lastBoundary returns the byte offset of the latest of the boundaries
// seps in s at which what comes before is a whole title (see wholeCut) of
// at least min characters; 0 if there is none.
func lastBoundary(s string, seps []string, min int) int {
	// A boundary past the first maxTitle characters leaves a start that
	// does not fit: only the text up to there, and a separator starting
	// at its end, are searched.
	fit := len(s)
	if n := 0; len(s) > maxTitle {
		for i := range s {
			if n == maxTitle {
				fit = i
				break
			}
			n++
		}
	}
	best := 0
	for _, sep := range seps {
		within := s
		if fit+len(sep) < len(s) {
			within = s[:fit+len(sep)]
		}
		for off := 0; ; {
			i := strings.Index(within[off:], sep)
			if i < 0 {
				break
			}
			i += off
			if !fits(s[:i]) {
				break
			}
			if i > best && utf8.RuneCountInString(s[:i]) >= min && wholeCut(s[:i]) {
				best = i
			}
			off = i + len(sep)
		}
	}
	return best
}

// lastPhrase returns the byte offset of the latest prepositional or
// participle phrase in s at which what comes before is a whole title
// (see wholeCut); 0 if none. A phrase opening with "of" is taken only
// when nothing else fits.
func lastPhrase(s string) int {
	best, ofCut := 0, 0
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	for k, t := range toks {
		lw := strings.ToLower(t.Text)
		ing := strings.HasSuffix(lw, "ing") && len(lw) >= 6 && !isUpperWord(t.Text) && !nounPhraseHead(toks, k)
		if !lexicon.Preposition(lw) && !ing {
			continue
		}
		i := t.Start
		if i == 0 || s[i-1] != ' ' || !fits(s[:i]) || utf8.RuneCountInString(s[:i]) < 20 || !wholeCut(s[:i]) {
			continue
		}
		if lw == "to" && infinitiveAfter(s[:i]) {
			continue // "did not intend to question …", "agreed to pay …"
		}
		if lw == "of" {
			ofCut = i
		} else if i > best {
			best = i
		}
	}
	if best == 0 {
		best = ofCut
	}
	return best
}

// nounPhraseHead reports whether the "-ing" word toks[k] is a noun or
// the object of a preposition rather than a participle opening a phrase:
// right after a determiner ("the timing"), a word shaped as an adjective
// ("the critical timing", "either political manoeuvring") or a
// preposition ("the cost of living").
func nounPhraseHead(toks []words.Token, k int) bool {
	if k < 1 {
		return false
	}
	w := toks[k-1].Text
	lw := strings.ToLower(w)
	if lexicon.Determiner(lw) || lexicon.Preposition(lw) {
		return true
	}
	return isLowerWord(w) && adjectiveShaped(lw)
}

// adjectiveShaped reports a lower-case word with an ending that mostly
// makes adjectives ("political", "hostile" is not one).
func adjectiveShaped(w string) bool {
	for _, suffix := range adjectiveSuffixes {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix)+2 {
			return true
		}
	}
	return false
}

// adjectiveSuffixes are endings that mostly make adjectives.
var adjectiveSuffixes = []string{"al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ary"}

// infinitiveAfter reports whether the word that ends p takes an
// infinitive: a verb, "not" or an adjective such as "able".
func infinitiveAfter(p string) bool {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], p)
	if len(toks) >= 2 {
		// "did not intend", "would like": a verb, whatever it is
		if before := strings.ToLower(toks[len(toks)-2].Text); before == "not" || lexicon.Auxiliary(before) {
			return true
		}
	}
	w := strings.ToLower(lastWord(p))
	_, past := lexicon.PastBase(w)
	return past || lexicon.PresentVerb(w) || lexicon.Auxiliary(w) || w == "not" || w == "able" || w == "unable" ||
		isLowerWord(w) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// clauseOpener are the words that open a clause that needs its verb: a
// title cut after one of them and before the verb is cut inside a clause.
var clauseOpener = set(`that which who whom whose so because although though while whereas if unless when where`)

// wholeCut reports whether the start p of a title, before a boundary it
// may be cut at, reads as a whole title: three words or more with a
// verb, not ending on a function word, a pronoun or an attribution verb,
// and not inside a clause it opened ("…, so the numbers", "… said that
// areas").
func wholeCut(p string) bool {
	p = trimEnd(p)
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], p)
	if !fits(p) || len(toks) < 3 || !hasVerb(p) || dangling(p) {
		return false
	}
	last := strings.ToLower(toks[len(toks)-1].Text)
	if lexicon.SubjectPronoun(last) && (last != "it" || attributionVerb[strings.ToLower(toks[len(toks)-2].Text)]) || attributionVerb[last] || strings.HasSuffix(last, "ing") && len(last) >= 6 {
		return false // "… said it", "… told"
	}
	if len(toks) >= 2 && strings.EqualFold(toks[len(toks)-2].Text, "to") && isLowerWord(toks[len(toks)-1].Text) && !lexicon.Determiner(last) {
		return false // "… to try": an infinitive cut from its object
	}
	if i := strings.LastIndex(p, ", "); i >= 0 && words.Count(p[i:]) < 3 {
		return false // "…, equipped"
	}
	for k := len(toks) - 1; k > 0; k-- {
		if clauseOpener[strings.ToLower(toks[k].Text)] {
			return hasVerb(p[toks[k].End:])
		}
	}
	return true
}

// trimEnd drops from the end of a title the punctuation and the function
// words that cannot end one.
func trimEnd(s string) string {
	for {
		s = strings.TrimRight(s, " ,;:–—-“‘(\"")
		last, ok := words.Last(s)
		if !ok || !anyWord(s[:last.Start]) { // fewer than two words
			return s
		}
		if last.End != len(s) || !lexicon.FunctionWord(strings.ToLower(last.Text)) {
			return s
		}
		s = s[:last.Start]
	}
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

// idText is the text of a dateline sentence its event's ID is made from:
// without the dateline and an opening adverbial phrase.
func idText(s string) string {
	s = stripLead(s, true)
	if i := strings.Index(s, ", "); i > 0 && i < 2*len(s)/3 {
		first := strings.ToLower(firstWordOf(s))
		if lexicon.Subordinator(first) || (idAdverbial[first] || participle(strings.ToLower(firstWordOf(s[:i])))) && !hasFiniteVerb(s[:i]) {
			s = upperFirst(strings.TrimSpace(s[i+2:]))
		}
	}
	return s
}

// idAdverbial are the words an opening adverbial phrase starts with, for
// idText: kept as they were when IDs were first made, so that IDs stay.
var idAdverbial = set(`during at in on following additionally moreover however meanwhile furthermore
later then also earlier throughout despite amid upon with according under by from`)

// hasVerb reports whether s has a word that is a verb of a clause: an
// auxiliary, a past form, or a common present form.
func hasVerb(s string) bool {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	for i, t := range toks {
		lw := strings.ToLower(t.Text)
		if lexicon.Auxiliary(lw) || isPastVerb(s, toks, i, lw) || headlineVerb(lw) {
			return true
		}
	}
	return false
}

// headlineVerb reports a present form a headline's verb may have: "says",
// "inspects", "meet".
func headlineVerb(w string) bool { return lexicon.PresentVerb(w) }

// hasFiniteVerb reports whether s has a finite verb that leaves no doubt:
// an auxiliary or an irregular past form, not an "-ed" word that may be a
// participle ("concerns raised by …").
func hasFiniteVerb(s string) bool {
	var buf [splitBuf]words.Token
	for _, t := range words.AppendSplit(buf[:0], s) {
		lw := strings.ToLower(t.Text)
		if lexicon.Auxiliary(lw) || lexicon.IrregularPast(lw) || pastAux[lw] {
			return true
		}
	}
	return false
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// dangling reports a title that ends in a word that cannot end one.
func dangling(s string) bool {
	last, ok := words.Last(s)
	return !ok || lexicon.FunctionWord(strings.ToLower(last.Text))
}

// anyWord reports whether s has a word (see words.Split).
func anyWord(s string) bool {
	for range words.All(s) {
		return true
	}
	return false
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
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
	lw := strings.ToLower(firstWordOf(s))
	return lexicon.SubjectPronoun(lw) || lexicon.Possessive(lw) || lexicon.Demonstrative(lw)
}

// anaphoricHead are the words that, after "the", make a subject that
// stands for something named before: "the first", "the two leaders",
// "the latter".
var anaphoricHead = set(`first second third fourth last latter former other others same two three both pair`)

// needsAntecedent reports a title whose subject stands for a noun phrase
// of a sentence before it: a pronoun, or "the" with an ordinal or
// "two", "other", "latter".
func needsAntecedent(s string) bool {
	if pronounStart(s) || bareDefinite(s) {
		return true
	}
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	if len(toks) < 2 || !strings.EqualFold(toks[0].Text, "the") {
		return false
	}
	if !anaphoricHead[strings.ToLower(toks[1].Text)] {
		return false
	}
	// "The last of the six victims" names what it speaks of.
	return !(len(toks) > 3 && strings.EqualFold(toks[2].Text, "of"))
}

// bareDefinite reports a title whose subject is "the" and one common
// noun, then its verb: "The visit has been …", "The move came …", which
// refer to something the sentences before them named.
func bareDefinite(s string) bool {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], s)
	if len(toks) < 3 || !strings.EqualFold(toks[0].Text, "the") || !isLowerWord(toks[1].Text) {
		return false
	}
	n, v := strings.ToLower(toks[1].Text), strings.ToLower(toks[2].Text)
	if lexicon.FunctionWord(n) || strings.HasSuffix(n, "s") || s[toks[1].End:toks[2].Start] != " " {
		return false
	}
	return lexicon.Auxiliary(v) || isPastVerb(s, toks, 2, v) || headlineVerb(v)
}

// antecedentPenalty is how much a subject that needs the sentence before
// it costs a title.
func antecedentPenalty(s string) int {
	switch {
	case pronounStart(s):
		return 6
	case bareDefinite(s):
		return 2
	}
	return 4
}

// resolution is a title whose subject was replaced by the noun phrase it
// stands for.
type resolution struct {
	title    string
	from     int    // the sentence that names the subject
	replaced string // the words replaced
	dropped  []DroppedPart
}

// resolveSubject replaces the subject of title t of sentence m that needs
// an antecedent by the noun phrase it stands for, found in the sentences
// just before m in the same source: for a personal pronoun ("He",
// "They"), the named subject of the nearest sentence that has one; for a
// possessive ("His visit"), that subject's possessive; for "the first"
// or "the second", the counted noun phrase ("two new shelters") of the
// nearest sentence that has one ("First of two new shelters opened"); for
// "the two …", the nearest subject that joins two names.
func resolveSubject(t string, m int, sents []Sentence, titles *titles) (resolution, bool) {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], t)
	if len(toks) < 2 {
		return resolution{}, false
	}
	lw := strings.ToLower(toks[0].Text)
	second := strings.ToLower(toks[1].Text)
	for j, back := m-1, 1; back <= resolveBack && j >= 0; j, back = j-1, back+1 {
		p := &sents[j]
		if p.Source != sents[m].Source || p.Ordinal != sents[m].Ordinal-back {
			break
		}
		pt, _ := titles.of(p)
		subj := namedSubject(pt)
		var replaced, with string
		switch {
		case lexicon.SubjectPronoun(lw) && lw != "i" && lw != "we" && lw != "you":
			if subj == "" || lw == "they" && !strings.Contains(subj, " and ") && !strings.HasSuffix(subj, "s") {
				continue
			}
			replaced, with = toks[0].Text, subj
		case lexicon.Possessive(lw) && lw != "my" && lw != "our" && lw != "your":
			if subj == "" {
				continue
			}
			replaced, with = toks[0].Text, subj+"’s"
		case lw == "the" && (second == "first" || second == "second" || second == "third" || second == "last"):
			np := countedPhrase(p.Text)
			if np == "" {
				continue
			}
			replaced, with = t[:toks[1].End], upperFirst(second)+" of "+np
		case lw == "the" && (second == "two" || second == "pair" || second == "both"):
			if !strings.Contains(subj, " and ") {
				continue
			}
			end := toks[1].End
			if second == "two" && len(toks) > 2 && !isPastVerb(t, toks, 2, strings.ToLower(toks[2].Text)) && !lexicon.Auxiliary(strings.ToLower(toks[2].Text)) {
				end = toks[2].End // "the two leaders"
			}
			replaced, with = t[:end], subj
		case lw == "the" && bareDefinite(t):
			name := possessorOf(p.Text, second)
			if name == "" {
				continue
			}
			replaced, with = t[:toks[1].End], name+"’s "+second
		default:
			return resolution{}, false
		}
		c := &composer{}
		out := c.finish(with + t[len(replaced):])
		if out != "" && strings.HasPrefix(out, firstWordOf(with)) {
			return resolution{title: out, from: j, replaced: replaced, dropped: c.dropped}, true
		}
	}
	return resolution{}, false
}

// namedSubject returns the subject of a title when it is named: the words
// before its verb, opening with a capital and ending in a name, not a
// pronoun, "the" with a common noun or a quotation; "" otherwise.
func namedSubject(t string) string {
	var buf [splitBuf]words.Token
	toks := words.AppendSplit(buf[:0], t)
	if len(toks) < 2 || !isUpperWord(t) || needsAntecedent(t) {
		return ""
	}
	for i, tk := range toks {
		if i > 7 {
			return ""
		}
		lw := strings.ToLower(tk.Text)
		if i > 0 && (lexicon.Auxiliary(lw) || isPastVerb(t, toks, i, lw) || headlineVerb(lw) || lexicon.Subordinator(lw)) {
			subj := strings.TrimSpace(t[:tk.Start])
			last := toks[i-1].Text
			if strings.ContainsAny(subj, ",;:“”\"()") || !isUpperWord(last) {
				return ""
			}
			return subj
		}
	}
	return ""
}

// possessorOf returns the name whose noun is in s: "Kim Jong Un" for
// "visit" in "… Kim Jong Un’s recent visit to Russia …", or "".
func possessorOf(s, noun string) string {
	re := regexp.MustCompile(`((?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)['’]s\s(?:[a-z-]+\s){0,2}` + regexp.QuoteMeta(noun) + `\b`)
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

var countedRe = regexp.MustCompile(`\b(two|three|four|five|six|seven|eight|nine|ten|[0-9]+)((?:\s[a-z][a-z-]*){0,2}\s[a-z][a-z-]*s)\b`)

// countedPhrase returns the first counted noun phrase of s, "two new
// shelters", or "".
func countedPhrase(s string) string {
	m := countedRe.FindString(s)
	return m
}
