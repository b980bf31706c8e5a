package site

import (
	"context"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/render"
)

// TestDestinationRefused builds into the site's own directories, under
// several spellings: each is refused, saying why, and leaves every file
// around the site as it was.
func TestDestinationRefused(t *testing.T) {
	dir := demoSite(t)
	root := filepath.Dir(dir) // holds the site: an ancestor
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(dir, ".github", "workflows", "pages.yml"), "on: push\n")
	writeFile(t, filepath.Join(dir, "themes", "mine", "static", "extra.css"), "p{}")
	link := filepath.Join(root, "link-to-site")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	tests := []struct {
		name, dst, why string
	}{
		{"site root", dir, "it is the site root"},
		{"site root, spelled with ..", filepath.Join(dir, "content", ".."), "it is the site root"},
		{"site root through a link", link, "it is the site root"},
		{"content directory", filepath.Join(dir, "content"), "it is the content directory"},
		{"content directory through a link", filepath.Join(link, "content"), "it is the content directory"},
		{"themes directory", filepath.Join(dir, "themes"), "it is the themes directory"},
		{"inside the content directory", filepath.Join(dir, "content", "public"), "it is inside the content directory"},
		{"inside a theme", filepath.Join(dir, "themes", "mine", "out"), "it is inside the themes directory"},
		{"ancestor of the site", root, "it holds the site root"},
		{"root of the file system", "/", "it holds the site root"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tree(t, root)
			_, err := Build(context.Background(), Options{SiteDir: dir, Destination: tt.dst})
			if err == nil || !strings.Contains(err.Error(), "refusing to build into") || !strings.Contains(err.Error(), tt.why) {
				t.Fatalf("err = %v, want a refusal saying %q", err, tt.why)
			}
			sameTree(t, root, before)
			noTemporaries(t, dir)
			noTemporaries(t, root)
		})
	}
	// With --cleanDestinationDir too.
	before := tree(t, root)
	if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: dir, CleanDestinationDir: true}); err == nil {
		t.Fatal("the site root was accepted as destination with CleanDestinationDir")
	}
	sameTree(t, root, before)
}

// TestDestinationForeignFiles publishes into a directory holding files
// no build wrote: beside them when none is in the way, else the build
// fails naming those in the way and leaves the directory as it was;
// with clean, the directory's contents are replaced.
func TestDestinationForeignFiles(t *testing.T) {
	site := map[string]string{
		"index.html":          "index",
		"events/a/index.html": "event a",
		"404.html":            "not found",
	}
	tests := []struct {
		name string
		user map[string]string
		way  []string // the names the error must give; none: it builds
	}{
		{"beside", map[string]string{"notes.txt": "mine", "img/a.png": "png", "events/b.txt": "b"}, nil},
		{"a file in the way", map[string]string{"notes.txt": "mine", "index.html": "my own index"}, []string{"index.html"}},
		{"a file where a directory goes", map[string]string{"events": "a file"}, []string{"events"}},
		{"a directory where a file goes", map[string]string{"404.html/x.txt": "x"}, []string{"404.html/x.txt"}},
		{"a manifest not ours", map[string]string{manifestName: "something else"}, []string{manifestName}},
		{"many", map[string]string{"index.html": "1", "404.html": "2", "events/a/index.html": "3"}, []string{"404.html", "events/a/index.html", "index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dst := filepath.Join(parent, "docs")
			for rel, s := range tt.user {
				writeFile(t, filepath.Join(dst, filepath.FromSlash(rel)), s)
			}
			before := tree(t, dst)
			err := publish(context.Background(), dst, rules{}, fillWith(site))
			noTemporaries(t, parent)
			if tt.way == nil {
				if err != nil {
					t.Fatal(err)
				}
				want := withManifest(site)
				maps.Copy(want, tt.user)
				wantTree(t, dst, want)
				return
			}
			if err == nil {
				t.Fatal("the build replaced files it did not write")
			}
			msg := err.Error()
			if i := strings.Index(msg, "new site has files: "); i < 0 || !strings.HasPrefix(msg[i+len("new site has files: "):], strings.Join(tt.way, ", ")+";") {
				t.Errorf("err = %v, want it to name %v", err, tt.way)
			}
			if !strings.Contains(msg, "--cleanDestinationDir") {
				t.Errorf("err = %v, want it to say how to replace the files", err)
			}
			sameTree(t, dst, before)

			// Knowingly: the contents are replaced.
			if err := publish(context.Background(), dst, rules{clean: true}, fillWith(site)); err != nil {
				t.Fatal(err)
			}
			wantTree(t, dst, withManifest(site))
			noTemporaries(t, parent)
		})
	}
}

