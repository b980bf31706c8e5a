package webpage

import "strings"

// chromeWords are words of class and id names that mark page chrome
// whatever it holds: comment sections, lists of other stories, newsletter
// boxes, advertising, banners, captions, author boxes, hover cards. A word
// of five letters or more also matches as the start of a longer word
// ("comments", "sidebarleft"). Words are split at punctuation and case
// changes, so "article-comments" and "relatedPosts" hold one.
var chromeWords = []string{
	"comment", "disqus", "related", "recommend", "newsletter", "subscribe",
	"subscription", "promo", "sponsor", "advert", "outbrain", "taboola",
	"cookie", "popup", "modal", "breadcrumb", "sidebar", "footer", "masthead",
	"banner", "pagination", "pager", "signup", "login", "trending", "popular",
	"ad", "ads", "adv", "advertisement", "nav", "navbar", "navigation", "menu",
	"rss", "overlay", "toc", "headlines", "caption", "credit", "author",
	"byline", "bio", "header", "head", "tooltip", "popover", "hovercard",
	"rollover", "dropdown", "cta",
}

// chromePairs are two-word class names of chrome, mostly text meant for
// screen readers only.
var chromePairs = []string{
	"sr only", "screen reader", "visually hidden", "skip link", "read more",
	"see also", "more stories",
}

// hiddenClasses are class names that hide an element. They are matched
// whole, so that a utility class like "overflow-hidden" does not count.
var hiddenClasses = map[string]bool{
	"hidden": true, "hide": true, "is-hidden": true, "u-hidden": true,
	"d-none": true, "invisible": true, "visually-hidden": true,
	"visuallyhidden": true, "offscreen": true, "sr-only": true,
	"screen-reader-text": true, "screenreader-only": true,
}

// hiddenByClass says whether n's class hides it: one of hiddenClasses,
// and no responsive class that shows it again on wider screens
// ("hidden md:block", "d-none d-lg-flex").
func hiddenByClass(n *node) bool {
	hide, show := false, false
	for _, c := range strings.Fields(strings.ToLower(n.attr("class"))) {
		if hiddenClasses[c] {
			hide = true
			continue
		}
		if strings.Contains(c, ":") || strings.HasPrefix(c, "d-") {
			for _, d := range []string{"block", "flex", "grid", "inline", "table", "contents"} {
				if strings.HasSuffix(c, d) {
					show = true
				}
			}
		}
	}
	return hide && !show
}

// toolWords are words of class and id names that mark chrome when the
// element also looks like chrome (mostly links, or little prose): a
// "social" bar of share buttons is chrome, a "social" embed of a quoted
// post is not.
var toolWords = []string{
	"share", "sharing", "social", "tools", "toolbar", "tool", "meta", "tags",
	"tag", "more", "print", "follow", "buttons", "button", "actions", "info",
	"date", "time", "dateline", "topics", "keywords", "label", "categories",
	"category", "widget", "teaser", "teasers", "prev", "previous", "next",
}

// goodWords are words of class and id names that mark the article or a
// wrapper of it.
var goodWords = []string{
	"article", "content", "main", "body", "story", "entry", "post", "text",
	"column", "page", "container", "wrapper", "layout",
}

// chromeTags are elements that hold chrome unless they hold the article.
var chromeTags = map[string]bool{
	"aside": true, "footer": true, "header": true, "form": true,
	"figure": true, "figcaption": true,
}

// hasWord says whether the space-separated words contain one of list, or,
// for a list word of five letters or more, a word starting with it (but
// not "commentary", which is an article).
func hasWord(words string, list []string) bool {
	for _, w := range strings.Fields(words) {
		for _, l := range list {
			if w == l || (len(l) >= 5 && strings.HasPrefix(w, l) && !strings.HasPrefix(w, "commentar")) {
				return true
			}
		}
	}
	return false
}

// hasPair says whether the space-separated words contain one of the
// two-word phrases of list.
func hasPair(words string, list []string) bool {
	for _, p := range list {
		if strings.Contains(words, " "+p+" ") {
			return true
		}
	}
	return false
}

