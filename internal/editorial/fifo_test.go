//go:build unix

package editorial

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

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
		_, err := Load(dir, "content")
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
