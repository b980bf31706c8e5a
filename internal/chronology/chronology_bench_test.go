package chronology

import (
	"context"
	"errors"
	"io/fs"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/corpusgen"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/events"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// BenchmarkOrder dates and orders the events of a generated corpus of
// 10,000 articles of real news prose, merged and clustered as in a build.
func BenchmarkOrder(b *testing.B) {
	c, err := corpusgen.Generate(corpusgen.Options{Articles: 10_000, Seed: 1})
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("no source text for a generated corpus: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]clean.Article, len(c.Articles))
	for i := range c.Articles {
		g := &c.Articles[i]
		a := clean.Article{Path: g.Path, Title: g.Title, Publisher: g.Publisher}
		if !g.Date.IsZero() {
			a.Date = temporal.DayOf(g.Date.Year(), g.Date.Month(), g.Date.Day())
		}
		for _, p := range g.Paragraphs {
			a.Blocks = append(a.Blocks, clean.Block{Text: p})
		}
		arts[i] = a
	}
	sources, _ := dedup.Group(context.Background(), arts) // not cancelled: no error
	cfg := config.Default()
	res, err := events.Extract(b.Context(), sources, events.Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		dated := mustOrder(b, res, sources)
		b.ReportMetric(float64(len(dated)), "events")
	}
}
