package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/timeline-ssg/timeline/internal/render"
)

// manifestName is the file in which a build lists, in the destination,
// the files it wrote there: the only ones a later build may remove or
// replace.
const manifestName = ".timeline-manifest"

// manifestHeader is the manifest's first line, saying what it is.
const manifestHeader = "# timeline: the files of the site timeline build wrote into this directory; a build removes only these"

// rules say what a build may do to its destination.
type rules struct {
	// protected are the site's own directories, which the destination
	// must not be, nor hold.
	protected []protectedDir
	// clean replaces whatever the destination holds, written by a build
	// or not (--cleanDestinationDir).
	clean bool
}

// protectedDir is a directory of the site and what it is, for errors;
// noInside says a destination inside it is refused too, as for the
// content and themes directories, which the next build would read the
// site back from.
type protectedDir struct {
	dir, what string
	noInside  bool
}

// siteRules returns the rules for building the site in siteDir, whose
// articles are in contentDir (relative to siteDir unless absolute).
func siteRules(siteDir, contentDir string, clean bool) rules {
	if !filepath.IsAbs(contentDir) {
		contentDir = filepath.Join(siteDir, contentDir)
	}
	return rules{clean: clean, protected: []protectedDir{
		{siteDir, "the site root", false},
		{contentDir, "the content directory", true},
		{filepath.Join(siteDir, "themes"), "the themes directory", true},
	}}
}

// check refuses a destination dir (resolved; dst as given) that is one
// of the protected directories or holds one.
func (r rules) check(dst, dir string) error {
	for _, p := range r.protected {
		pdir, err := resolve(p.dir)
		if err != nil {
			return err
		}
		if pdir == dir {
			return fmt.Errorf("refusing to build into %s: it is %s, and the build would replace what is in it", dst, p.what)
		}
		if within(pdir, dir) {
			return fmt.Errorf("refusing to build into %s: it holds %s (%s), and the build would replace what is in it", dst, p.what, pdir)
		}
		if p.noInside && within(dir, pdir) {
			return fmt.Errorf("refusing to build into %s: it is inside %s (%s), and the next build would read the site back in", dst, p.what, pdir)
		}
	}
	return nil
}

// within reports whether name is inside the directory dir.
func within(name, dir string) bool {
	rel, err := filepath.Rel(dir, name)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve returns the absolute path of name with every symbolic link
// resolved, for the part of it that exists.
func resolve(name string) (string, error) {
	name, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(name)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(name)
		if parent == name {
			return filepath.Join(name, rest), nil
		}
		rest = filepath.Join(filepath.Base(name), rest)
		name = parent
	}
}

// destination returns the directory a build into dst writes: dst made
// absolute, or the directory it links to. It must be a directory or not
// exist.
func destination(dst string) (string, error) {
	abs, err := filepath.Abs(dst)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) {
		return resolve(abs)
	} else if err != nil {
		return "", fmt.Errorf("cannot use %s as the destination: %w", dst, err)
	}
	dir, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("cannot follow the link %s: %w", dst, err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("cannot use %s as the destination: %w", dst, err)
	}
	if !st.IsDir() {
		return "", fmt.Errorf("refusing to build into %s: it is a file, not a directory", dst)
	}
	return dir, nil
}

// publish writes a site into the directory dst, through fill, so that a
// failure at any point leaves dst as it was and nothing temporary behind.
//
// The destination must not be, nor hold, one of the site's directories
// (r.protected). When it is a link to a directory, the site is written
// into that directory. One build at a time writes a destination: the
// others fail (see lockDestination). Only files a previous build listed
// in the destination's manifest are removed or replaced; a file the new
// site would put where another file is fails the build, naming it,
// unless r.clean says to replace everything.
//
// When dst does not exist, the whole site is written into a temporary
// directory beside it, which then takes its place. Otherwise only what
// changed is written: each file is compared with the one in dst, the new
// and changed ones are staged beside dst, and once the whole site has
// been made they are moved in, the files the new site no longer has
// moved out, all undone if a move fails. Rewriting a large site then
// costs what changed in it, not a new copy of every file and the removal
// of the old ones; and files that did not change keep their modification
// times, which deployment tools such as rsync rely on.
func publish(ctx context.Context, dst string, r rules, fill func(render.Output) error) error {
	return publishWith(ctx, dst, r, fill, os.Rename)
}

