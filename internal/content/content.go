// Package content reads the articles of a site's content directory: it
// finds the files, decodes their text, parses TOML, YAML or JSON front
// matter, extracts the main text and metadata of saved web pages, and
// splits the body into blocks (paragraphs, headings, list items). It is
// the first stage of the pipeline and the only one that reads files: the
// content directory's, through an fs.FS (a sitefs.Dir in a build).
package content

import (
	"time"

	"github.com/timeline-ssg/timeline/internal/webpage"
)

// Format is the kind of file an article came from.
type Format int

const (
	// Text is a .txt file: raw text, perhaps scraped, one paragraph a line
	// or paragraphs separated by blank lines.
	Text Format = iota
	// Markdown is a .md or .markdown file.
	Markdown
	// HTML is a web page saved from a browser, .html or .htm.
	HTML
)

// String returns "text", "markdown" or "html".
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "text"
}

// Meta is what an article's front matter says about it.
type Meta struct {
	Title     string
	Publisher string
	URL       string
	Author    string
	// Date is the publication date; zero when HasDate is false.
	Date    time.Time
	HasDate bool
	// DateOnly is true when the front matter gave a date without a time.
	DateOnly bool
	Tags     []string
	Draft    bool
	// From says, per field ("title", "publisher", "author", "url",
	// "date"), where its value was found: "front matter", or the element of
	// a web page, such as "og:title" or "JSON-LD NewsArticle".
	From map[string]string
}

// Article is one file of the content directory, read and split into blocks.
type Article struct {
	// Path is the file's slash-separated path relative to the site root,
	// for example "content/2023/kim.md".
	Path   string
	Format Format
	Meta   Meta
	Blocks []webpage.Block
	// Hash is a hex digest of the file's bytes, a key for caching work.
	Hash string
}
