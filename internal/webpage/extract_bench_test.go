package webpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract extracts each golden page, and one page of about a
// megabyte made of them.
func BenchmarkExtract(b *testing.B) {
	pages, _ := filepath.Glob("testdata/golden/*.html")
	var all []byte
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data...)
		b.Run(filepath.Base(p), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				Extract(data)
			}
		})
	}
	big := []byte(strings.Repeat(string(all), (1<<20)/max(len(all), 1)))
	b.Run("1MB", func(b *testing.B) {
		b.SetBytes(int64(len(big)))
		for b.Loop() {
			Extract(big)
		}
	})
}
