package clean

import (
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

func TestByline(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"By Jane Doe", "Jane Doe"},
		{"BY JANE DOE", "JANE DOE"},
		{"By Jane Doe and John Roe, Reuters", "Jane Doe, John Roe"},
		{"By Jane Doe & Li Wei | Staff writers", "Jane Doe, Li Wei"},
		{"Written by Ana da Silva | Staff writer", "Ana da Silva"},
		{"Story by: Marie-Claire O’Neill - Updated 3:45 PM", "Marie-Claire O’Neill"},
		{"By J. R. Hartley, Sept. 12, 2023", "J. R. Hartley"},
		{"By Pedro Álvarez Núñez", "Pedro Álvarez Núñez"},
		// Not bylines.
		{"By Reuters", ""},
		{"By Tuesday, the water had receded from most streets.", ""},
		{"By the end of the week the council had voted twice.", ""},
		{"Passed by Parliament on Monday", ""},
		{"Jane Doe", ""},
		{"By", ""},
		{"", ""},
		{"By and large the plan worked", ""},
		{"By A B C D E F G", ""},
	}
	for _, tt := range tests {
		got, ok := Byline(tt.line)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Byline(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

func TestPublishedDate(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"Published September 11, 2023", "2023-09-11"},
		{"Updated 3:45 PM EDT, Mon September 11, 2023", "2023-09-11"},
		{"11 September 2023 10:04 BST", "2023-09-11"},
		{"2023-09-11T08:00:00Z", "2023-09-11"},
		{"Posted: Sept. 12, 2023 | 5 min read", "2023-09-12"},
		// Not a publication line.
		{"Published September 2023", ""},
		{"Updated Monday", ""},
		{"The council met on September 11, 2023, and again two weeks later, when members voted on the budget.", ""},
		{"From September 11, 2023 to September 14, 2023", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := PublishedDate(tt.line)
		if got := d.ISO(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("PublishedDate(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
		if ok && d.Precision != temporal.Day {
			t.Errorf("PublishedDate(%q) precision %v", tt.line, d.Precision)
		}
	}
}

func TestCleanReadsBylineAndDateLine(t *testing.T) {
	body := "Harbour ferry fares to rise in spring\n\nBy Jane Doe and Li Wei\n\nPublished March 4, 2024\n\n" +
		"The harbour authority said on Monday that ferry fares would rise by ten percent in April, the first increase in six years.\n\n" +
		"Commuters who buy monthly passes will be spared the increase until the summer, the authority's chair told reporters at the terminal.\n"
	in := content.Article{Path: "content/ferry.txt", Blocks: content.TextBlocks(body, 1)}
	got := Clean(in, nil)
	if got.Author != "Jane Doe, Li Wei" || got.MetaFrom["author"] != "byline" {
		t.Errorf("author = %q from %q", got.Author, got.MetaFrom["author"])
	}
	if got.Date.ISO() != "2024-03-04" || got.DateFrom != "date line" {
		t.Errorf("date = %q from %q", got.Date.ISO(), got.DateFrom)
	}
	for _, b := range got.Blocks {
		if strings.Contains(b.Text, "Jane Doe") || strings.Contains(b.Text, "Published") {
			t.Errorf("kept %q", b.Text)
		}
	}
	if len(got.Blocks) != 2 {
		t.Errorf("kept %d blocks, want the 2 paragraphs", len(got.Blocks))
	}

	// Front matter wins over the text.
	in.Meta = content.Meta{Author: "Desk Editor", Date: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), HasDate: true,
		From: map[string]string{"author": "front matter", "date": "front matter"}}
	got = Clean(in, nil)
	if got.Author != "Desk Editor" || got.Date.ISO() != "2024-03-05" || got.DateFrom != "front matter" || got.MetaFrom["author"] != "front matter" {
		t.Errorf("front matter lost: author %q, date %q from %q", got.Author, got.Date.ISO(), got.DateFrom)
	}
}
