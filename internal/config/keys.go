package config

import (
	"slices"
	"strconv"
	"strings"
)

// Setting is one line of a TOML text that sets a key or opens a table,
// as Settings finds it.
type Setting struct {
	// Line is 1-based.
	Line int
	// Table is the name of the table the line is in, its parts unquoted;
	// on a header line, the header's own name. Empty at the top level.
	Table []string
	// Index is which element of an [[array]] table the line is in, from
	// 0; -1 outside one.
	Index int
	// Key is the key the line sets, its parts unquoted; nil on a header.
	Key []string
	// Array is true on an [[array]] header.
	Array bool
}

// Path returns the full name of what the line sets: its table's parts
// then its key's.
func (s Setting) Path() []string {
	if s.Key == nil {
		return s.Table
	}
	return append(slices.Clone(s.Table), s.Key...)
}

// Settings lists, in order, every table header and key assignment of the
// TOML text data: keys are compared unquoted, part by part ("new_id",
// 'new_id' and new_id are one key, and "a.b" is one part), and the lines
// inside multi-line strings are passed over. The text is taken to have
// parsed as TOML already; lines it cannot read as a key are skipped.
// The toml package records one position per key name, so this is how a
// message finds the line of a key in the second of three [[array]]
// tables, or of a key that needs quotes.
func Settings(data []byte) []Setting {
	var out []Setting
	var table []string
	index := -1
	elements := map[string]int{} // [[array]] headers seen, by name
	inString := ""
	for i, raw := range strings.Split(string(data), "\n") {
		if inString != "" {
			if strings.Count(raw, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "[") {
			array := strings.HasPrefix(line, "[[")
			k, _, ok := parseKey(strings.TrimLeft(line, "["))
			if !ok {
				continue
			}
			table, index = k, -1
			if array {
				name := strings.Join(k, "\x00")
				index = elements[name]
				elements[name]++
			}
			out = append(out, Setting{Line: i + 1, Table: table, Index: index, Array: array})
			continue
		}
		k, rest, ok := parseKey(line)
		if !ok || !strings.HasPrefix(strings.TrimSpace(rest), "=") {
			continue
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q)%2 == 1 {
				inString = q
			}
		}
		out = append(out, Setting{Line: i + 1, Table: table, Index: index, Key: k})
	}
	return out
}

// KeyLine returns the first line of the TOML text data that sets key
// (its full name, parts unquoted, as the toml package gives it); failing
// that, the line that names most of it: a dotted key or inline table of
// which key is a part (a = {b = 1} for a.b), or the header of the table
// it is in. 0 if there is none.
func KeyLine(data []byte, key []string) int {
	line, best := 0, 0
	for _, s := range Settings(data) {
		p := s.Path()
		if len(p) > best && len(p) <= len(key) && slices.Equal(p, key[:len(p)]) {
			line, best = s.Line, len(p)
			if best == len(key) {
				break
			}
		}
	}
	return line
}

// parseKey reads the TOML key at the start of s: bare, "basic" and
// 'literal' parts joined by dots. It returns the unquoted parts and the
// rest of s; ok is false if s does not start with a key.
func parseKey(s string) (parts []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		var part string
		switch s[0] {
		case '"':
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, "", false
			}
			part = s[1:end]
			if u, err := strconv.Unquote(s[:end+1]); err == nil {
				part = u
			}
			s = s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, "", false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			n := strings.IndexFunc(s, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
			})
			if n < 0 {
				n = len(s)
			}
			if n == 0 {
				return nil, "", false
			}
			part, s = s[:n], s[n:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return parts, s, true
		}
		s = s[1:]
	}
}
