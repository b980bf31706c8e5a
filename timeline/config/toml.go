package config

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/timeline-ssg/timeline/timeline/diag"
)

// DecodeStrict decodes TOML data into v and reports, as a diag.Diagnostic
// naming file and line, a syntax error, a value of the wrong type, or a key
// that v does not have. firstLine is the line of file on which data starts
// (1 for a whole file, more for a front matter block), so lines point into
// the file the user edits.
func DecodeStrict(file string, data []byte, firstLine int, v any) error {
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(v)
	if err != nil {
		return tomlError(file, data, firstLine, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		key := undecoded[0]
		line := keyLine(data, key)
		msg := "unknown key " + strconv.Quote(key.String())
		if len(undecoded) > 1 {
			msg += " (and " + strconv.Itoa(len(undecoded)-1) + " more)"
		}
		return diag.Errorf(file, lineIn(firstLine, line), "%s", msg)
	}
	return nil
}

var tomlLineRE = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// tomlError turns an error of the toml package into a Diagnostic.
func tomlError(file string, data []byte, firstLine int, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg += " (key " + strconv.Quote(pe.LastKey) + ")"
		}
		return diag.Diagnostic{Severity: diag.Error, File: file, Line: lineIn(firstLine, line), Col: pe.Position.Col, Message: msg}
	}
	text := err.Error()
	if m := tomlLineRE.FindStringSubmatch(text); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg := m[3]
		if m[2] != "" {
			msg = "key " + strconv.Quote(m[2]) + ": " + msg
		}
		return diag.Errorf(file, lineIn(firstLine, line), "%s", msg)
	}
	return diag.Errorf(file, 0, "%s", strings.TrimPrefix(text, "toml: "))
}

func lineIn(firstLine, line int) int {
	if line <= 0 {
		return 0
	}
	return firstLine + line - 1
}

// keyLine finds the 1-based line of data where key is set, following
// [table] and [[array]] headers and dotted keys; 0 if it cannot tell.
func keyLine(data []byte, key toml.Key) int {
	want := key.String()
	table := ""
	for i, raw := range strings.Split(string(data), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' {
			continue
		}
		if strings.HasPrefix(line, "[") {
			name := strings.Trim(line, "[] \t")
			if j := strings.IndexByte(name, ']'); j >= 0 {
				name = name[:j]
			}
			table = normalKey(name)
			if table == want {
				return i + 1
			}
			continue
		}
		eq := strings.IndexByte(line, '=')
		if eq < 0 {
			continue
		}
		k := normalKey(line[:eq])
		if table != "" {
			k = table + "." + k
		}
		if k == want || strings.HasPrefix(want, k+".") {
			return i + 1
		}
	}
	return 0
}

// normalKey removes quotes and spaces around the parts of a dotted key.
func normalKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
