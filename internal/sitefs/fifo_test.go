//go:build unix

package sitefs

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
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

// TestDirOpensPipeWithoutWaiting checks that Dir opens a named pipe that
// no one writes to without waiting, and that ReadFile refuses one, as it
// refuses a link to one, before opening it.
func TestDirOpensPipeWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("pipe.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	d := openDir(t, dir)
	within(t, 5*time.Second, "Open(pipe)", func() {
		f, err := d.Open("pipe.md")
		if err != nil {
			t.Errorf("Open(pipe) = %v", err)
			return
		}
		f.Close()
	})
	for _, name := range []string{"pipe.md", "link.md"} {
		var err error
		within(t, 5*time.Second, "ReadFile("+name+")", func() { _, _, err = ReadFile(context.Background(), d, name, 0) })
		var skip *SkipError
		if !errors.As(err, &skip) || skip.Reason != "not a regular file (named pipe)" {
			t.Errorf("ReadFile(%s) = %v, want a SkipError: not a regular file (named pipe)", name, err)
		}
	}
	var err error
	within(t, 5*time.Second, "ReadPath", func() { _, err = ReadPath(context.Background(), filepath.Join(dir, "link.md"), 0) })
	var skip *SkipError
	if !errors.As(err, &skip) {
		t.Errorf("ReadPath(link to pipe) = %v, want a SkipError", err)
	}
}

// TestReadCheckedRefusesPipeOpened checks the second look, after the file
// is opened: a file that became a named pipe after it was looked at is
// opened without waiting and refused.
func TestReadCheckedRefusesPipeOpened(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := openDir(t, dir)
	st, err := d.Stat("a.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	within(t, 5*time.Second, "ReadChecked", func() {
		_, _, err = ReadChecked(context.Background(), st, func() (fs.File, error) { return d.Open("a.md") }, 0)
	})
	var skip *SkipError
	if !errors.As(err, &skip) || skip.Reason != "not a regular file (named pipe)" {
		t.Errorf("ReadChecked(pipe) = %v, want a SkipError: not a regular file (named pipe)", err)
	}
}
