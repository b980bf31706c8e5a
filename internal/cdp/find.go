package cdp

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Find returns the Chromium to drive: the one TIMELINE_CHROMIUM names,
// else chromium on the PATH, else /usr/bin/chromium; or an error saying
// none is there and how to install it.
func Find() (string, error) {
	exe := os.Getenv("TIMELINE_CHROMIUM")
	if exe == "" {
		var err error
		if exe, err = exec.LookPath("chromium"); err != nil {
			exe = "/usr/bin/chromium"
		}
	}
	if _, err := os.Stat(exe); err != nil {
		return "", fmt.Errorf("no Chromium (%v); install it with `sudo apt-get install chromium` (Debian) or set TIMELINE_CHROMIUM to a Chromium or Chrome", err)
	}
	return exe, nil
}

// Unavailable ends a browser test that cannot run for err: it fails the
// test when TIMELINE_BROWSER is "required" (.ci/run sets it), and skips
// it otherwise, with a line "SKIP browser test NAME: why; what to run"
// that the developer sees (see Notice).
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("TIMELINE_BROWSER") == "required" {
		t.Fatalf("browser test required: %v", err)
	}
	Notice(fmt.Sprintf("SKIP browser test %s: %v", t.Name(), err))
	t.Skipf("skipping the browser test: %v", err)
}

// Notice writes line to standard error and, when the test binary was
// started by go test, to go test's own standard error too. In package
// list mode (go test ./...) go test keeps what a test binary writes,
// both streams, and shows it only with -v or when the package fails, so
// a skipped browser test would otherwise pass unseen; the go command's
// standard error is the terminal or the CI log. On systems without
// /proc the second copy is not written.
func Notice(line string) {
	fmt.Fprintln(os.Stderr, line)
	ppid := os.Getppid()
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", ppid))
	if err != nil || strings.TrimSpace(string(comm)) != "go" {
		return // run by hand: os.Stderr is the terminal already
	}
	f, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/2", ppid), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintln(f, line)
}

// Chromium returns the browser for a test, or ends the test as
// Unavailable says.
func Chromium(t testing.TB) string {
	t.Helper()
	exe, err := Find()
	if err != nil {
		Unavailable(t, err)
	}
	return exe
}
