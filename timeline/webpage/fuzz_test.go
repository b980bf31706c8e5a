package webpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzExtract feeds Extract arbitrary bytes: it must not panic, must not
// take long, and the blocks it returns must be single non-empty lines
// with a line number inside the input.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/golden/*.html")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"<",
		"<p>a<br><br>b</p>",
		"<html><head><meta charset=iso-8859-1></head><body><p>caf\xe9</p>",
		"\xff\xfe<\x00p\x00>\x00",
		"<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":{\"@id\":\"x\"}}]}</script>",
		"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
		strings.Repeat("<div>", 2000) + "text",
		"<svg><p>x</svg><math><mi>y",
		"<time datetime='2020-02-30T25:61'>x</time>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		page, err := Extract(data)
		if d := time.Since(start); d > 5*time.Second && len(data) < 1<<16 {
			t.Errorf("Extract took %v on %d bytes", d, len(data))
		}
		if err != nil {
			return
		}
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 1
		for i, b := range page.Blocks {
			if b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
				t.Errorf("block %d: text %q is empty or not trimmed", i, b.Text)
			}
			if strings.ContainsAny(b.Text, "\n\r") {
				t.Errorf("block %d: text %q has a line break", i, b.Text)
			}
			if b.Line < 0 || b.Line > lines {
				t.Errorf("block %d: line %d outside the input's %d lines", i, b.Line, lines)
			}
		}
	})
}
