package webpage

import (
	"bytes"
	"strconv"

	"golang.org/x/net/html"
)

// lineAttr is the attribute parse adds to every start tag, first, to
// carry the tag's line through html.Parse, which keeps no positions.
const lineAttr = "data-webpage-line"

// openLimits are how deeply nested elements parse keeps, one after the
// other, when html.Parse rejects a page for nesting them deeper than 512.
// The parser opens elements the page does not name (a <tbody> and a <tr>
// for a <td>), so the limit that works can be well below 512.
var openLimits = []int{400, 100, 25}

// parse builds the HTML tree of src (UTF-8), each element carrying the
// 1-based source line its start tag begins on, for lineOf.
//
// html.Parse does not report positions, so parse first runs the tokenizer
// over src, which does, and copies src with an extra attribute holding the
// line written into each start tag. Both passes are linear.
//
// html.Parse refuses pages that nest elements more than 512 deep, which
// broken pages do with tags they never close; parse then drops the start
// and end tags of elements nested deeper than one of openLimits, keeping
// their text.
func parse(src []byte) (*html.Node, error) {
	doc, err := html.Parse(bytes.NewReader(markLines(src, 0)))
	for _, limit := range openLimits {
		if err == nil {
			break
		}
		doc, err = html.Parse(bytes.NewReader(markLines(src, limit)))
	}
	return doc, err
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

// openTags follows, roughly, which elements are open as a tokenizer goes
// through a page: the start and end tags of elements that the parser does
// not close by itself, as <p> and <li> are closed by the next one.
type openTags struct {
	stack   []string
	skipped map[string]int // start tags left out, by name, awaiting their end tags
}

// track records the current token of z and says whether to keep it: a
// start tag is left out when limit elements are open already, and so is
// the end tag that closes it.
func (o *openTags) track(z *html.Tokenizer, tt html.TokenType, limit int) bool {
	if tt != html.StartTagToken && tt != html.EndTagToken {
		return true
	}
	name, _ := z.TagName()
	tag := string(name)
	if voidTags[tag] || autoClosed[tag] {
		return true
	}
	if tt == html.StartTagToken {
		if len(o.stack) >= limit {
			if o.skipped == nil {
				o.skipped = map[string]int{}
			}
			o.skipped[tag]++
			return false
		}
		o.stack = append(o.stack, tag)
		return true
	}
	if o.skipped[tag] > 0 {
		o.skipped[tag]--
		return false
	}
	for i := len(o.stack) - 1; i >= 0; i-- {
		if o.stack[i] == tag {
			o.stack = o.stack[:i]
			break
		}
	}
	return true
}

// voidTags are elements without content or end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "keygen": true, "link": true,
	"meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// autoClosed are elements whose end tag the parser implies.
var autoClosed = map[string]bool{
	"p": true, "li": true, "dd": true, "dt": true, "option": true,
	"optgroup": true, "rb": true, "rp": true, "rt": true, "rtc": true,
	"tr": true, "td": true, "th": true, "tbody": true, "thead": true,
	"tfoot": true, "caption": true, "colgroup": true, "html": true,
	"head": true, "body": true,
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
// lone "\r". If limit is positive, the tags of elements nested deeper
// than limit are left out (see openTags).
func markLines(src []byte, limit int) []byte {
	var open openTags
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
		keep := limit <= 0 || open.track(z, tt, limit)
		switch {
		case !keep:
			// Left out; its line breaks still count below.
		case tt == html.StartTagToken || tt == html.SelfClosingTagToken:
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
		default:
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
