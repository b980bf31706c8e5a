package clean

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/words"
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
	minVoiced = 0.4
	// minVoicedLines is the fewest such lines the comments must have, and
	// minStrongLines the fewest of them that speak to or shout as a reader
	// does: a column or a reporter's account may speak in the first
	// person at length, but not so.
	minVoicedLines = 4
	minStrongLines = 3
	// maxArticleVoiced is the most share of the article's lines above the
	// comments that may speak so.
	maxArticleVoiced = 0.2
	// postBodyWords is the most words of a post's body above the first
	// stamp of a thread whose stamps follow the posts.
	postBodyWords = 25
	// plainReport paragraphs in a row of reportWords or more words, none
	// in a reader's voice, are the article going on, not comments.
	plainReport = 3
	reportWords = 25
)

// commentsStart returns the index of the first block of the readers'
// comments among blocks[from:], or len(blocks) when there are none. A
// transcript (lines opening with a speaker's name, "SHOUKRY: I would
// not …") speaks in the first person throughout, and has none.
func commentsStart(blocks []block, from int) int {
	voiced := make([]bool, len(blocks))
	strong := make([]bool, len(blocks)) // voiced as only a reader speaks
	counted := make([]bool, len(blocks))
	speakers := 0
	for i := from; i < len(blocks); i++ {
		counted[i] = blocks[i].words >= 3
		if speakerRE.MatchString(blocks[i].Text) {
			speakers++
		}
		if counted[i] {
			voiced[i], strong[i] = blocks[i].voice > 0, blocks[i].voice > 1
		}
	}
	if speakers >= 2 {
		return len(blocks)
	}
	// suffix sums of counted and voiced lines
	n, v, st := 0, 0, 0
	sufN := make([]int, len(blocks)+1)
	sufV := make([]int, len(blocks)+1)
	sufS := make([]int, len(blocks)+1)
	for i := len(blocks) - 1; i >= from; i-- {
		if counted[i] {
			n++
		}
		if voiced[i] {
			v++
		}
		if strong[i] {
			st++
		}
		sufN[i], sufV[i], sufS[i] = n, v, st
	}
	// reportAfter[i]: a run of plainReport paragraphs of the article's
	// voice starts at or after i.
	reportAfter := make([]bool, len(blocks)+1)
	run := 0
	for i := len(blocks) - 1; i >= from; i-- {
		if counted[i] && !voiced[i] && blocks[i].words >= reportWords {
			run++
		} else if counted[i] {
			run = 0
		}
		reportAfter[i] = reportAfter[i+1] || run >= plainReport
	}
	// The boundary is the voiced line below which voiced lines most
	// exceed their least share, the earliest on a tie.
	best, bestMargin := len(blocks), 0.0
	preN, preV, preProse := 0, 0, 0
	for k := from; k < len(blocks); k++ {
		if voiced[k] && preProse >= 2 && float64(preV) <= maxArticleVoiced*float64(preN) && !reportAfter[k] &&
			sufV[k] >= minVoicedLines && sufS[k] >= minStrongLines && float64(sufV[k]) >= minVoiced*float64(sufN[k]) {
			if margin := float64(sufV[k]) - minVoiced*float64(sufN[k]); margin > bestMargin {
				best, bestMargin = k, margin
			}
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
	if best < len(blocks) {
		best = postsAbove(blocks, from, best)
	}
	// Posts that each open with their stamp ("8th November 2011 - 17:42
	// This comment …") start where the first of them does, when there are
	// two or more, and the voice of readers is heard among them.
	stamped, paragraphs := 0, 0
	first := len(blocks)
	for k := from; k < len(blocks); k++ {
		if blocks[k].class == prose {
			paragraphs++
		}
		if paragraphs >= 2 && openingStamp(blocks[k]) {
			stamped++
			first = min(first, k)
		}
	}
	if stamped >= 2 && first < best && float64(sufV[first]) >= minStampedVoiced*float64(sufN[first]) {
		best = first
	}
	return best
}

// minStampedVoiced is the least share of voiced lines in posts that open
// with their stamps.
const minStampedVoiced = 0.3

// openingStamp reports a block that opens with a date and a time of day,
// as a post does ("8th November 2011 - 17:42 This comment …").
func openingStamp(b block) bool {
	if b.Text == "" || b.Text[0] < '0' || b.Text[0] > '9' && !unicode.IsLetter(rune(b.Text[0])) {
		return false
	}
	head := b.Text[:min(len(b.Text), 40)]
	if !strings.ContainsAny(head, ":.") {
		return false
	}
	loc := clockRE.FindStringIndex(head)
	if loc == nil {
		return false
	}
	for _, e := range temporal.Find(head[:loc[0]], temporal.Reference{}) {
		if e.Kind == temporal.Absolute && e.Start <= 2 {
			return true
		}
	}
	return false
}

// speakerRE matches a transcript's speaker label: a name in capitals,
// perhaps with a role, and a colon ("SHOUKRY:", "ROB LUSTIG, MAILMAN:").
var speakerRE = regexp.MustCompile(`^\p{Lu}[\p{Lu} .'’-]+(?:, [\p{Lu}\p{N} ,.'’&-]+)?:\s`)

// postsAbove moves the start k of the comments up over the bodies of
// posts whose stamps follow them: when one of the first voiced lines
// carries a post's stamp and reply links inside it ("… February 10 at
// 8:53 pm | Report abuse | Reply …"), the posts come before their stamps,
// and the short lines right above the first voiced one are a post too.
func postsAbove(blocks []block, from, k int) int {
	stamped := false
	for i := k; i < min(k+3, len(blocks)); i++ {
		// (A post that opens with its stamp comes after it.)
		stamped = stamped || inlineStamp(blocks[i]) && !openingStamp(blocks[i])
	}
	if !stamped {
		return k
	}
	for n := 0; n < 2 && k-1 > from && blocks[k-1].words <= postBodyWords && !opensQuote(blocks[k-1].Text); n++ {
		k--
	}
	return k
}

// inlineStamp reports whether a block carries a post's time stamp: a
// time of day with the links beside it (menu separators: b.nav), or a date and
// a time of day the block opens with ("8th November 2011 - 17:42 This
// comment …").
func inlineStamp(b block) bool {
	if b.nav {
		return clockRE.MatchString(b.Text)
	}
	return openingStamp(b)
}

// readerVoice says how a block speaks: 2 when it speaks to or shouts as
// a reader does (outside quotation marks, and text is the block's text
// without them: "you", a lower-case "i" or "u", a line in capitals, a
// doubled "!" or "?", or a post's stamp and reply links), 1 when it
// speaks only in the first person ("I", "my", as a columnist or a
// reporter in the field may too), 0 otherwise.
func readerVoice(b block, text string) int {
	if inlineStamp(b) {
		return 2
	}
	if strings.Contains(text, "!!") || strings.Contains(text, "??") || strings.Contains(text, "?!") {
		return 2
	}
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	level, n, reader := 0, 0, false
	for start, end := range words.All(text) {
		w := text[start:end]
		n++
		level = max(level, personWord(w))
		reader = reader || w == "i" || w == "u"
	}
	if n >= 3 && letters >= 12 && 10*upper >= 9*letters {
		return 2
	}
	// "You" in a long statement is the generic one of an explainer ("the
	// virus is an awkward customer and you have to be careful"); a reader
	// is asked a question, or told in a few words what to do.
	if level == 2 && n > shortAddress && !strings.HasSuffix(strings.TrimSpace(text), "?") && !reader {
		level = 1
	}
	return level
}

// shortAddress is the most words of a line that speaks to the reader in
// a statement, for it to speak as a comment or a form does.
const shortAddress = 10

// personWord says whether a word is of the second person, or a reader's
// "i" or "u" (2), of the first person singular (1: "I", "I'm", "my",
// "me"), or neither (0). (Not "we" and "our": a newsroom writes "our
// correspondent", a reporter in the field "we were taken to".)
func personWord(w string) int {
	if w == "i" || w == "u" {
		return 2
	}
	if len(w) >= 3 && (w[0] == 'y' || w[0] == 'Y') {
		switch strings.ToLower(w) {
		case "you", "your", "yours", "you're", "you’re", "yourself":
			return 2
		}
	}
	if w == "I" || strings.HasPrefix(w, "I'") || strings.HasPrefix(w, "I’") {
		return 1
	}
	switch w {
	case "me", "my", "myself", "My", "Me":
		return 1
	}
	return 0
}

// unquoted returns s without its quotations, and whether a quotation is
// open at its end. in says whether one is open at its start: a quote
// that runs on over paragraphs, each perhaps opening with a quotation
// mark again. Text before a closing mark that nothing opened ("… done,"
// he said.") is a quotation whose start the paragraph before has.
func unquoted(s string, in bool) (string, bool) {
	if !in && !strings.ContainsAny(s, "\"“”«»") {
		return s, false
	}
	var b strings.Builder
	started, marked := false, false
	prev := ' '
	for i, r := range s {
		switch {
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			opening := r == '“' || r == '«' || r == '"' && (i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([—–-", prev))
			closing := r == '”' || r == '»' || r == '"' && !opening
			switch {
			case !started && in && opening:
				// a continued quote's paragraph opens with a mark again
			case !in && closing && !marked:
				// closes a quote the paragraph before opened
				b.Reset()
				in = false
			case in && closing:
				in = false
			case !in && opening:
				in = true
			case in && opening:
				// a quote inside the quote
			}
			marked = true
		case !in:
			b.WriteRune(r)
		}
		if r != ' ' {
			started = true
		}
		prev = r
	}
	return b.String(), in
}
