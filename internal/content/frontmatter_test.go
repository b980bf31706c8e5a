package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// TestYAMLAndJSONFrontMatter reads the same metadata in every format
// front matter may be written in, with the body's lines counted in the
// whole file.
func TestYAMLAndJSONFrontMatter(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	want := Meta{Title: "Kim tours a warship", Publisher: "Example News", URL: "https://example.org/a",
		Author: "A. Writer", Tags: []string{"russia", "north-korea"}, Draft: true,
		From: map[string]string{"title": "front matter", "publisher": "front matter", "url": "front matter",
			"author": "front matter", "date": "front matter"}}
	tests := []struct {
		name, src string
		date      string // RFC 3339
		dateOnly  bool
		bodyLine  int
	}{
		{"TOML", "+++\ntitle = \"Kim tours a warship\"\npublisher = \"Example News\"\nurl = \"https://example.org/a\"\nauthor = \"A. Writer\"\ndate = 2023-09-17\ntags = [\"russia\", \"north-korea\"]\ndraft = true\n+++\n\nFirst paragraph.\n",
			"2023-09-17T00:00:00Z", true, 11},
		{"YAML", "---\ntitle: Kim tours a warship\npublisher: \"Example News\"\nurl: https://example.org/a\nauthor: A. Writer\ndate: 2023-09-17\ntags: [russia, north-korea]\ndraft: true\n---\n\nFirst paragraph.\n",
			"2023-09-17T00:00:00Z", true, 11},
		{"YAML block list, closed by ...", "---\ntitle: Kim tours a warship\npublisher: Example News\nurl: https://example.org/a\nauthor: A. Writer\ndate: 2023-09-17T08:30:00+09:00\ntags:\n  - russia\n  - north-korea\ndraft: true\n...\nFirst paragraph.\n",
			"2023-09-17T08:30:00+09:00", false, 12},
		{"YAML local datetime, keys in any case", "---\nTitle: Kim tours a warship\npublisher: Example News\nURL: https://example.org/a\nauthor: A. Writer\ndate: 2023-09-17 08:30:00\ntags: [russia, north-korea]\ndraft: true\n---\nFirst paragraph.\n",
			"2023-09-17T08:30:00+02:00", false, 10},
		{"JSON", "{\n  \"title\": \"Kim tours a warship\",\n  \"publisher\": \"Example News\",\n  \"url\": \"https://example.org/a\",\n  \"author\": \"A. Writer\",\n  \"date\": \"2023-09-17T08:30:00\",\n  \"tags\": [\"russia\", \"north-korea\"],\n  \"draft\": true\n}\n\nFirst paragraph.\n",
			"2023-09-17T08:30:00+02:00", false, 11},
		{"YAML date as pages write it", "---\ntitle: Kim tours a warship\npublisher: Example News\nurl: https://example.org/a\nauthor: A. Writer\ndate: September 17, 2023\ntags: [russia, north-korea]\ndraft: true\n---\nFirst paragraph.\n",
			"2023-09-17T00:00:00Z", true, 10},
		{"JSON on one line", "{\"title\": \"Kim tours a warship\", \"publisher\": \"Example News\", \"url\": \"https://example.org/a\", \"author\": \"A. Writer\", \"date\": \"2023-09-17\", \"tags\": [\"russia\", \"north-korea\"], \"draft\": true}\nFirst paragraph.\n",
			"2023-09-17T00:00:00Z", true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, diags := Parse("content/a.md", []byte(tt.src), paris)
			if len(diags) > 0 {
				t.Fatalf("diagnostics: %v", diags)
			}
			got := a.Meta
			if d := got.Date.Format(time.RFC3339); d != tt.date || got.DateOnly != tt.dateOnly || !got.HasDate {
				t.Errorf("date = %s (date only %v), want %s (%v)", d, got.DateOnly, tt.date, tt.dateOnly)
			}
			got.Date, got.HasDate, got.DateOnly = time.Time{}, false, false
			if !reflect.DeepEqual(got, want) {
				t.Errorf("meta =\n%+v\nwant\n%+v", got, want)
			}
			if wantBlocks := []webpage.Block{{Kind: webpage.Paragraph, Text: "First paragraph.", Line: tt.bodyLine}}; !reflect.DeepEqual(a.Blocks, wantBlocks) {
				t.Errorf("blocks = %+v, want %+v", a.Blocks, wantBlocks)
			}
		})
	}
}

