package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/diag"
)

// trickySite writes a site whose content has every kind of file the reader
// treats specially.
func trickySite(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"content/a.md":              "+++\ntitle = \"Alpha\"\ndate = 2024-03-01T10:00:00\n+++\nThe council met on Monday to approve the budget.\n",
		"content/sub/b.txt":         "The ferry service resumed on Tuesday after the storm.\n",
		"content/sub/deeper/c.md":   "+++\ndraft = true\n+++\nA draft about the bridge.\n",
		"content/bad.md":            "+++\ndate = 2024-13-45\n+++\nBody.\n",
		"content/empty.txt":         "",
		"content/titled.md":         "+++\ntitle = \"Only a title\"\n+++\n",
		"content/.hidden.txt":       "hidden\n",
		"content/a.md~":             "backup\n",
		"content/.git/x.txt":        "inside a hidden directory\n",
		"content/notes.docx":        "not an article\n",
		"content/page.html":         "<html><head><title>A page</title></head><body><article><p>The museum reopened on Saturday after a long renovation of its halls.</p></article></body></html>\n",
		"content/Upper.TXT":         "Upper case extension, read as text.\n",
		"content/latin1.txt":        "Caf\xe9 owners said the market would reopen on Friday.\n",
		"content/sub/deeper/d.text": "not an article either\n",
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	return dir
}

// TestCacheReadsAsContentRead checks that reading through the cache gives
// what content.Read gives, on the first read and on a read that reuses
// everything, for the demo site and a site of unusual files.
func TestCacheReadsAsContentRead(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{demoSite(t), trickySite(t)} {
		for _, opt := range []content.Options{
			{SiteDir: dir, ContentDir: "content"},
			{SiteDir: dir, ContentDir: "content", Drafts: true, Location: paris},
			{SiteDir: dir, ContentDir: "missing"},
		} {
			wantA, wantD, wantErr := content.Read(context.Background(), opt)
			var c Cache
			for round := range 2 {
				cached := opt
				cached.Cache = &c.content
				gotA, gotD, gotErr := content.Read(context.Background(), cached)
				if !reflect.DeepEqual(gotA, wantA) || !reflect.DeepEqual(gotD, wantD) || !reflect.DeepEqual(gotErr, wantErr) {
					t.Errorf("%s %+v round %d: cache read differs from content.Read:\n got %d articles %v %v\nwant %d articles %v %v",
						dir, opt, round, len(gotA), gotD, gotErr, len(wantA), wantD, wantErr)
				}
			}
			if wantErr == nil {
				if st := c.Stats(); st.Parsed != 0 || st.Reused == 0 {
					t.Errorf("%s: second read stats %+v, want every file reused", dir, st)
				}
			}
		}
	}
}

// TestCacheReparsesChangedFiles checks that only files whose bytes or
// reading zone changed are parsed again, that the new content is what the
// build sees, and that a deleted file is gone.
func TestCacheReparsesChangedFiles(t *testing.T) {
	dir := trickySite(t)
	opt := content.Options{SiteDir: dir, ContentDir: "content"}
	var c Cache
	first, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	files := c.Stats().Parsed

	writeFile(t, filepath.Join(dir, "content", "sub", "b.txt"), "The ferry service was cancelled again on Wednesday.\n")
	now := time.Now().Add(time.Minute)
	os.Chtimes(filepath.Join(dir, "content", "a.md"), now, now) // touched, same bytes
	os.Remove(filepath.Join(dir, "content", "titled.md"))
	got, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Parsed != 1 || st.Reused != files-2 {
		t.Errorf("after one edit and one removal: %+v, want 1 parsed and %d reused", st, files-2)
	}
	if len(got) != len(first)-1 {
		t.Errorf("%d articles after removing one, %d before", len(got), len(first))
	}
	for _, a := range got {
		if a.Path == "content/sub/b.txt" && !bytes.Contains([]byte(a.Blocks[0].Text), []byte("Wednesday")) {
			t.Errorf("edited article still reads %q", a.Blocks[0].Text)
		}
	}

	opt.Location, _ = time.LoadLocation("Asia/Tokyo")
	c.read(opt)
	if st := c.Stats(); st.Reused != 0 {
		t.Errorf("after a time zone change %d files reused, want none", st.Reused)
	}
}

