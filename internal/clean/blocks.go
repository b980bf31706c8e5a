package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/temporal"
	"github.com/timeline-ssg/timeline/internal/webpage"
	"github.com/timeline-ssg/timeline/internal/words"
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
	webpage.Block
	words     int
	stopRatio float64
	sentence  bool // ends like a sentence
	heading   bool // a Markdown heading, or kept as a heading
	marked    bool // marked up as a heading (Markdown, HTML), not judged one
	list      bool // a list item: marked up as one, or opening with a bullet
	leadIn    bool // ends with a colon, as a sentence introducing a list does
	nav       bool // items between separators: a menu, breadcrumb or byline
	stamp     bool // a time stamp: a short line that is mostly a date or time
	class     class
	repeated  int  // articles with other leads that carry this exact line
	cutOff    bool // the paragraph an excerpt was cut off in
	// repeatedSentence: a short sentence of six words or more the site
	// repeats ("Demonstrations went on into the night.")
	repeatedSentence bool
	// unquoted is the text outside quotations (see unquoted), and voice
	// how it speaks (see readerVoice).
	unquoted string
	voice    int
	keys     []string
}

// describe measures each block and classes it as prose, short or chrome.
// extracted is true for blocks that an extractor has already taken out of
// a page by its markup (package webpage): it has dropped the menus,
// bylines, captions and newsletter boxes it could see, so a short line or
// a heading it kept is the article's unless the page alone could not tell:
// a line repeated across the site, a menu, a time stamp.
//
// keys, when not nil, are the content keys of each block (as
// words.ContentKeys finds them), found already.
func describe(in []webpage.Block, extracted bool, corpus corpusView, keys [][]string) []block {
	out := make([]block, len(in))
	toks := make([][]words.Token, len(in))
	for i, b := range in {
		toks[i] = words.Split(b.Text)
	}
	// Stop-word density tells prose from chrome only in a language whose
	// stop words are known. A text with next to none is in another one:
	// there, length and punctuation must do.
	minProseStop, minShortStop := 0.2, 0.0
	if !english(toks) {
		minProseStop, minShortStop = 0, -1
	}
	for i, b := range in {
		toks := toks[i]
		bl := block{Block: b, words: len(toks), stopRatio: words.StopRatio(toks), heading: b.Kind == webpage.Heading}
		bl.marked = bl.heading
		bl.sentence = endsLikeSentence(b.Text)
		bl.list = b.Kind == webpage.ListItem || bulleted(b.Text)
		bl.leadIn = strings.HasSuffix(b.Text, ":") && bl.words >= 3 && bl.stopRatio > minShortStop && startsLikeSentence(b.Text)
		bl.nav = separators(strings.TrimLeft(b.Text, "•◦‣▪▸●○■□ ")) > 0
		bl.stamp = !bl.list && timeStamp(b.Text, toks)
		// Other stories' headlines, each with its age, run into one
		// line: "… oil spill - 41 mins ago Sky News BP Boss … - 1 hr ago".
		headlines := strings.Contains(b.Text, " ago") && (len(listedAgeRE.FindAllStringIndex(b.Text, 2)) >= 2 || listedAgeRE.MatchString(b.Text) && bl.words <= shortWords)
		bl.nav = bl.nav || headlines
		if keys != nil {
			bl.keys = keys[i]
		} else {
			bl.keys = words.ContentKeys(b.Text)
		}
		if corpus != nil && bl.words <= shortWords {
			// The corpus counts only short lines.
			bl.repeated = corpus.repeats(b.Text)
		}
		switch {
		case headlines:
			bl.class = chrome
		case bl.repeated >= repeatedMin && bl.words <= shortWords && !proseShaped(bl, minProseStop):
			// A short sentence among them is judged again by the story's
			// topic (see selectArticle).
			bl.repeatedSentence = bl.words >= minRepeatedSentence && bl.sentence && startsLikeSentence(b.Text) && bl.stopRatio > minShortStop
			bl.class = chrome
		case bl.heading && !extracted:
			bl.class = chrome
		case proseShaped(bl, minProseStop):
			// A sentence the site repeats in other articles is prose too
			// until the article's topic is known (see selectArticle).
			bl.class = prose
		case bl.sentence && (bl.words >= 3 || bl.words == 2 && opensQuote(b.Text)) && startsLikeSentence(b.Text) && bl.stopRatio > minShortStop:
			// A short sentence, such as a quote the scraper broke into
			// paragraphs ("I'm outraged.).
			bl.class = short
		case extracted && !bl.nav && !bl.stamp && (bl.words > 2 || bl.heading):
			bl.class = short // the extractor's judgement stands
		default:
			bl.class = chrome
		}
		out[i] = bl
	}
	if !extracted {
		markCutOff(out, minProseStop)
	}
	// The voice of each block, with quotations followed across blocks.
	inQuote := false
	for i := range out {
		out[i].unquoted, inQuote = unquoted(out[i].Text, inQuote)
		out[i].voice = readerVoice(out[i], out[i].unquoted)
	}
	return out
}

// markCutOff finds the paragraph an excerpt was cut off in: the block
// right after the last prose, with nothing but chrome after it, that
// reads as a sentence broken off (it opens as one and stops on a word no
// sentence ends on, or runs on for twelve words with a prose's share of
// stop words, or for twenty) rather than a headline. It is prose: the article's, not chrome after it.
func markCutOff(blocks []block, minStop float64) {
	last := -1
	for i, b := range blocks {
		if b.class == prose {
			last = i
		}
	}
	k := last + 1
	if last < 0 || k >= len(blocks) {
		return
	}
	b := &blocks[k]
	if b.class != chrome || b.list || b.nav || b.stamp || b.marked || b.sentence || !startsLikeSentence(b.Text) || b.words < 8 || b.stopRatio < minStop {
		return
	}
	// A headline has few stop words, and ends on a word of weight.
	if !brokenOff(b.Text) && !(b.words >= 12 && b.stopRatio >= 0.35) && b.words < 20 {
		return
	}
	b.class = prose
	b.cutOff = true
}

