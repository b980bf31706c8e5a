package cdp

import (
	"fmt"
	"os"
	"os/exec"
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
		return "", fmt.Errorf("no Chromium (%v); install it with apt-get install chromium or set TIMELINE_CHROMIUM", err)
	}
	return exe, nil
}

// Unavailable ends a browser test that cannot run for err: it fails the
// test when TIMELINE_BROWSER is "required" (.ci/run sets it), and skips
// it otherwise, writing a SKIP line to standard error besides the skip
// message (go test shows either only with -v, or when the package fails).
func Unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("TIMELINE_BROWSER") == "required" {
		t.Fatalf("browser test required: %v", err)
	}
	fmt.Fprintf(os.Stderr, "SKIP browser test %s: %v\n", t.Name(), err)
	t.Skipf("skipping the browser test: %v", err)
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