// TestDestinationDocs rebuilds a site into docs/ (GitHub Pages from a
// folder), where the user keeps files of their own, some inside the
// site's directories: they stay byte for byte, the site's stale files
// and the directories they leave empty go.
func TestDestinationDocs(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "docs")
	user := map[string]string{
		"CNAME":                "timeline.example.org\n",
		"README.md":            "# My docs\n",
		"guide/index.md":       "a guide",
		"events/notes.txt":     "notes kept among the events",
		"sources/old/mine.txt": "a file of mine where a stale source was",
	}
	first := map[string]string{
		"index.html":               "index v1",
		"events/a/index.html":      "event a",
		"events/gone/index.html":   "stale",
		"sources/old/index.html":   "stale source",
		"sources/kept/index.html":  "source",
		"sources/x":                "file to become a directory",
		"feed.xml":                 "feed",
		"events/gone/extra/a.json": "stale",
	}
	second := map[string]string{
		"index.html":              "index v2",
		"events/a/index.html":     "event a",
		"sources/kept/index.html": "source",
		"sources/x/index.html":    "source x",
	}
	for rel, s := range user {
		writeFile(t, filepath.Join(dst, filepath.FromSlash(rel)), s)
	}
	if err := publish(context.Background(), dst, rules{}, fillWith(first)); err != nil {
		t.Fatal(err)
	}
	want := withManifest(first)
	maps.Copy(want, user)
	wantTree(t, dst, want)

	if err := publish(context.Background(), dst, rules{}, fillWith(second)); err != nil {
		t.Fatal(err)
	}
	want = withManifest(second)
	maps.Copy(want, user)
	wantTree(t, dst, want)
	if _, err := os.Lstat(filepath.Join(dst, "events", "gone")); err == nil {
		t.Error("the stale event's directory is still there")
	}
	noTemporaries(t, parent)
}

// TestDestinationDocsDemo builds the demo site into docs/ beside the
// user's files, removes an article and builds again: the user's files
// stay, the removed article's page goes.
func TestDestinationDocsDemo(t *testing.T) {
	dir := demoSite(t)
	docs := filepath.Join(dir, "docs")
	writeFile(t, filepath.Join(docs, "CNAME"), "timeline.example.org\n")
	writeFile(t, filepath.Join(docs, "about", "index.html"), "<p>About us</p>")
	user := tree(t, docs)
	if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: docs}); err != nil {
		t.Fatal(err)
	}
	pages := tree(t, docs)
	var gone string
	for rel := range pages {
		if strings.HasPrefix(rel, "sources/") && strings.HasSuffix(rel, "/index.html") {
			gone = rel
			break
		}
	}
	removed := 0
	entries, _ := os.ReadDir(filepath.Join(dir, "content"))
	for _, e := range entries {
		if strings.Contains(gone, strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))) {
			os.Remove(filepath.Join(dir, "content", e.Name()))
			removed++
		}
	}
	if removed == 0 {
		t.Fatalf("no article of the demo gives %s", gone)
	}
	if _, err := Build(context.Background(), Options{SiteDir: dir, Destination: docs}); err != nil {
		t.Fatal(err)
	}
	after := tree(t, docs)
	for rel, b := range user {
		if string(after[rel]) != string(b) {
			t.Errorf("the user's %s changed", rel)
		}
	}
	if _, ok := after[gone]; ok {
		t.Errorf("%s, of a removed article, is still there", gone)
	}
	listed := readManifest(docs)
	for rel := range after {
		if _, ok := user[rel]; !ok && !listed[rel] {
			t.Errorf("%s is neither the user's nor in the manifest", rel)
		}
	}
	noTemporaries(t, dir)
}

