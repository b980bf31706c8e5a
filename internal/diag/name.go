package diag

import (
	"fmt"
	"strings"
)

// ShowName returns a file name as it may be shown to a person: every
// bidirectional control, zero-width character and other invisible format
// or control character is replaced by its code point in angle brackets
// ("<U+202E>"), so a name cannot reorder or hide the text around it
// (a right-to-left override turning "txt.exe" into "exe.txt") wherever it
// is printed: terminal messages, pages, feeds and timeline.json. Names
// without such characters are returned as they are.
func ShowName(name string) string {
	if strings.IndexFunc(name, hidden) < 0 {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if hidden(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hidden reports the characters ShowName makes visible: C0 and C1
// controls, the bidirectional embeddings, overrides, isolates and marks,
// zero-width characters and the byte order mark.
func hidden(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == '\u061c', r == '\u200b', r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f', r == '\u2060', r == '\ufeff':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}
