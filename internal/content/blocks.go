package content

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/webpage"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TextBlocks splits raw text into blocks. Blank lines separate blocks. In
// hard-wrapped text (most lines end near one width, as in e-mail and
// copies of print) a line that reaches the wrap width continues into the
// next, even after a full stop; a shorter line ends its block. In text
// that is not hard-wrapped every line is a block, except that a line
// starting in lower case continues a line that does not end a sentence.
// firstLine is the file line the text starts on.
func TextBlocks(body string, firstLine int) []webpage.Block {
	lines := strings.Split(body, "\n")
	for i, raw := range lines {
		lines[i] = cleanSpace(raw)
	}
	width := wrapWidth(lines)
	var blocks []webpage.Block
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, webpage.Block{Kind: webpage.Paragraph, Text: strings.Join(cur, " "), Line: start})
			cur = cur[:0]
		}
	}
	for i, line := range lines {
		if line == "" {
			flush()
			continue
		}
		if len(cur) > 0 && !continues(cur[len(cur)-1], line, width) {
			flush()
		}
		if len(cur) == 0 {
			start = firstLine + i
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// wrapWidth returns the width text was hard-wrapped at, in characters, or
// 0 if it was not: the width most long lines come close to without
// passing it.
func wrapWidth(lines []string) int {
	var lengths []int
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n >= 20 {
			lengths = append(lengths, n)
		}
	}
	if len(lengths) < 6 {
		return 0
	}
	slices.Sort(lengths)
	w := lengths[len(lengths)*9/10]
	if w > 110 {
		return 0
	}
	near := 0
	for _, n := range lengths {
		if n >= wrapped(w) && n <= w+5 {
			near++
		}
	}
	if near*10 < len(lengths)*6 {
		return 0
	}
	return w
}

// wrapped is the least length of a line that was broken by wrapping at
// width w rather than ending its paragraph.
func wrapped(w int) int { return w * 7 / 10 }

// continues reports whether next continues the block whose last line is
// prev, in text wrapped at width (0: not hard-wrapped).
func continues(prev, next string, width int) bool {
	if startsListItem(next) {
		return false
	}
	if width > 0 {
		return utf8.RuneCountInString(prev) >= wrapped(width)
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) && !endsSentence(prev) && utf8.RuneCountInString(prev) >= 25
}

// startsListItem reports a line that opens with a bullet or a number and
// a period or parenthesis, as list items do.
func startsListItem(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '►':
		return n < len(s) && s[n] == ' '
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;\"”’')»…", r)
}

// cleanSpace trims a line and folds runs of white space, including
// non-breaking and zero-width spaces, into single spaces.
func cleanSpace(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if invisible(r) {
			continue // zero-width and bidi controls carry no text
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports the zero-width and bidi control characters.
func invisible(r rune) bool {
	switch r {
	case '\u200b', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return false
}

// isClean reports whether cleanSpace would return s as it is: no white
// space but single spaces between other characters, and no control or
// invisible character. Most lines are, and need no copy.
func isClean(s string) bool {
	space := true // as if at a space before the start, so a leading space fails
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false
				}
				space = true
			case c < ' ' || c == 0x7f:
				return false // a control, including the other white space
			default:
				space = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || invisible(r) || unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		space = false
		i += n
	}
	return !space || s == ""
}

// markdownParser returns goldmark's parser, made once: making one sets
// up every block and inline parser, which cost more than parsing a short
// article. goldmark's parsers keep no state between calls, so one serves
// every goroutine.
var markdownParser = sync.OnceValue(func() parser.Parser { return goldmark.New().Parser() })

// MarkdownBlocks parses a Markdown body with goldmark and returns its
// paragraphs, headings, list items and quotes as plain-text blocks. Code is
// left out; raw HTML is kept as literal text (it is escaped when rendered,
// never passed through). firstLine is the file line the body starts on.
func MarkdownBlocks(body string, firstLine int) []webpage.Block {
	src := []byte(body)
	doc := markdownParser().Parse(text.NewReader(src))
	lineStarts := newLineIndex(src)
	var blocks []webpage.Block
	add := func(kind webpage.BlockKind, n ast.Node, s string) {
		s = cleanSpace(s)
		if s == "" {
			return
		}
		line := firstLine
		if lines := n.Lines(); lines != nil && lines.Len() > 0 {
			line = firstLine + lineStarts.line(lines.At(0).Start) - 1
		}
		blocks = append(blocks, webpage.Block{Kind: kind, Text: s, Line: line})
	}
	var walk func(n ast.Node, kind webpage.BlockKind)
	walk = func(n ast.Node, kind webpage.BlockKind) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				add(webpage.Heading, c, inlineText(c, src))
			case *ast.Paragraph, *ast.TextBlock:
				text := inlineText(c, src)
				lines := strings.Split(text, "\n")
				if !shortLines(lines) {
					add(kind, c, text)
					break
				}
				// A menu or list of links written one per line: a
				// block a line, so each is judged on its own.
				first := len(blocks)
				for _, l := range lines {
					add(kind, c, l)
				}
				for i := first; i < len(blocks); i++ {
					blocks[i].Line += i - first
				}
			case *ast.List:
				walk(c, webpage.ListItem)
			case *ast.Blockquote:
				walk(c, webpage.Quote)
			case *ast.HTMLBlock:
				add(kind, c, string(c.Lines().Value(src)))
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
				// not article prose
			default:
				walk(c, kind)
			}
		}
	}
	walk(doc, webpage.Paragraph)
	return blocks
}

// inlineText collects the text of a block's inline children, with line
// breaks as "\n" and raw inline HTML kept as literal text; image alt text
// is left out.
func inlineText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.Image:
				// Alt text describes a picture; it is not the article's prose.
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				for g := c.FirstChild(); g != nil; g = g.NextSibling() {
					if t, ok := g.(*ast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
			case *ast.RawHTML:
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// shortLines reports whether a paragraph's lines are each a short line
// that is not a sentence, as in a menu written one link a line.
func shortLines(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines {
		l = cleanSpace(l)
		if utf8.RuneCountInString(l) > 40 || endsSentence(l) {
			return false
		}
	}
	return true
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (idx lineIndex) line(off int) int {
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}