// TestDestinationManifest checks the manifest's form: a first line
// saying what it is, then the site's files, sorted, one slash path a
// line.
func TestDestinationManifest(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"b/index.html": "b", "a.css": "a", "index.html": "i", ".nojekyll": ""}
	if err := publish(context.Background(), dst, rules{}, fillWith(site)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(readFile(t, filepath.Join(dst, manifestName)), "\n")
	if !strings.HasPrefix(lines[0], "# timeline") {
		t.Errorf("first line %q does not say what the file is", lines[0])
	}
	want := append(slices.Sorted(maps.Keys(site)), "")
	if !slices.Equal(lines[1:], want) {
		t.Errorf("manifest lists %q, want %q", lines[1:], want)
	}
}

// TestDestinationRegularFile builds into a path that is a file: refused,
// and the file is as it was.
func TestDestinationRegularFile(t *testing.T) {
	dir := demoSite(t)
	file := filepath.Join(dir, "notes.txt")
	writeFile(t, file, "my notes")
	_, err := Build(context.Background(), Options{SiteDir: dir, Destination: file})
	if err == nil || !strings.Contains(err.Error(), "refusing to build into") || !strings.Contains(err.Error(), "it is a file, not a directory") {
		t.Fatalf("err = %v, want a refusal: it is a file, not a directory", err)
	}
	if got := readFile(t, file); got != "my notes" {
		t.Errorf("the file now holds %q", got)
	}
	noTemporaries(t, dir)
}

// TestDestinationSymlink builds into a link to a directory elsewhere,
// empty at first: the link stays, the site is in its target, and an
// unchanged and a changed rebuild both work.
//
// The target is on another file system when one is at hand (/dev/shm):
// then only staging beside the target, not beside the link, can move
// files into it.
func TestDestinationSymlink(t *testing.T) {
	parent, elsewhere := t.TempDir(), otherFileSystem(t)
	target := filepath.Join(elsewhere, "site")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(parent, "docs")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	writeFile(t, filepath.Join(elsewhere, "beside.txt"), "beside the target")
	first := map[string]string{"index.html": "v1", "events/a/index.html": "a"}
	second := map[string]string{"index.html": "v2", "events/b/index.html": "b"}
	for i, site := range []map[string]string{first, first, second, second} {
		if err := publish(context.Background(), link, rules{}, fillWith(site)); err != nil {
			t.Fatalf("build %d: %v", i+1, err)
		}
		st, err := os.Lstat(link)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: the link is gone or replaced (%v, %v)", i+1, st, err)
		}
		if to, _ := os.Readlink(link); to != target {
			t.Errorf("build %d: the link points to %s", i+1, to)
		}
		wantTree(t, target, withManifest(site))
		noTemporaries(t, parent)
		noTemporaries(t, elsewhere)
	}
	if readFile(t, filepath.Join(elsewhere, "beside.txt")) != "beside the target" {
		t.Error("a file beside the target changed")
	}
}

