package webpage

import (
	"strings"

	"golang.org/x/net/html"
)

// node is an element or a text of the page's body, after the elements that
// never hold article text are gone. Extraction measures and scores nodes
// in place.
type node struct {
	tag    string // element name in lower case; "" for text
	text   string // a text node's text, as in the page
	parent *node
	kids   []*node
	line   int
	elem   *html.Node // the parsed element, for its attributes
	words  string     // class, id, role and itemprop, split into lower-case words

	// set by measure and addProse
	chars     int  // characters of text inside, spaces not counted
	linkChars int  // of which inside links
	prose     int  // of which in prose blocks
	blocky    bool // has block elements or <br> inside
}

// attr returns the value of the element's attribute key, or "".
func (n *node) attr(key string) string {
	if n.elem == nil {
		return ""
	}
	return attr(n.elem, key)
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// dropTags are elements that never hold article text.
var dropTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "canvas": true,
	"video": true, "audio": true, "source": true, "track": true, "picture": true,
	"img": true, "map": true, "area": true,
	"button": true, "select": true, "option": true, "optgroup": true,
	"input": true, "textarea": true, "label": true, "datalist": true,
	"output": true, "progress": true, "meter": true, "dialog": true,
	"head": true, "title": true, "meta": true, "link": true, "base": true,
	"nav": true, "menu": true,
}

// maxDepth bounds how deep build goes: deeper elements are flattened into
// their ancestor at that depth, so that no walk over the tree can recurse
// without bound on hostile input.
const maxDepth = 400

// build converts the parsed page into a node tree rooted at <body> (or at
// the document when there is none), leaving out comments, the elements of
// dropTags and elements the page hides.
func build(doc *html.Node) *node {
	body := findBody(doc)
	root := &node{tag: "body", elem: body, line: lineOf(body), words: classWords(body)}
	var b builder
	b.convertKids(body, root, 0)
	return root
}

// builder makes nodes in slabs, which costs the garbage collector far
// less than one allocation a node.
type builder struct {
	slab []node
}

// newNode returns a zero node.
func (b *builder) newNode() *node {
	if len(b.slab) == 0 {
		b.slab = make([]node, 256)
	}
	n := &b.slab[0]
	b.slab = b.slab[1:]
	return n
}

// convertKids appends to n the nodes for the children of h, depth levels
// below the body.
func (b *builder) convertKids(h *html.Node, n *node, depth int) {
	count := 0
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		count++
	}
	n.kids = make([]*node, 0, count)
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := b.newNode()
			k.text, k.parent = c.Data, n
			n.kids = append(n.kids, k)
		case html.ElementNode:
			if dropTags[c.Data] || hidden(c) {
				continue
			}
			k := b.newNode()
			k.parent = n
			n.kids = append(n.kids, k)
			if depth >= maxDepth {
				// Too deep: keep the text, drop the structure.
				k.text = " " + textOf(c) + " "
				continue
			}
			k.tag, k.elem, k.line, k.words = c.Data, c, lineOf(c), classWords(c)
			b.convertKids(c, k, depth+1)
		}
	}
}

// findBody returns the <body> element, or root when there is none.
func findBody(root *html.Node) *html.Node {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "html" {
			for b := c.FirstChild; b != nil; b = b.NextSibling {
				if b.Type == html.ElementNode && (b.Data == "body" || b.Data == "frameset") {
					return b
				}
			}
		}
	}
	return root
}

// textOf returns all the text under n, without its dropped elements.
func textOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			continue
		case html.ElementNode:
			if dropTags[c.Data] {
				continue
			}
			b.WriteByte(' ')
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// hidden says whether the page hides element n from its readers: the
// hidden attribute, aria-hidden="true", or an inline style of display:none
// or visibility:hidden.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(a.Val)
			s = strings.ReplaceAll(s, " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// classWords returns the words of n's class, id, role and itemprop, in
// lower case, split at non-letters and at lower-to-upper case changes
// ("articleBody" gives "article body"), each followed by a space and the
// whole led by one, so that callers can look for " word ".
func classWords(n *html.Node) string {
	named := false
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "role", "itemprop":
			named = named || a.Val != ""
		}
	}
	if !named {
		return " "
	}
	var b strings.Builder
	b.WriteByte(' ')
	space := true // b ends with a space
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "role", "itemprop":
		default:
			continue
		}
		prevLower := false
		for _, r := range a.Val {
			isLower := r >= 'a' && r <= 'z'
			isUpper := r >= 'A' && r <= 'Z'
			switch {
			case isUpper && prevLower:
				b.WriteByte(' ')
				b.WriteRune(r + 'a' - 'A')
			case isUpper:
				b.WriteRune(r + 'a' - 'A')
			case isLower || (r >= '0' && r <= '9'):
				b.WriteRune(r)
			default:
				if !space {
					b.WriteByte(' ')
				}
			}
			space = !(isLower || isUpper || (r >= '0' && r <= '9'))
			prevLower = isLower
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return b.String()
}
