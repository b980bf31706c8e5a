package events

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/corpusgen"
	"github.com/timeline-ssg/timeline/internal/dedup"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

func defaultOptions() Options {
	cfg := config.Default()
	return Options{Link: cfg.Events.Link, SameSource: cfg.Events.SameSource}
}

// BenchmarkExtractTimeline17 finds the events of the 273 articles of one
// Timeline17 topic, read, cleaned and merged as a build does.
func BenchmarkExtractTimeline17(b *testing.B) {
	dir, err := corpusgen.DefaultDir()
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("no shared corpus: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	sources := readSite(b, filepath.Join(dir, "EgyptianProtest_cnn"))
	opt := defaultOptions()
	b.ReportAllocs()
	for b.Loop() {
		mustExtract(b, sources, opt)
	}
}

// BenchmarkExtractGenerated finds the events of a generated corpus of
// 10,000 articles of real news prose (about 300,000 sentences), merged by
// dedup first as in a build.
func BenchmarkExtractGenerated(b *testing.B) {
	benchGenerated(b, corpusgen.Options{Articles: 10000, Seed: 1}, 1)
}

// BenchmarkExtract10kLong clusters 10,000 generated articles of about 30
// sentences each (about 300,000 sentences), the size the events stage
// must handle in under 10 s: each article is six generated ones joined.
func BenchmarkExtract10kLong(b *testing.B) {
	benchGenerated(b, corpusgen.Options{Articles: 60000, Seed: 2, CopyShare: -1, RewriteShare: -1}, 6)
}

// benchGenerated times Extract on a generated corpus, each article made
// of join generated ones.
func benchGenerated(b *testing.B, opts corpusgen.Options, join int) {
	c, err := corpusgen.Generate(opts)
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("no source text for a generated corpus: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]clean.Article, 0, len(c.Articles)/join)
	for i := 0; i+join <= len(c.Articles); i += join {
		arts = append(arts, joined(c.Articles[i:i+join]))
	}
	sources, _ := dedup.Group(context.Background(), arts) // not cancelled: no error
	opt := defaultOptions()
	b.ResetTimer()
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		res := mustExtract(b, sources, opt)
		b.ReportMetric(float64(len(res.Sentences)), "sentences")
		b.ReportMetric(float64(len(sources)), "sources")
	}
	// On a machine others share, the CPU time the process spent (user and
	// system, every goroutine) says more than the wall time.
	if cpu := cpuTime(); cpu > 0 {
		b.ReportMetric(float64(cpu-cpu0)/float64(b.N), "cpu-ns/op")
	}
}

// joined makes one cleaned article of generated ones: the first's
// metadata, all their paragraphs.
func joined(gs []corpusgen.Article) clean.Article {
	g := &gs[0]
	a := clean.Article{Path: g.Path, Title: g.Title, Publisher: g.Publisher}
	if !g.Date.IsZero() {
		a.Date = temporal.DayOf(g.Date.Year(), g.Date.Month(), g.Date.Day())
	}
	for _, g := range gs {
		for _, p := range g.Paragraphs {
			a.Blocks = append(a.Blocks, clean.Block{Text: p})
		}
	}
	return a
}

// BenchmarkComposeLongSentence composes the titles of sentences of about
// 4,000 words that tempt the run-on rules a thousand times: a
// capitalised word after a lower-case one ("… near Harbour near Harbour
// …"), and short heads before "The" ("Near the harbour The …"). Run-ons
// are looked for only in a heading's first words, so the time grows with
// the sentence, not with its square.
func BenchmarkComposeLongSentence(b *testing.B) {
	for _, s := range []string{
		"Police arrested the suspect on Monday" + strings.Repeat(" near Harbour", 1000) + ".",
		"Near" + strings.Repeat(" the harbour The", 1000) + " quay was closed.",
	} {
		b.Run(strings.Fields(s)[0], func(b *testing.B) {
			for b.Loop() {
				compose(s, false)
			}
		})
	}
}
