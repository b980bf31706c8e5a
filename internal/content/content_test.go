package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/timeline-ssg/timeline/internal/corpusgen"
	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/sitefs"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// openDir opens the directory dir as a build opens the content
// directory, closing it when the test ends.
func openDir(t *testing.T, dir string) *sitefs.Dir {
	t.Helper()
	d, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestParseFrontMatter(t *testing.T) {
	src := "+++\ntitle = \"Kim tours a warship\"\npublisher = \"Example News\"\nurl = \"https://example.org/a\"\nauthor = \"A. Writer\"\ndate = 2023-09-17\ntags = [\"russia\"]\n+++\n\n# Heading\n\nFirst paragraph\nwrapped here.\n\n- an item\n"
	a, diags := Parse("content/a.md", []byte(src), time.UTC)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := a.Meta
	if m.Title != "Kim tours a warship" || m.Publisher != "Example News" || m.URL != "https://example.org/a" || m.Author != "A. Writer" {
		t.Errorf("meta = %+v", m)
	}
	if !m.HasDate || !m.DateOnly || m.Date.Format("2006-01-02") != "2023-09-17" {
		t.Errorf("date = %v (has %v, dateOnly %v)", m.Date, m.HasDate, m.DateOnly)
	}
	want := []webpage.Block{
		{Kind: webpage.Heading, Text: "Heading", Line: 10},
		{Kind: webpage.Paragraph, Text: "First paragraph wrapped here.", Line: 12},
		{Kind: webpage.ListItem, Text: "an item", Line: 15},
	}
	if !reflect.DeepEqual(a.Blocks, want) {
		t.Errorf("blocks =\n%+v\nwant\n%+v", a.Blocks, want)
	}
}

func TestParseDatetimeForms(t *testing.T) {
	paris, _ := time.LoadLocation("Europe/Paris")
	tests := []struct {
		value string
		want  string
	}{
		{"2023-09-11T08:30:00Z", "2023-09-11T08:30:00Z"},
		{"2023-09-11T08:30:00+09:00", "2023-09-11T08:30:00+09:00"},
		{"2023-09-11T08:30:00", "2023-09-11T08:30:00+02:00"}, // local datetime read in the site's zone
		{`"2023-09-11"`, "2023-09-11T00:00:00Z"},
	}
	for _, tt := range tests {
		a, diags := Parse("content/a.txt", []byte("+++\ndate = "+tt.value+"\n+++\nBody text here.\n"), paris)
		if len(diags) > 0 {
			t.Errorf("%s: %v", tt.value, diags)
			continue
		}
		if got := a.Meta.Date.Format(time.RFC3339); got != tt.want {
			t.Errorf("date = %s: got %s, want %s", tt.value, got, tt.want)
		}
	}
}

func TestFrontMatterErrorsNameLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown key", "+++\ntitle = \"x\"\ntitel = \"y\"\n+++\nbody\n", 3, `unknown key "titel"`},
		{"quoted unknown key", "+++\ntitle = \"x\"\n\"titel\" = \"y\"\n+++\nbody\n", 3, `unknown key "titel"`},
		{"quoted key with a space", "+++\ntitle = \"x\"\n\n\"ti tel\" = \"y\"\n+++\nbody\n", 4, `unknown key`},
		{"literal key with a dot", "+++\ntitle = \"x\"\n'ti.tel' = \"y\"\n+++\nbody\n", 3, `unknown key`},
		{"quoted key in a table", "+++\ntitle = \"x\"\n[extra]\nok = 1\n\"a b\" = 2\n+++\nbody\n", 3, `unknown key`},
		{"key after a multi-line string", "+++\ntitle = \"\"\"\n\"x y\" = 1\n\"\"\"\n\"x y\" = 2\n+++\nbody\n", 5, `unknown key`},
		{"quoted bad date", "+++\ntitle = \"x\"\n\"date\" = \"yesterday\"\n+++\nbody\n", 3, "not a date"},
		{"bad date", "+++\ntitle = \"x\"\ndate = \"yesterday\"\n+++\nbody\n", 3, "not a date"},
		{"syntax", "+++\ntitle = \"x\ndate = 2023-01-01\n+++\nbody\n", 2, ""},
		{"wrong type", "+++\ntags = \"a\"\n+++\nbody\n", 2, "tags"},
		{"unclosed", "+++\ntitle = \"x\"\nbody\n", 1, "never closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantOneError(t, tt.src, tt.line, tt.msg) })
	}
}

