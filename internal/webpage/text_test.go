package webpage

import (
	"testing"
	"unicode/utf8"
)

// TestFold checks white space, invisible characters and invalid bytes,
// and that runeCount counts what fold keeps.
func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  a \t\n b\r\n", "a b"},
		{"a\u00a0\u2028b", "a b"},
		{"soft\u00adhyphen zero\u200bwidth \ufeffbom", "softhyphen zerowidth bom"},
		{"ctrl\x00\x07\x7f\u0090x", "ctrlx"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"café “quoted” 東京", "café “quoted” 東京"},
	}
	for _, tt := range tests {
		got := fold(tt.in)
		if got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		spaces := 0
		for _, r := range got {
			if r == ' ' {
				spaces++
			}
		}
		if n := runeCount(tt.in); n != utf8.RuneCountInString(got)-spaces {
			t.Errorf("runeCount(%q) = %d, fold keeps %d", tt.in, n, utf8.RuneCountInString(got)-spaces)
		}
	}
}
