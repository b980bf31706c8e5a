package editorial

import (
	"strconv"
	"strings"
)

// sep joins the parts of a key or table name in place: a part may hold
// a dot ("a.b" = 1).
const sep = "\x00"

// place is where a key is set in an edits file: in the index-th (from 0)
// [[table]], under its name inside that table, parts joined by sep.
type place struct {
	table string
	index int
	key   string
}

// lines are the lines of an edits file's [[table]] headers and keys.
type lines struct {
	headers map[string][]int // by table name, in order
	keys    map[place]int    // the first line setting each key
}

// findLines finds the line of every [[table]] header of data and of every
// key set in one. Keys are compared unquoted, part by part ("new_id" and
// new_id are one key); lines inside multi-line strings are passed over.
// The file is taken to have parsed as TOML already.
func findLines(data []byte) lines {
	l := lines{headers: map[string][]int{}, keys: map[place]int{}}
	table, index := "", -1
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
			table, index = strings.Join(k, sep), -1
			if array {
				l.headers[table] = append(l.headers[table], i+1)
				index = len(l.headers[table]) - 1
			}
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
		p := place{table, index, strings.Join(k, sep)}
		if _, seen := l.keys[p]; !seen {
			l.keys[p] = i + 1
		}
	}
	return l
}

// header returns the line of the index-th [[table]] header, or 0.
func (l lines) header(table string, index int) int {
	if h := l.headers[table]; index < len(h) {
		return h[index]
	}
	return 0
}

// key returns the line of key in the index-th [[table]], or, if it is not
// set there, that table's header line.
func (l lines) key(table string, index int, key string) int {
	if n, ok := l.keys[place{table, index, key}]; ok {
		return n
	}
	return l.header(table, index)
}

// unknown returns the first line setting key, as the toml package gives
// an unknown key (parts unquoted, the table's first), in any table, or
// the line of a table header of that name; 0 if there is none.
func (l lines) unknown(key []string) int {
	want := strings.Join(key, sep)
	first := 0
	for p, n := range l.keys {
		full := p.key
		if p.table != "" {
			full = p.table + sep + p.key
		}
		if full == want && (first == 0 || n < first) {
			first = n
		}
	}
	if h := l.headers[want]; len(h) > 0 && (first == 0 || h[0] < first) {
		first = h[0]
	}
	return first
}

// parseKey reads the TOML key at the start of s: bare, "basic" and
// 'literal' parts joined by dots. It returns the unquoted parts and the
// rest of s; ok is false if s does not start with a key. (The content
// package has the same reader for front matter.)
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
