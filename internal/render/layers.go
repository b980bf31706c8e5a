package render

import (
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// Layers returns a read-only file system that serves each path from the
// first layer that has it: pass a site's theme first and the embedded default
// theme last, and the site overrides the default file by file.
//
// Directories are merged: reading one (fs.ReadDir, or ReadDir on an opened
// directory) lists the union of its entries in every layer where the path is
// a directory, sorted by name, each entry taken from the uppermost layer that
// has it. So walking static/ finds the static files of all layers. Nil layers
// are ignored.
func Layers(layers ...fs.FS) fs.FS {
	var l layered
	for _, fsys := range layers {
		if fsys != nil {
			l = append(l, fsys)
		}
	}
	return l
}

// layered is the fs.FS Layers returns, uppermost layer first.
type layered []fs.FS

var (
	_ fs.ReadDirFS  = layered(nil)
	_ fs.ReadFileFS = layered(nil)
	_ fs.StatFS     = layered(nil)
)

// Open opens name in the first layer that has it. A directory is returned as
// a file whose ReadDir lists the merged entries.
func (l layered) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	for i, fsys := range l {
		f, err := fsys.Open(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		if !info.IsDir() {
			return f, nil
		}
		entries, err := l[i:].merge(name)
		if err != nil {
			f.Close()
			return nil, err
		}
		return &dir{File: f, name: name, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat returns the file info of name in the first layer that has it.
func (l layered) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	for _, fsys := range l {
		info, err := fs.Stat(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return info, err
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// ReadFile reads name from the first layer that has it.
func (l layered) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	for _, fsys := range l {
		b, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return b, err
	}
	return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
}

// ReadDir lists the merged entries of the directory name.
func (l layered) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	for i, fsys := range l {
		info, err := fs.Stat(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
		}
		return l[i:].merge(name)
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

// merge lists the directory name in every layer where it is a directory,
// the uppermost entry of each name winning, sorted by name.
func (l layered) merge(name string) ([]fs.DirEntry, error) {
	var out []fs.DirEntry
	seen := make(map[string]bool)
	for _, fsys := range l {
		info, err := fs.Stat(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			continue // a file here is shadowed by the directory above
		}
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// dir is an opened directory of a layered file system: Stat and Close come
// from the uppermost layer's directory, ReadDir from the merged listing.
type dir struct {
	fs.File
	name    string
	entries []fs.DirEntry
	off     int
}

func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}

func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return slices.Clone(rest[:n]), nil
}
