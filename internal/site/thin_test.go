package site

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// TestThinArticlesWarned adds to the demo an article that has text when
// read but none to cite after cleaning: each is a warning naming the
// file, its line and why, counted in the summary, and the demo's own
// articles give none.
func TestThinArticlesWarned(t *testing.T) {
	tests := []struct {
		name, file, text string
		line             int
		why              string
	}{
		{"one sentence", "content/short.md", "+++\ntitle = \"Kim arrives\"\n+++\nKim Jong Un arrived in Vladivostok on Tuesday, officials said.\n",
			4, "too short to be an article"},
		{"one sentence of text", "content/short.txt", "Kim Jong Un arrived in Vladivostok on Tuesday, officials said.\n",
			1, "too short to be an article"},
		{"YAML front matter and one sentence", "content/short-yaml.md", "---\ntitle: Kim arrives\ndate: 2023-09-12\n---\n\nKim Jong Un arrived in Vladivostok on Tuesday.\n",
			6, "no article text left after cleaning"},
		{"headings only", "content/headings.md", "# Kim arrives in Russia\n\n## Related stories\n",
			1, "no article text left after cleaning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := demoFiles(t)
			files[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
			r, err := Run(context.Background(), Options{Files: files})
			if err != nil {
				t.Fatal(err)
			}
			sum := r.Summary
			if len(sum.Warnings) != 1 {
				t.Fatalf("warnings = %v, want one, for %s", sum.Warnings, tt.file)
			}
			w := sum.Warnings[0]
			if w.Severity != diag.Warning || w.File != tt.file || w.Line != tt.line || !strings.Contains(w.Message, tt.why) {
				t.Errorf("warning %v, want %s:%d saying %q", w, tt.file, tt.line, tt.why)
			}
		})
	}
}

// TestStrictFailsBeforePublishing builds the demo, adds an article that
// is warned about, and builds again strictly, by the option and by
// site.toml: the build fails with a StrictError listing the warning,
// and public/ is byte for byte the previous site.
func TestStrictFailsBeforePublishing(t *testing.T) {
	for _, how := range []string{"option", "site.toml"} {
		t.Run(how, func(t *testing.T) {
			dir := demoSite(t)
			if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
				t.Fatal(err)
			}
			pub := filepath.Join(dir, "public")
			before := tree(t, pub)
			writeFile(t, filepath.Join(dir, "content", "short.md"), "Kim Jong Un arrived in Vladivostok on Tuesday, officials said.\n")
			opt := Options{SiteDir: dir, Strict: true}
			if how == "site.toml" {
				opt.Strict = false
				cfg := readFile(t, filepath.Join(dir, "site.toml"))
				writeFile(t, filepath.Join(dir, "site.toml"), "strict = true\n"+cfg)
			}
			_, err := Build(context.Background(), opt)
			var se *StrictError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a StrictError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "strict") || !strings.Contains(msg, "content/short.md:1:") || len(se.Warnings) != 1 {
				t.Errorf("error %q does not say strict and list the warning", msg)
			}
			after := tree(t, pub)
			if len(after) != len(before) {
				t.Errorf("public/ has %d files after the strict failure, %d before", len(after), len(before))
			}
			for p, b := range before {
				if !bytes.Equal(after[p], b) {
					t.Errorf("public/%s changed by the strict failure", p)
				}
			}
			// Without strictness the same site builds, with its warning.
			if how == "option" {
				sum, err := Build(context.Background(), Options{SiteDir: dir})
				if err != nil || len(sum.Warnings) != 1 {
					t.Errorf("lenient build: %v, warnings %v", err, sum.Warnings)
				}
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".public") {
					t.Errorf("temporary %s left behind", e.Name())
				}
			}
		})
	}
}