func TestTextBlocks(t *testing.T) {
	body := "Connect with us\n\n\nA Headline Here\n\nFirst paragraph ends.\nSecond paragraph on the next line.\n" +
		"This prose is hard wrapped at about seventy characters, as email and\nold archives do, and continues here.\n"
	got := TextBlocks(body, 1)
	var texts []string
	for _, b := range got {
		texts = append(texts, b.Text)
	}
	want := []string{"Connect with us", "A Headline Here", "First paragraph ends.", "Second paragraph on the next line.",
		"This prose is hard wrapped at about seventy characters, as email and old archives do, and continues here."}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("blocks\n got %q\nwant %q", texts, want)
	}
	if got[1].Line != 4 || got[3].Line != 7 {
		t.Errorf("lines: %d, %d; want 4, 7", got[1].Line, got[3].Line)
	}
}

func TestEncodings(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		want  string
		warns int
	}{
		{"utf8 bom", []byte("\xEF\xBB\xBFCaf\xC3\xA9 opens.\r\nNext line."), "Café opens.", 0},
		{"utf16le bom", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, '.', 0}, "Hi.", 0},
		{"utf16be bom", []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0, '.'}, "Hi.", 0},
		{"windows-1252", []byte("\x93Caf\xe9\x94 opens \x96 today."), "“Café” opens – today.", 1},
		{"cr line ends", []byte("One.\rTwo."), "One.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, diags := Parse("content/x.txt", tt.data, time.UTC)
			if len(diags) != tt.warns {
				t.Errorf("diagnostics = %v, want %d", diags, tt.warns)
			}
			if len(a.Blocks) == 0 || a.Blocks[0].Text != tt.want {
				t.Errorf("first block = %+v, want %q", a.Blocks, tt.want)
			}
		})
	}
	if _, diags := Parse("content/bin.txt", []byte("\x00\x01\x02PNG"), time.UTC); len(diags) != 1 || !strings.Contains(diags[0].Message, "binary") {
		t.Errorf("binary file: %v", diags)
	}
	if _, diags := Parse("content/empty.txt", nil, time.UTC); len(diags) != 1 || !strings.Contains(diags[0].Message, "empty") {
		t.Errorf("empty file: %v", diags)
	}
	// The warnings name the file and say how it was read.
	if _, diags := Parse("content/latin.txt", []byte("Caf\xe9 owners said so."), time.UTC); len(diags) != 1 ||
		diags[0].Error() != "content/latin.txt: not UTF-8 (first bad byte at offset 3): read as Windows-1252" {
		t.Errorf("windows-1252 file: %v", diags)
	}
	if _, diags := Parse("content/bad.txt", []byte("\xEF\xBB\xBFCaf\xc3\xa9 \xff owners said so."), time.UTC); len(diags) != 1 ||
		diags[0].Error() != "content/bad.txt: invalid UTF-8 at byte offset 9: replaced with U+FFFD" {
		t.Errorf("bad byte after a byte order mark: %v", diags)
	}
	// A web page in UTF-16 is text, not a binary file.
	var page []byte
	page = append(page, 0xFF, 0xFE)
	for _, c := range []byte("<html><body><article><p>The harbour authority said on Monday that ferry fares would rise by ten percent in April.</p></article></body></html>") {
		page = append(page, c, 0)
	}
	if a, diags := Parse("content/utf16.html", page, time.UTC); len(diags) != 0 || len(a.Blocks) != 1 || !strings.HasPrefix(a.Blocks[0].Text, "The harbour authority") {
		t.Errorf("UTF-16 page: %+v %v", a.Blocks, diags)
	}
}

