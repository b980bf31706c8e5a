package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/timeline/lexicon"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// maxTitle is the longest title in characters.
const maxTitle = 80

const (
	// titleCandidates is how many of an event's best sentences headline
	// considers.
	titleCandidates = 6
	// goodTitle is the least quality (see titleOf) of a title that reads
	// as a headline: a subject that is not a pronoun, and a verb.
	goodTitle = 1
)

// headline makes a title from one of the event's best sentences (in the
// order titleOrder gives, the summary's first): the main clause, without a dateline, a
// leading adverbial phrase or an appositive after the subject, cut at a
// clause boundary to at most maxTitle characters. Of the candidates it
// takes the one that reads best as a headline: a named subject, a verb,
// no cut mid-clause; never, if it can help it, a pronoun subject: when
// every one of the first candidates opens with one, the other mentions
// are tried too. titles gives the title of each sentence (nil: work it
// out).
func headline(order []int, sents []Sentence, titles *titles) string {
	best, bestQ := "", -1000
	for i, m := range order {
		if i == titleCandidates && !pronounStart(best) {
			break
		}
		t, q := titles.of(&sents[m])
		if i == 0 {
			q += 2 // the summary's first sentence: the title names what it tells
		}
		if i >= titleCandidates && pronounStart(t) {
			continue // past the first candidates, only to replace a pronoun subject
		}
		if q > bestQ {
			best, bestQ = t, q
		}
	}
	return best
}

// titleOf returns the title one sentence gives and its quality as a
// headline, higher is better.
func titleOf(s string, dateline bool) (string, int) {
	s = mainClause(s, dateline)
	q := 0
	t, cut := shorten(s)
	switch cut {
	case cutNone:
		q += 3
	case cutClause:
		q += 2
	}
	first := firstWordOf(t)
	switch {
	case pronounStart(t):
		q -= 6
	case leadingAdverbial[strings.ToLower(first)] || subordinator[strings.ToLower(first)]:
		q -= 3 // an opening phrase is left: the subject comes later
	case first == "":
		q -= 4
	case !isUpperWord(first):
		q -= 3
	case !words.IsStop(strings.ToLower(first)) && strings.ToLower(first) != "the":
		q += 1 // a name
	}
	if !hasVerb(t) {
		q -= 4
	}
	if dangling(t) {
		q -= 2
	}
	return t, q
}

// mainClause strips from a sentence what a headline does without: a
// dateline ("MOSCOW, Sept. 11 (Reuters) – "), a list item's date
// ("Monday 14 October: "), a leading adverbial phrase ("After inspecting
// the aircraft, ", "At the airfield, located 50 km away, ") and an
// appositive after the subject ("Tomas Reyland, the chief executive,
// said" becomes "Tomas Reyland said").
func mainClause(s string, dateline bool) string {
	s = stripLead(s, dateline)
	if i := strings.Index(s, ", "); i > 0 && i < 2*len(s)/3 {
		first := strings.ToLower(firstWordOf(s))
		// A subordinate clause ("When the systems failed, ") or a phrase
		// without a finite verb of its own ("At the airfield, ", "Despite
		// concerns raised by …, ") opens the sentence; in "By then Heron
		// had claimed the attack, …" it is the main clause.
		if subordinator[first] || (leadingAdverbial[first] || participle(strings.ToLower(firstWordOf(s[:i])))) && !hasFiniteVerb(s[:i]) {
			rest := strings.TrimSpace(s[i+2:])
			// "At X, located Y, Kim was …", "With X, as well as Y, the
			// visit …": skip the rest of the phrase too.
			for k := 0; k < 2; k++ {
				j := strings.Index(rest, ", ")
				w := firstWordOf(rest)
				if j <= 0 || j > len(rest)/2 || hasFiniteVerb(rest[:j]) || !(participle(w) || isLowerWord(w)) {
					break
				}
				rest = strings.TrimSpace(rest[j+2:])
			}
			s = upperFirst(rest)
		}
	}
	return dropAppositive(s)
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
	for _, dash := range []string{" -- ", " – ", " — "} {
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
	for _, t := range words.Split(s) {
		if !isUpperWord(t.Text) {
			return false
		}
	}
	return true
}

// dateLabel reports a label that is only a date ("Monday 14 October").
func dateLabel(s string) bool {
	for _, t := range words.Split(s) {
		w := strings.ToLower(t.Text)
		if !dateWord[w] && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			return false
		}
	}
	return true
}

