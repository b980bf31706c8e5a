package render

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-ssg/timeline/themes"
)

// TestMemoryMatchesWrite checks that rendering in memory gives exactly the
// files Write puts on disk, with the same stats, and that Files.Write
// reproduces Write's tree.
func TestMemoryMatchesWrite(t *testing.T) {
	theme := Layers(fstest.MapFS{"static/fonts/a.woff2": {Data: []byte("font")}}, themes.Default)
	for _, site := range []Site{testSite(), benchSite(300, 60)} {
		_, wst, disk := build(t, site, theme)
		mem, mst, err := Memory(t.Context(), site, theme, nil)
		if err != nil {
			t.Fatal(err)
		}
		if mst != wst {
			t.Errorf("Memory stats %+v, Write stats %+v", mst, wst)
		}
		same(t, "Memory", toStrings(mem), disk)

		dir := t.TempDir()
		if err := mem.Write(dir); err != nil {
			t.Fatal(err)
		}
		same(t, "Files.Write", tree(t, dir), disk)
	}
}

func toStrings(f Files) map[string]string {
	m := make(map[string]string, len(f))
	for k, v := range f {
		m[k] = string(v)
	}
	return m
}

func same(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s missing", what, name)
		} else if g != w {
			t.Errorf("%s: %s differs from Write's", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s not written by Write", what, name)
		}
	}
}

// TestMemoryCollisions checks that rendering refuses, whatever the
// output, what a directory refuses: a theme file over a page, a file
// where pages need a directory, and invalid paths.
func TestMemoryCollisions(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{"static/index.html", "static/index.html would overwrite index.html"},
		{"static/events", "static/events would overwrite events"},
		{"static/404.html/x.css", "404.html"},
	} {
		theme := Layers(fstest.MapFS{tt.file: {Data: []byte("x")}}, themes.Default)
		_, _, err := Memory(t.Context(), testSite(), theme, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Memory = %v, want an error containing %q", tt.file, err, tt.want)
		}
	}
	m := newCheckedOutput(&memOutput{files: Files{}})
	for _, bad := range []string{"../x", "/abs", "a/../b", "", "."} {
		if err := m.WriteFile(bad, nil); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("WriteFile(%q) = %v, want fs.ErrInvalid", bad, err)
		}
	}
}
