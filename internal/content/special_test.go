//go:build unix

package content

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// within runs f in a goroutine and fails the test if it has not returned
// after d, rather than letting a hang stop the whole test binary.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %v", what, d)
	}
}

// TestReadSkipsNamedPipe checks that a named pipe in the content
// directory, and a link to one, is skipped with a warning naming it and
// why, never opened (which would wait for a writer for ever), with and
// without a cache.
func TestReadSkipsNamedPipe(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "content")
	if err := os.Mkdir(c, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(c, "ok.txt"), []byte("The ferry resumed service on Monday after two weeks of repairs.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(c, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("pipe.txt", filepath.Join(c, "link.md")); err != nil {
		t.Fatal(err)
	}
	for _, cache := range []*Cache{nil, new(Cache)} {
		var articles []Article
		var diags []string
		var err error
		within(t, 5*time.Second, "Read", func() {
			var ds diag.List
			articles, ds, err = Read(context.Background(), Options{FS: openDir(t, c), ContentDir: "content", Cache: cache})
			for _, d := range ds {
				diags = append(diags, d.Error())
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(articles) != 1 || articles[0].Path != "content/ok.txt" {
			t.Errorf("cache %v: read %v, want content/ok.txt only", cache != nil, articles)
		}
		got := strings.Join(diags, "\n")
		for _, want := range []string{
			"content/pipe.txt: skipped: not a regular file (named pipe)",
			"content/link.md: skipped: not a regular file (named pipe)",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("cache %v: warnings %q lack %q", cache != nil, got, want)
			}
		}
	}
}

// TestReadFileRefusesNamedPipe checks that ReadFile, which extract uses
// on the files it is given, refuses a named pipe without opening it.
func TestReadFileRefusesNamedPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	var err error
	within(t, 5*time.Second, "ReadFile", func() { _, err = ReadFile(context.Background(), p, 5<<20) })
	var skip *SkipError
	if !errors.As(err, &skip) || skip.Reason != "not a regular file (named pipe)" {
		t.Errorf("ReadFile(pipe) = %v, want a SkipError: not a regular file (named pipe)", err)
	}
}
