package server

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/site"
)

// TestRelevant checks which changed paths can change the site.
func TestRelevant(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "site.toml"), "contentDir = \"articles/2024\"\n")
	w := &watcher{siteDir: dir}
	w.findRoots()
	tests := []struct {
		rel  string
		dir  bool
		want bool
	}{
		{"site.toml", false, true},
		{"articles/2024", true, true},
		{"articles/2024/a.md", false, true},
		{"articles/2024/sub/b.txt", false, true},
		{"articles/2024/page.HTML", false, true},
		{"articles/2024/events.toml", false, true},
		{"articles/2024/new-dir", true, true},
		{"themes", true, true},
		{"themes/mine/static/style.css", false, true},
		{"themes/mine/static/logo", false, true},  // any theme file is copied
		{"articles/2024/sedv7hrvH", false, false}, // sed -i's temporary file
		{"articles/2024/notes.docx", false, false},
		{"content/a.md", false, false}, // not the content directory
		{"articles/other.md", false, false},
		{"public/index.html", false, false},
		{".public.new-123/index.html", false, false},
		{"README.md", false, false},
		{"site.toml~", false, false},
		{".site.toml.swp", false, false},
		{"articles/2024/.a.md.swp", false, false},
		{"articles/2024/a.md~", false, false},
		{"articles/2024/#a.md#", false, false},
		{"articles/2024/4913", false, false}, // vim's test file
		{"articles/2024/a.md.tmp", false, false},
		{"articles/2024/.git", true, false},
		{"articles/2024/.git/index", false, false},
		{"articles/2024/.hidden/a.md", false, false},
		{"themes/mine/static/.DS_Store", false, false},
		{"themes/mine/layouts/base.html.bak", false, false},
		{"articles/2024/download.md.crdownload", false, false},
	}
	for _, tt := range tests {
		got, ok := w.relevant(filepath.Join(dir, filepath.FromSlash(tt.rel)), tt.dir)
		if ok != tt.want || (ok && got != tt.rel) {
			t.Errorf("relevant(%s, dir %v) = %q, %v; want %v", tt.rel, tt.dir, got, ok, tt.want)
		}
	}
	if _, ok := w.relevant(filepath.Join(filepath.Dir(dir), "elsewhere.md"), false); ok {
		t.Error("a file outside the site is relevant")
	}

	// A broken site.toml keeps the roots found before.
	write(t, filepath.Join(dir, "site.toml"), "contentDir = \n")
	w.findRoots()
	if _, ok := w.relevant(filepath.Join(dir, "articles", "2024", "a.md"), false); !ok {
		t.Error("a broken site.toml lost the content directory")
	}
}

// TestPollReports checks that the poller reports created, changed and
// removed files, and not editor files.
func TestPollReports(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content", "a.md"), "one\n")
	out := make(chan []string)
	w := newWatcher(dir, true, 10*time.Millisecond, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.run(ctx, out); close(done) }()
	defer func() { cancel(); <-done }()

	// await waits for batches reporting the paths in want, and no others
	// but those of earlier steps: a look may fall between two writes and
	// see a file once created and again once written.
	var before []string
	await := func(want ...string) {
		t.Helper()
		deadline := time.After(5 * time.Second)
		seen := map[string]bool{}
		defer func() { before = append(before, want...) }()
		for len(seen) < len(want) {
			select {
			case batch := <-out:
				for _, rel := range batch {
					if slices.Contains(want, rel) {
						seen[rel] = true
					} else if !slices.Contains(before, rel) {
						t.Errorf("poll reported %s, want only %q", rel, want)
					}
				}
			case <-deadline:
				t.Fatalf("no batch with %q within 5s", want)
			}
		}
	}
	write(t, filepath.Join(dir, "content", ".a.md.swp"), "swap\n")
	write(t, filepath.Join(dir, "content", "a.md~"), "backup\n")
	write(t, filepath.Join(dir, "content", "sub", "b.md"), "two\n")
	await("content/sub", "content/sub/b.md")
	write(t, filepath.Join(dir, "content", "a.md"), "one, longer\n")
	await("content/a.md")
	write(t, filepath.Join(dir, "site.toml"), "title = \"x\"\n")
	await("site.toml")
}

