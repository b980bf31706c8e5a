package site

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/render"
)

// fillWith returns a publish fill function writing files, in path order.
func fillWith(files map[string]string) func(render.Output) error {
	return func(out render.Output) error {
		for _, rel := range slices.Sorted(maps.Keys(files)) {
			if err := out.WriteFile(rel, []byte(files[rel])); err != nil {
				return err
			}
		}
		return nil
	}
}

// withManifest returns the files of a site and the manifest a build
// writes with them.
func withManifest(files map[string]string) map[string]string {
	out := maps.Clone(files)
	set := map[string]bool{}
	for rel := range files {
		set[rel] = true
	}
	out[manifestName] = string(manifest(set))
	return out
}

// wantTree fails the test unless dir holds exactly files.
func wantTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	got := tree(t, dir)
	for rel, b := range got {
		if want, ok := files[rel]; !ok {
			t.Errorf("%s: unexpected file %s", dir, rel)
		} else if string(b) != want {
			t.Errorf("%s/%s = %q, want %q", dir, rel, b, want)
		}
	}
	for rel := range files {
		if _, ok := got[rel]; !ok {
			t.Errorf("%s: missing %s", dir, rel)
		}
	}
}

// TestPublishOverSite publishes a site over an older one: the result is
// exactly the new site, stale files and the directories they leave empty
// are gone, a file where a directory must go (and the reverse) is
// replaced, and a file whose bytes did not change is not written again.
func TestPublishOverSite(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "public")
	first := map[string]string{
		"index.html":             "index v1",
		"events/a/index.html":    "event a",
		"events/b/index.html":    "event b v1",
		"events/gone/index.html": "an event that goes",
		"sources/x":              "a file where the new site has a directory",
		"404.html/old.txt":       "a directory where the new site has a file",
		"style.css":              "body{}",
	}
	if err := publish(context.Background(), dst, rules{}, fillWith(first)); err != nil {
		t.Fatal(err)
	}
	wantTree(t, dst, withManifest(first))
	// Unchanged files must keep their inode and time: set an old time to
	// see it kept.
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	unchanged := filepath.Join(dst, "events", "a", "index.html")
	if err := os.Chtimes(unchanged, old, old); err != nil {
		t.Fatal(err)
	}

	second := map[string]string{
		"index.html":            "index v2",
		"events/a/index.html":   "event a",
		"events/b/index.html":   "event b v2",
		"events/new/index.html": "a new event",
		"sources/x/index.html":  "source x",
		"404.html":              "not found",
		"style.css":             "body{}",
	}
	if err := publish(context.Background(), dst, rules{}, fillWith(second)); err != nil {
		t.Fatal(err)
	}
	wantTree(t, dst, withManifest(second))
	if st, err := os.Stat(unchanged); err != nil || !st.ModTime().Equal(old) {
		t.Errorf("an unchanged file was written again (mtime %v, err %v)", st.ModTime(), err)
	}
	if _, err := os.Stat(filepath.Join(dst, "events", "gone")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale event's directory is still there: %v", err)
	}
	noTemporaries(t, parent)
}

// TestPublishUndo makes a move of the commit fail, at every step in turn:
// the destination must be as it was, byte for byte, the user's files in
// it included, with nothing temporary left.
func TestPublishUndo(t *testing.T) {
	first := map[string]string{
		"index.html":             "index v1",
		"events/a/index.html":    "event a",
		"events/gone/index.html": "stale",
		"sources/x":              "file to become a directory",
	}
	second := map[string]string{
		"index.html":            "index v2",
		"events/a/index.html":   "event a",
		"events/new/index.html": "new",
		"sources/x/index.html":  "source x",
	}
	// The user's files, which no step may touch.
	user := map[string]string{"CNAME": "example.org", "events/notes.txt": "mine"}
	for step := 0; ; step++ {
		parent := t.TempDir()
		dst := filepath.Join(parent, "public")
		if err := publish(context.Background(), dst, rules{}, fillWith(first)); err != nil {
			t.Fatal(err)
		}
		for rel, b := range user {
			writeFile(t, filepath.Join(dst, filepath.FromSlash(rel)), b)
		}
		before := tree(t, dst)
		failAt := step
		renames := 0
		rename := func(from, to string) error {
			if renames == failAt {
				return errors.New("injected failure")
			}
			renames++
			return os.Rename(from, to)
		}
		err := publishWith(context.Background(), dst, rules{}, fillWith(second), rename)
		if err == nil {
			if step < 3 {
				t.Fatalf("the commit made only %d moves: the test shows little", step)
			}
			want := withManifest(second)
			maps.Copy(want, user)
			wantTree(t, dst, want)
			break
		}
		sameTree(t, dst, before)
		noTemporaries(t, parent)
	}
}

// TestPublishManifestFirst checks, after every move of a commit, that
// each file of the site in the destination is listed in the manifest
// there: a build killed at any point leaves no file that the next one
// would take for the user's. Names that sort before the manifest's are
// the test.
func TestPublishManifestFirst(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "public")
	first := map[string]string{"-a.txt": "a v1", "index.html": "v1", "gone.html": "stale"}
	second := map[string]string{"-a.txt": "a v2", "+new.txt": "new", "index.html": "v2"}
	user := map[string]string{"CNAME": "example.org"}
	if err := publish(context.Background(), dst, rules{}, fillWith(first)); err != nil {
		t.Fatal(err)
	}
	for rel, b := range user {
		writeFile(t, filepath.Join(dst, rel), b)
	}
	moves := 0
	rename := func(from, to string) error {
		if err := os.Rename(from, to); err != nil {
			return err
		}
		moves++
		listed := readManifest(dst)
		for rel := range tree(t, dst) {
			if _, ok := user[rel]; !ok && !listed[filepath.ToSlash(rel)] {
				t.Errorf("after move %d (%s): %s is in the destination but not in its manifest", moves, filepath.Base(to), rel)
			}
		}
		return nil
	}
	if err := publishWith(context.Background(), dst, rules{}, fillWith(second), rename); err != nil {
		t.Fatal(err)
	}
	want := withManifest(second)
	maps.Copy(want, user)
	wantTree(t, dst, want)
}
