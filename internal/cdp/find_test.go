package cdp

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestSkipIsSeen runs go test on this package as a developer does, in
// package list mode and without -v, with no Chromium: the browser test
// skipped says so in go test's output, with a command that installs the
// browser, although the package passes; with TIMELINE_BROWSER=required
// it fails instead.
func TestSkipIsSeen(t *testing.T) {
	if os.Getenv("CDP_SKIP_CHILD") == "1" {
		Chromium(t) // no Chromium: skips or fails
		t.Fatal("Chromium returned with TIMELINE_CHROMIUM naming no file")
	}
	if testing.Short() {
		t.Skip("runs go test")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on the PATH")
	}
	run := func(browser string) (string, error) {
		cmd := exec.Command(goCmd, "test", "-count=1", "-run", "^TestSkipIsSeen$", ".")
		cmd.Env = append(os.Environ(), "CDP_SKIP_CHILD=1", "TIMELINE_CHROMIUM=/nonexistent/chromium", "TIMELINE_BROWSER="+browser)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run("")
	if err != nil {
		t.Fatalf("go test with the browser test skipped: %v\n%s", err, out)
	}
	if !strings.Contains(out, "SKIP browser test TestSkipIsSeen: no Chromium") || !strings.Contains(out, "`sudo apt-get install chromium`") {
		t.Errorf("go test ./... does not show the skip and how to install the browser:\n%s", out)
	}
	out, err = run("required")
	if err == nil || !strings.Contains(out, "browser test required: no Chromium") {
		t.Errorf("with TIMELINE_BROWSER=required: %v\n%s", err, out)
	}
}
