package webpage

import (
	"strings"
)

// blockTags are the elements that start and end a block of text; every
// other element is inline and its text runs on in the block around it.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true,
	"section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "tr": true, "ul": true,
	"legend": true, "listing": true, "xmp": true, "plaintext": true,
}

// block is one run of text between block boundaries, with what is known of
// it before it is judged.
type block struct {
	kind      BlockKind
	text      string // folded
	line      int
	owner     *node // the innermost block element holding the text
	chars     int   // characters, spaces not counted
	linkChars int   // characters inside links
	words     int
	heading   int // 1…6 for <h1>…<h6>, else 0
}

// segmenter cuts a node tree into blocks.
type segmenter struct {
	blocks    []block
	buf       []byte // the current block's text, not yet folded
	linkChars int
	owner     *node
	line      int
	brs       int // <br>s since the last text
	brLine    int // line of the last <br>
	brGap     int // line breaks in the white space since the last <br>
	last      int // line of the last element start seen
	inLink    int
	inPre     int
}

// segment returns the blocks of the tree under root, in document order.
func segment(root *node) []block {
	s := &segmenter{owner: root, line: root.line}
	s.walk(root)
	s.flush()
	return s.blocks
}

// walk adds the text under n to the blocks, starting a new block at
// every block element and after every two <br>.
func (s *segmenter) walk(n *node) {
	for _, k := range n.kids {
		if k.tag == "" {
			s.addText(k.text)
			continue
		}
		if k.line > 0 {
			s.last = k.line
		}
		switch {
		case (k.tag == "td" || k.tag == "th") && !k.blocky && k.chars <= 300:
			// A cell of a data table is part of its row's block; a cell
			// of a layout table is a block of its own.
			s.buf = append(s.buf, ' ')
			s.walk(k)
			s.buf = append(s.buf, ' ')
		case k.tag == "br":
			s.brs++
			s.brLine, s.brGap = k.line, 0
			s.buf = append(s.buf, '\n')
		case blockTags[k.tag]:
			s.flush()
			owner := s.owner
			s.owner, s.line = k, k.line
			if k.tag == "pre" || k.tag == "listing" || k.tag == "xmp" || k.tag == "plaintext" {
				s.inPre++
				s.walk(k)
				s.flush()
				s.inPre--
			} else {
				s.walk(k)
				s.flush()
			}
			// Text after the child starts a new block of the parent, on
			// a line not known until the text comes.
			s.owner, s.line = owner, 0
		case k.tag == "a":
			s.inLink++
			s.walk(k)
			s.inLink--
		default:
			s.walk(k)
		}
	}
}

// addText appends a text node's text to the current block, first ending
// the block if two or more <br> came before it.
func (s *segmenter) addText(t string) {
	if strings.TrimSpace(t) == "" {
		if s.brs > 0 {
			s.brGap += leadingLines(t)
		}
		if len(s.buf) > 0 {
			s.buf = append(s.buf, ' ')
		}
		return
	}
	if s.brs >= 2 && s.inPre == 0 {
		// The text after the breaks starts on the line of the last
		// <br>, or as many lines below it as it starts with breaks.
		s.flush()
		s.line = s.brLine + s.brGap + leadingLines(t)
	}
	if len(s.buf) == 0 && s.line == 0 {
		s.line = s.last
	}
	s.brs = 0
	s.buf = append(s.buf, t...)
	if s.inLink > 0 {
		s.linkChars += runeCount(t)
	}
}

// leadingLines counts the line breaks in the white space t starts with.
func leadingLines(t string) int {
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '\n':
			if i == 0 || t[i-1] != '\r' {
				n++
			}
		case '\r':
			n++
		case ' ', '\t', '\f':
		default:
			return n
		}
	}
	return n
}

// flush ends the current block.
func (s *segmenter) flush() {
	raw := string(s.buf)
	s.buf = s.buf[:0]
	links := s.linkChars
	s.linkChars = 0
	s.brs = 0
	if s.inPre > 0 {
		for i, l := range strings.Split(raw, "\n") {
			s.add(fold(l), 0, s.line+i)
		}
		return
	}
	s.add(fold(raw), links, s.line)
}

// add appends a block of folded text t, if it is not empty.
func (s *segmenter) add(t string, links, line int) {
	if t == "" {
		return
	}
	b := block{text: t, line: max(line, 1), owner: s.owner, words: wordCount(t)}
	b.chars = runeCount(t)
	b.linkChars = min(links, b.chars)
	for n := s.owner; n != nil; n = n.parent {
		switch n.tag {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			b.kind, b.heading = Heading, int(n.tag[1]-'0')
		case "li", "dd", "dt":
			b.kind = ListItem
		case "blockquote":
			b.kind = Quote
		default:
			continue
		}
		break
	}
	s.blocks = append(s.blocks, b)
}
