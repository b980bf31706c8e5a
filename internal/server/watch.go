package server

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/site"
)

// Watching parameters.
const (
	// settle is how long the watcher waits after a change for more before
	// it reports them, so an editor's burst of writes (temporary file,
	// rename, chmod) or a checkout of many files causes one build.
	settle = 100 * time.Millisecond
	// maxDelay bounds how long a steady stream of changes can hold a build
	// back.
	maxDelay = time.Second
	// defaultPollInterval is how often the poller looks at the files.
	defaultPollInterval = 500 * time.Millisecond
	// hashEvery is how many looks the poller takes to read every file
	// whose size and times did not change, a share of them each look:
	// an edit that keeps them (a tool that restores the modification
	// time, a file system with coarse or no change times) is seen within
	// hashEvery intervals, 2s by default.
	hashEvery = 4
	// recent is how long after its last modification or change a file is
	// read at every look: two edits within a coarse time's resolution
	// leave the same times.
	recent = 3 * time.Second
	// themesDir is the directory of site themes.
	themesDir = "themes"
	// allFiles is the change the watcher reports when it may have missed
	// some: every file may have changed.
	allFiles = "(all files)"
)

// watcher reports batches of changes to the files a site is built from:
// site.toml, and every file under the content directory and themes/, at
// any depth. It watches with the operating system's notifications
// (fsnotify) and falls back to polling when those cannot be used.
type watcher struct {
	siteDir  string
	stderr   io.Writer
	interval time.Duration // between two looks, when polling
	// roots are the directories watched at any depth, as slash paths
	// relative to siteDir: the content directory, which site.toml can
	// move, and themes/. See findRoots.
	roots []string
	fw    *fsnotify.Watcher // nil when polling
	// known holds the directories watched, to tell a removed directory
	// from a removed file.
	known map[string]bool
	prev  map[string]fileState
	// sys reads a file's inode and change time, where the system has
	// them (sysOf); a field so tests can take them away.
	sys func(fs.FileInfo) sysState
	// seed hashes the contents of files and picks each file's turn to be
	// read.
	seed maphash.Seed
}

// newWatcher starts watching the site in siteDir: every change from now
// on is reported by run. It polls every interval (default 500ms) if poll
// is set or the system's notifications cannot be used, which a notice on
// stderr says.
func newWatcher(siteDir string, poll bool, interval time.Duration, stderr io.Writer) *watcher {
	if interval <= 0 {
		interval = defaultPollInterval
	}
	if stderr == nil {
		stderr = io.Discard
	}
	w := &watcher{siteDir: siteDir, stderr: stderr, interval: interval, sys: sysOf, seed: maphash.MakeSeed()}
	if !poll {
		err := w.startNotify()
		if err == nil {
			return w
		}
		w.pollNotice(err)
	}
	w.prev = w.hashAll(w.scan())
	return w
}

// pollNotice says that the watcher polls because of err.
func (w *watcher) pollNotice(err error) {
	fmt.Fprintf(w.stderr, "Cannot watch for changes with file system notifications (%v): polling every %s instead, as --poll does.\n", err, w.interval)
}

// polling reports whether the watcher polls.
func (w *watcher) polling() bool { return w.fw == nil }

// run sends each batch of changes to out until ctx is done: the changed
// paths, slash-separated and relative to the site directory, sorted. It
// then stops watching.
func (w *watcher) run(ctx context.Context, out chan<- []string) {
	if w.fw != nil {
		err := w.notify(ctx, out)
		w.fw.Close()
		w.fw = nil
		if err == nil {
			return
		}
		w.pollNotice(err)
		w.prev = w.hashAll(w.scan())
		select {
		case out <- []string{allFiles}: // changes may have been missed
		case <-ctx.Done():
			return
		}
	}
	w.poll(ctx, out)
}

// close stops a watcher that will not run.
func (w *watcher) close() {
	if w.fw != nil {
		w.fw.Close()
		w.fw = nil
	}
}

