package site

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/dedup"
)

// TestSourceTitleWithoutOne: a source without a title is titled by the
// headline its first sentence gives, whole: not cut at an abbreviation's
// full stop, never with an ellipsis, the dateline dropped.
func TestSourceTitleWithoutOne(t *testing.T) {
	tests := []struct {
		name, text, dateline string
		want                 string
	}{
		{"titled", "", "", "Given title"},
		{"abbreviation", "U.S. officials said on Tuesday that the Vell dam would be inspected again in March.", "",
			"U.S. officials said the Vell dam would be inspected again in March"},
		{"dateline and a long sentence", "OSTROW, May 3 (Wire) – The regional mining authority closed the north shaft of the Vell quarry on Wednesday after engineers found cracks in the roof of the main gallery.",
			"OSTROW, May 3 (Wire)", ""},
		{"no text", "", "", "content/empty.txt"},
	}
	for _, tt := range tests {
		a := clean.Article{Path: "content/empty.txt"}
		if tt.name == "titled" {
			a.Title = "Given title"
		}
		if tt.text != "" {
			a.Blocks = []clean.Block{{Text: tt.text}}
		}
		a.Dateline.Text = tt.dateline
		got := sourceTitle(dedup.Source{Article: a})
		if tt.want != "" && got != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, got, tt.want)
		}
		if strings.HasSuffix(got, "…") || strings.HasSuffix(got, "...") || utf8.RuneCountInString(got) > 80 {
			t.Errorf("%s: title %q is cut or too long", tt.name, got)
		}
		if strings.Contains(got, "OSTROW") {
			t.Errorf("%s: title %q keeps the dateline", tt.name, got)
		}
	}
}
