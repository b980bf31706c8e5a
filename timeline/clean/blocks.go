package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/timeline/content"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// class is how a block looks on its own.
type class int

const (
	// chrome: short, not a sentence (a menu item, a button, a caption).
	chrome class = iota
	// short: a short but well-formed sentence; it belongs to whatever
	// surrounds it.
	short
	// prose: running text.
	prose
)

// block is an input block with the features cleaning judges it by.
type block struct {
	content.Block
	words     int
	stopRatio float64
	sentence  bool // ends like a sentence
	heading   bool // a Markdown heading, or kept as a heading
	class     class
	repeated  int // articles with other leads that carry this exact line
	keys      []string
}

func describe(in []content.Block, corpus *Corpus) []block {
	out := make([]block, len(in))
	for i, b := range in {
		toks := words.Split(b.Text)
		bl := block{Block: b, words: len(toks), stopRatio: words.StopRatio(toks), heading: b.Kind == content.Heading}
		bl.sentence = endsLikeSentence(b.Text)
		bl.keys = words.ContentKeys(b.Text)
		if corpus != nil {
			bl.repeated = corpus.repeats(b.Text)
		}
		switch {
		case bl.repeated >= repeatedMin && bl.words <= shortWords:
			bl.class = chrome
		case bl.heading:
			bl.class = chrome
		case bl.stopRatio >= 0.2 && (bl.words >= 40 || bl.words >= 12 && bl.sentence):
			bl.class = prose
		case bl.sentence && bl.words >= 3 && startsLikeSentence(b.Text) && bl.stopRatio > 0:
			bl.class = short
		default:
			bl.class = chrome
		}
		out[i] = bl
	}
	return out
}

const (
	// shortWords is the most words a line may have to count as site chrome
	// when it repeats across articles.
	shortWords = 20
	// repeatedMin is how many articles with different leads must carry a
	// short line for it to count as site chrome.
	repeatedMin = 3
)

// endsLikeSentence reports whether s ends with sentence punctuation,
// perhaps followed by a closing quote or bracket.
func endsLikeSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)»]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func startsLikeSentence(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
		if !strings.ContainsRune("\"'“‘(«[¿¡-—–", r) {
			return false
		}
	}
	return false
}

// headlineShaped reports whether a block could be a title or subheading:
// a few words, mostly letters, not ending in a full stop.
func headlineShaped(b block) bool {
	if b.words < 2 || b.words > 30 || strings.HasSuffix(strings.TrimSpace(b.Text), ".") {
		return false
	}
	letters, digits := 0, 0
	for _, r := range b.Text {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	return letters > 4*digits && letters >= 8
}
