package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// binary is the timeline command built once for the tests that run it.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "timeline-bin-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "timeline")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// exe runs the built binary in dir and returns its exit code and output.
func exe(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func demo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	entries, err := os.ReadDir(filepath.Join("..", "..", "content"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join("..", "..", "content", e.Name()))
		os.WriteFile(filepath.Join(dir, "content", e.Name()), b, 0o644)
	}
	b, _ := os.ReadFile(filepath.Join("..", "..", "site.toml"))
	os.WriteFile(filepath.Join(dir, "site.toml"), b, 0o644)
	return dir
}

func TestBinaryBuild(t *testing.T) {
	dir := demo(t)
	code, stdout, stderr := exe(t, dir, "build")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Articles", "Copies merged", "Sources", "Events", "Pages", "Built"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	var tl struct {
		Events  []struct{ ID string }
		Sources []struct{ File string }
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &tl); err != nil || len(tl.Events) == 0 || len(tl.Sources) != 4 {
		t.Fatalf("timeline.json: %v, %d events, %d sources", err, len(tl.Events), len(tl.Sources))
	}
	// --destination and --baseURL.
	code, _, stderr = exe(t, dir, "build", "--destination", "out", "--baseURL", "https://user.github.io/repo/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ = os.ReadFile(filepath.Join(dir, "out", "timeline.json"))
	if !strings.Contains(string(b), `"base_url": "https://user.github.io/repo/"`) {
		t.Error("--baseURL did not reach timeline.json")
	}
}

func TestBinaryExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		setup  func(dir string)
		args   []string
		code   int
		stderr string
	}{
		{"unknown command", nil, []string{"bulid"}, 2, `unknown command "bulid"`},
		{"unknown flag", nil, []string{"build", "--nope"}, 2, "flag provided but not defined"},
		{"stray argument", nil, []string{"build", "extra"}, 2, `unexpected argument "extra"`},
		{"no command", nil, nil, 2, "Usage"},
		{"bad config", func(dir string) {
			os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\nbaseULR = \"https://example.org/\"\n"), 0o644)
		}, []string{"build"}, 1, `site.toml:2: unknown key "baseULR"`},
		{"bad front matter", func(dir string) {
			os.WriteFile(filepath.Join(dir, "content", "new.md"), []byte("+++\ntitle = \"x\"\ndraft = \"no\"\n+++\nText.\n"), 0o644)
		}, []string{"build"}, 1, "content/new.md:3:"},
		{"no content", func(dir string) { os.RemoveAll(filepath.Join(dir, "content")) }, []string{"build"}, 1, "content directory not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := demo(t)
			if tt.setup != nil {
				tt.setup(dir)
			}
			code, _, stderr := exe(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
		})
	}
}

func TestBinaryHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"build", "-h"}, {"serve", "-h"}, {"help", "build"}} {
		code, stdout, stderr := exe(t, t.TempDir(), args...)
		if code != 0 || !strings.Contains(stdout+stderr, "Usage") {
			t.Errorf("%v: exit %d, output %q", args, code, stdout+stderr)
		}
	}
	code, stdout, _ := exe(t, t.TempDir(), "version")
	if code != 0 || !strings.HasPrefix(stdout, "timeline ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestRunServeRejectsBadPort(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"serve", "--port", "70000"}, &out, &errb); code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
}
