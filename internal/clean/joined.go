package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/webpage"
	"github.com/timeline-ssg/timeline/internal/words"
)

// A scraper that writes each line of a page's layout as a paragraph breaks
// long sentences in two: "Chants of "Egypt is free!"" over "and "God is
// great!"" over "rose from the crowds.", or "The agency said 14 people
// were still" over "missing on Tuesday night.". Judged alone, each piece
// is a short line that is not a sentence. So the pieces are joined
// before they are judged: a paragraph goes on in the next one when the
// next opens in lower case and this one does not end a sentence, or ends
// inside a quotation ("… free!""); when the next opens with a comma or a
// semicolon; or when this one stops on a word a sentence cannot end on
// ("the", "of", "and") or a comma.

// joinBroken joins the pieces of sentences broken across paragraphs in
// the blocks of a scraped text file, and their content keys (keys, when
// not nil, are those of each input block). The joined block starts on its
// first piece's line and reads the pieces' text with one space between.
func joinBroken(in []webpage.Block, keys [][]string) ([]webpage.Block, [][]string) {
	in, keys = splitWidgets(in, keys)
	first := -1
	for i := 1; i < len(in); i++ {
		if continues(in[i-1], in[i]) {
			first = i
			break
		}
	}
	if first < 0 {
		return in, keys
	}
	out := append([]webpage.Block(nil), in[:first]...)
	var outKeys [][]string
	if keys != nil {
		outKeys = append([][]string(nil), keys[:first]...)
	}
	for i := first; i < len(in); i++ {
		b := in[i]
		if n := len(out); n > 0 && continues(out[n-1], b) {
			out[n-1].Text += " " + b.Text
			if keys != nil {
				outKeys[n-1] = append(outKeys[n-1][:len(outKeys[n-1]):len(outKeys[n-1])], keys[i]...)
			}
			continue
		}
		out = append(out, b)
		if keys != nil {
			outKeys = append(outKeys, keys[i])
		}
	}
	return out, outKeys
}

// continues reports whether next goes on with the sentence prev broke
// off.
func continues(prev, next webpage.Block) bool {
	if prev.Kind != webpage.Paragraph || next.Kind != webpage.Paragraph || next.Text == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	lower := unicode.IsLower(r)
	switch {
	case strings.ContainsRune(",;", r) && words.Count(next.Text) >= 2:
		// ", it's now a popular destination." goes on from the line above
		return words.Count(prev.Text) >= 3 && separators(prev.Text) == 0
	case lower && (!endsLikeSentence(prev.Text) || endsInsideQuote(prev.Text)):
	case (unicode.IsLetter(r) || unicode.IsDigit(r)) && brokenOff(prev.Text):
	default:
		return false
	}
	return words.Count(prev.Text) >= 3 && words.Count(next.Text) >= 2 && separators(prev.Text) == 0 && separators(next.Text) == 0
}

// endsInsideQuote reports text that ends with sentence punctuation inside
// a closing quotation mark, as a quoted exclamation inside a sentence
// does ("Chants of "Egypt is free!"").
func endsInsideQuote(s string) bool {
	s = strings.TrimRight(s, " ")
	for _, q := range []string{"!\"", "?\"", "!”", "?”", "!'", "?'", "!’", "?’"} {
		if strings.HasSuffix(s, q) {
			return true
		}
	}
	return false
}

// brokenOff reports text that stops where no sentence ends: on a comma,
// or on a word such as "the", "of" or "and" (a stop word of three letters
// or fewer, not a number or an initial).
func brokenOff(s string) bool {
	s = strings.TrimRight(s, " ")
	if strings.HasSuffix(s, ",") {
		return true
	}
	// the last word, if the text ends on one
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	w := s[i:]
	if w == "" || i > 0 && s[i-1] != ' ' {
		return false
	}
	switch w {
	case "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "that", "its", "their", "his", "her", "as", "but", "was", "were", "is", "are":
		return true // in lower case: not a capitalised title word
	}
	return false
}

// A scraper may also run a template's widget into the paragraph after it:
// "BACK {current} of {total} NEXT Mr Hayward said …". The widget, template
// tags and the capitalised words and short words around them, is split
// off as a block of its own, on the same line, so that it is judged as
// chrome and the paragraph as text.

// splitWidgets splits the widget a paragraph opens with off it, and the
// content keys with it (keys, when not nil, are those of each block).
func splitWidgets(in []webpage.Block, keys [][]string) ([]webpage.Block, [][]string) {
	var out []webpage.Block
	var outKeys [][]string
	split := false
	for i, b := range in {
		n := widgetPrefix(b)
		if n == 0 {
			out = append(out, b)
			if keys != nil {
				outKeys = append(outKeys, keys[i])
			}
			continue
		}
		split = true
		head, rest := b, b
		head.Text, rest.Text = b.Text[:n], strings.TrimLeft(b.Text[n:], " ")
		out = append(out, head, rest)
		if keys != nil {
			outKeys = append(outKeys, words.ContentKeys(head.Text), words.ContentKeys(rest.Text))
		}
	}
	if !split {
		return in, keys
	}
	return out, outKeys
}

// widgetPrefix returns the length of the widget a paragraph opens with: a
// run of template tags ("{current}"), words in capitals and short words
// in lower case, holding a tag and ending with a tag or a word in
// capitals, before text that opens as a sentence does (the longest such
// run: "BACK {current} of {total} NEXT BP is …" ends after "NEXT"); or 0.
func widgetPrefix(b webpage.Block) int {
	if b.Kind != webpage.Paragraph || !strings.Contains(b.Text, "{") {
		return 0
	}
	type cand struct{ end, tags int }
	var cands []cand
	tags := 0
	for _, f := range fieldsAt(b.Text) {
		w := b.Text[f[0]:f[1]]
		switch {
		case strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}") && templateRE.MatchString(w):
			tags++
			cands = append(cands, cand{f[1], tags})
		case isCapsWord(w):
			cands = append(cands, cand{f[1], tags})
		case len(w) <= 3 && strings.ToLower(w) == w:
			// "of", between tags
		default:
			for i := len(cands) - 1; i >= 0; i-- {
				c := cands[i]
				rest := strings.TrimLeft(b.Text[c.end:], " ")
				if c.tags > 0 && startsLikeSentence(rest) && words.Count(rest) >= 3 {
					return c.end
				}
			}
			return 0
		}
	}
	return 0
}

// fieldsAt returns the byte ranges of the space-separated fields of s.
func fieldsAt(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// isCapsWord reports a word of two or more letters, all capitals.
func isCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
