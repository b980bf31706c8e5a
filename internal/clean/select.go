package clean

import (
	"fmt"
	"math"
	"regexp"
	"slices"

	"github.com/timeline-ssg/timeline/internal/words"
)

// segment is a run of blocks between stretches of site chrome.
type segment struct {
	start, end int // block indexes, end exclusive
	proseWords int
}

// minCoherence is the least similarity a run of prose separated from the
// article by site chrome must have with the article to be kept. Below it,
// the run is another story the page carried.
const minCoherence = 0.12

// selectArticle decides which blocks are the article. It returns, per
// block, whether to keep it and, if not, why. extracted is true for the
// blocks of a web page that package webpage chose by its markup, which
// has set the comments apart already.
func selectArticle(blocks []block, title string, extracted bool, corpus corpusView) ([]bool, []string) {
	keep := make([]bool, len(blocks))
	reasons := make([]string, len(blocks))
	segs := segments(blocks)
	if len(segs) == 0 {
		for i := range blocks {
			reasons[i] = "no running text in the file"
		}
		return keep, reasons
	}
	main := mainSegment(blocks, segs, title)
	kept := make([]bool, len(segs))
	// The readers' comments, however a scrape laid them out, end the
	// article. (A web page's are marked up as comments, and its article
	// may speak to the reader throughout, as an explainer does.)
	cut := len(blocks)
	if !extracted {
		cut = commentsStart(blocks, segs[main].start)
	}
	for i := cut; i < len(blocks); i++ {
		reasons[i] = "a comment or the comment form: after the article, where most lines speak as readers do (I, you, capitals, !!, a post's stamp)"
	}
	for si := range segs {
		if segs[si].start < cut && segs[si].end > cut {
			segs[si].end = cut
		}
	}
	mainVec := vectorOf(blocks[segs[main].start:segs[main].end], corpus)
	comments := false // past the first post below a time stamp after the article
	for si, s := range segs {
		if s.start >= cut {
			continue
		}
		if si == main {
			kept[si] = true
			continue
		}
		if si > main && (comments || stampBefore(blocks, segs[si-1].end, s.start)) {
			comments = true
			for i := s.start; i < s.end; i++ {
				reasons[i] = "a comment or another post: below a time stamp, after the article"
			}
			continue
		}
		sim := cosine(vectorOf(blocks[s.start:s.end], corpus), mainVec)
		if sim >= minCoherence {
			kept[si] = true
			continue
		}
		for i := s.start; i < s.end; i++ {
			reasons[i] = fmt.Sprintf("another story: separated from the article by site chrome, similarity %.2f to it", sim)
		}
	}
	// The article's vocabulary, to judge short lines and lists by.
	var art vector
	{
		var in []block
		for si, s := range segs {
			if kept[si] {
				in = append(in, blocks[s.start:s.end]...)
			}
		}
		art = vectorOf(in, corpus)
	}
	topic := topicOf(blocks, segs, kept)
	// The first and last blocks of the article's text, where a site puts
	// another story's headline.
	edges := [2]int{-1, -1}
	for si, s := range segs {
		if kept[si] {
			if edges[0] < 0 {
				edges[0] = s.start
			}
			edges[1] = s.end - 1
		}
	}
	// A scrape's calls to readers are the site's; a web page's extractor
	// has judged them by their markup.
	addressed, addressedFew := addressing(blocks, segs, kept)
	addressedFew = addressedFew && !extracted
	first, last := -1, -1
	for si, s := range segs {
		if !kept[si] {
			continue
		}
		if first < 0 {
			first = s.start
		}
		last = s.end
		for i := s.start; i < s.end; i++ {
			b := &blocks[i]
			switch {
			case b.repeatedSentence && topic.onTopic(*b) && amidReport(blocks, i):
				// a sentence on the story the site repeats, amid the report
				keep[i] = true
			case b.repeated >= repeatedMin && b.class == prose && !topic.onTopic(*b):
				reasons[i] = fmt.Sprintf("site chrome: the same line is in %d other articles, and is not prose on the story's topic", b.repeated-1)
			case addressed[i] && addressedFew:
				reasons[i] = "site chrome: speaks to the reader (a call for readers' stories, a newsletter), where the article does not"
			case b.repeated == repeatedMin-1 && b.words <= shortWords && (i == edges[0] || i == edges[1]) && topic.offTopic(*b):
				reasons[i] = fmt.Sprintf("site chrome: the same line is in %d other article(s), and is off the story's topic", b.repeated-1)
			case b.class != chrome:
				keep[i] = true
			case b.repeated >= repeatedMin:
				reasons[i] = fmt.Sprintf("site chrome: the same line is in %d other articles", b.repeated-1)
			case subheading(*b, art):
				keep[i] = true
				b.heading = true
			case b.list && !b.nav && coverage(b.keys, art) > 0:
				keep[i] = true
			default:
				reasons[i] = "site chrome: a short line that is not a sentence, inside the article"
			}
		}
	}
	mendGaps(blocks, segs, kept, keep, reasons, art)
	if first >= 0 {
		keepAbove(blocks, first, title, keep, reasons, art)
	}
	for i := cut; i < len(blocks); i++ {
		keep[i] = false
	}
	for i := range blocks {
		if reasons[i] != "" || keep[i] {
			continue
		}
		switch {
		case i < first:
			reasons[i] = "before the article: " + chromeWhy(blocks[i])
		case i >= last:
			reasons[i] = "after the article: " + chromeWhy(blocks[i])
		default:
			reasons[i] = "between parts of the article: " + chromeWhy(blocks[i])
		}
	}
	return keep, reasons
}

