//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryNamedPipeInContent runs the binary with a named pipe in
// content/ and as an extract argument: build, sources and extract each
// finish, with a warning naming the pipe, instead of waiting for a
// writer for ever.
func TestBinaryNamedPipeInContent(t *testing.T) {
	dir := demo(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "content", "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	writeFiles(t, dir, map[string]string{"bridge.txt": scrape(menu, "Board votes to close Mill Street bridge", bridge...)})
	for _, tt := range []struct {
		args []string
		warn string
	}{
		{[]string{"build"}, "WARN  content/pipe.txt: skipped: not a regular file (named pipe)"},
		{[]string{"sources"}, "WARN  content/pipe.txt: skipped: not a regular file (named pipe)"},
		{[]string{"extract", "content/pipe.txt", "bridge.txt"}, "WARN  content/pipe.txt: skipped: not a regular file (named pipe)"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, binary, tt.args...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			t.Errorf("%v: still running after 20s, killed", tt.args)
			continue
		}
		if err != nil {
			t.Errorf("%v: %v: %s", tt.args, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), tt.warn) {
			t.Errorf("%v: stderr %q lacks %q", tt.args, stderr.String(), tt.warn)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("build wrote no site: %v", err)
	}
}
