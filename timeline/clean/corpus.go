package clean

import (
	"math"
	"strings"

	"github.com/timeline-ssg/timeline/timeline/content"
	"github.com/timeline-ssg/timeline/timeline/words"
)

// Corpus is what cleaning knows across all the articles of a site: which
// short lines recur in articles that are not copies of each other (site
// chrome such as "Leave a Reply"), and how many articles use each word.
type Corpus struct {
	docs int
	df   map[string]int
	// lines maps a normalised short line to the number of distinct article
	// leads it appears under.
	lines map[string]int
}

// NewCorpus gathers the cross-article statistics of articles.
func NewCorpus(articles []content.Article) *Corpus {
	c := &Corpus{docs: len(articles), df: map[string]int{}, lines: map[string]int{}}
	leadsOf := map[string]map[string]struct{}{}
	for _, a := range articles {
		lead := leadOf(a.Blocks)
		seen := map[string]struct{}{}
		for _, b := range a.Blocks {
			for _, k := range words.ContentKeys(b.Text) {
				if _, ok := seen[k]; !ok {
					seen[k] = struct{}{}
					c.df[k]++
				}
			}
			if len(words.Split(b.Text)) > shortWords {
				continue
			}
			n := normLine(b.Text)
			if leadsOf[n] == nil {
				leadsOf[n] = map[string]struct{}{}
			}
			leadsOf[n][lead] = struct{}{}
		}
	}
	for n, leads := range leadsOf {
		if len(leads) > 1 {
			c.lines[n] = len(leads)
		}
	}
	return c
}

// leadOf returns a key for an article's lead: its first long block, so
// that copies of one story share it and different stories do not.
func leadOf(blocks []content.Block) string {
	for _, b := range blocks {
		if len(words.Split(b.Text)) >= 20 {
			return normLine(b.Text)
		}
	}
	if len(blocks) > 0 {
		return normLine(blocks[0].Text)
	}
	return ""
}

func normLine(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// repeats returns how many articles with distinct leads carry line.
func (c *Corpus) repeats(line string) int {
	return c.lines[normLine(line)]
}

// idf returns the inverse document frequency of a word key.
func (c *Corpus) idf(key string) float64 {
	if c == nil || c.docs == 0 {
		return 1
	}
	return 1 + math.Log(float64(c.docs+1)/float64(c.df[key]+1))
}