// TestYAMLAndJSONFrontMatterErrors checks that every mistake in YAML or
// JSON front matter is one error at its line of the file, as in TOML.
func TestYAMLAndJSONFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"YAML unknown key", "---\ntitle: x\ntitel: y\n---\nbody\n", 3, `unknown key "titel"`},
		{"YAML typo: no colon", "---\ntitle: x\nauthor A. Writer\ndate: 2023-09-11\n---\nbody\n", 3, "could not find expected ':'"},
		{"YAML typo: bad indent", "---\ntitle: x\n\n  publisher: y\n---\nbody\n", 4, "mapping values are not allowed"},
		{"YAML unclosed list", "---\ntitle: x\ntags: [a, b\n---\nbody\n", 3, "did not find expected ',' or ']'"},
		// On the block's first line, the YAML library names the line where
		// it found the list unclosed: the closing fence.
		{"YAML unclosed list on the first line", "---\ntags: [a, b\n---\nbody\n", 3, "did not find expected ',' or ']'"},
		{"YAML list item among keys", "---\ntitle: x\n- a\n---\nbody\n", 3, "did not find expected key"},
		{"YAML yes is not a boolean", "---\ndraft: yes\n---\nbody\n", 2, `draft must be true or false, got the string "yes"`},
		{"YAML repeated key", "---\ntitle: x\nauthor: y\ntitle: z\n---\nbody\n", 4, `key "title" is given twice (first on line 2)`},
		{"YAML bad date", "---\ntitle: x\ndate: yesterday\n---\nbody\n", 3, `"yesterday" is not a date`},
		{"YAML number for a date", "---\ndate: 2023\n---\nbody\n", 2, `"2023" is not a date`},
		{"YAML month for a date", "---\ndate: 2023-09\n---\nbody\n", 2, `"2023-09" is not a date`},
		{"YAML day that does not exist", "---\ndate: 2023-02-29\n---\nbody\n", 2, `"2023-02-29" is not a date`},
		{"YAML string for tags", "---\ntags: russia\n---\nbody\n", 2, `tags must be a list of strings, like [russia, north-korea], got the string "russia"`},
		{"YAML list for a title", "---\ntitle: [a]\n---\nbody\n", 2, "title must be a string, got a list"},
		{"YAML not a mapping", "---\n- a\n- b\n---\nbody\n", 2, "must be lines of key: value"},
		{"YAML unclosed", "---\ntitle: x\nbody\n", 1, "never closed"},
		{"JSON unknown key", "{\n  \"title\": \"x\",\n  \"titel\": \"y\"\n}\nbody\n", 3, `unknown key "titel"`},
		{"JSON missing comma", "{\n  \"title\": \"x\"\n  \"date\": \"2023-09-11\"\n}\nbody\n", 3, "JSON front matter: invalid character"},
		{"JSON bad date", "{\n  \"title\": \"x\",\n  \"date\": \"Monday\"\n}\nbody\n", 3, `"Monday" is not a date`},
		{"JSON number for a date", "{\n  \"date\": 2023\n}\nbody\n", 2, `date must be a date in a string, like "2023-09-11", got the number 2023`},
		{"JSON string for draft", "{\n  \"draft\": \"no\"\n}\nbody\n", 2, `draft must be true or false, got the string "no"`},
		{"JSON repeated key", "{\"title\": \"x\",\n\"Title\": \"y\"}\nbody\n", 2, "given twice"},
		{"JSON text after the brace", "{\n  \"title\": \"x\"\n} body\n", 3, "text after the closing }"},
		{"JSON unclosed", "{\n  \"title\": \"x\",\n  \"author\": \"y\"\n", 1, "never closed"},
		{"JSON body before the brace", "{\n  \"title\": \"x\",\nbody\n", 3, "invalid character 'b'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantOneError(t, tt.src, tt.line, tt.msg) })
	}
}

