// Package webpage reads a saved HTML page and gives back the article in it:
// the main text as paragraphs, headings, list items and quotes in reading
// order, each with the source line it starts on, and what the page says
// about the article (headline, publisher, author, canonical URL,
// publication date, language), each with the element it came from.
//
// The main text is found by general heuristics of the kind readability,
// boilerpipe, jusText and trafilatura use, and by no rule about a
// particular site or phrase:
//
//   - elements that never hold text (scripts, styles, forms' controls,
//     media, navigation) and elements the page hides are dropped while the
//     tree is built;
//   - chrome is pruned before the article is looked for: <aside>,
//     <header>, <footer>, <figure>; elements whose class or id names
//     chrome (comments, related stories, newsletters, advertising,
//     sharing, captions, author boxes, cookie banners …), the softer names
//     (share, tags, widget, next …) only when the element is mostly links
//     or has little prose; and runs of three or more teaser cards for
//     other pages. An element that holds more than half the page's prose
//     is kept whatever its name, if its name or its content says article;
//   - paragraphs score the elements around them as in readability (length,
//     commas, discounted by the share of links); markup that names the
//     article body (itemprop=articleBody, class "article-body",
//     "entry-content" …), the article (<article>) or the main column is
//     preferred when it holds at least half the prose of the best scorer;
//     a list of posts is told from a post by the articles inside it;
//   - siblings of the chosen element that are plain prose (a standfirst,
//     a second part of the body) are added; inside, lines that are mostly
//     links, the headline, and datelines before the first paragraph are
//     dropped;
//   - when all that finds less than half of the page's JSON-LD articleBody,
//     the blocks of the page that the articleBody vouches for are taken
//     instead, or the articleBody itself when the page shows none of it.
//
// On the 181 pages of the Scrapinghub article-extraction benchmark this
// scores F1 0.984 (go-trafilatura 0.960, readability.js 0.947); see
// TestCorpusF1.
//
// Metadata comes from <meta> tags (Open Graph, article:*, Dublin Core,
// Parse.ly and others), JSON-LD (with @graph, arrays and @id references),
// microdata, <link rel=canonical>, rel=author, byline elements, <time>
// elements and the <title>.
//
// Extract is linear in the size of the page, deterministic, and never
// panics, whatever the bytes.
//
// Two things here serve every article, not only web pages: the charset
// decoder (Decode for pages, DecodeText for text and Markdown files,
// LooksBinary), and Block, the unit of text package content gives every
// article as.
package webpage

import (
	"time"
)

// Page is what a saved web page says about its article.
type Page struct {
	// Title is the headline. It is taken from the first of og:title,
	// JSON-LD headline, twitter:title, the <h1> of the article, and <title>
	// that is present; a site name glued on with a separator ("Headline |
	// Site") is cut off.
	Title string
	// SiteName is the publisher: og:site_name, the JSON-LD publisher's
	// name, application-name, in that order.
	SiteName string
	// Author is who wrote the article: JSON-LD author names joined with
	// ", ", else meta author, article:author (when not a URL), Dublin Core
	// creator, itemprop=author, rel=author, or a byline element's text.
	Author string
	// URL is the page's own address: link rel=canonical, og:url or JSON-LD
	// url, only when absolute http or https.
	URL string
	// Description is the page's summary: og:description, meta description,
	// twitter:description or JSON-LD description.
	Description string
	// Published is when the article was first published:
	// article:published_time, JSON-LD datePublished, other date meta tags
	// (date, pubdate, dc.date …), or a <time datetime> in the article;
	// failing all of them, when it was last modified (MetaFrom says so).
	// A time given without a zone is taken as UTC.
	Published time.Time
	// HasPublished says whether Published was found at all.
	HasPublished bool
	// DateOnly is true when the source gave a date and no time of day.
	DateOnly bool
	// Lang is the page's language tag, from <html lang>, content-language,
	// og:locale or JSON-LD inLanguage, as written (with "_" made "-").
	Lang string
	// Blocks is the main text, in reading order.
	Blocks []Block
	// Encoding is the charset the page was read in: "utf-8", "utf-16le",
	// a declared charset such as "iso-8859-1", or "windows-1252
	// (undeclared)" for a page that is not UTF-8 and declares nothing.
	Encoding string
	// InvalidAt is the byte offset of the first byte that was not valid in
	// the page's encoding and was replaced with U+FFFD; -1 if none was.
	InvalidAt int
	// MetaFrom says, per metadata field ("title", "publisher", "author",
	// "url", "date", "description", "lang"), which element supplied it,
	// such as "og:title", "JSON-LD NewsArticle" or "<title>". Fields that
	// were not found have no entry.
	MetaFrom map[string]string
}

// BlockKind says what role a block plays in the text. It is the one kind
// of block every article has: package content gives the blocks of text and
// Markdown files these kinds too.
type BlockKind int

const (
	// Paragraph is running text (a <p>, a run of text between <br><br>, a
	// text cell, a <pre>; a paragraph of a text or Markdown file).
	Paragraph BlockKind = iota
	// Heading is an <h1>…<h6> inside the article, or a Markdown heading.
	Heading
	// ListItem is one <li> or <dd>/<dt>, or one item of a Markdown list.
	ListItem
	// Quote is a paragraph inside a <blockquote> or <q>-only block, or of
	// a Markdown block quote.
	Quote
)

// String returns the kind's name in lower case, such as "paragraph".
func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list item"
	case Quote:
		return "quote"
	}
	return "paragraph"
}

// Block is one paragraph-like unit of an article's text: of a web page's
// main text here, and of every article's body in package content.
type Block struct {
	Kind BlockKind
	// Text is plain text: entities decoded, white space folded to single
	// spaces, on one line, never empty.
	Text string
	// Line is the 1-based line of the source file (the HTML source, for a
	// web page) where the block starts.
	Line int
}

// Extract reads the bytes of an HTML page in any charset (a byte order
// mark, <meta charset> or http-equiv Content-Type say which; bytes that are
// valid UTF-8 are read as UTF-8, and anything else undeclared as
// Windows-1252) and returns its main text and metadata. It never panics; an
// error means the page could not be read as HTML at all.
func Extract(data []byte) (Page, error) {
	dec := Decode(data)
	doc, err := parse(dec.Text)
	if err != nil {
		return Page{}, err
	}
	page := Page{MetaFrom: map[string]string{}, Encoding: dec.Encoding, InvalidAt: dec.InvalidAt}
	m := readMeta(doc)
	ldBody, ldLine := m.ld.articleBody()
	body := extractBody(doc, m.headlines(), ldBody, ldLine)
	m.apply(&page, body)
	page.Blocks = body.blocks
	return page, nil
}
