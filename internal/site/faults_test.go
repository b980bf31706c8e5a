package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sameTree fails the test unless dir holds exactly the files of before,
// byte for byte.
func sameTree(t *testing.T, dir string, before map[string][]byte) {
	t.Helper()
	after := tree(t, dir)
	if len(after) != len(before) {
		t.Errorf("%s has %d files after the failed build, %d before", dir, len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s/%s changed by the failed build", dir, p)
		}
	}
}

// noTemporaries fails the test if a temporary build directory is left in
// dir.
func noTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") || strings.Contains(e.Name(), ".new-") {
			t.Errorf("temporary %s left behind in %s", e.Name(), dir)
		}
	}
}

// addArticles writes n made-up articles of distinct text into the site.
func addArticles(t *testing.T, dir string, n int) {
	t.Helper()
	places := []string{"harbour", "library", "stadium", "market", "bridge", "school", "hospital", "museum"}
	verbs := []string{"reopened", "closed", "was inspected", "was sold", "was renamed", "flooded", "was repainted"}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = \"Report %d\"\ndate = 2024-03-%02d\n+++\n\n", i, i%28+1)
		for p := 0; p < 6; p++ {
			fmt.Fprintf(&b, "The %s on street %d %s on Monday after %d residents signed a petition, officials said in report %d-%d. ",
				places[(i+p)%len(places)], i*7+p, verbs[(i*3+p)%len(verbs)], 100+i*13+p, i, p)
			fmt.Fprintf(&b, "Council member %d promised a decision within %d days.\n\n", i*31+p, p+2)
		}
		writeFile(t, filepath.Join(dir, "content", "gen", fmt.Sprintf("report-%03d.md", i)), b.String())
	}
}

func TestFaultDestinationNotWritable(t *testing.T) {
	dir := demoSite(t)
	// The destination's parent is a file: nothing can be created there.
	blocker := filepath.Join(dir, "blocker")
	writeFile(t, blocker, "a file, not a directory")
	_, err := Build(context.Background(), Options{SiteDir: dir, Destination: filepath.Join(blocker, "public")})
	if err == nil || !strings.Contains(err.Error(), "blocker") {
		t.Fatalf("err = %v, want one naming the destination", err)
	}

	if os.Geteuid() == 0 {
		t.Log("running as root: permission bits do not stop writes; the read-only parent case is skipped")
		return
	}
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	before := tree(t, pub)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	_, err = Build(context.Background(), Options{SiteDir: dir})
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("err = %v, want permission denied", err)
	}
	sameTree(t, pub, before)
	noTemporaries(t, dir)
}

// TestFaultDiskFull builds into a small tmpfs: the first site fits, the
// second does not. The failed build must leave the first byte-identical,
// remove its temporary files, and say the disk is full.
func TestFaultDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a tmpfs")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (needs root): %v %s", err, out)
	}
	defer exec.Command("umount", mnt).Run()

	dir := demoSite(t)
	dst := filepath.Join(mnt, "public")
	if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: dst}); err != nil {
		t.Fatalf("the first site does not fit: %v", err)
	}
	before := tree(t, dst)
	addArticles(t, dir, 250)
	_, err := Build(context.Background(), Options{SiteDir: dir, Destination: dst})
	if err == nil {
		t.Fatal("the bigger site fit: make the tmpfs smaller")
	}
	if !errors.Is(err, syscall.ENOSPC) && !strings.Contains(err.Error(), "no space left") {
		t.Errorf("err = %v, want no space left on device", err)
	}
	sameTree(t, dst, before)
	noTemporaries(t, mnt)
}

// TestFaultCancelMidBuild cancels builds at increasing delays, as Ctrl-C
// would: a cancelled build leaves the previous site byte-identical and no
// temporary files; one that finishes leaves the new site.
func TestFaultCancelMidBuild(t *testing.T) {
	dir := demoSite(t)
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	addArticles(t, dir, 150)
	cancelled := 0
	for _, delay := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond} {
		before := tree(t, pub)
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(delay, cancel)
		_, err := Build(ctx, Options{SiteDir: dir})
		timer.Stop()
		cancel()
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("delay %v: err = %v, want context.Canceled", delay, err)
			}
			cancelled++
			sameTree(t, pub, before)
		} else if _, ok := tree(t, pub)["sources/gen-report-149/index.html"]; !ok {
			t.Errorf("delay %v: the build finished but the new site is not in place", delay)
		}
		noTemporaries(t, dir)
	}
	if cancelled == 0 {
		t.Error("no build was cancelled: the test shows nothing")
	}
}

// TestFaultFileVanishes: a file listed but gone when read (here a
// dangling symbolic link) is skipped with a warning naming it; the rest of
// the site builds.
func TestFaultFileVanishes(t *testing.T) {
	dir := demoSite(t)
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "content", "vanished.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	sum, err := Build(context.Background(), Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range sum.Warnings {
		if strings.HasPrefix(w.Error(), "content/vanished.txt") && strings.Contains(w.Error(), "skipped") {
			found = true
		}
	}
	if !found || sum.Articles != 5 {
		t.Errorf("warnings %v, %d articles; want a warning for content/vanished.txt and the 5 others read", sum.Warnings, sum.Articles)
	}
}