// publishWith is publish with the commit's moves made by rename, which
// tests make fail.
func publishWith(ctx context.Context, dst string, r rules, fill func(render.Output) error, rename func(from, to string) error) error {
	dir, err := destination(dst)
	if err != nil {
		return err
	}
	if err := r.check(dst, dir); err != nil {
		return err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", parent, err)
	}
	lock, err := lockDestination(parent, base)
	if err != nil {
		return err
	}
	defer lock.release()
	removeLeftovers(parent, base)

	stage, err := os.MkdirTemp(parent, "."+base+".new-")
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
	out := &stagedOutput{ctx: ctx, stage: stage, files: map[string]bool{}}
	if _, err := os.Lstat(dir); err == nil {
		out.dst = dir
		out.prev = readManifest(dir)
	}
	if err := fill(out); err != nil {
		return err
	}
	if out.files[manifestName] {
		return fmt.Errorf("the site has a file %s, a name timeline keeps for its list of the files it wrote", manifestName)
	}
	if err := out.WriteFile(manifestName, manifest(out.files)); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if out.dst == "" {
		if err := os.Rename(stage, dir); err != nil {
			return fmt.Errorf("cannot move the new site into %s: %w", dst, err)
		}
		ok = true
		return nil
	}
	if !r.clean {
		if way := inTheWay(out); len(way) > 0 {
			return fmt.Errorf("%s holds files a build did not write (they are not in its %s) where the new site has files: %s; move them away, choose another destination, or clean the destination (--cleanDestinationDir) to replace its contents",
				dst, manifestName, listNames(way, 10))
		}
	}
	// From here on the build is complete: cancelling no longer stops it,
	// and a failure is undone.
	return commit(out, parent, r.clean, rename)
}

// listNames joins names, the first max of them, saying how many more
// there are.
func listNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

// manifest returns the manifest listing files, but itself.
func manifest(files map[string]bool) []byte {
	var b bytes.Buffer
	b.WriteString(manifestHeader + "\n")
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		if rel != manifestName {
			b.WriteString(rel + "\n")
		}
	}
	return b.Bytes()
}

// readManifest returns the files the manifest in dir lists, itself
// included, or nil if dir has none (or a file of that name that is not
// one). Names that are not clean relative paths are left out.
func readManifest(dir string) map[string]bool {
	name := filepath.Join(dir, manifestName)
	if st, err := os.Lstat(name); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(b), "\n")
	if lines[0] != manifestHeader {
		return nil
	}
	files := map[string]bool{manifestName: true}
	for _, rel := range lines[1:] {
		if rel != "" && rel != "." && fs.ValidPath(rel) {
			files[rel] = true
		}
	}
	return files
}

// inTheWay lists, sorted, what in out's destination a build did not
// write (it is not in the previous manifest) and the new site would
// replace: a file with other bytes where the site has a file, a file or
// link where the site has a directory, a directory where it has a file.
func inTheWay(out *stagedOutput) []string {
	changed := map[string]bool{}
	for _, rel := range out.changed {
		changed[rel] = true
	}
	seen := map[string]bool{}
	var way []string
	add := func(rel string) {
		if !seen[rel] {
			seen[rel] = true
			way = append(way, rel)
		}
	}
	for _, rel := range slices.Sorted(maps.Keys(out.files)) {
		if parent := blocked(out.dst, rel); parent != "" {
			if !out.prev[parent] {
				add(parent)
			}
			continue
		}
		st, err := os.Lstat(filepath.Join(out.dst, filepath.FromSlash(rel)))
		switch {
		case err != nil:
		case st.IsDir():
			if theirs := foreignIn(out.dst, rel, out.prev); len(theirs) > 0 {
				for _, f := range theirs {
					add(f)
				}
			}
		case changed[rel] && !out.prev[rel]:
			add(rel)
		}
	}
	return way
}

