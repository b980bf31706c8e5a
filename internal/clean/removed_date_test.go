package clean

import (
	"fmt"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/content"
)

// removedDateArticle is a plain-text article of the given lines, paragraphs apart.
func removedDateArticle(name string, lines ...string) content.Article {
	body := ""
	for _, l := range lines {
		body += l + "\n\n"
	}
	return content.Article{Path: "content/" + name + ".txt", Blocks: content.TextBlocks(body, 1)}
}

var lede = []string{
	"The harbour authority said on Monday that ferry fares would rise by ten percent in April, the first increase in six years.",
	"Commuters who buy monthly passes will be spared the increase until the summer, the authority's chair told reporters at the terminal.",
}

func TestRemovedLineGivesNoDate(t *testing.T) {
	// The masthead's date is the same line in every article of the site:
	// site chrome, not the article's date line.
	var arts []content.Article
	for i, head := range []string{"Ferry fares to rise in spring", "Pier repairs delayed again", "Lighthouse keeper retires", "New tug joins harbour fleet"} {
		arts = append(arts, removedDateArticle(fmt.Sprint("a", i),
			append([]string{"Harbour Gazette | Thursday, March 7, 2024 | Subscribe", head, fmt.Sprintf("Story %d of the harbour, told at length by the desk so that it reads as text of its own.", i)}, lede...)...))
	}
	corpus := mustCorpus(t, arts)
	for _, a := range arts {
		got := Clean(a, corpus)
		if !got.Date.IsZero() {
			t.Errorf("%s: dated %s from %q by a removed masthead line", a.Path, got.Date.ISO(), got.DateFrom)
		}
	}

	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"a related story's headline with its date",
			append([]string{"Ferry fares to rise in spring", "Related: Pier repairs finished on March 1, 2024", "Most read: Lighthouse keeper retires"}, lede...), ""},
		{"a lone date line above the article",
			append([]string{"Ferry fares to rise in spring", "Published March 4, 2024"}, lede...), "2024-03-04"},
		{"a headline-shaped line that says it is the date line",
			append([]string{"Ferry fares to rise in spring", "Posted on March 4, 2024 by Ana Reis · 4 min read"}, lede...), "2024-03-04"},
		{"a related story's headline that opens with the date",
			append([]string{"Ferry fares to rise in spring", "Most read: Pier repairs finished on March 1, 2024 after delays"}, lede...), ""},
		{"a kept date line",
			append([]string{"Published March 4, 2024"}, lede...), "2024-03-04"},
	}
	for _, tt := range tests {
		got := Clean(removedDateArticle("b", tt.lines...), nil)
		if got.Date.ISO() != tt.want {
			t.Errorf("%s: date %q from %q, want %q (removed %v)", tt.name, got.Date.ISO(), got.DateFrom, tt.want, got.Removed)
		}
	}
}

func TestCrawlDateIsNotTheArticlesDate(t *testing.T) {
	// The header's date comes months after the dates the report gives:
	// the day the page was saved, not the day it was written.
	report := []string{
		"The harbour authority said on March 4, 2024 that ferry fares would rise by ten percent in April, the first increase in six years.",
		"Commuters who buy monthly passes will be spared the increase until the summer, the authority's chair told reporters at the terminal.",
	}
	tests := []struct {
		name, header, want string
	}{
		{"a date line months later", "Published July 19, 2024", ""},
		{"a date line days later", "Published March 5, 2024", "2024-03-05"},
	}
	for _, tt := range tests {
		got := Clean(removedDateArticle("c", append([]string{"Ferry fares to rise in spring", tt.header}, report...)...), nil)
		if got.Date.ISO() != tt.want {
			t.Errorf("%s: date %q from %q, want %q", tt.name, got.Date.ISO(), got.DateFrom, tt.want)
		}
		if tt.want == "" {
			found := false
			for _, r := range got.Removed {
				if r.Text == tt.header && strings.Contains(r.Reason, "not the article's date") {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: removals %v do not say why the date line is not the date", tt.name, got.Removed)
			}
		}
	}
	// Without dates of its own, the article is dated by its date line.
	got := Clean(removedDateArticle("d", append([]string{"Ferry fares to rise in spring", "Published July 19, 2024"}, lede...)...), nil)
	if got.Date.ISO() != "2024-07-19" {
		t.Errorf("undated text: date %q, want the date line's", got.Date.ISO())
	}
}
