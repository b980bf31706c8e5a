package events

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCompose composes the title of every sentence of the
// labelled corpora that reads as an event mention, each once: the work
// the events stage does once per sentence in the running for a title.
func BenchmarkCompose(b *testing.B) {
	dirs, _ := filepath.Glob("../../../shared/corpora/labelled/*")
	dirs = append(dirs, "../../testdata/corpus2")
	var sents []Sentence
	for _, dir := range dirs {
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		res := mustExtract(b, readSite(b, dir), defaultOptions())
		for _, s := range res.Sentences {
			if s.Mention.Event {
				sents = append(sents, s)
			}
		}
	}
	if len(sents) == 0 {
		b.Skip("no corpus")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range sents {
			compose(sents[i].Text, sents[i].Dateline)
		}
	}
	b.ReportMetric(float64(len(sents)), "sentences")
}