func TestReadSkipsHiddenTempAndDrafts(t *testing.T) {
	fsys := mapFS(map[string]string{
		"a.txt":           "Article A body text.",
		"sub/b.md":        "+++\ntitle = \"B\"\n+++\nBody of B.",
		".hidden.txt":     "hidden",
		".git/x.txt":      "git",
		"a.txt~":          "backup",
		"#a.txt#":         "emacs",
		".a.txt.swp":      "vim",
		"draft.md":        "+++\ndraft = true\n+++\nDraft body.",
		"notes.json":      "{}",
		"sub/c.markdown":  "Body of C.",
		"sub/.cache/d.md": "cached",
	})
	as, diags, err := Read(context.Background(), Options{FS: fsys, ContentDir: "content"})
	if err != nil || len(diags) > 0 {
		t.Fatalf("Read: %v %v", err, diags)
	}
	var paths []string
	for _, a := range as {
		paths = append(paths, a.Path)
	}
	want := []string{"content/a.txt", "content/sub/b.md", "content/sub/c.markdown"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
	as, _, _ = Read(context.Background(), Options{FS: fsys, ContentDir: "content", Drafts: true})
	if len(as) != 4 {
		t.Errorf("with drafts: %d articles, want 4", len(as))
	}
}

// TestReadNamesFromContentDir checks that articles' paths, which
// messages and source pages give, are the content directory's, as
// site.toml says it, joined to the file's path in it, in that order:
// "a-b.md" sorts before "a/x.md", as the walk would not have them.
func TestReadNamesFromContentDir(t *testing.T) {
	fsys := mapFS(map[string]string{
		"a/x.md":   "Article X body text.",
		"a-b.md":   "Article A-B body text.",
		"bad.md":   "+++\ntitel = \"x\"\n+++\nBody.",
		"sub/c.md": "Article C body text.",
	})
	for _, tt := range []struct {
		dir  string
		want []string
		bad  string
	}{
		{"content", []string{"content/a-b.md", "content/a/x.md", "content/sub/c.md"}, "content/bad.md:2"},
		{"./articles/2024/", []string{"articles/2024/a-b.md", "articles/2024/a/x.md", "articles/2024/sub/c.md"}, "articles/2024/bad.md:2"},
		{".", []string{"a-b.md", "a/x.md", "sub/c.md"}, "bad.md:2"},
		{"../elsewhere", []string{"../elsewhere/a-b.md", "../elsewhere/a/x.md", "../elsewhere/sub/c.md"}, "../elsewhere/bad.md:2"},
	} {
		as, diags, err := Read(context.Background(), Options{FS: fsys, ContentDir: tt.dir})
		if err != nil {
			t.Fatal(err)
		}
		var paths []string
		for _, a := range as {
			paths = append(paths, a.Path)
		}
		if !reflect.DeepEqual(paths, tt.want) {
			t.Errorf("%s: paths = %q, want %q", tt.dir, paths, tt.want)
		}
		if len(diags) != 1 || !strings.HasPrefix(diags[0].Error(), tt.bad+": ") {
			t.Errorf("%s: diagnostics %v, want one at %s", tt.dir, diags, tt.bad)
		}
	}
}

// TestReadSkipsSpecialFiles checks, in memory, that an article's name on
// what is not a regular file is skipped with a warning naming it and
// what it is, and that a file larger than MaxSize is skipped saying how
// to raise the limit (special_test.go does so on the disk).
func TestReadSkipsSpecialFiles(t *testing.T) {
	fsys := mapFS(map[string]string{"ok.txt": "The ferry resumed service on Monday after two weeks of repairs.\n"})
	fsys["pipe.txt"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
	fsys["sock.md"] = &fstest.MapFile{Mode: fs.ModeSocket}
	fsys["dev.html"] = &fstest.MapFile{Mode: fs.ModeDevice | fs.ModeCharDevice}
	fsys["big.txt"] = &fstest.MapFile{Data: bytes.Repeat([]byte("A long line of text for a large file.\n"), 100)}
	as, diags, err := Read(context.Background(), Options{FS: fsys, ContentDir: "content", MaxSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Path != "content/ok.txt" {
		t.Errorf("read %v, want content/ok.txt only", as)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Error())
	}
	want := []string{
		"content/big.txt: skipped: 3800 bytes, larger than maxArticleSize (1000): raise it in site.toml to read this file",
		"content/dev.html: skipped: not a regular file (character device)",
		"content/pipe.txt: skipped: not a regular file (named pipe)",
		"content/sock.md: skipped: not a regular file (socket)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// mapFS returns a content directory in memory holding files, by slash
// path, with their text.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	return fsys
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\ndate = 2023-09-11\n+++\n# H\n\nText.\n"), true)
	f.Add([]byte("Connect with us\n\nMOSCOW, Sept. 11 – Text."), false)
	f.Add([]byte("+++\n+++"), true)
	f.Add([]byte("\xff\xfeh\x00"), false)
	f.Fuzz(func(t *testing.T, data []byte, md bool) {
		name := "content/f.txt"
		if md {
			name = "content/f.md"
		}
		a, diags := Parse(name, data, time.UTC)
		for _, d := range diags {
			if d.File != name {
				t.Fatalf("diagnostic names %q, want %q", d.File, name)
			}
		}
		for _, b := range a.Blocks {
			if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") {
				t.Fatalf("bad block %q", b.Text)
			}
		}
	})
}

func TestTextBlocksHardWrap(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{
			name: "wrapped at 60: a full stop at the wrap does not end the paragraph",
			body: "Subject: Parish news\n\n" +
				"The parish council met on Thursday and agreed to repair the\n" +
				"footbridge over the mill stream before the summer holidays.\n" +
				"Work will start in June. The contractor expects to close the\n" +
				"path for about three weeks while the deck is replaced.\n\n" +
				"Residents can see the plans in the library until Friday, and\n" +
				"comments may be sent to the clerk by email or by post.\n",
			want: []string{
				"Subject: Parish news",
				"The parish council met on Thursday and agreed to repair the footbridge over the mill stream before the summer holidays. Work will start in June. The contractor expects to close the path for about three weeks while the deck is replaced.",
				"Residents can see the plans in the library until Friday, and comments may be sent to the clerk by email or by post.",
			},
		},
		{
			name: "not wrapped: one paragraph a line, a long headline without a full stop stays apart",
			body: "Storm brings record rain to the west coast as rivers burst banks\n" +
				"Updated 3:45 PM\n" +
				"Rivers across the region burst their banks on Sunday after the heaviest rain in forty years fell in under a day, forcing hundreds from their homes.\n" +
				"Emergency crews worked through the night.\n",
			want: []string{
				"Storm brings record rain to the west coast as rivers burst banks",
				"Updated 3:45 PM",
				"Rivers across the region burst their banks on Sunday after the heaviest rain in forty years fell in under a day, forcing hundreds from their homes.",
				"Emergency crews worked through the night.",
			},
		},
		{
			name: "wrapped list items stay items",
			body: "The committee's proposals, published on Monday, are listed below for\n" +
				"residents who could not attend the meeting at the town hall:\n" +
				"- a new crossing on the high street near the primary school\n" +
				"- longer opening hours for the recycling centre at weekends\n" +
				"1. a review of parking charges in the two central car parks\n" +
				"2) more benches along the river path between the two bridges\n",
			want: []string{
				"The committee's proposals, published on Monday, are listed below for residents who could not attend the meeting at the town hall:",
				"- a new crossing on the high street near the primary school",
				"- longer opening hours for the recycling centre at weekends",
				"1. a review of parking charges in the two central car parks",
				"2) more benches along the river path between the two bridges",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range TextBlocks(tt.body, 1) {
				got = append(got, b.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownBlocksMenusAndImages(t *testing.T) {
	body := "[Home](/) | [Local](/local)\n[Sport](/sport)\n[Weather](/weather)\n\n" +
		"![A ferry at the pier at dawn](ferry.jpg)\n\n" +
		"The ferry resumed service on Monday\nafter two weeks of repairs to its hull. ![inline](x.png)\n"
	var got []string
	var lines []int
	for _, b := range MarkdownBlocks(body, 10) {
		got = append(got, b.Text)
		lines = append(lines, b.Line)
	}
	want := []string{"Home | Local", "Sport", "Weather", "The ferry resumed service on Monday after two weeks of repairs to its hull."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(lines, []int{10, 11, 12, 16}) {
		t.Errorf("lines = %v, want [10 11 12 16]", lines)
	}
}

func TestParseHTML(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>Harbour ferry fares rise | Coast Post</title>
<meta property="og:site_name" content="Coast Post">
<meta property="article:published_time" content="2024-03-04T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour ferry fares rise</h1>
<p>The harbour authority said on Monday that ferry fares would rise by ten percent in April, the first increase in six years.</p>
<p>Commuters who buy monthly passes will be spared the increase until the summer, the authority's chair told reporters at the terminal.</p>
</article><footer>© Coast Post</footer></body></html>`
	a, diags := Parse("content/ferry.html", []byte(page), time.UTC)
	if len(diags) != 0 {
		t.Errorf("diagnostics: %v", diags)
	}
	if a.Format != HTML || a.Meta.Title != "Harbour ferry fares rise" || a.Meta.Publisher != "Coast Post" ||
		!a.Meta.HasDate || a.Meta.Date.Format(time.RFC3339) != "2024-03-04T09:30:00Z" {
		t.Errorf("meta = %+v", a.Meta)
	}
	if a.Meta.From["publisher"] != "og:site_name" || a.Meta.From["date"] != "article:published_time" {
		t.Errorf("from = %v", a.Meta.From)
	}
	if len(a.Blocks) != 2 || !strings.HasPrefix(a.Blocks[0].Text, "The harbour authority said") || a.Blocks[0].Line != 6 {
		t.Errorf("blocks = %+v", a.Blocks)
	}

	// A bad byte is repaired with a warning naming its offset.
	bad := strings.Replace(page, "six years", "six y\xe9ars", 1)
	_, diags = Parse("content/ferry.html", []byte(bad), time.UTC)
	off := strings.Index(bad, "\xe9")
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), fmt.Sprintf("content/ferry.html: invalid UTF-8 at byte offset %d", off)) {
		t.Errorf("diagnostics = %v, want invalid UTF-8 at %d", diags, off)
	}
	// A binary file with an .html name is skipped with a warning.
	_, diags = Parse("content/x.html", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), time.UTC)
	if len(diags) != 1 || !strings.Contains(diags[0].Error(), "binary") {
		t.Errorf("gzip bytes: diagnostics = %v", diags)
	}
}

func TestReadLimitsAndLinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(outside, []byte("A secret file outside the site that must never be published.\n"), 0o644))
	c := filepath.Join(dir, "content")
	must(os.MkdirAll(filepath.Join(c, "sub"), 0o755))
	must(os.WriteFile(filepath.Join(c, "ok.txt"), []byte("The ferry resumed service on Monday after two weeks of repairs.\n"), 0o644))
	must(os.WriteFile(filepath.Join(c, "big.txt"), bytes.Repeat([]byte("A long line of text for a large file.\n"), 100), 0o644))
	must(os.Symlink(outside, filepath.Join(c, "outside.txt")))
	must(os.Symlink("loop.txt", filepath.Join(c, "loop.txt")))
	must(os.Symlink("ok.txt", filepath.Join(c, "inside.txt")))
	must(os.Symlink("..", filepath.Join(c, "sub", "up"))) // a directory loop, not followed
	elsewhere := t.TempDir()
	must(os.WriteFile(filepath.Join(elsewhere, "far.txt"), []byte("The bridge reopened on Tuesday after a year of work.\n"), 0o644))
	must(os.Symlink(elsewhere, filepath.Join(c, "more"))) // a directory outside
	must(os.Symlink("sub", filepath.Join(c, "again")))    // a directory inside
	must(os.Symlink("ok.txt", filepath.Join(c, "notes"))) // a file that is no article: nothing to say

	articles, diags, err := Read(context.Background(), Options{FS: openDir(t, c), ContentDir: "content", MaxSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, a := range articles {
		paths = append(paths, a.Path)
	}
	if !reflect.DeepEqual(paths, []string{"content/inside.txt", "content/ok.txt"}) {
		t.Errorf("read %v, want the file and the link inside the content directory", paths)
	}
	want := map[string]string{
		"content/big.txt":     "skipped: 3800 bytes, larger than maxArticleSize (1000)",
		"content/outside.txt": "skipped: a symbolic link that leads outside the content directory, which is not followed",
		"content/loop.txt":    "skipped:",
		"content/sub/up":      "skipped: a symbolic link to a directory, which is not followed",
		"content/again":       "skipped: a symbolic link to a directory, which is not followed",
		"content/more":        "skipped: a symbolic link that leads outside the content directory",
	}
	for _, d := range diags {
		for file, msg := range want {
			if d.File == file && strings.Contains(d.Error(), msg) {
				delete(want, file)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("missing warnings %v in %v", want, diags)
	}
	for _, d := range diags {
		if d.File == "content/notes" {
			t.Errorf("a link to a file that is no article got a warning: %v", d)
		}
	}
}

// TestReadLargeDirectory reads a content directory holding 50,000
// articles in one directory, as a scrape saved flat does: every one is
// read, in path order.
func TestReadLargeDirectory(t *testing.T) {
	const n = 50_000
	fsys := make(fstest.MapFS, n)
	for i := range n {
		text := fmt.Sprintf("+++\ntitle = \"Report %d\"\n+++\nThe council met for the %dth time on Monday.\n", i, i)
		fsys[fmt.Sprintf("a%06d.md", i)] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	articles, diags, err := Read(context.Background(), Options{FS: fsys, ContentDir: "content"})
	if err != nil || len(diags) > 0 {
		t.Fatalf("err %v, diagnostics %v", err, diags)
	}
	if len(articles) != n {
		t.Fatalf("read %d articles of %d", len(articles), n)
	}
	for i, a := range articles {
		if want := fmt.Sprintf("content/a%06d.md", i); a.Path != want || a.Meta.Title != fmt.Sprintf("Report %d", i) {
			t.Fatalf("article %d is %s titled %q, want %s", i, a.Path, a.Meta.Title, want)
		}
	}
}

// BenchmarkRead reads generated sites of 1,000 and 10,000 articles of
// real news prose with front matter, as the build's first stage does.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			c := filepath.Join(dir, "content")
			gen, err := corpusgen.Generate(corpusgen.Options{Articles: n, Seed: 1})
			if errors.Is(err, fs.ErrNotExist) {
				b.Skipf("no source text for a generated corpus: %v", err)
			}
			if err != nil {
				b.Fatal(err)
			}
			for i := range gen.Articles {
				s := gen.Articles[i].File()
				name := filepath.Join(c, fmt.Sprintf("%03d", i%100), fmt.Sprintf("a%05d.md", i))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			fsys, err := sitefs.Open(c)
			if err != nil {
				b.Fatal(err)
			}
			defer fsys.Close()
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Read(context.Background(), Options{FS: fsys, ContentDir: "content"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzCleanSpace checks cleanSpace's shortcut for lines with nothing to
// fold or drop against the definition: white space runs folded to one
// space, none at either end, controls and invisible characters dropped.
func FuzzCleanSpace(f *testing.F) {
	for _, s := range []string{"plain line", " lead", "trail ", "a  b", "tab\there", "nbsp\u00a0x", "bidi\u202ex", "zero\u200bwidth", "ctrl\x01", "\xff bad", "\ufffd", "", " ", "é ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		space := false
		for _, r := range s {
			if invisible(r) || !unicode.IsSpace(r) && unicode.IsControl(r) {
				continue
			}
			if unicode.IsSpace(r) {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		if got := cleanSpace(s); got != b.String() {
			t.Fatalf("cleanSpace(%q) = %q, want %q", s, got, b.String())
		}
	})
}

// wantOneError parses src as content/a.md and checks it gives one
// error, at line, whose message holds msg.
func wantOneError(t *testing.T, src string, line int, msg string) {
	t.Helper()
	_, diags := Parse("content/a.md", []byte(src), time.UTC)
	if len(diags) != 1 || diags[0].Severity != diag.Error {
		t.Fatalf("diagnostics = %v, want one error", diags)
	}
	d := diags[0]
	if d.File != "content/a.md" || d.Line != line || !strings.Contains(d.Message, msg) {
		t.Errorf("got %v, want content/a.md:%d mentioning %q", d, line, msg)
	}
}