// stampBefore reports whether one of the last few blocks before start, and
// not before from, is a time stamp: what a comment or a post opens with.
func stampBefore(blocks []block, from, start int) bool {
	for i := max(from, start-3); i < start; i++ {
		if blocks[i].stamp {
			return true
		}
	}
	return false
}

// subheading reports whether a short line inside the article heads a part
// of it: marked up as a heading (and no template tag), or a
// headline-shaped line of a few words
// at least half of which are the article's words (a promoted headline
// shares a word or two by chance, not half; a caption is longer).
func subheading(b block, art vector) bool {
	if b.nav || b.stamp || b.repeated >= repeatedMin || templateRE.MatchString(b.Text) {
		return false
	}
	if b.marked {
		return true
	}
	return b.words <= subheadingWords && headlineShaped(b) && coverage(b.keys, art) >= 0.5
}

// subheadingWords is the most words of a subheading not marked up as one.
const subheadingWords = 10

// mendGaps looks again at the chrome-like blocks between kept parts of the
// article, and right after it: a list the article introduces ("The plan
// includes:" and its items) or that sits between its paragraphs, and a
// heading over a kept part, are the article's.
func mendGaps(blocks []block, segs []segment, kept, keep []bool, reasons []string, art vector) {
	prevEnd := -1
	for si, s := range segs {
		if !kept[si] {
			continue
		}
		if prevEnd >= 0 && !rejectedBetween(segs, kept, prevEnd, s.start) {
			mendGap(blocks, prevEnd, s.start, true, keep, reasons, art)
		}
		prevEnd = s.end
	}
	if prevEnd >= 0 {
		end := len(blocks)
		for _, s := range segs {
			if s.start >= prevEnd {
				end = s.start
				break
			}
		}
		mendGap(blocks, prevEnd, end, false, keep, reasons, art)
	}
}

// rejectedBetween reports whether a run cut as another story lies in the
// blocks [from, to).
func rejectedBetween(segs []segment, kept []bool, from, to int) bool {
	for si, s := range segs {
		if s.start >= from && s.end <= to && !kept[si] {
			return true
		}
	}
	return false
}

// mendGap mends the gap of blocks [from, to). inside is true for a gap
// between two kept parts, false for the blocks after the article, where
// only a list that the article's last line introduces is kept.
func mendGap(blocks []block, from, to int, inside bool, keep []bool, reasons []string, art vector) {
	for i := from; i < to; {
		if blocks[i].repeated >= repeatedMin || blocks[i].nav || !(blocks[i].list || blocks[i].leadIn) {
			if !inside {
				return
			}
			i++
			continue
		}
		j := i
		leadIn := blocks[i].leadIn && !blocks[i].list
		if leadIn {
			j++
		}
		items := j
		for j < to && blocks[j].list && !blocks[j].nav && blocks[j].repeated < repeatedMin {
			j++
		}
		if j == items || (!inside && !leadIn) {
			if !inside {
				return
			}
			i = max(j, i+1)
			continue
		}
		var keys []string
		for k := i; k < j; k++ {
			keys = append(keys, blocks[k].keys...)
		}
		if listCoheres(keys, art) {
			for k := i; k < j; k++ {
				keep[k], reasons[k] = true, ""
			}
		}
		if !inside {
			return
		}
		i = j
	}
	// A heading over what is kept after it, last to first so that a
	// heading over a kept heading is kept too.
	for k := to - 1; inside && k >= from; k-- {
		if !keep[k] && (k+1 == to || keep[k+1]) && subheading(blocks[k], art) {
			keep[k], reasons[k] = true, ""
			blocks[k].heading = true
		}
	}
}

