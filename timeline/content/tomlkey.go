package content

import (
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// keyLine returns the 1-based line of the TOML text data on which key is
// set, or the [table] header that opens it, or 0. Keys are compared part
// by part after unquoting, so "titel" = … and 'ti tel' = … are found
// as well as titel = …. A dotted key or table header of which key is a
// part (a.b = {…} for key a.b.c) counts too.
func keyLine(data string, key toml.Key) int {
	var table []string
	inString := ""
	for i, raw := range strings.Split(data, "\n") {
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
		var full []string
		if strings.HasPrefix(line, "[") {
			k, _, ok := parseKey(strings.TrimLeft(line, "["))
			if !ok {
				continue
			}
			table, full = k, k
		} else {
			k, rest, ok := parseKey(line)
			if !ok || !strings.HasPrefix(strings.TrimSpace(rest), "=") {
				continue
			}
			full = append(slices.Clone(table), k...)
			for _, q := range []string{`"""`, `'''`} {
				if strings.Count(rest, q)%2 == 1 {
					inString = q
				}
			}
		}
		if len(full) <= len(key) && slices.Equal(full, key[:len(full)]) {
			return i + 1
		}
	}
	return 0
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
