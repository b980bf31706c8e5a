// Package render writes the static site: HTML pages from the theme's
// html/template layouts (with their metadata, JSON-LD and the layout of the
// timeline's overview strip, which the theme draws), the theme's static
// files, timeline.json,
// the TimelineJS3 export, and the files for hosts and crawlers: an Atom
// feed, a sitemap, robots.txt and .nojekyll.
//
// Render is the last stage of the pipeline. It takes a Site, a plain view of
// everything the earlier stages found, and knows nothing of how it was found.
package render

import "html/template"

// Site is everything the renderer needs to write the site.
type Site struct {
	Title       string
	Description string
	// BaseURL is the absolute URL the site is served from, with a trailing
	// slash ("https://user.github.io/repo/"). Links in pages are relative to
	// it so a project site under a subpath works.
	BaseURL string
	// RelativeURLs makes links between pages name the file they lead to
	// (Page.Index), so that the site can be browsed from disk.
	RelativeURLs bool
	// Generator names the program and version, for the <meta name=generator>.
	Generator string
	// Order is the order of the timeline page: "newest" lists the latest
	// event first; "oldest" or "" the earliest. Events stays in timeline
	// order whatever it says, as do timeline.json and the feeds.
	Order string
	// Events in timeline order, earliest first. An undated event is where
	// the chronology placed it: after the dated event the sources tell
	// before it, or last.
	Events []Event
	// Sources sorted by ID.
	Sources []Source
}

// Date is a resolved date as pages and timeline.json show it.
type Date struct {
	// ISO is "2023-09-11", "2023-09", "2023", or "" when unknown.
	ISO string
	// End is the last day of a range ("2023-09-17"), or "".
	End string
	// Precision is "day", "week", "month", "year" or "unknown".
	Precision string
	// Display is the human form: "Sep 11, 2023", "Sep 16–17, 2023",
	// "September 2023", "date unknown".
	Display string
}

// Event is one real-world event on the timeline.
type Event struct {
	// ID is stable across rebuilds; the page is events/<ID>/index.html.
	ID    string
	Title string
	Date  Date
	// Undated is true when no evidence dates the event; it is placed by
	// narrative order and marked.
	Undated bool
	// Basis says how the date was found, for example
	// "“on Monday” in Example News (published Sep 11, 2023)".
	Basis string
	// DateConflicts counts the cited sentences that give the event another
	// date than Date: when it is not 0 the date is shown as disputed.
	DateConflicts int
	// Placement says, for an undated event placed among the dated ones,
	// what put it there ("placed after “…”, as the sources tell it"), or "".
	Placement string
	// Summary is one to three extractive sentences, each a Citation.
	Summary []Citation
	// EditorSummary is a summary the editor wrote (Markdown rendered to
	// HTML with raw HTML and dangerous links left out), shown in place of
	// Summary; EditorSummaryText is its plain text, for listings and
	// timeline.json.
	EditorSummary     template.HTML
	EditorSummaryText string
	// Importance ranks events; higher is more important.
	Importance float64
	// Citations are the quoted sentences, in source order then text order.
	Citations []Citation
	// SourceCount is the number of independent sources citing the event:
	// sources that rewrite one report (dedup's related sources, joined
	// transitively, and rewrites the events stage finds) count once.
	// SourcesCited is the number of sources citing it, rewrites each
	// counted; CopyCount the number of merged duplicate copies behind
	// them.
	SourceCount  int
	SourcesCited int
	CopyCount    int
	// RelatedNote says, when SourcesCited is more than SourceCount, how
	// the sources count: "2 sources, rewrites of one report"; else "".
	RelatedNote string
	// Kind is "statement" when the event is mostly someone saying
	// something, "happening" otherwise ("" counts as "happening").
	Kind string
}

// Citation is one verbatim quoted sentence of one source.
type Citation struct {
	SourceID    string
	SourceTitle string
	// Anchor is the id of the sentence on the source page ("s12").
	Anchor string
	Text   string
	// Start and End are byte offsets of Text in the source's Text.
	Start, End int
	// Date is the date this sentence gives the event, if any.
	Date string
}

// Source is one article after duplicate copies were merged.
type Source struct {
	// ID is stable and unique; the page is sources/<ID>/index.html.
	ID        string
	Title     string
	Publisher string
	Author    string
	// URL is the original article's address, if known.
	URL  string
	Date Date
	// DateFrom says, in words, where Date came from ("from the front
	// matter", "from the dateline", "from the page's
	// article:published_time"), or
	// for a source without one, the day the dates of its events put it
	// on ("inferred as Sep 12, 2023 from the dates other sources give
	// its events"); "" when nothing dates it.
	DateFrom string
	// Dateline is the place and date line of the article ("MOSCOW, Sep 11, 2023").
	Dateline string
	// File is the canonical file's path relative to the site root
	// ("content/a.txt").
	File string
	// Copies are the duplicate copies merged into this source.
	Copies []Copy
	// Related are other sources that tell much of the same story in their
	// own words (rewrites of one report): not copies, but close.
	Related []Related
	// Text is the cleaned article body, blocks joined by blank lines.
	Text string
	// Blocks are the cleaned text's paragraphs and headings, split into
	// sentences for highlighting.
	Blocks []Block
	// Removed lists what cleaning took out of the canonical file, and why.
	Removed []Removal
	// EventIDs are the events citing this source, in timeline order.
	EventIDs []string
}

// Copy is a duplicate copy merged into a source.
type Copy struct {
	File      string
	Title     string
	Publisher string
	URL       string
	// Containment is the share of the copy's wording found in the source,
	// 0 to 1: the evidence for the merge.
	Containment float64
}

// Related is a source closely related to another one.
type Related struct {
	ID    string
	Title string
	// Similarity is the share of wording the two have in common, 0 to 1.
	Similarity float64
}

// Block is a paragraph or heading of a source's cleaned text.
type Block struct {
	Heading   bool
	Sentences []Sentence
}

// Sentence is one sentence of a block. Text is verbatim from the source.
type Sentence struct {
	// Anchor is the sentence's id on the source page ("s12").
	Anchor string
	Text   string
	// EventIDs are the events citing this sentence; a cited sentence is
	// highlighted and links to them.
	EventIDs []string
}

// Removal records one line cleaning removed from an article.
type Removal struct {
	Line   int
	Text   string
	Reason string
}
