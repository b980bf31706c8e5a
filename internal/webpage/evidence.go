package webpage

import "strings"

// Evidence that an element holds the article body, from its markup, from
// strongest to weakest.
const (
	noEvidence = iota
	// mainEvidence: the page's main column (<main>, role=main, class
	// "main-content", id "content").
	mainEvidence
	// articleEvidence: an <article>, role=article, or a class naming a
	// story or post.
	articleEvidence
	// bodyEvidence: itemprop=articleBody, or a class naming the body of the
	// article ("article-body", "entry-content", "story-text" …).
	bodyEvidence
)

// bodyHeads and bodyTails make class names of article bodies: a head word
// followed by a tail word ("article body", "post content"), or the two
// written as one word ("articlebody").
var (
	bodyHeads = []string{"article", "post", "entry", "story", "blog", "news", "single", "body", "rich"}
	bodyTails = []string{"body", "content", "text", "entry", "copy", "bodycopy", "main", "inner"}
)

// evidence says how strongly n's markup claims to be the article body.
func evidence(n *node) int {
	switch n.tag {
	case "div", "section", "article", "main", "td", "span", "font", "center":
	default:
		return noEvidence
	}
	if strings.EqualFold(n.attr("itemprop"), "articleBody") {
		return bodyEvidence
	}
	words := strings.Fields(n.words)
	for i, w := range words {
		for _, h := range bodyHeads {
			if w == h && i+1 < len(words) {
				for _, t := range bodyTails {
					if words[i+1] == t && t != h {
						return bodyEvidence
					}
				}
			}
			if rest, ok := strings.CutPrefix(w, h); ok && rest != "" {
				for _, t := range bodyTails {
					if rest == t && t != h {
						return bodyEvidence
					}
				}
			}
		}
	}
	if isArticle(n) {
		return articleEvidence
	}
	if n.tag == "main" || strings.EqualFold(n.attr("role"), "main") {
		return mainEvidence
	}
	for i, w := range words {
		if (w == "main" || w == "primary") && i+1 < len(words) && (words[i+1] == "content" || words[i+1] == "column") {
			return mainEvidence
		}
		if w == "maincontent" || (w == "content" && len(words) == 1) {
			return mainEvidence
		}
	}
	return noEvidence
}

// isArticle says whether n is marked as one article or post: an
// <article>, role=article, or a class that is just "article", "story",
// "post", "entry", "hentry" or "blog-post".
func isArticle(n *node) bool {
	if n.tag == "article" || strings.EqualFold(n.attr("role"), "article") {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(n.attr("class"))) {
		switch c {
		case "article", "story", "post", "entry", "hentry", "blog-post", "blogpost":
			return true
		}
	}
	return false
}