// relevant returns the slash path of a changed file (or directory, if
// dir) relative to the site directory, and whether the change can change
// the site: site.toml; anything under themes/; under the content
// directory, an article, a TOML file (events.toml) or a directory. Hidden
// files and editors' temporary and backup files never can.
func (w *watcher) relevant(name string, dir bool) (string, bool) {
	rel, err := filepath.Rel(w.siteDir, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for part := range strings.SplitSeq(rel, "/") {
		if content.Ignored(part) {
			return "", false
		}
	}
	if rel == config.FileName {
		return rel, true
	}
	for _, root := range w.roots {
		if rel != root && !strings.HasPrefix(rel, root+"/") {
			continue
		}
		base := path.Base(rel)
		return rel, root == themesDir || dir || content.IsArticle(base) || strings.EqualFold(path.Ext(base), ".toml")
	}
	return "", false
}

// findRoots sets the roots from site.toml as it is now; while it cannot be
// read, the roots stay as they were, or the default content directory.
// (Reading one small file that is never waited on, it needs no context.)
func (w *watcher) findRoots() {
	dir := "content"
	if cfg, err := site.LoadConfig(context.Background(), w.siteDir); err == nil {
		dir = cfg.ContentDir
	} else if w.roots != nil {
		return
	}
	w.roots = nil
	if c, ok := watchedContent(dir); ok {
		w.roots = append(w.roots, c)
	}
	w.roots = append(w.roots, themesDir)
}

// watchedContent returns the content directory dir of site.toml as a
// clean slash path, and whether the watcher watches it. A content
// directory outside the site, or the site itself, is read but not
// watched: that would watch public/ too.
func watchedContent(dir string) (string, bool) {
	c := path.Clean(filepath.ToSlash(dir))
	return c, c != themesDir && c != "." && c != ".." && !strings.HasPrefix(c, "../") && !path.IsAbs(c)
}

// dirs finds the roots and returns every directory to watch: the site
// directory (for site.toml, and for the content directory and themes/
// appearing) and every directory under the roots that is not hidden.
// Links to directories are not followed, as the build does not follow
// them.
func (w *watcher) dirs() map[string]bool {
	w.findRoots()
	dirs := map[string]bool{w.siteDir: true}
	for _, root := range w.roots {
		addDirs(dirs, filepath.Join(w.siteDir, filepath.FromSlash(root)))
	}
	return dirs
}

// addDirs adds dir and the directories under it to dirs.
func addDirs(dirs map[string]bool, dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		dirs[p] = true
		return nil
	})
}

// startNotify starts watching with fsnotify.
func (w *watcher) startNotify() error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	w.fw = fw
	if err := w.watch(w.dirs(), false); err != nil {
		w.close()
		return err
	}
	return nil
}

// watch adds a watch on every directory of want not watched yet and, with
// others, drops the watches on directories not in want: those removed,
// renamed or no longer under a root. The watched set is read from
// fsnotify, which drops the watch of a directory moved away by itself. An
// error means the system's limit on watches is reached.
func (w *watcher) watch(want map[string]bool, others bool) error {
	have := map[string]bool{}
	for _, dir := range w.fw.WatchList() {
		have[dir] = true
	}
	for _, dir := range slices.Sorted(maps.Keys(want)) {
		if have[dir] {
			continue
		}
		if err := w.fw.Add(dir); err != nil {
			if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
				return fmt.Errorf("watching %s: %w (the limit is fs.inotify.max_user_watches)", dir, err)
			}
			// Gone already: the next look at the tree sees it.
		}
	}
	if others {
		for dir := range have {
			if !want[dir] {
				w.fw.Remove(dir) // fails if the directory went: its watch went with it
			}
		}
		w.known = want
	} else {
		if w.known == nil {
			w.known = map[string]bool{}
		}
		maps.Copy(w.known, want)
	}
	return nil
}

// notify reports the changes fsnotify sees until ctx is done. It returns
// an error, for the caller to poll instead, when the system's limit on
// watches is reached.
func (w *watcher) notify(ctx context.Context, out chan<- []string) error {
	fw := w.fw
	b := newBatcher()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events: rebuild everything to be safe.
			fmt.Fprintf(w.stderr, "watch: %v\n", err)
			b.add(allFiles)
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			dir := w.known[ev.Name]
			if ev.Has(fsnotify.Create) {
				st, err := os.Lstat(ev.Name)
				dir = err == nil && st.IsDir()
			}
			rel, ok := w.relevant(ev.Name, dir)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) && dir {
				// Watch a new directory at once, before files are written
				// into it; the build lists them all anyway.
				want := map[string]bool{}
				addDirs(want, ev.Name)
				if err := w.watch(want, false); err != nil {
					return err
				}
			}
			b.add(rel)
		case <-b.timer():
			if err := w.watch(w.dirs(), true); err != nil {
				return err
			}
			if !b.send(ctx, out) {
				return nil
			}
		}
	}
}

// fileState is what the poller compares between two looks at a file.
type fileState struct {
	size  int64
	mtime time.Time
	dir   bool
	sys   sysState
	// sum is a hash of a file's content, 0 for a directory or a file that
	// could not be read.
	sum uint64
}

// sysState is what the system tells of a file besides its size and
// modification time: a file replaced (written beside and renamed) has a
// new inode, and any write or os.Chtimes moves the change time, which
// no program can set back. Zero where the system does not say.
type sysState struct {
	dev, ino uint64
	ctime    int64 // in nanoseconds since 1970
}

