package clean

import (
	"regexp"
	"strings"

	"github.com/timeline-ssg/timeline/internal/words"
)

// minHeadlineScore is the least headlineScore of a line taken as the title.
const minHeadlineScore = 0.25

// findTitle looks for the headline among the blocks before the article's
// first kept block: the headline-shaped line whose words best cover the
// article's opening. It returns -1 if none fits.
func findTitle(blocks []block, keep []bool) int {
	first := -1
	for i, k := range keep {
		if k {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	return bestHeadline(blocks, 0, first, leadKeys(blocks, first, len(blocks), keep))
}

// leadKeys returns the words of the first three blocks of [from, to) that
// are kept (all are, for a nil keep).
func leadKeys(blocks []block, from, to int, keep []bool) map[string]bool {
	lead := map[string]bool{}
	for i, n := from, 0; i < to && n < 3; i++ {
		if keep != nil && !keep[i] || keep == nil && blocks[i].class == chrome {
			continue
		}
		for _, k := range blocks[i].keys {
			lead[k] = true
		}
		n++
	}
	return lead
}

// bestHeadline returns the block of [from, to) that best heads a text
// opening with the words lead, or -1 if none scores minHeadlineScore. On a
// tie the line nearer the text wins.
func bestHeadline(blocks []block, from, to int, lead map[string]bool) int {
	best, bestScore := -1, minHeadlineScore
	for i := from; i < to; i++ {
		if s := headlineScore(blocks[i], lead); s >= bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// headlineScore scores a block as the headline of a text opening with the
// words lead: the share of its words found there, smoothed so that a line
// of one or two words (a section name, an image's alt text) does not win
// on a single shared word. A line marked up as a heading scores a little
// more. Lines that cannot be headlines (menus, breadcrumbs, bylines with
// separators, time stamps, list items) score 0. A line repeated across the
// site may still be the headline: sites list their headlines on other
// pages.
func headlineScore(b block, lead map[string]bool) float64 {
	if b.nav || b.stamp || b.list || len(b.keys) == 0 || !usableTitle(b.Text) {
		return 0
	}
	switch {
	case b.marked:
		if b.words < 2 {
			return 0
		}
	case !headlineShaped(b) || len(b.keys) < 3:
		return 0
	}
	hit := 0
	for _, k := range b.keys {
		if lead[k] {
			hit++
		}
	}
	if hit == 0 {
		return 0
	}
	s := float64(hit) / float64(len(b.keys)+1)
	if b.marked {
		s += 0.1
	}
	return s
}

// minTitleWords is the fewest words a source title has.
const minTitleWords = 3

var (
	// datelineFragment is a place and a date with nothing after them:
	// "SEOUL, Sept", "CAIRO, Egypt, Feb. 3".
	datelineFragment = regexp.MustCompile(`^[A-Z][A-Z.' -]+(,\s*[A-Z][A-Za-z.]*)*(,?\s*[A-Z][a-z]{2,8}\.?\s*\d{0,2}(,\s*\d{4})?)?\s*[–—-]?$`)
	// captionCredit is the mark of a photo caption or credit.
	captionCredit = regexp.MustCompile(`(?i)\((photo|photograph|image|picture|credit|file photo)s?\b|^(photo|photograph|image|picture|credit|caption)s?\s*:|getty\s+images|\bap\s+photo\b|/(afp|ap|reuters|getty|epa)\b|\b(afp|reuters|epa)\s*/`)
)

// usableTitle reports whether s may be a source's title: at least three
// words, not only a dateline ("SEOUL, Sept"), not a photo caption or
// credit ("(Photo: …)", "Getty Images", "AP Photo/…").
func usableTitle(s string) bool {
	s = strings.TrimSpace(s)
	if len(words.Split(s)) < minTitleWords || captionCredit.MatchString(s) || datelineFragment.MatchString(s) {
		return false
	}
	if dl, ok := FindDateline(s); ok && len(words.Split(s[len(dl.Text):])) < minTitleWords {
		return false
	}
	return true
}