// TestCachedBuildIsIdentical checks that a build through the cache, after
// an edit, renders exactly what a build without it renders.
func TestCachedBuildIsIdentical(t *testing.T) {
	dir := demoSite(t)
	c := new(Cache)
	ctx := context.Background()
	first, err := Run(ctx, Options{SiteDir: dir, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := first.Files(t.Context(), c); err != nil { // the render memo starts here
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "content", "zz-added.md"), "+++\ntitle = \"Putin and Kim meet at the cosmodrome\"\ndate = 2023-09-13\n+++\nRussian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on Wednesday.\n")
	cached, err := Run(ctx, Options{SiteDir: dir, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Run(ctx, Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := cached.Files(t.Context(), c)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := plain.Files(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the cached build renders differently from a build without the cache")
	}
	if st := c.Stats(); st.Parsed != 1 || st.Rendered == 0 || st.Rendered >= len(a)/2 {
		t.Errorf("cache stats %+v, want only the added file parsed, and some of the %d files rendered again", st, len(a))
	}
}

// read reads opt's content directory through the cache.
func (c *Cache) read(opt content.Options) ([]content.Article, diag.List, error) {
	opt.Cache = &c.content
	return content.Read(context.Background(), opt)
}

// TestCacheTrustsSettledFileTimes checks when the cache takes a file's
// size and modification time as proof its bytes did not change: when the
// time was well before the file was read, the file is not read again
// (shown here by changing its bytes behind the cache's back, keeping
// size and time, which real edits do not do); when the file had just been
// modified, a change within the time stamp's resolution could keep its
// time, so it is read and hashed again.
func TestCacheTrustsSettledFileTimes(t *testing.T) {
	dir := t.TempDir()
	opt := content.Options{SiteDir: dir, ContentDir: "content"}
	settled := filepath.Join(dir, "content", "settled.md")
	recent := filepath.Join(dir, "content", "recent.md")
	writeFile(t, settled, "The mill reopened on Monday.\n")
	writeFile(t, recent, "The pier closed on Friday.\n")
	hourAgo := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(settled, hourAgo, hourAgo)
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	recentTime := func() time.Time {
		st, err := os.Stat(recent)
		if err != nil {
			t.Fatal(err)
		}
		return st.ModTime()
	}()
	writeFile(t, settled, "The mall reopened on Monday.\n") // same size
	os.Chtimes(settled, hourAgo, hourAgo)
	writeFile(t, recent, "The port closed on Friday.\n") // same size
	os.Chtimes(recent, recentTime, recentTime)

	got, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, a := range got {
		text[a.Path] = a.Blocks[0].Text
	}
	if text["content/settled.md"] != "The mill reopened on Monday." {
		t.Errorf("settled file read again: %q", text["content/settled.md"])
	}
	if text["content/recent.md"] != "The port closed on Friday." {
		t.Errorf("recently modified file not read again: %q", text["content/recent.md"])
	}
	if st := c.Stats(); st.Reused != 1 || st.Parsed != 1 {
		t.Errorf("stats %+v, want 1 reused and 1 parsed", st)
	}
}

// TestCacheExpect checks the watcher's hint: after Expect, a read looks
// only at the files named (or under a directory named) and at files it
// has not read, and takes the others as they were; the next read without
// a hint looks at every file again.
func TestCacheExpect(t *testing.T) {
	dir := trickySite(t)
	opt := content.Options{SiteDir: dir, ContentDir: "content"}
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	edit := func(name, text string) { editLater(t, dir, name, text) }
	edit("content/a.md", "+++\ntitle = \"Alpha\"\n+++\nThe council met on Friday instead.\n")
	edit("content/sub/b.txt", "The ferry service was cancelled on Wednesday.\n")
	edit("content/page.html", "<html><body><article><p>The museum closed again on Sunday for more work on its roof.</p></article></body></html>\n")
	edit("content/new.txt", "A new article about the harbour.\n")
	os.Remove(filepath.Join(dir, "content", "titled.md"))
	c.Expect([]string{"content/a.md", "content/sub", "content/titled.md"})
	got, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	text := firstBlocks(got)
	for path, want := range map[string]string{
		"content/a.md":      "The council met on Friday instead.",                                    // named
		"content/sub/b.txt": "The ferry service was cancelled on Wednesday.",                         // under a directory named
		"content/new.txt":   "A new article about the harbour.",                                      // not read before
		"content/page.html": "The museum reopened on Saturday after a long renovation of its halls.", // not named: taken as it was
	} {
		if text[path] != want {
			t.Errorf("with the hint, %s reads %q, want %q", path, text[path], want)
		}
	}
	if _, ok := text["content/titled.md"]; ok {
		t.Error("a removed file is still read")
	}
	if st := c.Stats(); st.Parsed != 3 {
		t.Errorf("stats %+v, want 3 files parsed", st)
	}

	got, _, err = c.read(opt) // no hint: every file is looked at
	if err != nil {
		t.Fatal(err)
	}
	if text := firstBlocks(got)["content/page.html"]; text != "The museum closed again on Sunday for more work on its roof." {
		t.Errorf("without a hint, the page not named before still reads %q", text)
	}
}

// TestCacheExpectAddsUp checks that what Expect says adds up until a read
// (a build that failed before reading, say on a bad site.toml, passes its
// changes on to the next), and that ExpectAnything makes the next read
// look at every file whatever Expect says after it.
func TestCacheExpectAddsUp(t *testing.T) {
	dir := trickySite(t)
	opt := content.Options{SiteDir: dir, ContentDir: "content"}
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	edit := func(name, text string) { editLater(t, dir, name, text) }
	text := func() map[string]string {
		got, _, err := c.read(opt)
		if err != nil {
			t.Fatal(err)
		}
		return firstBlocks(got)
	}

	edit("content/a.md", "The council met on Friday instead.\n")
	c.Expect([]string{"content/a.md"}) // this build fails before it reads
	edit("content/sub/b.txt", "The ferry was cancelled on Wednesday.\n")
	c.Expect([]string{"content/sub/b.txt"})
	got := text()
	if got["content/a.md"] != "The council met on Friday instead." || got["content/sub/b.txt"] != "The ferry was cancelled on Wednesday." {
		t.Errorf("after two hints, one read: %q, %q", got["content/a.md"], got["content/sub/b.txt"])
	}

	edit("content/page.html", "<html><body><article><p>The museum closed again on Sunday for more work on its roof.</p></article></body></html>\n")
	c.ExpectAnything() // say, a rescan after the watcher lost track
	c.Expect([]string{"content/a.md"})
	if got := text(); got["content/page.html"] != "The museum closed again on Sunday for more work on its roof." {
		t.Errorf("after ExpectAnything, a file not named still reads %q", got["content/page.html"])
	}
}

// editLater writes the file name (a slash path under dir) and dates it a
// minute ahead, as an edit the cache must notice.
func editLater(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	writeFile(t, p, text)
	later := time.Now().Add(time.Minute)
	os.Chtimes(p, later, later)
}

// firstBlocks maps each article's path to the text of its first block.
func firstBlocks(articles []content.Article) map[string]string {
	m := map[string]string{}
	for _, a := range articles {
		if len(a.Blocks) > 0 {
			m[a.Path] = a.Blocks[0].Text
		}
	}
	return m
}
