package webpage

import (
	"bytes"
	"strconv"

	"golang.org/x/net/html"
)

// lineAttr is the attribute parse adds to every start tag, first, to
// carry the tag's line through html.Parse, which keeps no positions.
const lineAttr = "data-webpage-line"

// parse builds the HTML tree of src (UTF-8), each element carrying the
// 1-based source line its start tag begins on, for lineOf.
//
// html.Parse does not report positions, so parse first runs the tokenizer
// over src, which does, and copies src with an extra attribute holding the
// line written into each start tag. Both passes are linear.
func parse(src []byte) (*html.Node, error) {
	return html.Parse(bytes.NewReader(markLines(src)))
}

// lineOf returns the source line of element n, or 0 for an element the
// parser made up (an implied <tbody>) or a text.
func lineOf(n *html.Node) int {
	// The line is the first attribute, unless the parser copied the
	// element's attributes onto another.
	for _, a := range n.Attr {
		if a.Key == lineAttr && a.Namespace == "" {
			v, err := strconv.Atoi(a.Val)
			if err != nil {
				return 0
			}
			return v
		}
	}
	return 0
}

// isTagNameEnd says whether c ends a tag name in HTML's tokenizer.
func isTagNameEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '/', '>':
		return true
	}
	return false
}

// markLines returns a copy of src with lineAttr="N" added to every start
// tag, N being the line the tag starts on. Lines end at "\n", "\r\n" or a
// lone "\r".
func markLines(src []byte) []byte {
	// Room for the attribute in every tag, at most.
	out := make([]byte, 0, len(src)+bytes.Count(src, []byte("<"))*(len(lineAttr)+12))
	z := html.NewTokenizer(bytes.NewReader(src))
	line := 1
	prevCR := false // the last byte counted was '\r'
	used := 0       // bytes of src the tokens so far cover; tokens are contiguous
	for {
		tt := z.Next()
		raw := z.Raw()
		used += len(raw)
		if tt == html.ErrorToken {
			// The tokenizer stops at the end of input; whatever it did
			// not return as a token is copied as it is.
			out = append(out, raw...)
			if used < len(src) {
				out = append(out, src[used:]...)
			}
			return out
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			// The attribute goes right after the tag name, ahead of the
			// page's own attributes, so that it wins over a duplicate.
			end := 1
			for end < len(raw) && !isTagNameEnd(raw[end]) {
				end++
			}
			out = append(out, raw[:end]...)
			out = append(out, ' ')
			out = append(out, lineAttr...)
			out = append(out, `="`...)
			out = strconv.AppendInt(out, int64(line), 10)
			out = append(out, '"')
			out = append(out, raw[end:]...)
		} else {
			out = append(out, raw...)
		}
		for _, b := range raw {
			switch b {
			case '\n':
				if !prevCR {
					line++
				}
				prevCR = false
			case '\r':
				line++
				prevCR = true
			default:
				prevCR = false
			}
		}
	}
}
