package dedup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
)

// TestGroupScrapeFixtures groups the cleaning fixtures (invented scrapes
// in ../clean/testdata/scrapes) as one site: two excerpts of one wire
// story, cut at different places by two sites (wiretrunc-*), are one
// source; a report and the follow-up that reuses two of its paragraphs
// under a new lead (followup-*) are two, related; no other fixtures are
// copies.
func TestGroupScrapeFixtures(t *testing.T) {
	dir := filepath.Join("..", "clean", "testdata", "scrapes")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var read []content.Article
	for _, e := range entries {
		if !content.IsArticle(e.Name()) || e.Name() == "README.md" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		a, _ := content.Parse("content/"+e.Name(), data, time.UTC)
		read = append(read, a)
	}
	corpus, _ := clean.NewCorpus(context.Background(), read) // not cancelled: no error
	arts := make([]clean.Article, len(read))
	for i := range read {
		arts[i] = clean.Clean(read[i], corpus)
	}
	sources := mustGroup(t, arts)
	var report, follow *Source
	for i, s := range sources {
		if len(s.Copies) > 0 {
			names := []string{s.Article.Path}
			for _, c := range s.Copies {
				names = append(names, c.Path)
			}
			if len(names) != 2 || !strings.Contains(names[0], "wiretrunc-granholm") || !strings.Contains(names[1], "wiretrunc-granholm") {
				t.Errorf("merged %v, want only the two wiretrunc-granholm excerpts merged", names)
			}
		}
		switch s.Article.Path {
		case "content/followup-brayfield-report.txt":
			report = &sources[i]
		case "content/followup-brayfield-pipes.txt":
			follow = &sources[i]
		}
	}
	if len(read) != len(sources)+1 {
		t.Errorf("%d fixtures in %d sources, want one pair merged", len(read), len(sources))
	}
	if report == nil || follow == nil {
		t.Fatal("the report and its follow-up are not two sources")
	}
	related := false
	for _, r := range report.Related {
		related = related || r.ID == follow.ID
	}
	if !related {
		t.Errorf("report related to %v, want the follow-up among them", report.Related)
	}
}
