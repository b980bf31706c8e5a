// Package words splits English text into word tokens and normalises them
// for comparison: lower case, possessives and light suffixes removed, stop
// words known. Cleaning, duplicate detection and event clustering all see
// words the same way through it.
package words

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	// Start and End are byte offsets of the word in the text.
	Start, End int
	// Text is the word as written, without surrounding punctuation.
	Text string
}

// Split returns the words of s: runs of letters and digits, with inner
// hyphens, apostrophes and dots kept when letters or digits follow them
// ("Tu-160", "don't", "U.S"). A possessive "'s" stays on the token; Key
// removes it.
func Split(s string) []Token {
	// A sentence is split into a buffer on the stack, then kept in a
	// slice of the exact length: news text has more words than any cheap
	// guess from its length, and a slice grown to fit leaves garbage and
	// spare room.
	// A long text is split straight into a slice of a guessed size.
	if len(s) > splitShort {
		return AppendSplit(make([]Token, 0, len(s)/6+1), s)
	}
	var buf [splitShort / 4]Token
	toks := AppendSplit(buf[:0], s)
	out := make([]Token, len(toks))
	copy(out, toks)
	return out
}

// splitShort is the longest text, in bytes, that Split splits on the
// stack first: a long sentence.
const splitShort = 320

// AppendSplit appends the words of s, as Split finds them, to dst and
// returns the extended slice: a caller that splits many short texts can
// give it a buffer of its own (on the stack) rather than a new slice each
// time.
func AppendSplit(dst []Token, s string) []Token {
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start < 0 {
			return dst
		}
		dst = append(dst, Token{Start: start, End: end, Text: s[start:end]})
		i = end
	}
}

// Last returns the last of the words Split finds in s, and false when s
// has none. It reads s from its end: a space never is part of a word nor
// joins two, so the words after a space are those Split finds in the
// text after it.
func Last(s string) (Token, bool) {
	for end := len(s); ; {
		from := strings.LastIndexByte(s[:end], ' ') + 1
		last := Token{Start: -1}
		for i := from; ; {
			start, e := nextWord(s[:end], i)
			if start < 0 {
				break
			}
			last = Token{Start: start, End: e, Text: s[start:e]}
			i = e
		}
		if last.Start >= 0 {
			return last, true
		}
		if from == 0 {
			return Token{}, false
		}
		end = from - 1
	}
}

// All returns the byte offsets of the words Split finds in s, one pair
// at a time, without making a slice: for loops that only read the words.
func All(s string) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		for i := 0; ; {
			start, end := nextWord(s, i)
			if start < 0 || !yield(start, end) {
				return
			}
			i = end
		}
	}
}

// Count returns the number of words Split finds in s, without making them.
func Count(s string) int {
	n := 0
	for i := 0; ; n++ {
		start, end := nextWord(s, i)
		if start < 0 {
			return n
		}
		i = end
	}
}

// nextWord returns the offsets of the first word of s at or after byte
// i, as Split defines words; start is -1 when there is none. A word is a
// run of letters and digits, joined across a hyphen, apostrophe or full
// stop between two of them. ASCII is told byte by byte; other text is
// decoded rune by rune.
func nextWord(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
			start = i
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			start = i
			i += n
		}
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					i++
					continue
				}
				if (c == '-' || c == '\'' || c == '.') && i+1 < len(s) && wordAt(s, i+1) {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) || isJoiner(r) && i+n < len(s) && wordAt(s, i+n) {
				i += n
				continue
			}
			break
		}
		return start, i
	}
	return -1, -1
}

// asciiWord tells the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// wordAt reports whether a letter or digit starts at byte i of s.
func wordAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '.' || r == '‑'
}

// Key returns the comparison form of a word: lower case, straight
// apostrophes, possessive removed, and a light stem (plural and verb
// endings) so that "Warships", "warship" and "warship's" compare equal.
// Words with digits keep their form ("tu-160").
func Key(w string) string {
	// Most words are ASCII letters, perhaps hyphenated: lower-cased, they
	// only need stemming.
	upper := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'a' <= c && c <= 'z' || c == '-':
		case 'A' <= c && c <= 'Z':
			upper = true
		default:
			return key(w)
		}
	}
	if upper {
		w = strings.ToLower(w)
	}
	return Stem(w)
}

// key is Key for any word.
func key(w string) string {
	w = strings.ToLower(w)
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return w
	}
	w = strings.ReplaceAll(w, ".", "")
	return Stem(w)
}

// Stem strips common English inflections from a lower-case word: plural
// -s/-es/-ies, -ed, -ing, and -ly, keeping at least three letters of stem.
// It is deliberately light: it conflates forms of one word and rarely
// conflates different words.
func Stem(w string) string {
	n := len(w)
	if n <= 3 {
		return w
	}
	// Every invariant word ends in s, d or g.
	if last := w[n-1]; last == 's' || last == 'd' || last == 'g' {
		if _, ok := invariant[w]; ok {
			return w
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ing") && n > 5:
		return undouble(trimE(w[:n-3]))
	case strings.HasSuffix(w, "ied") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "ed") && n > 4:
		return undouble(trimE(w[:n-2]))
	case strings.HasSuffix(w, "es") && n > 4 && strings.ContainsRune("sxz", rune(w[n-3])):
		return w[:n-2]
	case strings.HasSuffix(w, "es") && n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2]
	case strings.HasSuffix(w, "s") && n > 3:
		return trimE(w[:n-1])
	case strings.HasSuffix(w, "ly") && n > 5:
		return w[:n-2]
	}
	return trimE(w)
}

