// Package sitefs is the file system a build reads its input from. Dir is
// a directory opened as an os.Root, so that no symbolic link leads a read
// outside it, and offered as an fs.FS whose files open without waiting:
// a named pipe is refused, never waited on for a writer. ReadFile reads
// one input file the way every input is read, from a Dir or any fs.FS
// (an fstest.MapFS in tests): what is not a regular file is refused
// before and after it is opened, the size is limited, and the read, in
// chunks, stops when its context is done.
package sitefs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// Dir is a directory of the disk opened for reading, as an fs.FS. Names
// are slash paths relative to it, as fs.ValidPath says. A symbolic link
// is followed while it stays inside the directory; one that leads out of
// it, or loops, is an error (see Escapes). Files are opened without
// waiting (O_NONBLOCK on Unix), so opening a named pipe returns at once.
// Dir implements fs.StatFS and fs.ReadDirFS; directory entries describe
// links themselves, not what they point to.
type Dir struct {
	root *os.Root
}

// Open opens the directory dir, following a symbolic link to it
// wherever it leads: the confinement starts inside it.
func Open(dir string) (*Dir, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Dir{root}, nil
}

// Close closes the directory. Files opened from it stay usable.
func (d *Dir) Close() error { return d.root.Close() }

// Name returns the name of the directory as given to Open.
func (d *Dir) Name() string { return d.root.Name() }

// Open opens the named file for reading, without waiting.
func (d *Dir) Open(name string) (fs.File, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := d.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, err // a *os.File that is nil must not become a non-nil fs.File
	}
	return f, nil
}

// Stat returns what the named file is, following a symbolic link that
// stays inside the directory.
func (d *Dir) Stat(name string) (fs.FileInfo, error) {
	if !validPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return d.root.Stat(name)
}

// ReadDir returns the entries of the named directory, sorted by name.
func (d *Dir) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := d.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(fs.ReadDirFile)
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not implemented")}
	}
	entries, err := dir.ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// validPath reports whether name is a name Dir opens: fs.ValidPath, and
// on Windows, neither a backslash nor a colon, which would be read as
// separators or a drive.
func validPath(name string) bool {
	return fs.ValidPath(name) && (runtime.GOOS != "windows" || !strings.ContainsAny(name, `\:`))
}

// Escapes reports whether err says that a name led outside the
// directory it was looked up in: a symbolic link to a file elsewhere, or
// a "..". os.Root gives no error value to compare with, only this text.
func Escapes(err error) bool {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err != nil && err.Error() == "path escapes from parent"
}

// Cause returns why err, from an operation on a file of the directory
// where (named so in the message, as "the content directory"), failed,
// without the file's name, which the message about it gives already: a
// link that leads outside the directory is said to be one.
func Cause(err error, where string) error {
	if Escapes(err) {
		return errors.New("a symbolic link that leads outside " + where + ", which is not followed")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// SkipError says why a file is not read as an input: it is not a
// regular file, or it is too large.
type SkipError struct {
	Reason string
}

// Error returns the reason.
func (e *SkipError) Error() string { return e.Reason }

// ReadFile returns the bytes and the status of the named file of fsys. A
// file that is not a regular file (a named pipe, a socket, a device), as
// Stat says, is refused with a *SkipError before it is opened, and again
// if that is what was opened, the file having been replaced meanwhile;
// so is one larger than maxSize bytes (if not 0), and one that grows
// past it while it is read. The read stops with ctx's error when ctx is
// done. fsys must open without waiting for the check after opening to be
// of use against a named pipe: a Dir does.
func ReadFile(ctx context.Context, fsys fs.FS, name string, maxSize int64) ([]byte, fs.FileInfo, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, nil, err
	}
	return ReadChecked(ctx, st, func() (fs.File, error) { return fsys.Open(name) }, maxSize)
}

// ReadPath is ReadFile for a path of the operating system, used as given:
// symbolic links are followed wherever they lead.
func ReadPath(ctx context.Context, name string, maxSize int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	data, _, err := ReadChecked(ctx, st, func() (fs.File, error) {
		f, err := os.OpenFile(filepath.Clean(name), openFlags, 0)
		if err != nil {
			return nil, err
		}
		return f, nil
	}, maxSize)
	return data, err
}

// ReadChecked is ReadFile once the file has been looked at: st is its
// status, as Stat gave it, and open opens it. For the callers that need
// the status before reading, to decide not to.
func ReadChecked(ctx context.Context, st fs.FileInfo, open func() (fs.File, error), maxSize int64) ([]byte, fs.FileInfo, error) {
	if err := Usable(st, maxSize); err != nil {
		return nil, nil, err
	}
	f, err := open()
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err = f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := Usable(st, maxSize); err != nil {
		return nil, nil, err
	}
	data, err := readAll(ctx, f, st.Size(), maxSize)
	if err != nil {
		return nil, nil, err
	}
	return data, st, nil
}

// readChunk is how much readAll reads between looks at its context.
const readChunk = 256 << 10

// readAll reads r to its end, size bytes expected, in chunks, checking ctx
// before each. More than maxSize bytes (if not 0) is an error.
func readAll(ctx context.Context, r io.Reader, size, maxSize int64) ([]byte, error) {
	if maxSize > 0 {
		size = min(size, maxSize)
	}
	buf := make([]byte, 0, max(size+1, 512))
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
		buf = buf[:len(buf)+n]
		if maxSize > 0 && int64(len(buf)) > maxSize {
			return nil, &SkipError{fmt.Sprintf("grew past maxArticleSize (%d bytes) while being read", maxSize)}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Usable returns a *SkipError saying why the file st describes cannot be
// read as an input, or nil.
func Usable(st fs.FileInfo, maxSize int64) error {
	switch {
	case !st.Mode().IsRegular():
		return &SkipError{"not a regular file (" + Kind(st.Mode()) + ")"}
	case maxSize > 0 && st.Size() > maxSize:
		return &SkipError{fmt.Sprintf("%d bytes, larger than maxArticleSize (%d): raise it in site.toml to read this file", st.Size(), maxSize)}
	}
	return nil
}

// Kind names the type of a file that is not a regular file: "named
// pipe", "socket", "device" and so on.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "irregular file"
}