// blocked returns the first directory on the way to rel in dst that is
// not a directory (a file or a link), or "" if there is none.
func blocked(dst, rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] != '/' {
			continue
		}
		st, err := os.Lstat(filepath.Join(dst, filepath.FromSlash(rel[:i])))
		if err != nil {
			return ""
		}
		if !st.IsDir() {
			return rel[:i]
		}
	}
	return ""
}

// foreignIn lists what in the directory rel of dst is not a directory
// and not in prev; a directory with no file of prev at all is itself
// listed.
func foreignIn(dst, rel string, prev map[string]bool) []string {
	var theirs []string
	ours := false
	filepath.WalkDir(filepath.Join(dst, filepath.FromSlash(rel)), func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		r, _ := filepath.Rel(dst, name)
		r = filepath.ToSlash(r)
		if prev[r] {
			ours = true
		} else {
			theirs = append(theirs, r)
		}
		return nil
	})
	if len(theirs) == 0 && !ours {
		return []string{rel + "/"}
	}
	return theirs
}

// stagedOutput receives a rendered site. Without dst it writes every
// file under stage; with dst it writes under stage only the files whose
// bytes differ from dst's, and remembers them.
type stagedOutput struct {
	// ctx cancels the writing: once it is done, every WriteFile fails
	// with its error, which stops the renderer's workers after the file
	// each is writing.
	ctx        context.Context
	dst, stage string
	prev       map[string]bool // the files of dst's manifest
	mu         sync.Mutex
	files      map[string]bool // every file of the site, by slash path
	changed    []string        // files written to stage
}

// WriteFile implements render.Output.
func (o *stagedOutput) WriteFile(rel string, b []byte) error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
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
// site no longer has out of it: those of the previous manifest, or with
// clean everything else in dst. Every move is recorded; if one fails,
// the recorded ones are undone in reverse, so dst is as it was. The
// staging directory and the files moved out are removed at the end.
func commit(out *stagedOutput, parent string, clean bool, rename func(from, to string) error) (err error) {
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
	var stale []string
	if clean {
		if stale, err = staleFiles(dst, out.files); err != nil {
			return err
		}
	} else {
		stale = ownStaleFiles(dst, out.prev, out.files)
	}
	// Out first, so a file in the way of a new directory (or the
	// reverse) is gone before the new one comes in.
	for _, rel := range stale {
		if err := j.moveOut(dst, filepath.Join(old, "stale"), rel); err != nil {
			return err
		}
	}
	// The manifest first: a build killed midway then leaves one that
	// lists every file of ours in dst (the stale ones are out already).
	slices.SortFunc(out.changed, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == manifestName:
			return -1
		case b == manifestName:
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, rel := range out.changed {
		if _, err := os.Lstat(filepath.Join(dst, filepath.FromSlash(rel))); err == nil {
			// The old manifest is kept by a link, so that the new one
			// replaces it in one rename and dst is never without one.
			if rel != manifestName || j.linkOut(dst, filepath.Join(old, "replaced"), rel) != nil {
				if err := j.moveOut(dst, filepath.Join(old, "replaced"), rel); err != nil {
					return err
				}
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

// ownStaleFiles lists, in path order, the files of the previous
// manifest prev that the new site does not have and that are still in
// dst, not directories, and not behind a link.
func ownStaleFiles(dst string, prev, files map[string]bool) []string {
	var stale []string
	for _, rel := range slices.Sorted(maps.Keys(prev)) {
		if files[rel] || blocked(dst, rel) != "" {
			continue
		}
		if st, err := os.Lstat(filepath.Join(dst, filepath.FromSlash(rel))); err == nil && !st.IsDir() {
			stale = append(stale, rel)
		}
	}
	return stale
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

// linkOut links dst's rel to the same place under old, recorded as a
// move: undone, old's copy is renamed back over what then is at rel.
func (j *journal) linkOut(dst, old, rel string) error {
	from, to := filepath.Join(dst, filepath.FromSlash(rel)), filepath.Join(old, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if err := os.Link(from, to); err != nil {
		return err
	}
	j.done = append(j.done, step{from, to})
	return nil
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
