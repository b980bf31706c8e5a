package sitefs

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// writeTree writes files, by slash path, under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func openDir(t *testing.T, dir string) *Dir {
	t.Helper()
	d, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// TestDirIsFS checks Dir against the fs.FS contract.
func TestDirIsFS(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.md": "A", "sub/b.txt": "B", "sub/deep/c.html": "C"})
	if err := fstest.TestFS(openDir(t, dir), "a.md", "sub/b.txt", "sub/deep/c.html"); err != nil {
		t.Fatal(err)
	}
}

// TestDirLinks checks that a symbolic link is followed while it stays in
// the directory, and refused, as Escapes says, when it leads out, while
// a link to the directory itself, given to Open, is followed.
func TestDirLinks(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	writeTree(t, parent, map[string]string{"secret.txt": "secret", "site/a.md": "A"})
	for _, l := range []struct{ target, name string }{
		{"a.md", "inside.md"},
		{filepath.Join(parent, "secret.txt"), "outside.md"},
		{"../secret.txt", "up.md"},
	} {
		if err := os.Symlink(l.target, filepath.Join(dir, l.name)); err != nil {
			t.Skipf("symlink: %v", err)
		}
	}
	d := openDir(t, dir)
	if b, err := fs.ReadFile(d, "inside.md"); err != nil || string(b) != "A" {
		t.Errorf("inside.md: %q, %v; want A", b, err)
	}
	for _, name := range []string{"outside.md", "up.md"} {
		if _, err := d.Stat(name); !Escapes(err) {
			t.Errorf("Stat(%s) = %v, want an error that Escapes", name, err)
		}
		if _, err := d.Open(name); !Escapes(err) {
			t.Errorf("Open(%s) = %v, want an error that Escapes", name, err)
		}
	}
	if _, err := d.Open("../secret.txt"); err == nil || Escapes(err) {
		t.Errorf("Open(../secret.txt) = %v, want an invalid name", err)
	}
	if err := os.Symlink(dir, filepath.Join(parent, "link")); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(openDir(t, filepath.Join(parent, "link")), "a.md"); err != nil || string(b) != "A" {
		t.Errorf("through a link to the directory: %q, %v; want A", b, err)
	}
	if Escapes(nil) || Escapes(errors.New("other")) {
		t.Error("Escapes is true of other errors")
	}
}

// TestReadFile checks ReadFile on an fs.FS in memory: what is not a
// regular file, or too large, is a *SkipError saying so, and a missing
// file is fs.ErrNotExist.
func TestReadFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":   {Data: []byte("text")},
		"pipe":   {Mode: fs.ModeNamedPipe},
		"big.md": {Data: []byte(strings.Repeat("x", 2000))},
		"dir/x":  {Data: []byte("x")},
	}
	ctx := context.Background()
	if b, st, err := ReadFile(ctx, fsys, "a.md", 1000); err != nil || string(b) != "text" || st.Size() != 4 {
		t.Errorf("a.md: %q, %v", b, err)
	}
	for name, want := range map[string]string{
		"pipe":   "not a regular file (named pipe)",
		"dir":    "not a regular file (directory)",
		"big.md": "2000 bytes, larger than maxArticleSize (1000): raise it in site.toml to read this file",
	} {
		_, _, err := ReadFile(ctx, fsys, name, 1000)
		var skip *SkipError
		if !errors.As(err, &skip) || skip.Reason != want {
			t.Errorf("%s: %v, want a SkipError %q", name, err, want)
		}
	}
	if _, _, err := ReadFile(ctx, fsys, "gone.md", 0); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("gone.md: %v, want fs.ErrNotExist", err)
	}
}
