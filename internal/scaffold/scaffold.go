// Package scaffold writes the files of a new site: site.toml, an example
// article in content/, a .gitignore for the built site, and a GitHub
// Actions workflow that builds the site and publishes it on GitHub Pages.
// `timeline init` calls it.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// files holds the new site, rooted at files/.
//
//go:embed all:files
var files embed.FS

// root is the new site's files, rooted at its directory.
var root = mustSub(files, "files")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic("scaffold: " + err.Error())
	}
	return sub
}

// Files lists the files Write creates, as slash-separated paths relative
// to the site directory, sorted.
func Files() []string {
	var out []string
	fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out
}

// ExistsError reports the files that Write would have overwritten.
type ExistsError struct {
	Dir   string
	Files []string // slash-separated, relative to Dir
}

func (e *ExistsError) Error() string {
	them := "them"
	if len(e.Files) == 1 {
		them = "it"
	}
	return fmt.Sprintf("%s already has %s; not overwriting (remove %s, or choose another directory)",
		e.Dir, strings.Join(e.Files, ", "), them)
}

// Write creates a new site in dir, making dir and its subdirectories as
// needed, and returns the files it wrote. It never overwrites: when any
// of the files exists (even as a directory or a broken link), it writes
// nothing and returns an *ExistsError naming them. If writing fails
// midway, the files already written are removed.
func Write(dir string) ([]string, error) {
	names := Files()
	var exist []string
	for _, name := range names {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			exist = append(exist, name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err // such as a file where a directory must go
		}
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Dir: dir, Files: exist}
	}
	var written []string
	for _, name := range names {
		if err := writeNew(dir, name); err != nil {
			for _, w := range written {
				os.Remove(filepath.Join(dir, filepath.FromSlash(w)))
			}
			return nil, err
		}
		written = append(written, name)
	}
	return written, nil
}

// writeNew copies the scaffold file name into dir, failing if it exists.
func writeNew(dir, name string) error {
	b, err := fs.ReadFile(root, name)
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &ExistsError{Dir: dir, Files: []string{name}}
		}
		return err
	}
	_, err = f.Write(b)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}
