package site

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"github.com/timeline-ssg/timeline/timeline/render"
)

// publish writes a site into the directory dst, through fill, so that a
// failure at any point leaves dst as it was and nothing temporary behind.
//
// When dst does not exist or is empty, the whole site is written into a
// temporary directory beside it, which then takes its place. Otherwise
// only what changed is written: each file is compared with the one in
// dst, the new and changed ones are staged beside dst, and once the
// whole site has been made they are moved in, the files the new site no
// longer has moved out, all undone if a move fails. Rewriting a large
// site then costs what changed in it, not a new copy of every file and
// the removal of the old ones; and files that did not change keep their
// modification times, which deployment tools such as rsync rely on.
func publish(ctx context.Context, dst string, fill func(render.Output) error) error {
	return publishWith(ctx, dst, fill, os.Rename)
}

// publishWith is publish with the commit's moves made by rename, which
// tests make fail.
func publishWith(ctx context.Context, dst string, fill func(render.Output) error, rename func(from, to string) error) error {
	dst, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	parent := filepath.Dir(dst)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", parent, err)
	}
	stage, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".new-")
	if err != nil {
		return fmt.Errorf("cannot write beside %s: %w", dst, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(stage)
		}
	}()
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	out := &stagedOutput{stage: stage, files: map[string]bool{}}
	if isNonEmptyDir(dst) {
		out.dst = dst
	}
	if err := fill(out); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if out.dst == "" {
		if err := swap(stage, dst); err != nil {
			return err
		}
		ok = true
		return nil
	}
	// From here on the build is complete: cancelling no longer stops it,
	// and a failure is undone.
	return commit(out, parent, rename)
}

// isNonEmptyDir reports whether dir is a directory with something in it.
func isNonEmptyDir(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.IsDir() {
		return false
	}
	names, _ := f.Readdirnames(1)
	return len(names) > 0
}

// stagedOutput receives a rendered site. Without dst it writes every
// file under stage; with dst it writes under stage only the files whose
// bytes differ from dst's, and remembers them.
type stagedOutput struct {
	dst, stage string
	mu         sync.Mutex
	files      map[string]bool // every file of the site, by slash path
	changed    []string        // files written to stage
}

// WriteFile implements render.Output.
func (o *stagedOutput) WriteFile(rel string, b []byte) error {
	o.mu.Lock()
	o.files[rel] = true
	o.mu.Unlock()
	if o.dst != "" && sameFile(filepath.Join(o.dst, filepath.FromSlash(rel)), b) {
		return nil
	}
	if err := render.Dir(o.stage).WriteFile(rel, b); err != nil {
		return err
	}
	if o.dst != "" {
		o.mu.Lock()
		o.changed = append(o.changed, rel)
		o.mu.Unlock()
	}
	return nil
}

// sameFile reports whether name is a regular file holding exactly b.
func sameFile(name string, b []byte) bool {
	st, err := os.Lstat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(b)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, b)
}

// commit moves the staged files of out into its dst and the files the
// site no longer has out of it. Every move is recorded; if one fails,
// the recorded ones are undone in reverse, so dst is as it was. The
// staging directory and the files moved out are removed at the end.
func commit(out *stagedOutput, parent string, rename func(from, to string) error) (err error) {
	dst := out.dst
	old, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".old-")
	if err != nil {
		return fmt.Errorf("cannot write beside %s: %w", dst, err)
	}
	j := journal{rename: rename}
	defer func() {
		if err != nil {
			j.undo()
		}
		os.RemoveAll(old)
		os.RemoveAll(out.stage)
	}()
	stale, err := staleFiles(dst, out.files)
	if err != nil {
		return err
	}
	// Out first, so a file in the way of a new directory (or the
	// reverse) is gone before the new one comes in.
	for _, rel := range stale {
		if err := j.moveOut(dst, filepath.Join(old, "stale"), rel); err != nil {
			return err
		}
	}
	slices.Sort(out.changed)
	for _, rel := range out.changed {
		if _, err := os.Lstat(filepath.Join(dst, filepath.FromSlash(rel))); err == nil {
			if err := j.moveOut(dst, filepath.Join(old, "replaced"), rel); err != nil {
				return err
			}
		}
		if err := j.mkdirs(dst, path.Dir(rel)); err != nil {
			return err
		}
		if err := j.move(filepath.Join(out.stage, filepath.FromSlash(rel)), filepath.Join(dst, filepath.FromSlash(rel))); err != nil {
			return err
		}
	}
	// Directories left empty by the stale files go too; one that is not
	// empty stays, and that is no failure.
	for _, rel := range slices.Backward(staleDirs(stale, out.files)) {
		os.Remove(filepath.Join(dst, filepath.FromSlash(rel)))
	}
	return nil
}

// staleFiles lists, in path order, what in dst is not a directory and not
// a file of the new site: regular files, links and anything else.
func staleFiles(dst string, files map[string]bool) ([]string, error) {
	var stale []string
	err := filepath.WalkDir(dst, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dst, name)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !files[rel] {
			stale = append(stale, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", dst, err)
	}
	return stale, nil
}

// staleDirs returns, sorted, the directories holding stale files that no
// file of the new site is in, and that are not now files of the new site.
func staleDirs(stale []string, files map[string]bool) []string {
	used := map[string]bool{}
	for rel := range files {
		for dir := path.Dir(rel); dir != "." && !used[dir]; dir = path.Dir(dir) {
			used[dir] = true
		}
	}
	seen := map[string]bool{}
	var dirs []string
	for _, rel := range stale {
		for dir := path.Dir(rel); dir != "." && !used[dir] && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			if !files[dir] { // else the new site's file has taken its place
				dirs = append(dirs, dir)
			}
		}
	}
	slices.Sort(dirs)
	return dirs
}

// journal records the renames and directories a commit made, in order,
// to undo them.
type journal struct {
	rename func(from, to string) error
	done   []step
}

// step is one change a commit made: a rename of from to to, or, when
// from is "", the directory to made.
type step struct{ from, to string }

// move renames from to to and records it.
func (j *journal) move(from, to string) error {
	if err := j.rename(from, to); err != nil {
		return err
	}
	j.done = append(j.done, step{from, to})
	return nil
}

// moveOut moves dst's rel to the same place under old.
func (j *journal) moveOut(dst, old, rel string) error {
	to := filepath.Join(old, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return j.move(filepath.Join(dst, filepath.FromSlash(rel)), to)
}

// mkdirs makes the directory rel under root and any parents it lacks,
// recording those it made.
func (j *journal) mkdirs(root, rel string) error {
	if rel == "." {
		return nil
	}
	name := filepath.Join(root, filepath.FromSlash(rel))
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return nil
	}
	if err := j.mkdirs(root, path.Dir(rel)); err != nil {
		return err
	}
	if err := os.Mkdir(name, 0o755); err != nil {
		return err
	}
	j.done = append(j.done, step{to: name})
	return nil
}

// undo reverses the recorded steps, newest first.
func (j *journal) undo() {
	for _, s := range slices.Backward(j.done) {
		if s.from == "" {
			os.Remove(s.to)
		} else {
			os.Rename(s.to, s.from)
		}
	}
}
