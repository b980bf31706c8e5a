package webpage

import (
	"strings"
	"testing"
	"time"
)

// FuzzExtract feeds Extract arbitrary bytes: it must not panic, must not
// take long, and the blocks it returns must be single non-empty lines
// with a line number inside the input.
func FuzzExtract(f *testing.F) {
	// Small seeds only: the fuzzer minimises each new input it finds in
	// time that grows with the square of its length, so long seeds leave
	// it minimising instead of fuzzing. TestDeepNesting and the golden
	// pages cover the large inputs.
	for _, s := range []string{
		"",
		"<",
		"<p>a<br><br>b</p>",
		`<article><h1>T</h1><p class="byline">By A</p><div class="article-body"><p>One, two.</p><aside class="related"><a href=x>x</a></aside><p>Three.</p></div></article>`,
		`<div class="post"><div class="entry-content">a<br><br>b<ul><li>c</li></ul><blockquote>d</blockquote></div></div><div id="comments"><p>e</p></div>`,
		"<html><head><meta charset=iso-8859-1><title>A | B</title></head><body><p>caf\xe9</p>",
		"\xff\xfe<\x00p\x00>\x00",
		"<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":{\"@id\":\"x\"},\"articleBody\":\"a b c d e\"}]}</script>",
		"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table><pre>a\nb</pre>",
		"<svg><p>x</svg><math><mi>y",
		"<time datetime='2020-02-30T25:61'>x</time><meta property=article:published_time content=2020-01-01>",
		"<div class='hidden md:block'><span style='display:none'>x</span><div aria-hidden=true>y</div></div>",
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
