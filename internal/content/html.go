package content

import (
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// parseHTML fills a from a saved web page: its metadata and the blocks of
// its main text, as package webpage finds them. Front matter does not
// apply to web pages; their metadata comes from the page's own tags.
func parseHTML(a *Article, data []byte) []diag.Diagnostic {
	if webpage.LooksBinary(data) {
		return []diag.Diagnostic{diag.Warnf(a.Path, 0, "skipped: looks like a binary file, not a web page")}
	}
	page, err := webpage.Extract(data)
	if err != nil {
		return []diag.Diagnostic{diag.Warnf(a.Path, 0, "skipped: %v", err)}
	}
	// Text from the page is stripped of invisible and bidi control
	// characters, as text files are.
	a.Meta = Meta{
		Title:     cleanSpace(page.Title),
		Publisher: cleanSpace(page.SiteName),
		Author:    cleanSpace(page.Author),
		URL:       cleanSpace(page.URL),
		Date:      page.Published,
		HasDate:   page.HasPublished,
		DateOnly:  page.DateOnly,
		From:      map[string]string{},
	}
	for field, from := range page.MetaFrom {
		a.Meta.From[field] = from
	}
	for _, b := range page.Blocks {
		if text := cleanSpace(b.Text); text != "" {
			a.Blocks = append(a.Blocks, webpage.Block{Kind: b.Kind, Text: text, Line: b.Line})
		}
	}
	warns := decodeWarnings(a.Path, page.Encoding, page.InvalidAt)
	if len(a.Blocks) == 0 {
		warns = append(warns, diag.Warnf(a.Path, 0, "no article text found in the page"))
	}
	return warns
}
