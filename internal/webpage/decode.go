package webpage

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// prescanLimit is how far into a page decode looks for a charset
// declaration. Browsers look at the first 1024 bytes; saved pages often
// carry kilobytes of scripts before their <meta charset>, so decode looks
// further, and stops at <body>.
const prescanLimit = 64 << 10

// Decoded is the text of a file in UTF-8 and how it was read.
type Decoded struct {
	// Text is the file's text in UTF-8, without its byte order mark.
	Text []byte
	// Encoding is the charset the file was read in: "utf-8", "utf-16le",
	// "utf-16be", a declared charset such as "koi8-r", or "windows-1252
	// (undeclared)" for a file that is not UTF-8 and declares nothing.
	Encoding string
	// InvalidAt is the byte offset in the file of the first byte that was
	// not valid in the encoding and was replaced with U+FFFD; -1 if none
	// was.
	InvalidAt int
}

// Decode returns an HTML page as UTF-8, as Extract reads it.
//
// A byte order mark decides first. Then bytes that are valid UTF-8 are
// UTF-8, whatever the page declares: pages saved by a crawler or a browser
// are often re-encoded as UTF-8 while their <meta> still names the original
// charset, and text in a legacy charset is practically never valid UTF-8 by
// accident (the one exception, 7-bit ISO-2022-JP, is recognised by its
// escape bytes). Otherwise the declared charset is used; a page that says
// UTF-8 but has a few bad bytes, or says nothing but is mostly UTF-8, is
// UTF-8 with those bytes replaced; anything else is Windows-1252 (which
// is what browsers assume of ISO-8859-1 too).
func Decode(data []byte) Decoded { return decode(data, true) }

// DecodeText returns the bytes of a text or Markdown file as UTF-8. It
// reads them as Decode reads a page that declares no charset, but for
// two things a text editor does: a UTF-16 byte order mark decides, a UTF-8
// one only when the rest is UTF-8 (Windows-1252 text behind one is read as
// such); then valid UTF-8 is UTF-8; text that is mostly UTF-8 (no fewer
// sequences of UTF-8 than bad bytes) is UTF-8 with its bad bytes
// replaced; anything else is Windows-1252. Line ends are left as they are.
func DecodeText(data []byte) Decoded { return decode(data, false) }

// decode is Decode when html is true, else DecodeText: only a page's
// <meta> can declare a charset.
func decode(data []byte, html bool) Decoded {
	skip := 0
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		if html || utf8.Valid(data[3:]) {
			return repaired(data[3:], 3)
		}
		// A text file saved by an editor that put a UTF-8 mark before
		// Windows-1252 text: the rest decides, as it does without one.
		data, skip = data[3:], 3
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return Decoded{transform(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data), "utf-16le", -1}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return Decoded{transform(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data), "utf-16be", -1}
	}
	if utf8.Valid(data) {
		if html && bytes.IndexByte(data, 0x1B) >= 0 {
			if enc, name := declared(data); name == "iso-2022-jp" {
				return Decoded{transform(enc, data), name, -1}
			}
		}
		return Decoded{data, "utf-8", -1}
	}
	var enc encoding.Encoding
	var name string
	if html {
		enc, name = declared(data)
	}
	switch {
	case strings.HasPrefix(name, "utf-"):
		// A <meta> that says UTF-16 means UTF-8, as browsers read it.
		return repaired(data, 0)
	case enc != nil:
		return Decoded{transform(enc, data), name, -1}
	case mostlyUTF8(data, html):
		return repaired(data, skip)
	}
	return Decoded{transform(charmap.Windows1252, data), "windows-1252 (undeclared)", -1}
}

// LooksBinary reports whether data looks like a binary file rather than
// text: a NUL byte or many control characters in its first 8 KB. Text
// with a UTF-16 byte order mark, which is full of NUL bytes, is text.
func LooksBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
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

// repaired reads UTF-8 data that starts at byte skip of the file,
// replacing invalid bytes.
func repaired(data []byte, skip int) Decoded {
	if utf8.Valid(data) {
		return Decoded{data, "utf-8", -1}
	}
	return Decoded{bytes.ToValidUTF8(data, []byte("\uFFFD")), "utf-8", skip + FirstInvalid(data)}
}

// FirstInvalid returns the offset in data of the first byte that is not
// part of UTF-8, -1 when there is none.
func FirstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// mostlyUTF8 says whether data has UTF-8 sequences of two bytes or more,
// for a page at least two for every byte that is not UTF-8, for a text
// file at least one. Text in a legacy charset has next to none: its high
// bytes seldom come in valid UTF-8 patterns. (A text file's few stray
// bytes in accented UTF-8 text, "Café crème" with three bad bytes, are
// repaired rather than taken for Windows-1252, as content read them
// before the two decoders were one.)
func mostlyUTF8(data []byte, html bool) bool {
	good, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	if html {
		return good > 0 && bad*2 <= good
	}
	return good > 0 && bad <= good
}

// transform decodes data with enc; bytes enc cannot decode become U+FFFD.
func transform(enc encoding.Encoding, data []byte) []byte {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	return out
}

// declared returns the encoding named by the page's <meta charset> or
// <meta http-equiv="Content-Type">, and its canonical name ("utf-8",
// "windows-1252" …); nil and "" when there is none or it is not known.
func declared(data []byte) (encoding.Encoding, string) {
	if len(data) > prescanLimit {
		data = data[:prescanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, hasAttr := z.TagName()
			switch string(tag) {
			case "body":
				return nil, ""
			case "meta":
			default:
				continue
			}
			var label, httpEquiv, content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					label = string(v)
				case "http-equiv":
					httpEquiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
			}
			if label == "" && httpEquiv == "content-type" {
				label = charsetParam(content)
			}
			if label == "" {
				continue
			}
			enc, name := charset.Lookup(label)
			if enc == nil {
				return nil, ""
			}
			return enc, name
		}
	}
}

// charsetParam returns the charset parameter of a Content-Type value such
// as "text/html; charset=iso-8859-1".
func charsetParam(contentType string) string {
	i := strings.Index(strings.ToLower(contentType), "charset")
	if i < 0 {
		return ""
	}
	s := strings.TrimLeft(contentType[i+len("charset"):], " \t")
	s, ok := strings.CutPrefix(s, "=")
	if !ok {
		return ""
	}
	s = strings.Trim(strings.TrimLeft(s, " \t"), `"'`)
	if j := strings.IndexAny(s, ` ;"'`); j >= 0 {
		s = s[:j]
	}
	return s
}