// invariant lists words whose final -s, -ed or -ing is not an inflection.
// Stem looks a word up only if it ends in s, d or g: a word added here
// must too (TestInvariantEndings).
var invariant = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`news series species means always perhaps politics economics physics
	lens gas bias chaos whereas thus during nothing something anything everything morning evening
	king ring thing spring string wing sing bring ceiling red bed need speed seed feed hundred`) {
		m[w] = struct{}{}
	}
	return m
}()

// trimE removes a final silent e so "showcase", "showcased" and
// "showcasing" meet at "showcas".
func trimE(w string) string {
	if len(w) > 3 && w[len(w)-1] == 'e' {
		return w[:len(w)-1]
	}
	return w
}

// undouble turns a doubled final consonant from "-pped"/"-tting" back into one.
func undouble(w string) string {
	n := len(w)
	if n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// IsStop reports whether the lower-case word w is an English stop word:
// a function word that says nothing of what a text is about.
func IsStop(w string) bool {
	i, ok := stopSlot(w)
	if !ok {
		return false
	}
	return slices.Contains(stop[i], w)
}

// Stop words are looked up by their length, first and last byte: a
// word with the same three is compared with the few stop words that have
// them. Hashing the word for a map lookup cost a good part of the time
// of finding an article's content words, half of which are stop words.
const (
	stopLongest = 13 // bytes
	stopBytes   = 27 // a to z, and '
)

// stopSlot returns the slot of stop a word of stop-word shape looks in.
func stopSlot(w string) (int, bool) {
	if len(w) == 0 || len(w) > stopLongest {
		return 0, false
	}
	f, ok := stopByte(w[0])
	l, ok2 := stopByte(w[len(w)-1])
	if !ok || !ok2 {
		return 0, false
	}
	return (len(w)*stopBytes+f)*stopBytes + l, true
}

func stopByte(c byte) (int, bool) {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a'), true
	case c == '\'':
		return 26, true
	}
	return 0, false
}

// stop holds the stop words, by slot (see stopSlot): articles, pronouns,
// auxiliaries, prepositions, conjunctions and the commonest adverbs.
var stop = func() [][]string {
	m := make([][]string, (stopLongest+1)*stopBytes*stopBytes)
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren't as at
be because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either even ever every few for from further had hadn't has hasn't have
haven't having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll
i'm i've if in into is isn't it it's its itself just let's like many may me might more most much must
mustn't my myself neither no nor not now of off on once one only or other ought our ours ourselves out over
own same shall shan't she she'd she'll she's should shouldn't since so some still such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those
though through to too under until up upon us very was wasn't we we'd we'll we're we've were weren't what
what's when when's where where's whether which while who who's whom whose why why's will with within without
won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves said says say
according also another amid among around already although across along`) {
		i, ok := stopSlot(w)
		if !ok {
			panic("words: stop word " + w + " does not fit the table")
		}
		if !slices.Contains(m[i], w) {
			m[i] = append(m[i], w)
		}
	}
	return m
}()

// StopRatio returns the share of the tokens that are stop words.
func StopRatio(toks []Token) float64 {
	if len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if stopToken(t.Text, false) {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// ContentKeys returns the Key of every token that is not a stop word and
// has a letter, in order.
func ContentKeys(s string) []string {
	out := make([]string, 0, len(s)/8+1)
	for start, end := range All(s) {
		w := s[start:end]
		if isStopToken(w) || strings.IndexFunc(w, unicode.IsLetter) < 0 {
			continue
		}
		out = append(out, Key(w))
	}
	return out
}

// isStopToken reports whether the word w, as written, is a stop word
// once lower-cased and with curly apostrophes made straight.
func isStopToken(w string) bool { return stopToken(w, true) }

// stopToken reports whether the word w is a stop word once lower-cased,
// and with curly apostrophes made straight if straighten is set. Stop
// words are short and ASCII, so most words are told apart without a
// copy. (A long word may still lower-case into a stop word through
// letters that shrink, but none of the stop words is long enough for
// that.)
func stopToken(w string, straighten bool) bool {
	const longest = 16 // bytes, beyond every stop word's, curly apostrophes counted
	if len(w) > longest {
		return false
	}
	var buf [longest]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			if !straighten || !strings.HasPrefix(w[i:], "’") {
				// Some letters lower-case into ASCII (İ, the Kelvin sign).
				lw := strings.ToLower(w)
				if straighten {
					lw = strings.ReplaceAll(lw, "’", "'")
				}
				return IsStop(lw)
			}
			c = '\''
			i += len("’") - 1
		}
		buf[n] = c
		n++
	}
	b := buf[:n]
	slot, ok := stopSlot(string(b))
	if !ok {
		return false
	}
	for _, sw := range stop[slot] {
		if string(b) == sw {
			return true
		}
	}
	return false
}

// Slug makes s a name for a path or URL: lower-cased, keeping its ASCII
// letters, digits and underscores, with every run of other characters
// between them one dash ("Port Strike (Final)" gives
// "port-strike-final"); non-ASCII letters are dropped. It returns "" when
// s keeps nothing, for the caller to choose a name of its own.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
