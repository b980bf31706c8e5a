package dedup

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/corpusgen"
)

// BenchmarkGroup groups generated corpora of real news prose with planted
// copies and rewrites (see TestGroupGeneratedCorpus) at three sizes; the
// time should grow about linearly. Run the largest with -benchtime=1x.
func BenchmarkGroup(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1k", 1_000}, {"10k", 10_000}, {"100k", 100_000}} {
		b.Run(size.name, func(b *testing.B) {
			_, arts := generated(b, size.n, 42)
			b.ReportAllocs()
			for b.Loop() {
				mustGroup(b, arts)
			}
		})
	}
}

// BenchmarkGroupTimeline17 groups the 273 articles of one Timeline17
// topic as the site build sees them: read and cleaned.
func BenchmarkGroupTimeline17(b *testing.B) {
	dir, err := corpusgen.DefaultDir()
	if errors.Is(err, fs.ErrNotExist) {
		b.Skipf("no shared corpus: %v", err)
	}
	if err != nil {
		b.Fatal(err)
	}
	site := filepath.Join(dir, "EgyptianProtest_cnn")
	read, diags, err := content.Read(context.Background(), content.Options{FS: os.DirFS(filepath.Join(site, "content")), ContentDir: "content", Location: time.UTC})
	if err == nil {
		err = diags.Err()
	}
	if err != nil {
		b.Fatal(err)
	}
	corpus, _ := clean.NewCorpus(context.Background(), read) // not cancelled: no error
	arts := make([]clean.Article, len(read))
	for i := range read {
		arts[i] = clean.Clean(read[i], corpus)
	}
	b.ReportAllocs()
	for b.Loop() {
		mustGroup(b, arts)
	}
}