// TestNotFrontMatter keeps text that only looks like the start of front
// matter as body.
func TestNotFrontMatter(t *testing.T) {
	for _, src := range []string{
		"{Exclusive} Kim Jong Un arrives in Russia.\n",
		"--- Kim Jong Un arrives in Russia.\n",
		"++ Kim Jong Un arrives in Russia.\n",
		// A raw text's rule of dashes: no key follows, or no fence closes it.
		"---\nMOSCOW, Sept 12 (Wire) - Kim Jong Un arrived in Russia.\n---\nMore text.\n",
		"---\nKim Jong Un arrives in Russia.\n\nHe met Putin.\n",
		"---\nBy Lena Holt: special correspondent\n...\n",
	} {
		fm, body, line, err := SplitFrontMatter("content/a.txt", src)
		if err != nil || fm.Format != NoFrontMatter || body != src || line != 1 {
			t.Errorf("%q: got %v %q %d %v, want all body", src, fm.Format, body, line, err)
		}
	}
}

// TestYAMLFrontMatterInText reads YAML front matter in a .txt file when
// it opens with a key and closes, and the same block in a .md file
// whatever follows the fence: Markdown's "---" opens front matter, as in
// Hugo.
func TestYAMLFrontMatterInText(t *testing.T) {
	src := "---\ntitle: Harbour reopens\n---\nThe harbour reopened.\n"
	fm, body, line, err := SplitFrontMatter("content/a.txt", src)
	if err != nil || fm.Format != YAML || body != "The harbour reopened.\n" || line != 4 {
		t.Errorf(".txt: got %v %q %d %v, want YAML and the body from line 4", fm.Format, body, line, err)
	}
	if _, _, _, err := SplitFrontMatter("content/a.md", "---\nKim Jong Un arrives.\n"); err == nil {
		t.Errorf(".md: an unclosed --- block is not an error")
	}
}

// FuzzFrontMatter feeds YAML and JSON front matter of any shape to the
// reader: it never panics, every diagnostic names the file and a line of
// it, and a block read without error leaves a body of one-line blocks.
func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntitle: x\ndate: 2023-09-11\ntags: [a, b]\ndraft: false\n---\nText.\n")
	f.Add("---\ntitle: &a x\nauthor: *a\n---\n")
	f.Add("---\ntitle: x\n  y: [\n...\nText.\n")
	f.Add("{\"title\": \"x\", \"date\": \"2023-09-11T08:00:00Z\", \"tags\": [\"a\"]}\nText.\n")
	f.Add("{\n\"title\": \"x\",\n\"draft\": tru\n}\nText.\n")
	f.Add("{}")
	f.Fuzz(func(t *testing.T, src string) {
		name := "content/f.md"
		lines := strings.Count(normalizeNewlines(src), "\n") + 1 // CR and CRLF end lines too
		a, diags := Parse(name, []byte(src), time.UTC)
		for _, d := range diags {
			if d.File != name {
				t.Fatalf("diagnostic names %q, want %q", d.File, name)
			}
			if d.Severity == diag.Error && (d.Line < 0 || d.Line > lines) {
				t.Fatalf("diagnostic %v: line %d of %d", d, d.Line, lines)
			}
		}
		for _, b := range a.Blocks {
			if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") || b.Line < 1 || b.Line > lines {
				t.Fatalf("bad block %+v", b)
			}
		}
	})
}