// listCoheres reports whether a list, with the line introducing it, is
// about the article: it shares two or more of the article's words, and
// they are a fair part of its own. A list of other stories' headlines
// shares a word or two by chance.
func listCoheres(keys []string, art vector) bool {
	shared, distinct := 0, map[string]bool{}
	for _, k := range keys {
		if distinct[k] {
			continue
		}
		distinct[k] = true
		if art[k] > 0 {
			shared++
		}
	}
	return shared >= 2 && float64(shared) >= 0.15*float64(len(distinct))
}

// coverage returns the share of keys that are words of the article.
func coverage(keys []string, art vector) float64 {
	if len(keys) == 0 {
		return 0
	}
	n := 0
	for _, k := range keys {
		if art[k] > 0 {
			n++
		}
	}
	return float64(n) / float64(len(keys))
}

func chromeWhy(b block) string {
	switch {
	case b.repeated >= repeatedMin:
		return fmt.Sprintf("the same line is in %d other articles", b.repeated-1)
	case b.class == prose:
		return "running text cut off from the article by site chrome"
	case headlineShaped(b):
		return "a headline-like line outside the article's text"
	}
	return "a short line that is not a sentence"
}

// segments splits the blocks into runs of article-like text. Two or more
// chrome blocks in a row end a run; a lone one (a subheading) does not,
// nor a run of widget lines (see widgets).
// Runs are trimmed of chrome at both ends, and a run needs a prose block
// or three short sentences to count.
func segments(blocks []block) []segment {
	var segs []segment
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		for end > start && blocks[end-1].class == chrome {
			end--
		}
		s := segment{start: start, end: end}
		shorts := 0
		for i := start; i < end; i++ {
			switch blocks[i].class {
			case prose:
				s.proseWords += blocks[i].words
			case short:
				shorts++
			}
		}
		if s.proseWords > 0 || shorts >= 3 {
			if s.proseWords == 0 {
				s.proseWords = 1
			}
			segs = append(segs, s)
		}
		start = -1
	}
	for i := 0; i < len(blocks); i++ {
		if blocks[i].class != chrome {
			if start < 0 {
				start = i
			}
			continue
		}
		run := i
		for run < len(blocks) && blocks[run].class == chrome {
			run++
		}
		if (run-i >= 2 && !widgets(blocks[i:run])) || run == len(blocks) {
			flush(i)
		}
		i = run - 1
	}
	flush(len(blocks))
	return segs
}

// mainSegment picks the run that is the article: the one with the most
// prose, weighted by how much of the title it covers when the title is
// known, or else somewhat more for a headline-shaped line above it that
// covers its opening, and slightly favouring earlier runs.
func mainSegment(blocks []block, segs []segment, title string) int {
	titleKeys := map[string]bool{}
	for _, k := range keysOf(title) {
		titleKeys[k] = true
	}
	best, bestScore := 0, -1.0
	prevEnd := 0
	for si, s := range segs {
		cover := 0.5
		if len(titleKeys) > 0 {
			found := map[string]bool{}
			for i := s.start; i < s.end; i++ {
				for _, k := range blocks[i].keys {
					if titleKeys[k] {
						found[k] = true
					}
				}
			}
			cover = float64(len(found)) / float64(len(titleKeys))
		} else {
			lead := leadKeys(blocks, s.start, s.end, nil)
			if h := bestHeadline(blocks, prevEnd, s.start, lead); h >= 0 {
				cover += headlineScore(blocks[h], lead)
			}
		}
		score := float64(s.proseWords) * (0.1 + cover) / (1 + 0.1*float64(si))
		if score > bestScore {
			best, bestScore = si, score
		}
		prevEnd = s.end
	}
	return best
}

