package clean_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/corpusgen"
	"github.com/timeline-ssg/timeline/internal/parallel"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// BenchmarkClean cleans generated corpora of real news prose at three
// sizes, as the site build does: the corpus statistics, then every article
// in parallel. Each article is wrapped in site chrome first (a menu above,
// share links and a list of other headlines below), so that cleaning has
// something to remove. The time should grow about linearly. Run the
// largest with -benchtime=1x.
func BenchmarkClean(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}} {
		b.Run(size.name, func(b *testing.B) {
			arts := scraped(b, size.n)
			out := make([]clean.Article, len(arts))
			b.ReportAllocs()
			for b.Loop() {
				corpus, _ := clean.NewCorpus(context.Background(), arts) // not cancelled: no error
				parallel.For(context.Background(), len(arts), func(i int) {
					out[i] = clean.Clean(arts[i], corpus)
				})
			}
		})
	}
}

// menus and footers are the chrome scraped with an article.
var (
	menus   = []string{"Home | News | Sport | Weather | Business", "Menu | Local | Money | Travel | Puzzles", "World | Politics | Science | Health | Opinion"}
	footers = []string{"Share this article", "Sign up for our newsletter", "Comments (4)", "Print", "Related stories"}
)

// scraped makes n generated articles as content would read them from
// scraped files: front matter metadata, one block a paragraph, and site
// chrome around the text. It skips when ../shared is missing.
func scraped(tb testing.TB, n int) []content.Article {
	tb.Helper()
	c, err := corpusgen.Generate(corpusgen.Options{Articles: n, Seed: 42})
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("no source text for a generated corpus: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	arts := make([]content.Article, len(c.Articles))
	for i := range c.Articles {
		g := &c.Articles[i]
		a := content.Article{Path: g.Path, Hash: fmt.Sprintf("gen-%d", i), Meta: content.Meta{
			Title: g.Title, Publisher: g.Publisher, URL: g.URL, Author: g.Author,
			Date: g.Date, HasDate: !g.Date.IsZero(), DateOnly: true}}
		line := 1
		add := func(text string) {
			a.Blocks = append(a.Blocks, webpage.Block{Kind: webpage.Paragraph, Text: text, Line: line})
			line += 2
		}
		add(menus[i%len(menus)])
		for _, p := range g.Paragraphs {
			add(p)
		}
		add(footers[i%len(footers)])
		add("Most read")
		for k := 1; k <= 3; k++ {
			if other := c.Articles[(i+k*7919)%len(c.Articles)].Title; other != "" {
				add(other)
			}
		}
		arts[i] = a
	}
	return arts
}