var dateWord = set(`monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// dropAppositive removes a phrase set off by commas right after a short
// subject when a verb follows it: "Kestrel Systems, the vendor of the
// software, pushed an update" becomes "Kestrel Systems pushed an update".
func dropAppositive(s string) string {
	i := strings.Index(s, ", ")
	if i <= 0 || len(words.Split(s[:i])) > 5 || !isUpperWord(s) {
		return s
	}
	j := strings.Index(s[i+2:], ", ")
	if j <= 0 {
		return s
	}
	j += i + 2
	middle, rest := s[i+2:j], s[j+2:]
	if hasVerb(middle) && !relative(middle) && !determiner[strings.ToLower(firstWordOf(middle))] {
		return s
	}
	if w := firstWordOf(rest); w == "" || isUpperWord(w) || words.IsStop(strings.ToLower(w)) && !auxiliary[strings.ToLower(w)] {
		return s
	}
	return s[:i] + " " + rest
}

// relative reports a relative clause ("who chairs …", "which supplies
// …").
func relative(s string) bool {
	switch strings.ToLower(firstWordOf(s)) {
	case "who", "which", "whose", "whom":
		return true
	}
	return false
}

var auxiliary = set(`was were is are has have had will would could said says did does can may might must should`)

// hasVerb reports whether s has a word that is a verb of a clause: an
// auxiliary, a past form, or a common present form.
func hasVerb(s string) bool {
	toks := words.Split(s)
	for i, t := range toks {
		lw := strings.ToLower(t.Text)
		if auxiliary[lw] || isPastVerb(s, toks, i, lw) {
			return true
		}
	}
	return false
}

// hasFiniteVerb reports whether s has a finite verb that leaves no doubt:
// an auxiliary or an irregular past form, not an "-ed" word that may be a
// participle ("concerns raised by …").
func hasFiniteVerb(s string) bool {
	for _, t := range words.Split(s) {
		lw := strings.ToLower(t.Text)
		if auxiliary[lw] || lexicon.IrregularPast(lw) || pastAux[lw] {
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
	toks := words.Split(s)
	if len(toks) == 0 {
		return true
	}
	switch strings.ToLower(toks[len(toks)-1].Text) {
	case "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "that", "as", "but":
		return true
	}
	return false
}

var (
	leadingAdverbial = set(`during at in on following additionally moreover however meanwhile furthermore
	later then also earlier throughout despite amid upon with coinciding accompanied according under by
	from`)
	subordinator = set(`after before when while as since until once although though because if whereas`)
)

// How shorten cut a title.
const (
	cutNone   = iota // it fitted
	cutClause        // at a clause boundary
	cutWord          // at a word boundary, with an ellipsis
)

// clauseBreaks are where a title may be cut, best first at equal length.
var clauseBreaks = []string{", which", ", who", ", where", ", when", "; ", " – ", " — ", " -- ", ", ",
	" as ", " after ", " while ", " but ", " because ", " amid ", " following ", " despite ", " when ",
	" which ", " where ", " before ", " since ", " until ", " in a bid "}

// shorten cuts s to at most maxTitle characters at the latest clause
// boundary that leaves at least 25 characters, never inside a word or a
// quotation's words, and drops the final full stop. It reports how it
// cut.
func shorten(s string) (string, int) {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".")
	if utf8.RuneCountInString(s) <= maxTitle {
		return balanceQuotes(s), cutNone
	}
	cut := ""
	for _, sep := range clauseBreaks {
		for off := 0; ; {
			i := strings.Index(s[off:], sep)
			if i < 0 {
				break
			}
			i += off
			n := utf8.RuneCountInString(s[:i])
			if n > maxTitle {
				break
			}
			if n >= 25 && len(s[:i]) > len(cut) && !dangling(s[:i]) {
				cut = s[:i]
			}
			off = i + len(sep)
		}
	}
	if cut != "" {
		return balanceQuotes(strings.TrimRight(cut, ",;: ")), cutClause
	}
	// No clause boundary fits: cut at the last word boundary.
	r := []rune(s)
	cut = string(r[:maxTitle-1])
	if i := strings.LastIndexByte(cut, ' '); i > 20 {
		cut = cut[:i]
	}
	cut = strings.TrimRight(cut, ",;:–—-“\"‘ ")
	return balanceQuotes(cut) + "…", cutWord
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
	switch strings.ToLower(firstWordOf(s)) {
	case "he", "she", "they", "it", "this", "these", "those", "that", "we", "i", "his", "her", "their", "its", "you":
		return true
	}
	return false
}
