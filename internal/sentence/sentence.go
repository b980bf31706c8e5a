// Package sentence splits paragraphs into sentences, keeping each
// sentence's byte offsets so pages can anchor and highlight it. It is made
// for scraped news text: it survives missing spaces after full stops
// ("concerns.Koffler"), closing quotes glued to the next word, common
// abbreviations and initials, decimals, ellipses, and quotations that run
// over several sentences.
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence: text[Start:End], trimmed of surrounding space.
type Span struct {
	Start, End int
}

// maxQuote is how far an open quotation may run before the splitter stops
// treating it as one quotation (the closing mark was lost).
const maxQuote = 600

// Split returns the sentences of a paragraph, in order.
func Split(text string) []Span {
	var spans []Span
	start := 0
	quoteOpen := -1 // offset where an open double quote began, or -1
	emit := func(end int) {
		s, e := trim(text, start, end)
		if e > s {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '“' || r == '«' || (r == '"' && quoteOpen < 0 && opensQuote(text, i)):
			quoteOpen = i
		case r == '”' || r == '»' || (r == '"' && quoteOpen >= 0):
			quoteOpen = -1
			// A quotation that ends with a full stop ends the sentence when
			// a new sentence follows, even glued on: ‘Ukraine.”However’.
			if i+n < len(text) && endsWithTerminal(text[:i]) {
				next := strings.TrimLeft(text[i+n:], " \t\n\u00a0")
				if next != "" && startsSentence(next) && (next != text[i+n:] || !startsWithQuote(next)) {
					emit(i + n)
					i += n
					continue
				}
			}
		case r == '.' || r == '!' || r == '?' || r == '…':
			if quoteOpen >= 0 && i-quoteOpen < maxQuote && closesLater(text, i) {
				break
			}
			if end, ok := boundary(text, i, n); ok {
				emit(end)
				if quoteOpen >= 0 && quoteOpen < end {
					quoteOpen = -1
				}
				i = end
				continue
			}
		}
		i += n
	}
	emit(len(text))
	return spans
}

// boundary decides whether the terminal mark at text[i:i+n] ends a
// sentence, and if so where the sentence ends (after closing quotes and
// brackets).
func boundary(text string, i, n int) (int, bool) {
	j := i + n
	for j < len(text) {
		r, m := utf8.DecodeRuneInString(text[j:])
		if r == '.' || r == '!' || r == '?' || r == '…' || r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»' {
			j += m
			continue
		}
		break
	}
	if j >= len(text) {
		return len(text), true
	}
	rest := text[j:]
	r, _ := utf8.DecodeRuneInString(rest)
	if text[i] == '.' && !unicode.IsSpace(r) {
		// No space after a full stop: a sentence boundary only in the
		// scrape artifact "word.Word" (lower case before, a capitalised
		// word after), never in "U.S.", "3.5" or "example.com".
		if j == i+1 && gluedBoundary(text, i) {
			return j, true
		}
		return 0, false
	}
	if !unicode.IsSpace(r) && r != '"' && r != '“' {
		return 0, false
	}
	next := strings.TrimLeft(rest, " \t\n\u00a0")
	if next == "" {
		return len(text), true
	}
	if !startsSentence(next) {
		return 0, false
	}
	if text[i] == '.' && j == i+1 && abbreviation(text[:i], next) {
		return 0, false
	}
	return j, true
}

// startsSentence reports whether s begins like a sentence: a capital
// letter or digit, perhaps after an opening quote or bracket.
func startsSentence(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r), unicode.IsDigit(r):
			return true
		case strings.ContainsRune("\"“‘'(«[¿¡—–-", r):
			continue
		default:
			return false
		}
	}
	return false
}

// gluedBoundary reports "word.Word" at the full stop text[i]: at least
// two lower-case letters before it and a capital then a lower-case letter
// after it.
func gluedBoundary(text string, i int) bool {
	before := lastWord(text[:i])
	if utf8.RuneCountInString(before) < 2 {
		return false
	}
	for _, r := range before {
		if !unicode.IsLower(r) {
			return false
		}
	}
	after := text[i+1:]
	r1, n1 := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(r1) || n1 >= len(after) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(after[n1:])
	return unicode.IsLower(r2)
}

// abbreviation reports whether the word before a full stop is an
// abbreviation that does not end the sentence before next.
func abbreviation(before, next string) bool {
	w := lastWord(before)
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	if _, ok := titles[lw]; ok {
		return true // "Gen. Milley", "Sept. 11", "No. 5"
	}
	// Initials and dotted acronyms: "F." in "John F. Kennedy", "U.S".
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	if strings.Contains(w, ".") {
		parts := strings.Split(w, ".")
		short := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 2 {
				short = false
			}
		}
		if short {
			// "U.S. The" ends a sentence; "U.S. Army" does not.
			return !commonStarter(next)
		}
	}
	return false
}

// titles are abbreviations that are followed by a name or number, never
// by the end of a sentence.
var titles = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov pres
	rev hon st mt ft sr jr no nos vs v etc approx dept univ jan feb mar apr jun jul aug sep sept oct nov dec
	inc corp ltd co bros fig vol pp ed eds est atty supt insp gens sens reps`) {
		m[w] = struct{}{}
	}
	return m
}()

// commonStarter reports whether s starts with a word that usually begins
// a sentence (a capitalised function word).
func commonStarter(s string) bool {
	w := strings.ToLower(firstWord(s))
	switch w {
	case "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this",
		"that", "these", "those", "there", "his", "her", "its", "their", "our", "after", "before", "when",
		"while", "as", "if", "for", "however", "meanwhile", "still", "yet", "so", "both", "some", "many":
		return true
	}
	return false
}

func lastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			break
		}
		i -= n
	}
	return strings.Trim(s[i:end], ".")
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"“‘'(«[")
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

func endsWithTerminal(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("\"“‘'«", r)
}

// opensQuote reports whether the straight quote at text[i] opens a
// quotation: at the start, or after a space or opening bracket.
func opensQuote(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r) || r == '(' || r == '['
}

// closesLater reports whether a closing double quote follows position i
// within maxQuote bytes, so a full stop inside a quotation does not end
// the sentence that contains the quotation.
func closesLater(text string, i int) bool {
	rest := text[i:min(len(text), i+maxQuote)]
	c := strings.IndexAny(rest, "”\"»")
	if c < 0 {
		return false
	}
	o := strings.IndexAny(rest, "“«")
	return o < 0 || c < o
}

func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
