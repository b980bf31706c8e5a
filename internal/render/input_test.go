package render

import "testing"

func TestSafeURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://example.org/a?b=1#c", "https://example.org/a?b=1#c"},
		{"  http://example.org/ ", "http://example.org/"},
		{"HTTPS://Example.org/", "HTTPS://Example.org/"},
		{"mailto:desk@example.org", "mailto:desk@example.org"},
		{"", ""},
		{"javascript:alert(1)", ""},
		{"JaVaScRiPt:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"vbscript:msgbox(1)", ""},
		{"file:///etc/passwd", ""},
		{"&#106;avascript:alert(1)", ""},
		{"//evil.example/x.css", ""}, // relative to the site's scheme
		{"/sources/a/", ""},          // would point into the site
		{"https:evil.example", ""},   // no host
		{"mailto:", ""},
		{"https://example.org/\u202Egnp.exe", ""},
		{"https://example.org/\u200b", ""},
	} {
		if got := safeURL(tt.in); got != tt.want {
			t.Errorf("safeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestShownSources checks that the outputs' view of the sources has safe
// addresses and visible file names, and that the caller's sources are
// left as they were.
func TestShownSources(t *testing.T) {
	in := []Source{
		{ID: "a", URL: "https://example.org/a", File: "content/a.txt"},
		{ID: "b", URL: "javascript:alert(1)", File: "content/\u202Eb.txt",
			Copies: []Copy{{File: "content/c\u2066.txt", URL: "data:text/html,x"}, {File: "content/d.txt", URL: "https://example.org/d"}}},
	}
	out := shownSources(in)
	if &out[0] == &in[0] {
		t.Fatal("the caller's sources were changed in place")
	}
	if in[1].URL != "javascript:alert(1)" || in[1].Copies[0].URL != "data:text/html,x" {
		t.Errorf("the caller's sources changed: %+v", in[1])
	}
	b := out[1]
	if b.URL != "" || b.File != "content/<U+202E>b.txt" || b.Copies[0].URL != "" || b.Copies[0].File != "content/c<U+2066>.txt" ||
		b.Copies[1].URL != "https://example.org/d" {
		t.Errorf("shown: %+v", b)
	}
	if out[0].URL != in[0].URL || out[0].File != in[0].File {
		t.Errorf("a safe source changed: %+v", out[0])
	}
	clean := in[:1]
	if got := shownSources(clean); &got[0] != &clean[0] {
		t.Error("sources that need no change were copied")
	}
}
