package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBinaryInterruptEndsPromptly sends SIGINT or SIGTERM to real builds
// of a site of 1,000 articles (a build of about a second), at several
// points of the build, and checks each ends within a second of the signal (a
// build that takes longer is signalled again at the same point once, so
// that a machine loaded by other jobs for a moment does not fail it,
// while a stage that ignores the signal fails both times),
// says the previous site is unchanged, and leaves it as it was. It checks
// the command's signal handling and publishing; that each stage stops
// within 100 ms of a cancel, on a 10k site, is internal/server's
// TestStaleRebuildCancelledPromptly.
func TestBinaryInterruptEndsPromptly(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("signals are Unix")
	}
	if testing.Short() {
		t.Skip("builds a site of 1,000 articles several times")
	}
	dir := demoIn(t, memoryDir(t))
	places := []string{"harbour", "library", "stadium", "market", "bridge", "school", "hospital", "museum"}
	verbs := []string{"reopened", "closed", "was inspected", "was sold", "was renamed", "flooded", "was repainted"}
	for i := range 1000 {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = \"Report %d\"\ndate = 2024-03-%02d\n+++\n\n", i, i%28+1)
		for p := range 6 {
			fmt.Fprintf(&b, "The %s on street %d %s on Monday after %d residents signed a petition, officials said in report %d-%d. ",
				places[(i+p)%len(places)], i*7+p, verbs[(i*3+p)%len(verbs)], 100+i*13+p, i, p)
			fmt.Fprintf(&b, "Council member %d promised a decision within %d days.\n\n", i*31+p, p+2)
		}
		name := filepath.Join(dir, "content", "gen", fmt.Sprintf("report-%04d.md", i))
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pub := filepath.Join(dir, "public")
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	// Change one article, so every build has something to write, and time
	// a build over the site as the signalled ones are (a first build,
	// which writes every file, takes longer than they do).
	edited := filepath.Join(dir, "content", "gen", "report-0000.md")
	orig, _ := os.ReadFile(edited)
	os.WriteFile(edited, []byte("+++\ntitle = \"Changed\"\n+++\n\nThe harbour on street 1 closed on Monday, officials said. The council met on Tuesday.\n"), 0o644)
	start := time.Now()
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("timed build: exit %d: %s", code, stderr)
	}
	whole := time.Since(start)
	// Back to the first build's site, whose files before holds.
	os.WriteFile(edited, orig, 0o644)
	if code, _, stderr := exe(t, dir, "build"); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	before := stamps(t, pub)
	os.WriteFile(edited, []byte("+++\ntitle = \"Changed\"\n+++\n\nThe harbour on street 1 closed on Monday, officials said. The council met on Tuesday.\n"), 0o644)
	// signalled starts a build, sends it sig after frac of the timed
	// build, and returns how long it took to end after the signal, its
	// stderr and whether the signal interrupted it (rather than the
	// build finishing first).
	signalled := func(sig syscall.Signal, frac float64) (time.Duration, string, bool) {
		cmd := exec.Command(binary, "build")
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(whole)))
		sent := time.Now()
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%v at %.0f%% of a build: still running 5 s later", sig, frac*100)
		}
		return time.Since(sent), stderr.String(), err != nil
	}
	interrupted := 0
	for i, frac := range []float64{0.05, 0.2, 0.35, 0.5, 0.65} {
		sig := syscall.SIGINT
		if i%2 == 1 {
			sig = syscall.SIGTERM
		}
		took, stderr, ok := signalled(sig, frac)
		if ok && took > time.Second {
			// Once more at the same point: a moment's load from other
			// jobs passes, a stage that ignores the signal does not. A
			// retry that finishes before its signal shows nothing, and the
			// first result stands.
			if took2, stderr2, ok2 := signalled(sig, frac); ok2 {
				took, stderr = took2, stderr2
			}
		}
		if !ok {
			continue // it finished before the signal arrived
		}
		interrupted++
		if took > time.Second {
			t.Errorf("%v at %.0f%% of a build: it took %v to end, twice, want at most 1s", sig, frac*100, took.Round(time.Millisecond))
		}
		if !strings.Contains(stderr, "interrupted: the previous site is unchanged") {
			t.Errorf("%v at %.0f%%: stderr %q, want it to say the previous site is unchanged", sig, frac*100, stderr)
		}
		if got := stamps(t, pub); !maps.Equal(got, before) {
			t.Errorf("%v at %.0f%%: the previous site changed", sig, frac*100)
		}
	}
	if interrupted < 3 {
		t.Errorf("only %d of 5 builds were interrupted: the test shows little", interrupted)
	}
}

// stamps returns, for each file under root, its size, modification time
// and inode: a build that rewrites a file, in place or by renaming a new
// one over it, changes its stamp. (Reading the bytes of the site's
// twenty thousand files after each signal took most of the test's time.)
func stamps(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		var ino uint64
		if st, ok := info.Sys().(*syscall.Stat_t); ok {
			ino = uint64(st.Ino)
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = fmt.Sprintf("%d %d %d", info.Size(), info.ModTime().UnixNano(), ino)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// memoryDir returns a new empty directory that is removed when the test
// ends: in memory, under /dev/shm, where the system has one, since each
// of this test's builds writes some ninety megabytes (on disk, writing
// them took half the test's time); else in t.TempDir.
func memoryDir(t *testing.T) string {
	t.Helper()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "timeline-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}
