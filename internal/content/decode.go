package content

import (
	"strings"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// decodeText turns the bytes of a text or Markdown file into UTF-8 with \n
// line ends, as webpage.DecodeText reads them, and says what it did as
// warnings naming file. ok is false for a file that looks binary.
func decodeText(file string, data []byte) (text string, warnings []diag.Diagnostic, ok bool) {
	if webpage.LooksBinary(data) {
		return "", []diag.Diagnostic{diag.Warnf(file, 0, "skipped: looks like a binary file, not text")}, false
	}
	dec := webpage.DecodeText(data)
	if dec.Encoding == "windows-1252 (undeclared)" {
		return normalizeNewlines(string(dec.Text)), []diag.Diagnostic{
			diag.Warnf(file, 0, "not UTF-8 (first bad byte at offset %d): read as Windows-1252", webpage.FirstInvalid(data))}, true
	}
	return normalizeNewlines(string(dec.Text)), decodeWarnings(file, dec.Encoding, dec.InvalidAt), true
}

// decodeWarnings says how a file that was not clean UTF-8 was read: with
// the bytes from offset invalidAt replaced (invalidAt >= 0), or in a
// charset assumed for want of a declaration. encoding and invalidAt are
// as webpage.Decoded has them.
func decodeWarnings(file, encoding string, invalidAt int) []diag.Diagnostic {
	switch {
	case invalidAt >= 0:
		return []diag.Diagnostic{diag.Warnf(file, 0, "invalid UTF-8 at byte offset %d: replaced with U+FFFD", invalidAt)}
	case strings.HasSuffix(encoding, " (undeclared)"):
		return []diag.Diagnostic{diag.Warnf(file, 0, "not UTF-8 and no charset declared: read as %s", strings.TrimSuffix(encoding, " (undeclared)"))}
	}
	return nil
}

// normalizeNewlines turns \r\n and lone \r into \n.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