// otherFileSystem returns a temporary directory on another file system
// than t.TempDir's if there is one at hand, else another t.TempDir.
func otherFileSystem(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	dir, err := os.MkdirTemp("/dev/shm", "timeline-test-")
	if err != nil {
		return tmp
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// A rename between the two fails only across file systems.
	probe := filepath.Join(tmp, "probe")
	writeFile(t, probe, "")
	if os.Rename(probe, filepath.Join(dir, "probe")) == nil {
		return tmp
	}
	return dir
}

// TestPublishConcurrent starts a build into a destination while another
// is writing it: the second fails naming the lock and the process
// holding it, and the destination is exactly the first's site.
func TestPublishConcurrent(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "public")
	old := map[string]string{"index.html": "old", "events/x/index.html": "x"}
	a := map[string]string{"index.html": "site a", "events/a/index.html": "a"}
	b := map[string]string{"index.html": "site b", "events/b/index.html": "b", "b.css": "b"}
	if err := publish(context.Background(), dst, rules{}, fillWith(old)); err != nil {
		t.Fatal(err)
	}
	started, proceed := make(chan struct{}), make(chan struct{})
	errA := make(chan error)
	go func() {
		errA <- publish(context.Background(), dst, rules{}, func(out render.Output) error {
			close(started)
			<-proceed
			return fillWith(a)(out)
		})
	}()
	<-started
	errB := publish(context.Background(), dst, rules{}, fillWith(b))
	close(proceed)
	if err := <-errA; err != nil {
		t.Fatalf("the first build: %v", err)
	}
	lock := filepath.Join(parent, ".public.lock")
	if errB == nil || !strings.Contains(errB.Error(), lock) || !strings.Contains(errB.Error(), "process "+strconv.Itoa(os.Getpid())) {
		t.Errorf("the second build: err = %v, want one naming %s and process %d", errB, lock, os.Getpid())
	}
	wantTree(t, dst, withManifest(a))
	noTemporaries(t, parent)
}

// TestPublishAfterKill: a build killed mid-commit left its staging and
// moved-out directories and its lock, with the process ID of a process
// now gone; the next build takes the lock, removes them, and builds.
func TestPublishAfterKill(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "public")
	first := map[string]string{"index.html": "v1", "events/a/index.html": "a"}
	second := map[string]string{"index.html": "v2"}
	if err := publish(context.Background(), dst, rules{}, fillWith(first)); err != nil {
		t.Fatal(err)
	}
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skipf("cannot run a process to get a dead PID: %v", err)
	}
	writeFile(t, filepath.Join(parent, ".public.lock"), strconv.Itoa(dead.Process.Pid)+"\n")
	writeFile(t, filepath.Join(parent, ".public.lock.123456"), "99\n")
	writeFile(t, filepath.Join(parent, ".public.new-x", "index.html"), "half a site")
	writeFile(t, filepath.Join(parent, ".public.new-x.old", "index.html"), "the tree a swap moved aside")
	writeFile(t, filepath.Join(parent, ".public.old-y", "stale", "events", "b", "index.html"), "moved out")
	writeFile(t, filepath.Join(parent, ".other.new-z", "keep"), "another destination's")
	if err := publish(context.Background(), dst, rules{}, fillWith(second)); err != nil {
		t.Fatal(err)
	}
	wantTree(t, dst, withManifest(second))
	if _, err := os.Stat(filepath.Join(parent, ".other.new-z", "keep")); err != nil {
		t.Errorf("a temporary of another destination was removed: %v", err)
	}
	os.RemoveAll(filepath.Join(parent, ".other.new-z"))
	noTemporaries(t, parent)
}

// TestPublishLockHeld: a lock whose process is alive (here the test's
// parent) stops the build, which names it and leaves the site as it was.
func TestPublishLockHeld(t *testing.T) {
	parent := t.TempDir()
	dst := filepath.Join(parent, "public")
	if err := publish(context.Background(), dst, rules{}, fillWith(map[string]string{"index.html": "v1"})); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dst)
	lock := filepath.Join(parent, ".public.lock")
	writeFile(t, lock, strconv.Itoa(os.Getppid())+"\n")
	err := publish(context.Background(), dst, rules{}, fillWith(map[string]string{"index.html": "v2"}))
	if err == nil || !strings.Contains(err.Error(), "process "+strconv.Itoa(os.Getppid())) {
		t.Fatalf("err = %v, want one naming process %d", err, os.Getppid())
	}
	sameTree(t, dst, before)
	if readFile(t, lock) != strconv.Itoa(os.Getppid())+"\n" {
		t.Error("another build's lock was changed")
	}
}
