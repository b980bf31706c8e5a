package clean

import (
	"strings"
	"unicode"

	"github.com/timeline-ssg/timeline/timeline/words"
)

// Readers' comments below an article are not always set apart by a time
// stamp above each post: a scrape may run the comments on from the last
// paragraph, each post's stamp after it or dropped. What tells them from
// the article is their voice. A news report speaks of others in the
// third person and keeps "I" and "you" inside quotation marks; a reader
// writes as "I" or "we", speaks to "you", shouts in capitals, asks
// questions and doubles the exclamation mark. So the comments are the
// last part of the page in which most lines speak so, when little of the
// article before it does (a column in the first person keeps its voice
// throughout, and is not cut).

const (
	// minVoiced is the least share of the lines of the comments that
	// speak in a reader's voice.
	minVoiced = 0.5
	// minVoicedLines is the fewest such lines the comments must have.
	minVoicedLines = 3
	// maxArticleVoiced is the most share of the article's lines above the
	// comments that may speak so.
	maxArticleVoiced = 0.2
	// postBodyWords is the most words of a post's body above the first
	// stamp of a thread whose stamps follow the posts.
	postBodyWords = 25
)

// commentsStart returns the index of the first block of the readers'
// comments among blocks[from:], or len(blocks) when there are none.
func commentsStart(blocks []block, from int) int {
	voiced := make([]bool, len(blocks))
	counted := make([]bool, len(blocks))
	for i := from; i < len(blocks); i++ {
		counted[i] = blocks[i].words >= 3
		voiced[i] = counted[i] && readerVoice(blocks[i])
	}
	// suffix sums of counted and voiced lines
	n, v := 0, 0
	sufN := make([]int, len(blocks)+1)
	sufV := make([]int, len(blocks)+1)
	for i := len(blocks) - 1; i >= from; i-- {
		if counted[i] {
			n++
		}
		if voiced[i] {
			v++
		}
		sufN[i], sufV[i] = n, v
	}
	preN, preV, preProse := 0, 0, 0
	for k := from; k < len(blocks); k++ {
		if voiced[k] && preProse >= 2 && float64(preV) <= maxArticleVoiced*float64(preN) &&
			sufV[k] >= minVoicedLines && float64(sufV[k]) >= minVoiced*float64(sufN[k]) {
			return postsAbove(blocks, from, k)
		}
		if counted[k] {
			preN++
		}
		if voiced[k] {
			preV++
		}
		if blocks[k].class == prose {
			preProse++
		}
	}
	return len(blocks)
}

// postsAbove moves the start k of the comments up over the bodies of
// posts whose stamps follow them: when one of the first voiced lines
// carries a post's stamp and reply links inside it ("… February 10 at
// 8:53 pm | Report abuse | Reply …"), the posts come before their stamps,
// and the short lines right above the first voiced one are a post too.
func postsAbove(blocks []block, from, k int) int {
	stamped := false
	for i := k; i < min(k+3, len(blocks)); i++ {
		stamped = stamped || inlineStamp(blocks[i])
	}
	if !stamped {
		return k
	}
	for n := 0; n < 2 && k-1 > from && blocks[k-1].words <= postBodyWords && !opensQuote(blocks[k-1].Text); n++ {
		k--
	}
	return k
}

// inlineStamp reports whether a block carries a post's time stamp and
// the links beside it: a time of day and menu separators.
func inlineStamp(b block) bool {
	return separators(b.Text) >= 1 && clockRE.MatchString(b.Text)
}

// readerVoice reports whether a block speaks as a reader does: outside
// quotation marks, a word of the first or second person, a line in
// capitals, a doubled "!" or "?", or a question; or a post's stamp and
// reply links.
func readerVoice(b block) bool {
	if inlineStamp(b) {
		return true
	}
	text := unquoted(b.Text)
	if strings.Contains(text, "!!") || strings.Contains(text, "??") || strings.Contains(text, "?!") {
		return true
	}
	if t := strings.TrimRight(text, " "); strings.HasSuffix(t, "?") {
		return true
	}
	toks := words.Split(text)
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	if len(toks) >= 3 && letters >= 12 && 10*upper >= 9*letters {
		return true
	}
	for _, t := range toks {
		if personWord(t.Text) {
			return true
		}
	}
	return false
}

// personWord reports a word of the first or the second person, as a
// reader writes them: "I", "i", "I'm", "my", "we", "our", "you", "u";
// "us" only in lower case, not the country ("US").
func personWord(w string) bool {
	if w == "I" || w == "i" || w == "u" || w == "us" {
		return true
	}
	if strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return true
	}
	switch strings.ToLower(w) {
	case "me", "my", "myself", "we", "our", "ours", "you", "your", "yours", "you're", "you’re", "we're", "we’re":
		return true
	}
	return false
}

// unquoted returns s without its quotations: the text between pairs of
// quotation marks, and all of it after a quotation mark that is not
// closed (a quote that runs on to the next paragraph).
func unquoted(s string) string {
	var b strings.Builder
	in := false
	var closer rune
	for _, r := range s {
		switch {
		case !in && (r == '"' || r == '“' || r == '«'):
			in = true
			closer = map[rune]rune{'"': '"', '“': '”', '«': '»'}[r]
		case in && (r == closer || closer == '”' && r == '"'):
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
