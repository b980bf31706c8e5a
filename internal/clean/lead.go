package clean

import "strings"

// What stands above an article's lead is mostly chrome, but not all of it:
// a deck (a standfirst, a sub-headline that sums the story up) or a
// bullet summary of the story's points belongs to the article, and may
// report its events. They stand between the headline and the lead,
// perhaps with the byline and the date line after them.

const (
	// aboveWindow is how many blocks above the lead are looked at.
	aboveWindow = 8
	// minDeckWords is the fewest words of a deck: more than a headline.
	minDeckWords = 10
	// minDeckCover is the least share of a deck's words that are the
	// article's.
	minDeckCover = 0.5
	// minDeckStop is the least share of stop words of a deck: it reads as
	// a sentence, where a label ("Report: Wessex v Northmoor, day two")
	// does not.
	minDeckStop = 0.25
	// minHeadCover is the least share of the words of the headline over a
	// deck that are the article's: a masthead is not its headline.
	minHeadCover = 0.3
)

// captionShaped reports a line that reads as a photo's caption: a
// credit after its last sentence ("… on Monday. Photo: Ana Pell") or in
// brackets at its end ("… the doors opened (City Museum)").
func captionShaped(b block) bool {
	t := strings.TrimSpace(b.Text)
	if strings.HasSuffix(t, ")") && b.words >= 4 {
		return true
	}
	loc := innerBreakRE.FindAllStringIndex(t, -1)
	return len(loc) > 0 && !endsLikeSentence(t[loc[len(loc)-1][1]-1:])
}

// deckShaped reports whether a block reads as a deck: a sentence or
// phrase of some length, not marked up as a heading, without a caption's
// credit after it ("… on Tuesday. Photo: J. Morel", "… (City Museum)").
func deckShaped(b block) bool {
	if b.words < minDeckWords || b.marked || b.stopRatio < minDeckStop || !startsLikeSentence(b.Text) {
		return false
	}
	return !captionShaped(b) && !strings.HasSuffix(strings.TrimSpace(b.Text), ")")
}

// keepAbove keeps the deck and the bullet summary above the article's
// first kept block first, when they are about the article (art is its
// vocabulary) and a headline stands above them, or the page has a title
// (which a deck is not).
func keepAbove(blocks []block, first int, title string, keep []bool, reasons []string, art vector) {
	if first <= 0 {
		return
	}
	from := max(0, first-aboveWindow)
	var deck []int
	var list []int
	i := first - 1
	for ; i >= from; i-- {
		b := blocks[i]
		switch {
		case keep[i]:
			continue
		case b.repeated >= repeatedMin || b.nav || b.stamp:
			continue
		case metaLine(b.Text):
			continue
		case b.list:
			list = append(list, i)
			continue
		case captionShaped(b):
			continue
		case deckShaped(b) && normHash(b.Text) != normHash(title) && len(deck) == 0 && len(list) == 0:
			deck = append(deck, i)
			continue
		case b.words <= 2:
			continue
		}
		break // a headline, or other chrome
	}
	headed := title != "" || i >= from && headlineShaped(blocks[i]) && blocks[i].words >= 4 && coverage(blocks[i].keys, art) >= minHeadCover
	if !headed {
		return
	}
	if len(list) > 0 {
		var keys []string
		for _, k := range list {
			keys = append(keys, blocks[k].keys...)
		}
		if listCoheres(keys, art) {
			for _, k := range list {
				keep[k], reasons[k] = true, ""
			}
		}
	}
	for _, k := range deck {
		if coverage(blocks[k].keys, art) >= minDeckCover {
			keep[k], reasons[k] = true, ""
		}
	}
}

// metaLine reports a byline or a date line: metadata, not text.
func metaLine(s string) bool {
	if _, ok := Byline(s); ok {
		return true
	}
	if _, ok := PublishedDate(s); ok && !isSentence(s) {
		return true
	}
	return strings.TrimSpace(s) == ""
}
