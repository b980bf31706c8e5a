package config

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/timeline-ssg/timeline/internal/diag"
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
		line := KeyLine(data, key)
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
		if plain, ok := typeMessage(data, m[2], msg); ok {
			msg = plain
		} else if m[2] != "" {
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

var (
	incompatibleRE = regexp.MustCompile(`^incompatible types: TOML value has type (.+); destination has type (.+)$`)
	notTableRE     = regexp.MustCompile(`^type mismatch for .*: expected table but found (.+)$`)
)

// typeMessage rewrites the toml package's message for a value of the
// wrong type, such as "incompatible types: TOML value has type string;
// destination has type float", in plain words: `events.link must be a
// number, got the string "high"`. key is the value's full key; data the
// TOML text, from which the value is read back to be shown. ok is false
// for other messages.
func typeMessage(data []byte, key, msg string) (string, bool) {
	var want, have string
	if m := incompatibleRE.FindStringSubmatch(msg); m != nil {
		want, have = m[2], m[1]
	} else if m := notTableRE.FindStringSubmatch(msg); m != nil {
		want, have = "map", m[1]
	} else {
		return "", false
	}
	if key == "" {
		return "", false
	}
	wants := map[string]string{
		"float": "a number", "integer": "a whole number", "string": "a string",
		"primitive (string-like)": "a string", "boolean": "true or false",
		"slice": "a list, [ … ]", "map": "a table",
	}
	w, ok := wants[want]
	if !ok {
		return "", false
	}
	return key + " must be " + w + ", got " + describeValue(data, key, have), true
}

// describeValue names the value that data gives key, for a message: "the
// string \"high\"", "the number 3", "a list". When the value cannot be
// found again, it names the type the toml package gave, goType.
func describeValue(data []byte, key, goType string) string {
	var all map[string]any
	if _, err := toml.Decode(string(data), &all); err == nil {
		var v any = all
		for _, part := range strings.Split(key, ".") {
			m, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = m[strings.Trim(part, `"'`)]
		}
		switch x := v.(type) {
		case string:
			return "the string " + strconv.Quote(x)
		case int64:
			return "the number " + strconv.FormatInt(x, 10)
		case float64:
			return "the number " + strconv.FormatFloat(x, 'g', -1, 64)
		case bool:
			return strconv.FormatBool(x)
		}
	}
	switch {
	case goType == "string":
		return "a string"
	case goType == "int64" || goType == "float64":
		return "a number"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "a table"
	case strings.HasPrefix(goType, "time."):
		return "a date"
	}
	return "a TOML " + goType
}
