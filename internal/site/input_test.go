package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/internal/diag"
)

// TestContentDirNotFound checks that a content directory that is not
// where site.toml says is an error naming where it was looked for, in
// full: the site directory (--source) may be the mistake.
func TestContentDirNotFound(t *testing.T) {
	site := filepath.Join(t.TempDir(), "x")
	_, err := Run(context.Background(), Options{SiteDir: site})
	var d diag.Diagnostic
	want := "content directory not found: " + filepath.Join(site, "content") + ": create it"
	if !errors.As(err, &d) || !strings.HasPrefix(d.Error(), want) {
		t.Errorf("err = %v, want a diagnostic starting %q", err, want)
	}
	_, err = Run(context.Background(), Options{Files: mapFiles(map[string]string{"site.toml": "contentDir = \"articles\"\n"})})
	if want := "content directory not found: articles: create it"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("in memory: err = %v, want one starting %q", err, want)
	}
}

// TestContentDirWhereConfigured checks, on the disk, the places site.toml
// may put the content directory and what is read there: under the site
// (named "./articles/", or "/articles", which is joined to the site
// directory), outside it ("../elsewhere"), and through a symbolic link to a
// directory elsewhere, each read with its articles' paths as site.toml
// names the directory; while a content directory that is a file is an
// error saying so.
func TestContentDirWhereConfigured(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	article := "+++\ntitle = \"Ferry\"\n+++\nThe ferry resumed service on Monday after two weeks of repairs to its engines.\n"
	for _, name := range []string{"site/articles/a.md", "elsewhere/a.md", "linked/a.md"} {
		writeFile(t, filepath.Join(parent, filepath.FromSlash(name)), article)
	}
	writeFile(t, filepath.Join(site, "file"), "not a directory\n")
	if err := os.Symlink(filepath.Join(parent, "linked"), filepath.Join(site, "link")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	for _, tt := range []struct{ dir, path string }{
		{"./articles/", "articles/a.md"},
		{"/articles", "/articles/a.md"},
		{"../elsewhere", "../elsewhere/a.md"},
		{"link", "link/a.md"},
	} {
		writeFile(t, filepath.Join(site, "site.toml"), "contentDir = \""+tt.dir+"\"\n")
		sources, diags, err := Sources(context.Background(), Options{SiteDir: site})
		if err != nil || len(diags) > 0 {
			t.Errorf("contentDir %q: %v %v", tt.dir, err, diags)
			continue
		}
		var paths []string
		for _, s := range sources {
			paths = append(paths, s.Article.Path)
		}
		if !reflect.DeepEqual(paths, []string{tt.path}) {
			t.Errorf("contentDir %q: read %q, want %s", tt.dir, paths, tt.path)
		}
	}
	writeFile(t, filepath.Join(site, "site.toml"), "contentDir = \"file\"\n")
	_, _, err := Sources(context.Background(), Options{SiteDir: site})
	if want := "file: cannot read content directory: not a directory"; err == nil || err.Error() != want {
		t.Errorf("contentDir a file: %v, want %s", err, want)
	}
}

// TestInputLinksOutOfSite checks what a build does with the symbolic links
// that lead out of the site directory or the content directory: site.toml
// and events.toml are errors saying so, an article is skipped with a
// warning saying so, and a link inside the content directory is read.
func TestInputLinksOutOfSite(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	article := "+++\ntitle = \"Ferry\"\n+++\nThe ferry resumed service on Monday after two weeks of repairs to its engines.\n"
	writeFile(t, filepath.Join(site, "content", "a.md"), article)
	writeFile(t, filepath.Join(parent, "secret.md"), article)
	writeFile(t, filepath.Join(parent, "site.toml"), "title = \"Outside\"\n")
	writeFile(t, filepath.Join(parent, "events.toml"), "[[event]]\nid = \"x\"\nhide = true\n")
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlink: %v", err)
		}
	}
	link("a.md", "content/inside.md")
	link(filepath.Join(parent, "secret.md"), "content/outside.md")
	sources, diags, err := Sources(context.Background(), Options{SiteDir: site})
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) != 1 || len(sources[0].Copies) != 1 {
		t.Errorf("sources %v, want content/a.md with content/inside.md as its copy", sources)
	}
	if want := "content/outside.md: skipped: a symbolic link that leads outside the content directory, which is not followed"; len(diags) != 1 || diags[0].Error() != want {
		t.Errorf("diagnostics %v, want %s", diags, want)
	}
	link(filepath.Join("..", "..", "events.toml"), "content/events.toml")
	_, err = Run(context.Background(), Options{SiteDir: site})
	if want := "content/events.toml: cannot read: a symbolic link that leads outside the content directory, which is not followed"; err == nil || err.Error() != want {
		t.Errorf("events.toml out of the content directory: %v, want %s", err, want)
	}
	link(filepath.Join(parent, "site.toml"), "site.toml")
	_, err = Run(context.Background(), Options{SiteDir: site})
	if want := "site.toml: cannot read: a symbolic link that leads outside the site directory, which is not followed"; err == nil || err.Error() != want {
		t.Errorf("site.toml out of the site: %v, want %s", err, want)
	}
}

// TestFilesInMemory checks that a site given as Options.Files builds as
// from the disk, its theme included, and names its files the same way.
func TestFilesInMemory(t *testing.T) {
	files := demoFiles(t)
	files["site.toml"].Data = append([]byte("theme = \"mine\"\n"), files["site.toml"].Data...)
	files["themes/mine/static/extra.css"] = &fstest.MapFile{Data: []byte("body{}\n")}
	mem, err := Run(context.Background(), Options{Files: files})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, f := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), string(f.Data))
	}
	disk, err := Run(context.Background(), Options{SiteDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := mem.Files(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := disk.Files(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Error("the site in memory renders differently from the same site on the disk")
	}
	if _, ok := a["extra.css"]; !ok {
		t.Errorf("the theme's static file is not rendered: %d files", len(a))
	}
}
