//go:build unix

package editorial

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/sitefs"
)

// openContent opens dir/content as a build opens the content directory,
// closing it when the test ends.
func openContent(t *testing.T, dir string) *sitefs.Dir {
	t.Helper()
	d, err := sitefs.Open(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// TestLoadRefusesNamedPipe checks that an events.toml that is a named
// pipe is an error naming it, not a read waiting for a writer for ever.
func TestLoadRefusesNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "content", FileName), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(context.Background(), openContent(t, dir), "content")
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "content/events.toml: cannot read: not a regular file (named pipe)") {
			t.Errorf("Load = %v, want content/events.toml: cannot read: not a regular file (named pipe)", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load did not return within 5s")
	}
}

// TestLoadLinks checks that an events.toml that is a symbolic link to a
// file in the content directory is read, and one to a file outside it
// is an error saying so, as for articles: the summaries it holds are
// published. (It was read through any link before the content directory
// was read through an os.Root.)
func TestLoadLinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "edits"), 0o755); err != nil {
		t.Fatal(err)
	}
	edits := "[[event]]\nid = \"a-1\"\nhide = true\n"
	for _, name := range []string{"outside.toml", "content/edits/events.toml"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(edits), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "content", FileName)
	if err := os.Symlink(filepath.Join("edits", FileName), link); err != nil {
		t.Fatal(err)
	}
	if e, err := Load(context.Background(), openContent(t, dir), "content"); err != nil || len(e.Events) != 1 {
		t.Errorf("through a link inside the content directory: %+v, %v; want one edit", e, err)
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "outside.toml"), link); err != nil {
		t.Fatal(err)
	}
	_, err := Load(context.Background(), openContent(t, dir), "content")
	if want := "content/events.toml: cannot read: a symbolic link that leads outside the content directory, which is not followed"; err == nil || err.Error() != want {
		t.Errorf("through a link out of the content directory: %v, want %s", err, want)
	}
}
