package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
)

// Output receives the files of a rendered site. WriteFile is called from
// several goroutines at once, with clean slash-separated paths relative
// to the site root, each path once; it must not keep b, which the
// renderer reuses, after it returns. Render checks that no path is
// written twice or is both a file and a directory of others.
type Output interface {
	WriteFile(rel string, b []byte) error
}

// Dir is an Output writing files under a directory of the file system,
// making the directories they need; it never replaces a file.
type Dir string

// WriteFile implements Output.
func (d Dir) WriteFile(rel string, b []byte) error {
	name := filepath.Join(string(d), filepath.FromSlash(rel))
	// Most files are the only file of a new directory in an existing one
	// (events/<id>/index.html): one mkdir makes it, and MkdirAll's walk
	// up the path is needed only when that fails.
	if dir := filepath.Dir(name); dir != filepath.Clean(string(d)) {
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// Files is a rendered site held in memory: each file's bytes by its
// slash-separated path relative to the site root, such as "index.html"
// or "events/<id>/index.html". Paths are clean and relative, and no path
// is both a file and a directory of other files.
type Files map[string][]byte

// Write writes every file under the directory dst, which must exist and
// hold none of them, making subdirectories as needed. Files are written
// in path order, so the same Files give the same tree.
func (f Files) Write(dst string) error {
	for _, rel := range slices.Sorted(func(yield func(string) bool) {
		for rel := range f {
			if !yield(rel) {
				return
			}
		}
	}) {
		if !fs.ValidPath(rel) {
			return fmt.Errorf("render: invalid path %q", rel)
		}
		if err := Dir(dst).WriteFile(rel, f[rel]); err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	return nil
}

// Copy writes every file to out, in path order.
func (f Files) Copy(out Output) error {
	for _, rel := range slices.Sorted(maps.Keys(f)) {
		if err := out.WriteFile(rel, f[rel]); err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	return nil
}

// memOutput collects files in memory.
type memOutput struct {
	mu    sync.Mutex
	files Files
}

func (m *memOutput) WriteFile(rel string, b []byte) error {
	return m.writeOwned(rel, bytes.Clone(b)) // b may be the renderer's reusable buffer
}

// writeOwned keeps b, which nothing changes afterwards, as the file rel.
func (m *memOutput) writeOwned(rel string, b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = b
	return nil
}

// ownedOutput is an Output that can keep a file's bytes as they are,
// when nothing changes them afterwards, rather than copy them.
type ownedOutput interface {
	writeOwned(rel string, b []byte) error
}

// checkedOutput passes files on to an Output, failing as writing them to
// an empty directory would: an invalid path, a path written twice, or a
// path that is both a file and a directory.
type checkedOutput struct {
	out   Output
	mu    sync.Mutex
	files map[string]bool
	dirs  map[string]bool
}

func newCheckedOutput(out Output) *checkedOutput {
	return &checkedOutput{out: out, files: map[string]bool{}, dirs: map[string]bool{}}
}

func (c *checkedOutput) WriteFile(rel string, b []byte) error {
	if err := c.claim(rel); err != nil {
		return err
	}
	return c.out.WriteFile(rel, b)
}

// writeOwned is WriteFile for bytes nothing changes afterwards: an
// Output that keeps files keeps them without a copy.
func (c *checkedOutput) writeOwned(rel string, b []byte) error {
	if o, ok := c.out.(ownedOutput); ok {
		if err := c.claim(rel); err != nil {
			return err
		}
		return o.writeOwned(rel, b)
	}
	return c.WriteFile(rel, b)
}

// claim records rel as a file of the site, or says why it cannot be one.
func (c *checkedOutput) claim(rel string) error {
	if !fs.ValidPath(rel) || rel == "." {
		return &fs.PathError{Op: "write", Path: rel, Err: fs.ErrInvalid}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files[rel] || c.dirs[rel] {
		return &fs.PathError{Op: "write", Path: rel, Err: fs.ErrExist}
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if c.files[dir] {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: fs.ErrExist}
		}
	}
	for dir := path.Dir(rel); dir != "." && !c.dirs[dir]; dir = path.Dir(dir) {
		c.dirs[dir] = true
	}
	c.files[rel] = true
	return nil
}
