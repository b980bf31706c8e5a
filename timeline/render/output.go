package render

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
)

// output receives the files of a rendered site. writeFile is called from
// several goroutines at once with slash-separated paths relative to the
// site root; it makes the directories a file needs and never replaces a
// file, failing with an error that wraps fs.ErrExist instead.
type output interface {
	writeFile(rel string, b []byte) error
}

// dirOutput writes files under a directory of the file system.
type dirOutput string

func (d dirOutput) writeFile(rel string, b []byte) error {
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
		if err := dirOutput(dst).writeFile(rel, f[rel]); err != nil {
			return fmt.Errorf("render: %w", err)
		}
	}
	return nil
}

// memOutput collects files in memory, failing as writing them to an
// empty directory would: a path written twice, or a path that is both a
// file and a directory.
type memOutput struct {
	mu    sync.Mutex
	files Files
	dirs  map[string]bool
}

func (m *memOutput) writeFile(rel string, b []byte) error {
	if !fs.ValidPath(rel) || rel == "." {
		return &fs.PathError{Op: "write", Path: rel, Err: fs.ErrInvalid}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.files[rel]; ok || m.dirs[rel] {
		return &fs.PathError{Op: "write", Path: rel, Err: fs.ErrExist}
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if _, ok := m.files[dir]; ok {
			return &fs.PathError{Op: "mkdir", Path: dir, Err: fs.ErrExist}
		}
	}
	for dir := path.Dir(rel); dir != "." && !m.dirs[dir]; dir = path.Dir(dir) {
		m.dirs[dir] = true
	}
	m.files[rel] = bytes.Clone(b) // b may be the renderer's reusable buffer
	return nil
}
