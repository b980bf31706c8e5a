package temporal

import (
	"unicode"
	"unicode/utf8"
)

// tokKind is the class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // a run of letters
	tNum                      // a run of ASCII digits
	tPunct                    // one other character (a rune)
)

// Token flags.
const (
	fSpace   uint8 = 1 << iota // whitespace (or the start of the text) precedes the token
	fUpper                     // the word starts with an ASCII capital letter
	fNeedCap                   // the word is a month only when capitalized ("May", "March")
	fAbbrev                    // the word is an abbreviation that may take a dot ("Sept")
)

// token is one word, number or punctuation character of the text.
type token struct {
	start, end int32
	// val is the value of a number (-1 when it has more than nine digits)
	// or the rune of a punctuation token.
	val   int32
	kind  tokKind
	w     word  // vocabulary entry of a word; wNone for others
	nd    uint8 // number of digits of a number, capped at 255
	flags uint8
}

// maxWordLen is the longest word looked up in the vocabulary.
const maxWordLen = 12

// tokenize appends the tokens of text to toks. Offsets must fit in an int32;
// tokenize stops at 2 GiB.
func tokenize(text string, toks []token) []token {
	space := true
	n := len(text)
	if n > 1<<31-1 {
		n = 1<<31 - 1
	}
	for i := 0; i < n; {
		c := text[i]
		var flags uint8
		if space {
			flags = fSpace
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			i++
			continue
		case '0' <= c && c <= '9':
			j := i
			v := int32(0)
			for j < n && '0' <= text[j] && text[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int32(text[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 9 {
				v = -1
			}
			if nd > 255 {
				nd = 255
			}
			toks = append(toks, token{start: int32(i), end: int32(j), val: v, kind: tNum, nd: uint8(nd), flags: flags})
			i = j
		case isASCIILetter(c) || c >= utf8.RuneSelf && startsLetter(text[i:]):
			j := i
			ascii := true
			for j < n {
				b := text[j]
				if isASCIILetter(b) {
					j++
					continue
				}
				if b < utf8.RuneSelf {
					break
				}
				r, size := utf8.DecodeRuneInString(text[j:n])
				if !unicode.IsLetter(r) {
					break
				}
				ascii = false
				j += size
			}
			t := token{start: int32(i), end: int32(j), kind: tWord, flags: flags}
			if 'A' <= c && c <= 'Z' {
				t.flags |= fUpper
			}
			if ascii {
				e := lookup(text[i:j])
				t.w = e.w
				t.flags |= e.flags
			}
			toks = append(toks, t)
			i = j
		case c < utf8.RuneSelf:
			toks = append(toks, token{start: int32(i), end: int32(i + 1), val: int32(c), kind: tPunct, flags: flags})
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:n])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
			toks = append(toks, token{start: int32(i), end: int32(i + size), val: r, kind: tPunct, flags: flags})
			i += size
		}
		space = false
	}
	return toks
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// startsLetter reports whether s starts with a (non-ASCII) letter.
func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// entry is what the vocabulary knows about a word.
type entry struct {
	w     word
	flags uint8 // fNeedCap, fAbbrev
}

// lookup returns the vocabulary entry of an ASCII word, ignoring case.
func lookup(s string) entry {
	if len(s) > maxWordLen {
		return entry{}
	}
	var b [maxWordLen]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return vocab[string(b[:len(s)])] // no allocation: the compiler avoids it for map lookups
}
