package clean

import (
	"fmt"
	"math"

	"github.com/timeline-ssg/timeline/timeline/words"
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
// block, whether to keep it and, if not, why.
func selectArticle(blocks []block, title string, corpus *Corpus) ([]bool, []string) {
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
	mainVec := vectorOf(blocks[segs[main].start:segs[main].end], corpus)
	kept := make([]bool, len(segs))
	for si, s := range segs {
		if si == main {
			kept[si] = true
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
			case b.class != chrome:
				keep[i] = true
			case b.repeated >= repeatedMin:
				reasons[i] = fmt.Sprintf("site chrome: the same line is in %d other articles", b.repeated-1)
			case headlineShaped(*b) && sharesWords(*b, mainVec):
				keep[i] = true
				b.heading = true
			default:
				reasons[i] = "site chrome: a short line that is not a sentence, inside the article"
			}
		}
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
// chrome blocks in a row end a run; a lone one (a subheading) does not.
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
		if run-i >= 2 || run == len(blocks) {
			flush(i)
		}
		i = run - 1
	}
	flush(len(blocks))
	return segs
}

// mainSegment picks the run that is the article: the one with the most
// prose, weighted by how much of the title it covers when the title is
// known, and slightly favouring earlier runs.
func mainSegment(blocks []block, segs []segment, title string) int {
	titleKeys := map[string]bool{}
	for _, k := range keysOf(title) {
		titleKeys[k] = true
	}
	best, bestScore := 0, -1.0
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
		}
		score := float64(s.proseWords) * (0.1 + cover) / (1 + 0.1*float64(si))
		if score > bestScore {
			best, bestScore = si, score
		}
	}
	return best
}

// findTitle looks for the headline among the chrome-like blocks before the
// article's first kept block: the headline-shaped line whose words best
// cover the article's opening. It returns -1 if none fits.
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
	lead := map[string]bool{}
	for i, n := first, 0; i < len(blocks) && n < 3; i++ {
		if keep[i] {
			for _, k := range blocks[i].keys {
				lead[k] = true
			}
			n++
		}
	}
	best, bestScore := -1, 0.34
	for i := 0; i < first; i++ {
		b := blocks[i]
		if b.repeated >= repeatedMin || !(headlineShaped(b) || b.heading) || len(b.keys) == 0 {
			continue
		}
		hit := 0
		for _, k := range b.keys {
			if lead[k] {
				hit++
			}
		}
		score := float64(hit) / float64(len(b.keys))
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func keysOf(s string) []string {
	return words.ContentKeys(s)
}

// vector is a sparse term vector.
type vector map[string]float64

func vectorOf(blocks []block, corpus *Corpus) vector {
	v := vector{}
	for _, b := range blocks {
		if b.class == chrome {
			continue
		}
		for _, k := range b.keys {
			v[k] += 1
		}
	}
	for k, tf := range v {
		v[k] = (1 + math.Log(tf)) * corpus.idf(k)
	}
	return v
}

func cosine(a, b vector) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for k, x := range a {
		dot += x * b[k]
		na += x * x
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func sharesWords(b block, v vector) bool {
	for _, k := range b.keys {
		if v[k] > 0 {
			return true
		}
	}
	return false
}
