package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/internal/corpusgen"
)

// staleBound is how long a rebuild may run on once a newer change has
// cancelled it.
const staleBound = 100 * time.Millisecond

// TestStaleRebuildCancelledPromptly checks, on a generated site of 10,000
// articles, that a rebuild a second edit supersedes returns within
// staleBound of the watcher's debounce firing for that edit, whatever
// stage of the pipeline it is in. A first rebuild, left to finish, times
// the stages; then for each stage a rebuild is started and the second
// edit comes halfway through that stage. The test plays the watcher: it
// writes the edits and sends their batches to the server's build loop,
// so the moment a batch is sent is the moment the debounce fires.
func TestStaleRebuildCancelledPromptly(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	if testing.Short() {
		t.Skip("builds a generated site of 10,000 articles")
	}
	c, err := corpusgen.Generate(corpusgen.Options{Articles: 10000, Seed: 1})
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no source text for a generated site: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	// The articles are in memory, where the builds read them (ten
	// thousand files on disk took a third of the test's time); site.toml
	// is on disk too, where the server looks for the content directory.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.toml"), siteToml)
	files := &editableFS{files: fstest.MapFS{"site.toml": {Data: []byte(siteToml)}}}
	for _, a := range c.Articles {
		files.set(a.Path, a.File())
	}
	var log lockedBuffer
	opt := siteOptions(dir)
	opt.Files = files
	s, err := New(context.Background(), Options{Site: opt, Bind: "127.0.0.1", Stdout: &log, Stderr: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()

	// Every build reports when it returned.
	type finished struct {
		at  time.Time
		res buildResult
	}
	builds := make(chan finished, 8)
	real := s.build
	s.build = func(ctx context.Context, changed []string) buildResult {
		res := real(ctx, changed)
		builds <- finished{time.Now(), res}
		return res
	}
	// Two articles the edits change, each edit a new last paragraph.
	first, second := c.Articles[0], c.Articles[len(c.Articles)/2]
	edits := 0
	edit := func(a corpusgen.Article) {
		edits++
		files.set(a.Path, a.File()+fmt.Sprintf("\nThe council met again on the matter for the %d. time.\n", edits))
	}
	// rebuild starts a rebuild after an edit to first, and when after is
	// not negative, edits second that long after the rebuild started. It
	// returns the first rebuild's result, and how long after the second
	// edit's batch was sent (or, without one, after the rebuild started)
	// it returned.
	rebuild := func(after time.Duration) (buildResult, time.Duration) {
		ctx, cancel := context.WithCancel(context.Background())
		batches := make(chan []string)
		done := make(chan struct{})
		go func() { s.loop(ctx, batches); close(done) }()
		defer func() {
			cancel() // and the build the second edit started
			<-done
			for len(builds) > 0 {
				<-builds
			}
		}()
		edit(first)
		start := time.Now()
		// Both articles: a build cancelled before it read the second
		// one's last edit leaves it to this one.
		batches <- []string{first.Path, second.Path}
		if after < 0 {
			f := <-builds
			return f.res, f.at.Sub(start)
		}
		time.Sleep(time.Until(start.Add(after)))
		edit(second)
		fired := time.Now()
		batches <- []string{second.Path}
		f := <-builds
		return f.res, f.at.Sub(fired)
	}

	res, took := rebuild(-1)
	if res.err != nil {
		t.Fatalf("the rebuild failed: %v", res.err)
	}
	stages := stagesOf(res)
	var times []string
	for _, st := range stages {
		times = append(times, fmt.Sprintf("%s %v", st.name, st.length.Round(time.Millisecond)))
	}
	t.Logf("a rebuild took %v: %s", took.Round(time.Millisecond), strings.Join(times, ", "))

	for k := range stages {
		name := stages[k].name
		for attempt := 0; ; attempt++ {
			st := stages[k]
			if st.length < 10*time.Millisecond {
				break // too short to edit in the middle of
			}
			after := st.start + st.length/2
			res, late := rebuild(after)
			if res.err == nil && attempt < 2 {
				// Done before the edit came: this rebuild was quicker
				// than the first. Time the stages again by it.
				stages = stagesOf(res)
				continue
			}
			if !errors.Is(res.err, context.Canceled) {
				t.Errorf("%s: the rebuild the edit %v after its start superseded was not cancelled: %v", name, after.Round(time.Millisecond), res.err)
				break
			}
			t.Logf("%s: the rebuild the edit %v after its start superseded returned %v after the edit's debounce fired", name, after.Round(time.Millisecond), late.Round(100*time.Microsecond))
			if late > staleBound && !raceDetector { // under -race, only races are looked for
				t.Errorf("%s: the rebuild the edit %v after its start superseded returned %v after the edit's debounce fired, want within %v", name, after.Round(time.Millisecond), late.Round(time.Millisecond), staleBound)
			}
			break
		}
	}
}

// stage is a stage of a rebuild: its name, and when it started and how
// long it took.
type stage struct {
	name          string
	start, length time.Duration
}

// stagesOf returns the stages of a rebuild, end to end: the pipeline's,
// making the view of the site (the rest of site.Run), and rendering.
func stagesOf(b buildResult) []stage {
	var stages []stage
	var at time.Duration
	for _, st := range b.res.Summary.Stages {
		stages = append(stages, stage{st.Name, at, st.Duration})
		at += st.Duration
	}
	view := b.took - b.render - at
	return append(stages, stage{"view", at, view}, stage{"render", at + view, b.render})
}

// editableFS is a site in memory that a test edits while builds read it.
type editableFS struct {
	mu    sync.Mutex
	files fstest.MapFS
}

// Open opens name as the files are now; a file opened before an edit
// reads what it held then.
func (e *editableFS) Open(name string) (fs.File, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.files.Open(name)
}

// set writes the file name (slash-separated, relative to the site root).
func (e *editableFS) set(name, text string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.files[name] = &fstest.MapFile{Data: []byte(text), ModTime: time.Now()}
}
