package content

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// decodeText turns the bytes of a text file into UTF-8 with \n line ends.
// It handles a UTF-8 or UTF-16 byte order mark, converts text that is not
// valid UTF-8 from Windows-1252, and reports what it did as warnings. ok is
// false for a file that looks binary.
func decodeText(file string, data []byte) (text string, warnings []diag.Diagnostic, ok bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return normalizeNewlines(decodeUTF16(data[2:], false)), nil, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return normalizeNewlines(decodeUTF16(data[2:], true)), nil, true
	}
	if looksBinary(data) {
		return "", []diag.Diagnostic{diag.Warnf(file, 0, "skipped: looks like a binary file, not text")}, false
	}
	if utf8.Valid(data) {
		return normalizeNewlines(string(data)), nil, true
	}
	// Not UTF-8. If most bad bytes sit where Windows-1252 puts letters and
	// punctuation, convert the whole file; else repair the bad bytes.
	bad := firstInvalid(data)
	if mostlyHighBytes(data) {
		return normalizeNewlines(decodeWindows1252(data)), []diag.Diagnostic{
			diag.Warnf(file, 0, "not UTF-8 (first bad byte at offset %d): read as Windows-1252", bad)}, true
	}
	return normalizeNewlines(strings.ToValidUTF8(string(data), "\uFFFD")), []diag.Diagnostic{
		diag.Warnf(file, 0, "invalid UTF-8 at byte offset %d: replaced with U+FFFD", bad)}, true
}

// looksBinary reports a NUL byte or many control characters in the first 8 KB.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctl++
		}
	}
	return ctl > len(head)/50+2
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// mostlyHighBytes reports whether the bytes that break UTF-8 are mostly
// lone high bytes, as in a single-byte encoding, rather than a few corrupt
// sequences in UTF-8 text.
func mostlyHighBytes(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			valid++
		}
		i += n
	}
	return invalid > valid
}

// win1252 maps bytes 0x80–0x9F of Windows-1252 to Unicode; other bytes are
// Latin-1.
var win1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(win1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// normalizeNewlines turns \r\n and lone \r into \n.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