// measure sets chars, linkChars and blocky (holds a block element or a
// <br>) of n and everything under it, and clears prose.
func measure(n *node, inLink bool) {
	n.chars, n.linkChars, n.prose, n.blocky = 0, 0, 0, false
	if n.tag == "" {
		n.chars = runeCount(n.text)
		if inLink {
			n.linkChars = n.chars
		}
		return
	}
	inLink = inLink || n.tag == "a"
	for _, k := range n.kids {
		measure(k, inLink)
		n.chars += k.chars
		n.linkChars += k.linkChars
		n.blocky = n.blocky || k.blocky || blockTags[k.tag] || k.tag == "br"
	}
}

// addProse adds the characters of the prose blocks to the elements that
// hold them.
func addProse(blocks []block) {
	for i := range blocks {
		b := &blocks[i]
		if !isProse(b) {
			continue
		}
		for n := b.owner; n != nil; n = n.parent {
			n.prose += b.chars
		}
	}
}

// isProse says whether b reads as running text: eight words or more that
// end like a sentence or run long, mostly not links.
func isProse(b *block) bool {
	if b.linkChars*3 > b.chars {
		return false
	}
	return b.words >= 8 && (endsSentence(b.text) || b.chars >= 120) || b.chars >= 200
}

// prune removes the chrome from the tree under root, which measure and
// addProse have measured: elements that isChrome or teaserRuns find,
// unless they hold more than half the page's prose and (for chrome
// found by name) are named as content or hold an article body. A page
// wrapped whole in a <form> or a <header> keeps its text.
func prune(root *node) {
	var walk func(n *node)
	walk = func(n *node) {
		teasers := teaserRuns(n)
		kept := n.kids[:0]
		for _, k := range n.kids {
			if k.tag != "" && k.prose*2 > root.prose && (chromeTags[k.tag] || hasWord(k.words, goodWords) || holdsBody(k)) {
				// Guarded: too much of the article to be chrome.
			} else if k.tag != "" && (teasers[k] || isChrome(k)) {
				continue
			}
			kept = append(kept, k)
			if k.tag != "" {
				walk(k)
			}
		}
		n.kids = kept
	}
	walk(root)
}

// teaserRuns returns the children of n that are teasers for other pages:
// runs of three or more siblings of the same tag and class, each short
// and led by a link, as in a grid of "more stories" cards.
func teaserRuns(n *node) map[*node]bool {
	var out map[*node]bool
	var run []*node
	flush := func() {
		if len(run) >= 3 {
			if out == nil {
				out = map[*node]bool{}
			}
			for _, k := range run {
				out[k] = true
			}
		}
		run = run[:0]
	}
	for _, k := range n.kids {
		if k.tag == "" {
			if k.chars > 0 {
				flush()
			}
			continue
		}
		if !isTeaser(k) || len(run) > 0 && (k.tag != run[0].tag || k.attr("class") != run[0].attr("class")) {
			flush()
		}
		if isTeaser(k) {
			run = append(run, k)
		}
	}
	flush()
	return out
}

// isTeaser says whether element n looks like a teaser card: not a
// paragraph, it has a class, up to 400 characters of text, of which at
// least 10, and at least a tenth, are links, and its text starts with a
// link.
func isTeaser(n *node) bool {
	if n.tag == "p" || n.attr("class") == "" || n.chars > 400 || n.linkChars < 10 || n.linkChars*10 < n.chars {
		return false
	}
	return ledByLink(n)
}

// ledByLink says whether the first text under n is inside a link.
func ledByLink(n *node) bool {
	for _, k := range n.kids {
		if k.chars == 0 {
			continue
		}
		if k.tag == "a" {
			return true
		}
		return k.tag != "" && ledByLink(k)
	}
	return false
}

// isChrome says whether element n is chrome by its tag or its name: a
// chrome tag, a class that hides it, a chrome word, or a tool word on an
// element that is mostly links or has little prose.
func isChrome(n *node) bool {
	switch {
	case chromeTags[n.tag]:
	case n.words == " ":
		return false
	case hiddenByClass(n):
	case hasWord(n.words, chromeWords) || hasPair(n.words, chromePairs):
	case hasWord(n.words, toolWords):
		if n.linkChars*2 <= n.chars && n.prose*3 >= n.chars {
			return false
		}
	default:
		return false
	}
	return true
}

// holdsBody says whether n or an element inside it is marked as the
// article body.
func holdsBody(n *node) bool {
	if evidence(n) == bodyEvidence {
		return true
	}
	for _, k := range n.kids {
		if k.tag != "" && holdsBody(k) {
			return true
		}
	}
	return false
}
