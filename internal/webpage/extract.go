package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// body is what extraction found of the main text.
type body struct {
	blocks    []Block
	container *node // the element judged to hold the article; nil if none
	h1        string
	// lines are the texts of the page's short blocks, for recognising
	// the headline in the <title>.
	lines []string
}

// onPage says whether the page shows s as a block of its own, ignoring
// case.
func (b body) onPage(s string) bool {
	s = fold(s)
	for _, l := range b.lines {
		if len(l) == len(s) && strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// extractBody finds the main text of doc. headlines are what the page's
// metadata gives as its title, to be recognised in the text; ldBody is
// the articleBody of its JSON-LD, if any, from the <script> on ldLine.
func extractBody(doc *html.Node, headlines []string, ldBody string, ldLine int) body {
	root := build(doc)
	measure(root, false)
	all := segment(root)
	addProse(all)
	out := extractFrom(root, headlines)
	for i := range all {
		if all[i].chars <= 300 {
			out.lines = append(out.lines, all[i].text)
		}
	}
	if fb, ok := fallback(out.blocks, all, ldBody, ldLine); ok {
		out.blocks = fb
	}
	return out
}

// extractFrom finds the main text in the tree under root, which measure
// and addProse have measured. It prunes the tree.
func extractFrom(root *node, headlines []string) body {
	prune(root)
	measure(root, false)
	blocks := segment(root)
	addProse(blocks)
	best, others := choose(root, blocks)
	var out body
	out.container = best
	if best == nil {
		return out
	}
	parts := map[*node]bool{}
	for _, p := range withSiblings(best) {
		parts[p] = true
	}
	skip := map[*node]bool{}
	for _, o := range others {
		skip[o] = true
	}
	var kept []*block
	prose := false // a paragraph of prose has been kept
	for i := range blocks {
		b := &blocks[i]
		if !withinAny(b.owner, parts) || withinAny(b.owner, skip) {
			continue
		}
		if b.heading == 1 && !prose {
			// The headline, which is not part of the text.
			if out.h1 == "" {
				out.h1 = b.text
			}
			continue
		}
		prose = prose || isProse(b)
		if b.linkChars*2 > b.chars && b.chars-b.linkChars < 60 {
			continue
		}
		kept = append(kept, b)
	}
	kept = trimHead(kept, headlines)
	kept = trimEnds(kept)
	for _, b := range kept {
		out.blocks = append(out.blocks, Block{Kind: b.kind, Text: b.text, Line: b.line})
	}
	return out
}

// trimHead removes what sits at the top of an article and is not its
// text: blocks that repeat the headline, anywhere, and before the first
// paragraph of prose, short lines that carry a date or a time (datelines
// and "Published …" stamps).
func trimHead(blocks []*block, headlines []string) []*block {
	out := blocks[:0]
	inHead := true
	for _, b := range blocks {
		if isHeadline(b.text, headlines) {
			continue
		}
		if inHead && isProse(b) {
			inHead = false
		}
		if inHead && b.heading == 0 && b.words <= 12 && !endsSentence(b.text) && hasDateOrTime(b.text) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// trimEnds removes scraps before the first and after the last paragraph
// of prose: paragraphs of three words or fewer that are not sentences
// ("Advertisement", "Text size", "12 comments"), outside tables and
// preformatted text.
func trimEnds(blocks []*block) []*block {
	first, last := -1, -1
	for i, b := range blocks {
		if isProse(b) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	out := blocks[:0]
	for i, b := range blocks {
		scrap := b.kind == Paragraph && b.words <= 3 && !endsSentence(b.text)
		switch b.owner.tag {
		case "tr", "td", "th", "caption", "pre", "listing", "xmp", "plaintext":
			scrap = false
		}
		if scrap && (i < first || i > last) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// isHeadline says whether text is one of the headlines, ignoring case and
// white space.
func isHeadline(text string, headlines []string) bool {
	for _, h := range headlines {
		if h != "" && strings.EqualFold(text, h) {
			return true
		}
	}
	return false
}

// hasDateOrTime says whether s holds a year (four digits from 1900 to
// 2099 standing alone) or a clock time (h:mm).
func hasDateOrTime(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		n := j - i
		if n == 4 && (s[i:i+2] == "19" || s[i:i+2] == "20") {
			return true
		}
		if (n == 1 || n == 2) && j+2 < len(s) && s[j] == ':' && isDigit(s[j+1]) && isDigit(s[j+2]) {
			return true
		}
	}
	return false
}

// isDigit says whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// within says whether n is c or inside it.
func within(n, c *node) bool {
	for ; n != nil; n = n.parent {
		if n == c {
			return true
		}
	}
	return false
}

// withinAny says whether n is one of cs or inside one.
func withinAny(n *node, cs map[*node]bool) bool {
	for ; n != nil; n = n.parent {
		if cs[n] {
			return true
		}
	}
	return false
}

// withSiblings returns c and the siblings next to it that read as more of
// the same text, as a standfirst before an article body does: elements
// that are almost all prose and almost no links. Going outwards from c in
// each direction, a sibling with text that is not such stops the search;
// tiny ones (an "Advertisement" label) are passed over.
func withSiblings(c *node) []*node {
	parts := []*node{c}
	p := c.parent
	if p == nil || c.tag == "body" {
		return parts
	}
	at := -1
	for i, k := range p.kids {
		if k == c {
			at = i
		}
	}
	for _, step := range []int{-1, 1} {
		for i := at + step; i >= 0 && i < len(p.kids); i += step {
			k := p.kids[i]
			if k.chars < 30 {
				continue
			}
			if k.tag == "" || isArticle(k) || !isMoreText(k) {
				break
			}
			parts = append(parts, k)
		}
	}
	return parts
}

// isMoreText says whether element n reads as running text: a hundred
// characters or more, four fifths of them prose, almost no links, no
// headings, lists or tables (a list of key points is a summary).
func isMoreText(n *node) bool {
	if n.prose < 100 || n.prose*5 < n.chars*4 || n.linkChars*10 >= n.chars {
		return false
	}
	ok := true
	elements(n, func(e *node) {
		switch e.tag {
		case "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table":
			ok = false
		}
	})
	return ok
}

// elements calls f on every element under and including n, parents before
// children.
func elements(n *node, f func(*node)) {
	f(n)
	for _, k := range n.kids {
		if k.tag != "" {
			elements(k, f)
		}
	}
}

// best returns the element that gathers the most paragraph score, as
// readability scores: each paragraph of 25 characters or more is worth one
// point, one per comma and one per hundred characters up to three; the
// element that holds the paragraph (the parent of a <p>) gets them all,
// the next one up half, and the three above that a sixth, a ninth and a
// twelfth; each element's total is then discounted by the share of its
// text that is links. It returns nil when no paragraph scores.
func best(root *node, blocks []block) *node {
	score := map[*node]float64{}
	for i := range blocks {
		b := &blocks[i]
		if b.chars < 25 || b.heading > 0 {
			continue
		}
		pts := 1 + float64(commas(b.text)) + min(float64(b.chars/100), 3)
		n := b.owner
		switch n.tag {
		case "p", "pre", "li", "dd", "dt", "blockquote", "td", "th", "h2", "h3", "h4", "h5", "h6":
			n = n.parent
		}
		for level := 0; n != nil && level < 5; level++ {
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			score[n] += pts / div
			n = n.parent
		}
	}
	var top *node
	topScore := 0.0
	elements(root, func(n *node) {
		if sc := score[n] * (1 - float64(n.linkChars)/float64(max(n.chars, 1))); sc > topScore {
			top, topScore = n, sc
		}
	})
	return top
}

// choose returns the element that holds the article, and the articles
// inside it that are other posts, to be left out.
//
// The element that best scores is the start. If it holds two or more
// articles (<article>, class "post" …), it is a list of posts, or a post
// with others nested after it: its own text is the article if it is
// longer than any of theirs. Otherwise, the element whose markup names it
// the article body, or failing that the article or the main column, is
// taken if it holds at least half the prose of the one that best scores
// (any amount, after a list of posts); of several with the same evidence,
// the one with the most prose, or the innermost inside it that still
// holds three quarters of that. Failing all that, the element that best
// scores is the article.
func choose(root *node, blocks []block) (*node, []*node) {
	top := best(root, blocks)
	if top == nil {
		// No paragraph long enough to score: a note, not an article;
		// all of it is the text.
		return root, nil
	}
	need := top.prose / 2
	if others := articlesIn(top, 0); len(others) >= 2 {
		// A list of posts, or a post with others after it inside: the
		// article is the text of its own, if that is longer than any of
		// the others, else one of the others.
		own, most := top.prose, 0
		for _, o := range others {
			own -= o.prose
			most = max(most, o.prose)
		}
		if own > most {
			return top, others
		}
		need = 0
	}
	var cands []*node
	tier := noEvidence
	elements(root, func(n *node) {
		if t := evidence(n); t > noEvidence && t >= tier && n.prose > 0 && n.prose >= need && len(articlesIn(n, 2)) < 2 {
			if t > tier {
				cands, tier = cands[:0], t
			}
			cands = append(cands, n)
		}
	})
	if len(cands) == 0 {
		return top, nil
	}
	// The candidate with the most prose, then the innermost candidate
	// inside it that still holds most of that prose.
	ev := cands[0]
	for _, c := range cands[1:] {
		if c.prose > ev.prose {
			ev = c
		}
	}
	for _, c := range cands {
		if c != ev && within(c, ev) && c.prose*4 >= ev.prose*3 {
			ev = c
		}
	}
	return ev, nil
}

// articlesIn returns the outermost articles inside n (not n itself):
// elements marked as one article or post; no more than limit of them,
// if limit is positive.
func articlesIn(n *node, limit int) []*node {
	var out []*node
	var walk func(n *node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.tag == "" || limit > 0 && len(out) >= limit {
				continue
			}
			if isArticle(k) {
				out = append(out, k)
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return out
}

// fallback returns the text the page's JSON-LD articleBody vouches for,
// when extraction found less than half of that text: the blocks of the
// whole page (all, before pruning) whose word sequences are mostly in the
// articleBody, if they cover half of it; failing that, when extraction
// found almost nothing, the paragraphs of the articleBody itself.
func fallback(found []Block, all []block, ldBody string, ldLine int) ([]Block, bool) {
	ldBody = strings.TrimSpace(ldBody)
	ldChars := runeCount(ldBody)
	if ldChars < 250 {
		return nil, false
	}
	foundChars := 0
	for _, b := range found {
		foundChars += runeCount(b.Text)
	}
	if foundChars*2 >= ldChars {
		return nil, false
	}
	want := shingleSet(ldBody)
	covered := map[string]bool{}
	var out []Block
	for i := range all {
		b := &all[i]
		sh := shingleSet(b.text)
		if len(sh) == 0 {
			continue
		}
		hit := 0
		for s := range sh {
			if want[s] {
				hit++
			}
		}
		if hit*2 < len(sh) {
			continue
		}
		for s := range sh {
			if want[s] {
				covered[s] = true
			}
		}
		out = append(out, Block{Kind: b.kind, Text: b.text, Line: b.line})
	}
	if len(covered)*2 >= len(want) {
		return out, true
	}
	if foundChars >= 100 {
		return nil, false
	}
	out = out[:0]
	for _, p := range strings.Split(ldBody, "\n") {
		if t := fold(p); t != "" {
			out = append(out, Block{Kind: Paragraph, Text: t, Line: ldLine})
		}
	}
	return out, len(out) > 0
}

// shingleSet returns the sequences of four words of s, lower-cased.
func shingleSet(s string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	})
	out := map[string]bool{}
	for i := 0; i+4 <= len(words); i++ {
		out[strings.Join(words[i:i+4], " ")] = true
	}
	return out
}
