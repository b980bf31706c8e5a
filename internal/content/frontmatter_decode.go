package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// frontMatterKeys are the keys front matter may have, in every format.
// Keys are matched without regard to case, as TOML's are.
var frontMatterKeys = map[string]bool{
	"title": true, "publisher": true, "url": true, "author": true,
	"date": true, "tags": true, "draft": true,
}

// fieldError is the error for a key whose value has the wrong type.
func fieldError(file string, line int, key, want, got string) error {
	return diag.Errorf(file, line, "%s must be %s, got %s", key, want, got)
}

// keyOnce checks that a front matter key is known and not given twice;
// seen holds the lines of the keys met so far.
func keyOnce(file string, line int, key string, seen map[string]int) (string, error) {
	name := strings.ToLower(key)
	if !frontMatterKeys[name] {
		return "", diag.Errorf(file, line, "unknown key %s", strconv.Quote(key))
	}
	if first, ok := seen[name]; ok {
		return "", diag.Errorf(file, line, "key %s is given twice (first on line %d)", strconv.Quote(key), first)
	}
	seen[name] = line
	return name, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlParserProblem holds the messages of the YAML library's parser, as
// against its scanner. For these its error counts lines from 0 (and says
// no line for the first), where for the scanner's it counts from 1.
var yamlParserProblem = regexp.MustCompile(`^(did not find expected|found duplicate %|found incompatible YAML|found undefined tag handle)`)

// yamlErrorLine returns the 1-based line of YAML text that an error of
// the YAML library points at, 0 if it names none, and its message.
func yamlErrorLine(err error) (int, string) {
	m := yamlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	n, _ := strconv.Atoi(m[1])
	if yamlParserProblem.MatchString(m[2]) {
		n++
	}
	return n, m[2]
}

// decodeYAML decodes YAML front matter text, which starts on line
// firstLine of file, into v, strictly: an unknown or repeated key, a
// value of the wrong type or a syntax error is an error naming the line.
// It returns the line of the date key, if there is one.
func decodeYAML(file, text string, firstLine int, v *frontMatter) (dateLine int, err error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		n, msg := yamlErrorLine(err)
		line := firstLine - 1 // the opening fence, when the error says no line
		if n > 0 {
			line = firstLine + n - 1
		}
		return 0, diag.Errorf(file, line, "YAML front matter: %s", msg)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return 0, nil // empty
	}
	root := doc.Content[0]
	at := func(n *yaml.Node) int { return firstLine + n.Line - 1 }
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return 0, nil
	}
	if root.Kind != yaml.MappingNode {
		return 0, diag.Errorf(file, at(root), "YAML front matter must be lines of key: value, not %s", describeYAML(root))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, val := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return 0, diag.Errorf(file, at(k), "YAML front matter: a key must be a name, not %s", describeYAML(k))
		}
		line := at(k)
		name, err := keyOnce(file, line, k.Value, seen)
		if err != nil {
			return 0, err
		}
		for val.Kind == yaml.AliasNode && val.Alias != nil {
			val = val.Alias
		}
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			continue // key: with no value says nothing
		}
		switch name {
		case "title", "publisher", "url", "author":
			// Any scalar is text: "title: 1984" is a title, not a number.
			if val.Kind != yaml.ScalarNode {
				return 0, fieldError(file, line, name, "a string", describeYAML(val))
			}
			s := val.Value
			v.setText(name, s)
		case "tags":
			if val.Kind != yaml.SequenceNode {
				return 0, fieldError(file, line, name, "a list of strings, like [russia, north-korea]", describeYAML(val))
			}
			for _, t := range val.Content {
				for t.Kind == yaml.AliasNode && t.Alias != nil {
					t = t.Alias
				}
				if t.Kind != yaml.ScalarNode {
					return 0, fieldError(file, at(t), name, "a list of strings", "a list holding "+describeYAML(t))
				}
				if t.Tag != "!!null" {
					v.Tags = append(v.Tags, t.Value)
				}
			}
		case "draft":
			if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
				return 0, fieldError(file, line, name, "true or false", describeYAML(val))
			}
			if err := val.Decode(&v.Draft); err != nil {
				return 0, fieldError(file, line, name, "true or false", describeYAML(val))
			}
		case "date":
			if val.Kind != yaml.ScalarNode {
				return 0, fieldError(file, line, name, "a date, like 2023-09-11", describeYAML(val))
			}
			v.Date, dateLine = val.Value, line
		}
	}
	return dateLine, nil
}

// describeYAML names a YAML value for an error: "the string \"x\"",
// "the number 3", "a list"…
func describeYAML(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping of keys to values"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		case "!!null":
			return "nothing"
		}
		return "the string " + strconv.Quote(n.Value)
	}
	return "a YAML value"
}

