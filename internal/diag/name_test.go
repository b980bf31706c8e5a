package diag

import "testing"

func TestShowName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"content/kim.md", "content/kim.md"},
		{"content/é ü.txt", "content/é ü.txt"},
		{"content/\u202egnp.exe", "content/<U+202E>gnp.exe"},
		{"a\u2066b\u2069c", "a<U+2066>b<U+2069>c"},
		{"zero\u200bwidth\ufeff", "zero<U+200B>width<U+FEFF>"},
		{"tab\there\nnew", "tab<U+0009>here<U+000A>new"},
		{"mark\u200e\u061c", "mark<U+200E><U+061C>"},
	} {
		if got := ShowName(c.in); got != c.want {
			t.Errorf("ShowName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
