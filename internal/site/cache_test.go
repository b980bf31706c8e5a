package site

import (
	"bytes"
	"context"
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/diag"
)

// trickySite is a site, in memory, whose content has every kind of file
// the reader treats specially.
func trickySite() fstest.MapFS {
	return mapFiles(map[string]string{
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
	})
}

// contentOf returns the options to read the content directory of the
// site files in memory: a view of them, which sees later changes.
func contentOf(t *testing.T, files fstest.MapFS) content.Options {
	t.Helper()
	sub, err := fs.Sub(files, "content")
	if err != nil {
		t.Fatal(err)
	}
	return content.Options{FS: sub, ContentDir: "content"}
}

// TestCacheReadsAsContentRead checks that reading through the cache gives
// what content.Read gives, on the first read and on a read that reuses
// everything, for the demo site and a site of unusual files.
func TestCacheReadsAsContentRead(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	for i, files := range []fstest.MapFS{demoFiles(t), trickySite()} {
		dir := []string{"demo", "tricky"}[i]
		plain := contentOf(t, files)
		zoned := plain
		zoned.Drafts, zoned.Location = true, paris
		for _, opt := range []content.Options{plain, zoned} {
			wantA, wantD, wantErr := content.Read(context.Background(), opt)
			var c Cache
			for round := range 2 {
				cached := opt
				cached.Cache = &c.content
				gotA, gotD, gotErr := content.Read(context.Background(), cached)
				if !reflect.DeepEqual(gotA, wantA) || !reflect.DeepEqual(gotD, wantD) || !reflect.DeepEqual(gotErr, wantErr) {
					t.Errorf("%s (drafts %v) round %d: cache read differs from content.Read:\n got %d articles %v %v\nwant %d articles %v %v",
						dir, opt.Drafts, round, len(gotA), gotD, gotErr, len(wantA), wantD, wantErr)
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
	files := trickySite()
	opt := contentOf(t, files)
	var c Cache
	first, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	parsed := c.Stats().Parsed

	editLater(files, "content/sub/b.txt", "The ferry service was cancelled again on Wednesday.\n")
	files["content/a.md"].ModTime = time.Now().Add(time.Minute) // touched, same bytes
	delete(files, "content/titled.md")
	got, _, err := c.read(opt)
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Parsed != 1 || st.Reused != parsed-2 {
		t.Errorf("after one edit and one removal: %+v, want 1 parsed and %d reused", st, parsed-2)
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
	files := demoFiles(t)
	c := new(Cache)
	ctx := context.Background()
	first, err := Run(ctx, Options{Files: files, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := first.Files(t.Context(), c); err != nil { // the render memo starts here
		t.Fatal(err)
	}
	editLater(files, "content/zz-added.md", "+++\ntitle = \"Putin and Kim meet at the cosmodrome\"\ndate = 2023-09-13\n+++\nRussian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on Wednesday.\n")
	cached, err := Run(ctx, Options{Files: files, Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Run(ctx, Options{Files: files})
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
	hourAgo := time.Now().Add(-time.Hour)
	files := fstest.MapFS{
		"content/settled.md": {Data: []byte("The mill reopened on Monday.\n"), ModTime: hourAgo},
		"content/recent.md":  {Data: []byte("The pier closed on Friday.\n"), ModTime: time.Now()},
	}
	opt := contentOf(t, files)
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	files["content/settled.md"].Data = []byte("The mall reopened on Monday.\n") // same size and time
	files["content/recent.md"].Data = []byte("The port closed on Friday.\n")    // same size and time

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
	files := trickySite()
	opt := contentOf(t, files)
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	edit := func(name, text string) { editLater(files, name, text) }
	edit("content/a.md", "+++\ntitle = \"Alpha\"\n+++\nThe council met on Friday instead.\n")
	edit("content/sub/b.txt", "The ferry service was cancelled on Wednesday.\n")
	edit("content/page.html", "<html><body><article><p>The museum closed again on Sunday for more work on its roof.</p></article></body></html>\n")
	edit("content/new.txt", "A new article about the harbour.\n")
	delete(files, "content/titled.md")
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
	files := trickySite()
	opt := contentOf(t, files)
	var c Cache
	if _, _, err := c.read(opt); err != nil {
		t.Fatal(err)
	}
	edit := func(name, text string) { editLater(files, name, text) }
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

// editLater writes the file name of files and dates it a minute ahead,
// as an edit the cache must notice.
func editLater(files fstest.MapFS, name, text string) {
	files[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644, ModTime: time.Now().Add(time.Minute)}
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