// opensJSON reports whether the first line of a file opens JSON front
// matter: "{" alone, or "{" and then a quoted key or "}". A line such as
// "{Exclusive} Kim arrives" is text.
func opensJSON(first string) bool {
	s := strings.TrimLeft(first, " \t")
	if !strings.HasPrefix(s, "{") {
		return false
	}
	s = strings.TrimLeft(s[1:], " \t")
	return s == "" || s[0] == '"' || s[0] == '}'
}

// lineAt returns the 1-based line of text on which offset off lies.
func lineAt(text string, off int) int {
	return 1 + strings.Count(text[:min(max(off, 0), len(text))], "\n")
}

// splitJSON splits off the JSON object that text starts with. The rest of
// the line that closes it must be blank; the body starts on the next.
func splitJSON(file, text string) (FrontMatter, string, int, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return FrontMatter{}, "", 0, jsonError(file, text, 1, err)
	}
	end := int(dec.InputOffset())
	rest, body, found := strings.Cut(text[end:], "\n")
	if strings.TrimSpace(rest) != "" {
		return FrontMatter{}, "", 0, diag.Errorf(file, lineAt(text, end), "text after the closing } of the JSON front matter: start the article on the next line")
	}
	fm := FrontMatter{Format: JSON, Text: text[:end], Line: 1}
	if !found {
		return fm, "", lineAt(text, end) + 1, nil
	}
	return fm, body, lineAt(text, end) + 1, nil
}

// jsonError turns an error decoding JSON front matter text, which starts
// on line firstLine of file, into a Diagnostic naming the line.
func jsonError(file, text string, firstLine int, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return diag.Errorf(file, firstLine+lineAt(text, int(se.Offset)-1)-1, "JSON front matter: %v", se)
	case errors.As(err, &te):
		return diag.Errorf(file, firstLine+lineAt(text, int(te.Offset)-1)-1, "JSON front matter: %v", te)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return diag.Errorf(file, firstLine, "JSON front matter opened with { is never closed: end it with a } line")
	}
	return diag.Errorf(file, firstLine, "JSON front matter: %v", err)
}

// decodeJSON decodes JSON front matter text, one object that starts on
// line firstLine of file, into v, strictly, as decodeYAML does YAML. It
// returns the line of the date key, if there is one.
func decodeJSON(file, text string, firstLine int, v *frontMatter) (dateLine int, err error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return 0, jsonError(file, text, firstLine, err)
	}
	if tok != json.Delim('{') {
		return 0, diag.Errorf(file, firstLine, "JSON front matter must be an object, {\"key\": value, …}")
	}
	seen := map[string]int{}
	for dec.More() {
		off := int(dec.InputOffset())
		for off < len(text) && strings.IndexByte(" \t\r\n,", text[off]) >= 0 {
			off++
		}
		line := firstLine + lineAt(text, off) - 1
		tok, err := dec.Token()
		if err != nil {
			return 0, jsonError(file, text, firstLine, err)
		}
		key, _ := tok.(string)
		name, err := keyOnce(file, line, key, seen)
		if err != nil {
			return 0, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return 0, jsonError(file, text, firstLine, err)
		}
		raw = bytes.TrimSpace(raw)
		if string(raw) == "null" {
			continue
		}
		var want string
		switch name {
		case "title", "publisher", "url", "author":
			var s string
			if json.Unmarshal(raw, &s) != nil {
				want = "a string"
				break
			}
			v.setText(name, s)
		case "tags":
			if json.Unmarshal(raw, &v.Tags) != nil {
				want = `a list of strings, like ["russia", "north-korea"]`
			}
		case "draft":
			if json.Unmarshal(raw, &v.Draft) != nil {
				want = "true or false"
			}
		case "date":
			var s string
			if json.Unmarshal(raw, &s) != nil {
				want = `a date in a string, like "2023-09-11"`
				break
			}
			v.Date, dateLine = s, line
		}
		if want != "" {
			return 0, fieldError(file, line, name, want, describeJSON(raw))
		}
	}
	if _, err := dec.Token(); err != nil {
		return 0, jsonError(file, text, firstLine, err)
	}
	return dateLine, nil
}

// describeJSON names a JSON value for an error, as describeYAML does.
func describeJSON(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		return "the string " + strconv.Quote(s)
	case '[':
		return "a list"
	case '{':
		return "an object"
	case 't', 'f':
		return string(raw)
	}
	return fmt.Sprintf("the number %s", raw)
}

// setText sets the text field of front matter the key name (title,
// publisher, url or author) stands for to s.
func (v *frontMatter) setText(name, s string) {
	switch name {
	case "title":
		v.Title = s
	case "publisher":
		v.Publisher = s
	case "url":
		v.URL = s
	case "author":
		v.Author = s
	}
}