// TestPollSeesEditKeepingSizeAndTime checks that the poller reports an
// edit in place that keeps the file's size and puts its modification time
// back: by its change time where the system has one, and by reading the
// file where it does not.
func TestPollSeesEditKeepingSizeAndTime(t *testing.T) {
	for _, withSys := range []bool{true, false} {
		name := "change time"
		if !withSys {
			name = "content"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "content", "a.md")
			write(t, file, "one\n")
			old := time.Now().Add(-time.Hour).Truncate(time.Second) // not recent: read in its turn
			if err := os.Chtimes(file, old, old); err != nil {
				t.Fatal(err)
			}
			w := newWatcher(dir, true, 10*time.Millisecond, nil)
			if !withSys {
				w.sys = func(fs.FileInfo) sysState { return sysState{} }
				w.prev = w.hashAll(w.scan())
			}
			out := make(chan []string)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { w.run(ctx, out); close(done) }()
			defer func() { cancel(); <-done }()

			select {
			case batch := <-out:
				t.Fatalf("nothing changed, poll reported %q", batch)
			case <-time.After(20 * w.interval):
			}
			write(t, file, "two\n")
			if err := os.Chtimes(file, old, old); err != nil {
				t.Fatal(err)
			}
			if info, err := os.Stat(file); err != nil || info.Size() != 4 || !info.ModTime().Equal(old) {
				t.Fatalf("the edit changed the size or time: %v, %v", info, err)
			}
			select {
			case batch := <-out:
				if !slices.Equal(batch, []string{"content/a.md"}) {
					t.Errorf("poll reported %q, want content/a.md", batch)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("an edit keeping size and modification time was not reported within 2s")
			}
		})
	}
}

// TestBatcher checks that changes are batched until they settle, and not
// held back longer than maxDelay by a steady stream.
func TestBatcher(t *testing.T) {
	t.Parallel() // the package's slow tests run side by side
	b := newBatcher()
	out := make(chan []string, 1)
	start := time.Now()
	b.add("content/b.md")
	b.add("content/a.md")
	b.add("content/b.md")
	<-b.timer()
	if d := time.Since(start); d < settle {
		t.Errorf("batch ready after %s, before it settled", d)
	}
	b.send(context.Background(), out)
	if got := strings.Join(<-out, ","); got != "content/a.md,content/b.md" {
		t.Errorf("batch %q", got)
	}

	start = time.Now()
	tick := time.NewTicker(settle / 4)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			b.add("content/a.md")
			continue
		case <-b.timer():
		}
		break
	}
	if d := time.Since(start); d > maxDelay+settle {
		t.Errorf("a steady stream of changes held the batch for %s", d)
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestNewChangesCancelRunningBuild checks that a batch of changes arriving
// while a build runs cancels that build, and that the next build covers
// the changes of both.
func TestNewChangesCancelRunningBuild(t *testing.T) {
	var log lockedBuffer
	s, err := New(context.Background(), Options{Site: siteOptions(newSite(t)), Bind: "127.0.0.1", Stdout: &log, Stderr: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer s.ln.Close()
	real := s.build
	started := make(chan int, 3)
	calls := 0
	s.build = func(ctx context.Context, changed []string) buildResult {
		calls++
		started <- calls
		if calls == 1 {
			<-ctx.Done() // a slow build, until cancelled
			return buildResult{err: ctx.Err()}
		}
		return real(ctx, changed)
	}
	events := s.hub.subscribe()
	batches := make(chan []string)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.loop(ctx, batches); close(done) }()
	defer func() { cancel(); <-done }()

	batches <- []string{"content/closure.md"}
	if n := <-started; n != 1 {
		t.Fatalf("build %d started first", n)
	}
	batches <- []string{"content/ferry.txt"}
	select {
	case n := <-started:
		if n != 2 {
			t.Fatalf("build %d started second", n)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the running build was not cancelled")
	}
	select {
	case msg := <-events:
		if !bytes.HasPrefix(msg, []byte("event: reload")) {
			t.Fatalf("event %s, want a reload", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload after the second build")
	}
	// The log follows the reload; wait for it with a deadline.
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(log.String(), "content/closure.md, content/ferry.txt changed: rebuilt"); {
		if time.Now().After(deadline) {
			t.Fatalf("the build after the cancelled one does not report both changes:\n%s", log.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if len(started) != 0 {
		t.Errorf("%d more builds started", len(started))
	}
}

// TestWatcherSawAll checks when the server lets the watcher's list of
// changes tell the parse cache which files to look at: only for a list of
// changes seen one by one, without site.toml, and when the content
// directory is one the watcher watches.
func TestWatcherSawAll(t *testing.T) {
	for _, tt := range []struct {
		name    string
		config  string
		changed []string
		want    bool
	}{
		{"an article edited", "", []string{"content/a.md"}, true},
		{"a theme file", "", []string{"themes/x/static/style.css"}, true},
		{"the first build", "", nil, false},
		{"a rescan", "", []string{allFiles}, false},
		{"site.toml", "", []string{"content/a.md", "site.toml"}, false},
		{"content outside the site", "contentDir = \"../elsewhere\"\n", []string{"content/a.md"}, false},
		{"the site itself as content", "contentDir = \".\"\n", []string{"a.md"}, false},
		{"a broken site.toml", "title = \n", []string{"content/a.md"}, false},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(tt.config), 0o644); err != nil {
			t.Fatal(err)
		}
		s := &Server{opt: Options{Site: site.Options{SiteDir: dir}}}
		if got := s.watcherSawAll(t.Context(), tt.changed); got != tt.want {
			t.Errorf("%s: watcherSawAll = %v, want %v", tt.name, got, tt.want)
		}
	}
}
