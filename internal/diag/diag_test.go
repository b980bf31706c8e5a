package diag

import "testing"

func TestDiagnosticError(t *testing.T) {
	for _, c := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Message: "no file"}, "no file"},
		{Warnf("content/a.md", 0, "skipped: %s", "empty file"), "content/a.md: skipped: empty file"},
		{Errorf("content/a.md", 3, "unknown key %q", "titel"), `content/a.md:3: unknown key "titel"`},
		{Diagnostic{File: "site.toml", Line: 2, Col: 7, Message: "bad"}, "site.toml:2:7: bad"},
		// A right-to-left override in a name would show the message
		// reordered: "content/<RLO>txt.exe: …" reads as "…exe.txt".
		{Warnf("content/\u202etxt.exe", 0, "skipped: %s", "empty file"), "content/<U+202E>txt.exe: skipped: empty file"},
		{Errorf("content/a\u2066b.md", 4, "bad"), "content/a<U+2066>b.md:4: bad"},
	} {
		if got := c.d.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
}