// proseShaped reports whether a block is running text by its shape: long,
// or a sentence of twelve words or more, with stop words.
func proseShaped(b block, minStop float64) bool {
	return b.stopRatio >= minStop && (b.words >= 40 || b.words >= 12 && b.sentence)
}

// english reports whether blocks of some length, together, have at least
// one word in twelve a stop word. English prose runs near one in two, and
// English chrome rarely lacks them all.
func english(toks [][]words.Token) bool {
	n, stops := 0, 0
	for _, t := range toks {
		if len(t) < 8 {
			continue
		}
		n += len(t)
		for _, w := range t {
			if words.IsStop(strings.ToLower(w.Text)) {
				stops++
			}
		}
	}
	return n == 0 || 12*stops >= n
}

const (
	// shortWords is the most words a line may have to count as site chrome
	// when it repeats across articles.
	shortWords = 20
	// repeatedMin is how many articles with different leads must carry a
	// short line for it to count as site chrome.
	repeatedMin = 3
	// minRepeatedSentence is the fewest words of a repeated sentence that
	// is judged by the story's topic rather than taken for chrome.
	minRepeatedSentence = 6
)

// endsLikeSentence reports whether s ends with sentence punctuation,
// perhaps followed by a closing quote or bracket.
func endsLikeSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)»]」』）")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' || r == '！' || r == '？'
}

// opensQuote reports text that opens with a quotation mark.
func opensQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("\"“‘«", r)
}

// startsLikeSentence reports whether s opens as a sentence does: with a
// capital or a digit, perhaps after quotation marks, brackets or a dash
// and the space after it ("-- Police joined the march.").
func startsLikeSentence(s string) bool {
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
		if r == ' ' && dash {
			continue
		}
		if !strings.ContainsRune("\"'“‘(«[¿¡-—–", r) {
			return false
		}
		dash = dash || strings.ContainsRune("-—–", r)
	}
	return false
}

// headlineShaped reports whether a block could be a title or subheading:
// a few words, mostly letters, one phrase not ending in a full stop, not
// even inside a closing quote (a caption such as "Crowds at the quay.
// Photo: J. Smith" has a sentence break inside).
func headlineShaped(b block) bool {
	if b.words < 2 || b.words > 30 || strings.HasSuffix(strings.TrimRight(b.Text, " \"'”’)»]"), ".") || innerBreakRE.MatchString(b.Text) {
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

// innerBreakRE matches a sentence break inside a line: a word of three or
// more letters (not an initial or an abbreviation like "U.S." or "Dr."),
// a full stop, and a capital or bracket after it.
var innerBreakRE = regexp.MustCompile(`\p{L}\p{Ll}{2,}[.!?]["”’)]?\s+["“‘(]?\p{Lu}`)

// bulleted reports whether s opens with a list bullet or number followed by
// a space: "• ", "- ", "1. ", "2) ".
func bulleted(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if strings.ContainsRune("•◦‣▪▸●○■□–—-*+", r) {
		return strings.HasPrefix(s[n:], " ") && separators(s[n:]) == 0
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// separators counts the tokens of s that are made only of the marks sites
// put between menu items, breadcrumbs and byline parts ("|", "›", "»",
// "•", "·", ">", "/"). A sentence has none.
func separators(s string) int {
	n := 0
	for f := range strings.FieldsSeq(s) {
		if strings.Trim(f, "|¦›»‹«•·>/▸▶◂◆♦■▪") == "" {
			n++
		}
	}
	return n
}

// clockRE matches a time of day, "9:14 pm", "6.12pm", "17:52", "4 p.m.",
// but not a duration ("2:11:48") or a decimal ("3.5").
var clockRE = regexp.MustCompile(`(?i)(?:^|[^\d.:])\d{1,2}:\d{2}(?:$|[^\d.:])|\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b`)

// listedAgeRE matches the age a list of other stories gives after each
// headline, after a dash: " - 41 mins ago", " – 2 hrs ago".
var listedAgeRE = regexp.MustCompile(`\s[-–—]\s+(?:\d+|an?)\s+\pL+\s+ago\b`)

// agoRE matches an age, "2 hours ago", "5 mins ago".
var agoRE = regexp.MustCompile(`\b(?:\d+|an?)\s+\pL+\s+ago\b`)

// timeStamp reports whether a line is a time stamp: a few words, not a
// sentence, that are mostly a time of day, an age ("2 hours ago") or a
// date, as over a comment or a post ("September 12, 2024 at 9:14 pm",
// "Published 10:24, 3 June 2024"). A dated photo caption has more words.
func timeStamp(s string, toks []words.Token) bool {
	if len(toks) == 0 || len(toks) > 12 || endsLikeSentence(s) {
		return false
	}
	var spans [][]int
	spans = append(spans, clockRE.FindAllStringIndex(s, -1)...)
	spans = append(spans, agoRE.FindAllStringIndex(s, -1)...)
	for _, e := range temporal.Find(s, temporal.Reference{}) {
		if e.Kind == temporal.Absolute || e.Kind == temporal.Partial {
			spans = append(spans, []int{e.Start, e.End})
		}
	}
	if len(spans) == 0 {
		return false
	}
	rest := 0
	for _, t := range toks {
		in := false
		for _, sp := range spans {
			if t.Start >= sp[0] && t.End <= sp[1]+1 {
				in = true
				break
			}
		}
		if !in {
			rest++
		}
	}
	return rest <= 4
}
