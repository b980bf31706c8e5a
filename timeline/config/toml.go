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
