package editorial

import (
	"strings"

	"github.com/timeline-ssg/timeline/internal/config"
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
// key set in one (see config.Settings). The file is taken to have parsed
// as TOML already.
func findLines(data []byte) lines {
	l := lines{headers: map[string][]int{}, keys: map[place]int{}}
	for _, s := range config.Settings(data) {
		table := strings.Join(s.Table, sep)
		if s.Key == nil {
			if s.Array {
				l.headers[table] = append(l.headers[table], s.Line)
			}
			continue
		}
		p := place{table, s.Index, strings.Join(s.Key, sep)}
		if _, seen := l.keys[p]; !seen {
			l.keys[p] = s.Line
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
