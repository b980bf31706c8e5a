// Package clean turns an article as read from disk into the article a
// reader would see: it removes site chrome (navigation, share and comment
// widgets, lists of other headlines, stories the scraper glued on after the
// article) and recovers the title and dateline. Every removal is recorded
// with its reason.
//
// The method is general: each block is judged by its shape (length,
// sentence punctuation, stop-word density, list bullets, menu separators,
// time stamps, template tags), by repetition across the articles of the
// site (weighed against the story's topic), by where it stands relative
// to the article's run of prose (a deck under the headline, a paragraph
// an excerpt was cut off in), by topical coherence with the article, and,
// for comments on a scrape, by voice: readers write "I" and "you" outside
// quotation marks, and a report does not. Sentences a scraper broke
// across paragraphs are joined first. No phrase list. A web page's blocks have already been
// chosen by package webpage from the page's markup; there cleaning judges
// only what one page cannot show: repetition across the site, menus and
// time stamps, comments, stories glued on.
package clean

import (
	"strings"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// Block is a paragraph or heading of a cleaned article.
type Block struct {
	Heading bool
	// Text is verbatim from the input, white space folded.
	Text string
	// Line is the line of the input file the block starts on.
	Line int
}

// Removal records one block that cleaning removed, and why.
type Removal struct {
	Line   int
	Text   string
	Reason string
}

// Dateline is the place and date an article opens with, as in
// "MOSCOW, September 11, 2023 – ".
type Dateline struct {
	// Text is the dateline as written, without the dash after it.
	Text  string
	Place string
	// Date is the dateline's date, zero if it has none or it cannot be
	// read on its own (a month and day with no year).
	Date temporal.Date
}

// Article is a cleaned article.
type Article struct {
	// Path is the input file's path relative to the site root.
	Path string
	// Hash identifies the input file's bytes.
	Hash      string
	Title     string
	Publisher string
	Author    string
	URL       string
	Tags      []string
	// Date is the publication date: from front matter, else the dateline.
	Date temporal.Date
	// DateFrom says where Date came from: "front matter", an element of a
	// web page ("article:published_time"), "dateline", or "" for none.
	DateFrom string
	// MetaFrom says, per field ("title", "publisher", "author", "url",
	// "date"), where its value was found: "front matter", an element of a
	// web page ("og:title"), or the text ("headline", "dateline").
	MetaFrom map[string]string
	Dateline Dateline
	Blocks   []Block
	Removed  []Removal
}

// Text returns the cleaned body: the blocks joined by blank lines. Offsets
// of sentences and citations are offsets into this string.
func (a *Article) Text() string {
	var b strings.Builder
	for i, bl := range a.Blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// TextLen returns len(a.Text()) without building the text.
func (a *Article) TextLen() int {
	n := 0
	for i, bl := range a.Blocks {
		if i > 0 {
			n += 2
		}
		n += len(bl.Text)
	}
	return n
}

// BlockStarts returns the offset in Text of each block.
func (a *Article) BlockStarts() []int {
	starts := make([]int, len(a.Blocks))
	off := 0
	for i, bl := range a.Blocks {
		starts[i] = off
		off += len(bl.Text) + 2
	}
	return starts
}

// Clean cleans one article. corpus carries what is known across all the
// site's articles (which short lines repeat, how common each word is); a
// nil corpus cleans the article on its own.
func Clean(in content.Article, corpus *Corpus) Article {
	if corpus == nil {
		return clean(in, nil, nil)
	}
	return clean(in, corpus, corpus.takeKeys(in.Path, len(in.Blocks)))
}

// clean is Clean, asking what it needs to know across articles of
// corpus, which may be nil. keys, when not nil, are the content keys of
// each block, found already.
func clean(in content.Article, corpus corpusView, keys [][]string) Article {
	out := Article{
		Path:      in.Path,
		Hash:      in.Hash,
		Title:     in.Meta.Title,
		Publisher: in.Meta.Publisher,
		Author:    in.Meta.Author,
		URL:       in.Meta.URL,
		Tags:      in.Meta.Tags,
		MetaFrom:  map[string]string{},
	}
	for field, from := range in.Meta.From {
		out.MetaFrom[field] = from
	}
	if in.Meta.HasDate {
		d := in.Meta.Date
		out.Date = temporal.DayOf(d.Year(), d.Month(), d.Day())
		out.DateFrom = "front matter"
		if from := in.Meta.From["date"]; from != "" {
			out.DateFrom = from
		}
	}
	// A web page's blocks are what package webpage kept of it by its
	// markup; a text or Markdown file's are the whole page as scraped.
	extracted := in.Format == content.HTML
	inBlocks := in.Blocks
	if !extracted {
		inBlocks, keys = joinBroken(inBlocks, keys)
	}
	blocks := describe(inBlocks, extracted, corpus, keys)
	keep, reasons := selectArticle(blocks, out.Title, extracted, corpus)

	if out.Title == "" {
		if i := findTitle(blocks, keep); i >= 0 {
			out.Title = blocks[i].Text
			out.MetaFrom["title"] = "headline"
			reasons[i] = "title: the headline above the article"
		}
	}
	for i, b := range blocks {
		if keep[i] {
			out.Blocks = append(out.Blocks, Block{Heading: b.heading, Text: b.Text, Line: b.Line})
		} else {
			out.Removed = append(out.Removed, Removal{Line: b.Line, Text: b.Text, Reason: reasons[i]})
		}
	}
	takeHeaderMeta(&out)
	for _, b := range out.Blocks {
		if b.Heading {
			continue
		}
		if dl, ok := FindDateline(b.Text); ok {
			out.Dateline = dl
			// The dateline, part of the article, dates it before a date
			// line in the chrome above it does.
			if (out.DateFrom == "" || out.DateFrom == "date line") && dl.Date.Precision == temporal.Day {
				out.Date = dl.Date
				out.DateFrom = "dateline"
				out.MetaFrom["date"] = "dateline"
			}
		}
		break
	}
	return out
}
