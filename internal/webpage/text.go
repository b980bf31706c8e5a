package webpage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold returns s with every run of white space (including no-break spaces
// and line breaks) made one space, invisible format characters (zero-width
// spaces, soft hyphens, byte order marks) and control characters removed,
// invalid UTF-8 replaced, and no space at either end.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of any page: no decoding.
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				space = b.Len() > 0
				continue
			case c < ' ' || c == 0x7F:
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isSpace(r):
			space = b.Len() > 0
			continue
		case isInvisible(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// runeCount is the number of characters in s that fold keeps, not
// counting spaces: runeCount(s) == runeCount(fold(s)), without the copy.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c > ' ' && c != 0x7F {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !isSpace(r) && !isInvisible(r) {
			n++
		}
	}
	return n
}

// isSpace says whether fold turns r into a space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u2028' || r == '\u2029'
}

// isInvisible says whether fold removes r: format characters that do not
// show (zero-width spaces and joiners, byte order marks, soft hyphens)
// and control characters.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return r < ' ' || (r >= 0x7F && r < 0xA0)
}

// wordCount is the number of words in s: runs of letters or digits, with
// each Han, Hiragana, Katakana or Hangul character counted as a word of
// its own, since those scripts do not separate words by spaces.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		switch {
		case isIdeograph(r):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !in {
				n++
			}
			in = true
		default:
			in = false
		}
	}
	return n
}

// isIdeograph says whether r is written without spaces between words.
func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Thai, r))
}

// commas counts the commas of s, in any script.
func commas(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ',', '，', '、', '،', '٫':
			n++
		}
	}
	return n
}

// endsSentence says whether s ends like a sentence: with a full stop,
// question or exclamation mark, possibly followed by closing quotes or
// brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', ':', ';', '؟', '।':
		return true
	}
	return false
}