func keysOf(s string) []string {
	return words.ContentKeys(s)
}

// vector is a sparse term vector.
type vector map[string]float64

func vectorOf(blocks []block, corpus corpusView) vector {
	n := 0
	for _, b := range blocks {
		if b.class != chrome {
			n += len(b.keys)
		}
	}
	v := make(vector, n/2)
	for _, b := range blocks {
		if b.class == chrome {
			continue
		}
		for _, k := range b.keys {
			v[k] += 1
		}
	}
	for k, tf := range v {
		idf := 1.0
		if corpus != nil {
			idf = corpus.idf(k)
		}
		v[k] = (1 + math.Log(tf)) * idf
	}
	return v
}

// cosine returns the cosine similarity of two vectors. Maps are walked
// in no fixed order, and floating-point sums depend on their order, so
// the sums are of products in fixed point (units of 2⁻²⁴), which add up
// exactly in any order: the same vectors give the same cosine on every
// run.
func cosine(a, b vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb int64
	for k, x := range a {
		dot += fixed(x * b[k])
		na += fixed(x * x)
	}
	for _, y := range b {
		nb += fixed(y * y)
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return float64(dot) / math.Sqrt(float64(na)*float64(nb))
}

// fixed is x in units of 2⁻²⁴, rounded. A weight (one plus the
// logarithm of a term's frequency, times its idf) is below 2⁷, so a
// product is below 2¹⁴, 2³⁸ units, and a sum of 2²⁵ of them fits.
func fixed(x float64) int64 { return int64(math.Round(math.Ldexp(x, 24))) }

// topic is the article's vocabulary, to judge a line the site repeats in
// other articles by: in how many of the article's blocks each word is.
type topic map[string]int

// topicOf counts, for each word, the kept prose and short blocks that
// use it.
func topicOf(blocks []block, segs []segment, kept []bool) topic {
	t := topic{}
	for si, s := range segs {
		if !kept[si] {
			continue
		}
		for i := s.start; i < s.end; i++ {
			if blocks[i].class == chrome {
				continue
			}
			for _, k := range distinct(blocks[i].keys) {
				t[k]++
			}
		}
	}
	return t
}

// elsewhere returns the share of a block's distinct words that other
// blocks of the article use too.
func (t topic) elsewhere(b block) float64 {
	ks := distinct(b.keys)
	if len(ks) == 0 {
		return 0
	}
	own := 0
	if b.class != chrome {
		own = 1
	}
	n := 0
	for _, k := range ks {
		if t[k]-own >= 1 {
			n++
		}
	}
	return float64(n) / float64(len(ks))
}

const (
	// minOnTopic is the least share of a repeated sentence's words that
	// the rest of the article uses for it to be prose on the story's
	// topic: a death toll a broadcaster repeats in each report on the
	// story is made of the story's words; a promotion ("Follow the latest
	// tweets from our correspondents") shares one or two.
	minOnTopic = 0.5
	// maxOffTopic is the most such share of a line found in only two
	// articles for it to be another story's headline.
	maxOffTopic = 0.25
	// minOffTopicWords is the fewest distinct content words of a line
	// found in only two articles to be judged off the topic.
	minOffTopicWords = 6
)

// onTopic reports whether a repeated sentence is prose on the story's
// topic: mostly the article's words, and not addressed to the reader.
func (t topic) onTopic(b block) bool {
	return t.elsewhere(b) >= minOnTopic && b.voice == 0
}

// offTopic reports whether a line shares next to no words with the rest
// of the article, and has words enough to say so (another story's
// headline, not a stock phrase such as "He denied the charges."). It is
// asked only of the first and last lines of the article's text: inside
// it, a line two articles share is more likely a copied paragraph.
func (t topic) offTopic(b block) bool {
	return len(distinct(b.keys)) >= minOffTopicWords && t.elsewhere(b) < maxOffTopic
}

// distinct returns keys without repeats, in their first order.
func distinct(keys []string) []string {
	out := make([]string, 0, len(keys))
	if len(keys) <= 32 {
		for _, k := range keys {
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
		return out
	}
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// widgetWords is the most words of a line beside a template tag in a
// run of widget lines.
const widgetWords = 8

// templateRE matches the tags of a page template left in a scrape:
// "{{^userSubscribed}}", "{% include 'poll.html' %}", "{current}".
var templateRE = regexp.MustCompile(`\{\{.*\}\}|\{%.*%\}|\{\w+\}`)

// widgets reports whether a run of chrome between two parts of the text
// is a widget of the page's template, which does not end the article: a
// template tag or more ("{{^userSubscribed}}"), and beside them only a
// few words (the box's "Subscribe for unlimited access"), none a
// heading, a list, a menu or a time stamp.
func widgets(run []block) bool {
	tags := 0
	for _, b := range run {
		if templateRE.MatchString(b.Text) {
			tags++
			continue
		}
		if b.words > widgetWords || b.marked || b.list || b.nav || b.stamp || b.leadIn {
			return false
		}
	}
	return tags > 0
}

const (
	// maxAddressWords is the most words of a line that speaks to the
	// reader to be taken for the site's ("Share your story with us.").
	maxAddressWords = 40
	// maxAddressShare is the most share of the article's lines that may
	// speak to the reader for those that do to be the site's: an
	// explainer that speaks to the reader throughout keeps them.
	maxAddressShare = 0.15
	// maxAddressLines such lines are few in any article of three times
	// as many lines.
	maxAddressLines = 2
)

// addressing finds the short lines of the kept segments that speak to the
// reader, outside quotation marks ("Are you in the city? Share your
// pictures with us."), above the article's second paragraph (the first
// may be a deck, or a summary run together with the byline) or below its
// last, where a site puts its calls to readers; and whether
// they are few enough among the article's lines to be the site's rather
// than an article that speaks so. A transcript's speakers speak to each
// other: it has none.
func addressing(blocks []block, segs []segment, kept []bool) ([]bool, bool) {
	addressed := make([]bool, len(blocks))
	n, a, speakers := 0, 0, 0
	firstReport, lastReport, reports := -1, -1, 0
	for si, s := range segs {
		if !kept[si] {
			continue
		}
		for i := s.start; i < s.end; i++ {
			b := blocks[i]
			text := b.unquoted
			if speakerRE.MatchString(b.Text) {
				speakers++
			}
			if b.class == chrome {
				continue
			}
			n++
			if b.words <= maxAddressWords && secondPerson(text) {
				addressed[i] = true
				a++
			} else if b.class == prose {
				// The first paragraph may be a deck or a bullet summary run
				// together: the report starts with the second.
				if reports++; reports == 2 {
					firstReport = i
				}
				lastReport = i
			}
		}
	}
	if firstReport < 0 {
		firstReport = lastReport
	}
	for i := max(firstReport, 0); i < len(blocks); i++ {
		// Below the report, the site speaks as "we" ("Have you got a story
		// for us?", "Sign up for our newsletter"); advice to the reader
		// without it ("If you worked for the port, change your
		// passwords") is the article's.
		if addressed[i] && (i <= lastReport || !firstPersonPlural(blocks[i].unquoted)) {
			addressed[i] = false
			a--
		}
	}
	return addressed, speakers < 2 && a > 0 && (a <= maxAddressLines && 3*a <= n || float64(a) <= maxAddressShare*float64(n))
}

// firstPersonPlural reports text with "we", "us" or "our" in it (not
// "US").
func firstPersonPlural(text string) bool {
	for start, end := range words.All(text) {
		switch text[start:end] {
		case "we", "We", "us", "our", "Our", "ours":
			return true
		}
	}
	return false
}

// secondPerson reports text with a word of the second person in it.
func secondPerson(text string) bool {
	for start, end := range words.All(text) {
		if w := text[start:end]; personWord(w) == 2 && w != "i" && w != "u" {
			return true
		}
	}
	return false
}

// amidReport reports whether the blocks on both sides of block i are the
// report's paragraphs: prose, not lines the site repeats, and not in a
// reader's voice. A short
// sentence the site repeats is the story's only there; below the article
// or beside its comments it is a notice ("Comments are not pre-screened
// before they post.").
func amidReport(blocks []block, i int) bool {
	ok := func(j int) bool {
		if j < 0 || j >= len(blocks) || blocks[j].class != prose || blocks[j].repeated >= repeatedMin {
			return false
		}
		return blocks[j].voice == 0
	}
	return ok(i-1) && ok(i+1)
}
