//go:build unix

package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// TestThemeNamedPipe checks that a named pipe in a site's theme fails the
// build with an error naming it, at once, rather than waiting for ever
// for a writer when the theme's static files are copied.
func TestThemeNamedPipe(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"site.toml":                "title = \"x\"\ntheme = \"t\"\n",
		"content/a.md":             "+++\ntitle = \"Bridge\"\ndate = 2024-03-04\n+++\n\nThe city reopened the bridge on Monday, the mayor said.\n",
		"themes/t/static/site.css": "body { color: black }\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "themes", "t", "static", "pipe.css"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Build(t.Context(), Options{SiteDir: dir})
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the build waited on the named pipe")
	}
	var d diag.Diagnostic
	if !errors.As(err, &d) || d.File != "themes/t/static/pipe.css" || !strings.Contains(d.Message, "named pipe") {
		t.Fatalf("err = %v, want an error naming themes/t/static/pipe.css as a named pipe", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Error("public/ was written")
	}
}
