package webpage

import (
	"strings"
	"testing"
)

// TestDecodeText checks how the bytes of a text file are read: byte order
// marks, UTF-8, mostly-UTF-8 text with a bad byte, Windows-1252, and that
// a <meta charset> in a text file is not a declaration.
func TestDecodeText(t *testing.T) {
	tests := []struct {
		name, in, want string
		encoding       string
		invalidAt      int
	}{
		{"utf-8", "Caf\xc3\xa9 opens.", "Café opens.", "utf-8", -1},
		{"utf-8 byte order mark", "\xEF\xBB\xBFCaf\xC3\xA9 opens.\r\nNext line.", "Café opens.\r\nNext line.", "utf-8", -1},
		{"utf-8 byte order mark, windows-1252 after it", "\xEF\xBB\xBFCaf\xe9 opens.", "Café opens.", "windows-1252 (undeclared)", -1},
		{"utf-8 byte order mark, bad byte", "\xEF\xBB\xBFCaf\xc3\xa9 \xff opens.", "Café \uFFFD opens.", "utf-8", 9},
		{"accented utf-8, a stray byte for every sequence", "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e \x81\x8d\x90", "Café crème brûlée \uFFFD", "utf-8", 22},
		{"utf-16le byte order mark", "\xFF\xFEH\x00i\x00.\x00", "Hi.", "utf-16le", -1},
		{"utf-16be byte order mark", "\xFE\xFF\x00H\x00i\x00.", "Hi.", "utf-16be", -1},
		{"windows-1252", "\x93Caf\xe9\x94 opens \x96 today \x80.", "“Café” opens – today €.", "windows-1252 (undeclared)", -1},
		{"mostly utf-8, one bad byte", "Le café du port “rouvre” apr\xe8s la grève.", "Le café du port “rouvre” apr\uFFFDs la grève.", "utf-8", 33},
		{"meta charset is not read in text", "<meta charset=koi8-r>\xf0\xcf\xd2\xd4", "<meta charset=koi8-r>ðÏÒÔ", "windows-1252 (undeclared)", -1},
		{"empty", "", "", "utf-8", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DecodeText([]byte(tt.in))
			if string(got.Text) != tt.want || got.Encoding != tt.encoding || got.InvalidAt != tt.invalidAt {
				t.Errorf("DecodeText(%q) = %q, %q, %d; want %q, %q, %d", tt.in, got.Text, got.Encoding, got.InvalidAt, tt.want, tt.encoding, tt.invalidAt)
			}
		})
	}
}

// TestLooksBinary checks which files are taken for binary: NUL bytes or
// many control characters, but not UTF-16 text with its byte order mark.
func TestLooksBinary(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"text", "One.\r\nTwo.\tThree.\f", false},
		{"empty", "", false},
		{"nul", "\x00\x01\x02PNG", true},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", true},
		{"control characters", strings.Repeat("ab\x01", 10), true},
		{"a few control characters", "ab\x01cd\x02 and a long line of text after them", false},
		{"utf-16le", "\xFF\xFEH\x00i\x00", false},
		{"utf-16be", "\xFE\xFF\x00H\x00i", false},
	}
	for _, tt := range tests {
		if got := LooksBinary([]byte(tt.in)); got != tt.want {
			t.Errorf("%s: LooksBinary(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}