// poll looks at the files every interval and reports those that appeared
// or went, whose kind, size, modification time, inode or change time
// changed since the last look, and those whose content changed though
// none of these did: each look reads the files modified in the last few
// seconds (recent) and a share of the others, so that every file is read
// every hashEvery looks.
func (w *watcher) poll(ctx context.Context, out chan<- []string) {
	prev := w.prev
	tick := time.NewTicker(w.interval)
	defer tick.Stop()
	for look := 0; ; look++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := time.Now()
		cur := w.scan()
		var changed []string
		for rel, st := range cur {
			old, ok := prev[rel]
			switch {
			case !ok, old.dir != st.dir:
				changed = append(changed, rel)
				st.sum = w.hash(rel, st)
			case st.dir:
				// A directory's time changes with its entries, listed
				// themselves.
			case old.size != st.size, !old.mtime.Equal(st.mtime), old.sys != st.sys:
				changed = append(changed, rel)
				st.sum = w.hash(rel, st)
			case w.due(rel, st, look, now):
				if st.sum = w.hash(rel, st); st.sum != old.sum {
					changed = append(changed, rel)
				}
			default:
				st.sum = old.sum
			}
			cur[rel] = st
		}
		for rel := range prev {
			if _, ok := cur[rel]; !ok {
				changed = append(changed, rel)
			}
		}
		prev = cur
		if len(changed) == 0 {
			continue
		}
		slices.Sort(changed)
		select {
		case out <- changed:
		case <-ctx.Done():
			return
		}
	}
}

// due reports whether the poller reads the file rel, whose size and
// times did not change, at its look number look: at every look if it was
// modified or changed recently, else at one look in hashEvery, its turn
// chosen by its name.
func (w *watcher) due(rel string, st fileState, look int, now time.Time) bool {
	if now.Sub(st.mtime) < recent || (st.sys.ctime != 0 && now.UnixNano()-st.sys.ctime < int64(recent)) {
		return true
	}
	return maphash.String(w.seed, rel)%hashEvery == uint64(look%hashEvery)
}

// hashAll hashes the content of every file of files.
func (w *watcher) hashAll(files map[string]fileState) map[string]fileState {
	for rel, st := range files {
		st.sum = w.hash(rel, st)
		files[rel] = st
	}
	return files
}

// hash returns a hash of the content of the file rel, 0 for a directory
// or a file that cannot be read (a change the next look sees).
func (w *watcher) hash(rel string, st fileState) uint64 {
	if st.dir {
		return 0
	}
	f, err := os.Open(filepath.Join(w.siteDir, filepath.FromSlash(rel)))
	if err != nil {
		return 0
	}
	defer f.Close()
	var h maphash.Hash
	h.SetSeed(w.seed)
	if _, err := io.Copy(&h, f); err != nil {
		return 0
	}
	return h.Sum64() | 1 // never 0, which means unread
}

// scan returns the state of site.toml and of every file and directory
// under the roots that a change to could change the site.
func (w *watcher) scan() map[string]fileState {
	w.findRoots()
	files := map[string]fileState{}
	add := func(p string, info fs.FileInfo) {
		if rel, ok := w.relevant(p, info.IsDir()); ok {
			files[rel] = fileState{size: info.Size(), mtime: info.ModTime(), dir: info.IsDir(), sys: w.sys(info)}
		}
	}
	if info, err := os.Stat(filepath.Join(w.siteDir, config.FileName)); err == nil {
		add(filepath.Join(w.siteDir, config.FileName), info)
	}
	for _, root := range w.roots {
		dir := filepath.Join(w.siteDir, filepath.FromSlash(root))
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if p != dir && content.Ignored(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if info, err := d.Info(); err == nil {
				add(p, info)
			}
			return nil
		})
	}
	return files
}

// batcher gathers changes until none has come for settle, or maxDelay
// after the first.
type batcher struct {
	pending map[string]bool
	first   time.Time
	t       *time.Timer
}

func newBatcher() *batcher {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &batcher{pending: map[string]bool{}, t: t}
}

// add records a change and restarts the wait.
func (b *batcher) add(rel string) {
	now := time.Now()
	if len(b.pending) == 0 {
		b.first = now
	}
	b.pending[rel] = true
	b.t.Reset(min(settle, max(0, b.first.Add(maxDelay).Sub(now))))
}

// timer fires when the batch is ready.
func (b *batcher) timer() <-chan time.Time { return b.t.C }

// send sends the batch, sorted, and empties it. It returns false when ctx
// ended first.
func (b *batcher) send(ctx context.Context, out chan<- []string) bool {
	batch := slices.Sorted(maps.Keys(b.pending))
	clear(b.pending)
	select {
	case out <- batch:
		return true
	case <-ctx.Done():
		return false
	}
}
