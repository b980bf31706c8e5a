package config

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"github.com/timeline-ssg/timeline/internal/diag"
	"github.com/timeline-ssg/timeline/internal/sitefs"
)

func TestParseDefaultsAndValues(t *testing.T) {
	cfg, err := Parse("site.toml", []byte(`title = "Kim in Russia"
baseURL = "https://example.org/repo"
[events]
link = 0.4
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "Kim in Russia" || cfg.BaseURL != "https://example.org/repo/" {
		t.Errorf("title %q baseURL %q", cfg.Title, cfg.BaseURL)
	}
	if cfg.Events.Link != 0.4 || cfg.Events.SameSource != Default().Events.SameSource {
		t.Errorf("events = %+v: set key not applied or default lost", cfg.Events)
	}
	if cfg.ContentDir != "content" || cfg.PublishDir != "public" || cfg.Timezone != "UTC" || cfg.Order != "oldest" {
		t.Errorf("defaults lost: %+v", cfg)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown key", "title = \"x\"\n\ntitel = \"y\"\n", 3, `unknown key "titel"`},
		{"unknown key in table", "title = \"x\"\n[events]\nlink = 0.3\nlinks = 0.2\n", 4, `unknown key "events.links"`},
		{"wrong type", "title = \"x\"\nbaseURL = 3\n", 2, "baseURL must be a string, got the number 3"},
		{"string for a number", "title = \"x\"\n[events]\nlink = \"high\"\n", 3, `events.link must be a number, got the string "high"`},
		{"string for a number, dotted key", "events.link = \"high\"\n", 1, `events.link must be a number, got the string "high"`},
		{"float for a whole number", "maxArticleSize = 1.5\n", 1, "maxArticleSize must be a whole number, got the number 1.5"},
		{"string for a boolean", "strict = \"yes\"\n", 1, `strict must be true or false, got the string "yes"`},
		{"list for a string", "title = [\"a\"]\n", 1, "title must be a string, got a list"},
		{"number for a table", "events = 3\n", 1, "events must be a table, got the number 3"},
		{"syntax", "title = \"x\"\ndescription = \"unterminated\n", 2, ""},
		{"bad value", "title = \"x\"\ntimezone = \"Mars/Olympus\"\n", 2, "unknown time zone"},
		{"bad threshold", "[events]\nlink = 3\n", 2, "events.link"},
		{"bad scheme", "baseURL = \"ftp://x/\"\n", 1, "scheme"},
		{"baseURL not a URL", "title = \"x\"\nbaseURL = \"not a url\"\n", 2, `baseURL: "not a url" is neither an absolute URL nor a path that starts with /: give an absolute http(s) URL`},
		{"baseURL without a host", "baseURL = \"https://\"\n", 1, "no host"},
		{"baseURL with a space", "baseURL = \"/my site/\"\n", 1, "white space"},
		{"baseURL with a query", "baseURL = \"https://example.org/?a=1\"\n", 1, "?query"},
		{"bad order", "title = \"x\"\norder = \"latest\"\n", 2, `"latest": want "oldest" or "newest"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("site.toml", []byte(tt.src))
			var d diag.Diagnostic
			if !errors.As(err, &d) {
				t.Fatalf("Parse error = %v, want a diag.Diagnostic", err)
			}
			if d.File != "site.toml" || d.Line != tt.line {
				t.Errorf("error at %s:%d, want site.toml:%d (%v)", d.File, d.Line, tt.line, err)
			}
			if !strings.Contains(d.Message, tt.msg) {
				t.Errorf("message %q does not mention %q", d.Message, tt.msg)
			}
		})
	}
}

// TestBaseURLForms keeps every form of baseURL that works accepted, each
// given its trailing slash.
func TestBaseURLForms(t *testing.T) {
	for in, want := range map[string]string{
		"":                             "/",
		"/":                            "/",
		"/repo":                        "/repo/",
		"https://user.github.io/repo/": "https://user.github.io/repo/",
		"http://localhost:1313":        "http://localhost:1313/",
		"//example.org/":               "//example.org/",
		"/caf%C3%A9/":                  "/caf%C3%A9/",
	} {
		cfg, err := Parse("site.toml", []byte("baseURL = \""+in+"\"\n"))
		if err != nil || cfg.BaseURL != want {
			t.Errorf("baseURL %q: got %q, %v; want %q", in, cfg.BaseURL, err, want)
		}
	}
}

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	cfg, err := Load(t.Context(), fstest.MapFS{"content/a.md": {Data: []byte("A")}})
	if err != nil {
		t.Fatal(err)
	}
	if cfg != Default() {
		t.Errorf("Load of a site without site.toml = %+v, want defaults", cfg)
	}
}

func TestLoadReadsFile(t *testing.T) {
	_, err := Load(t.Context(), fstest.MapFS{FileName: {Data: []byte("title = \"T\"\nbogus = 1\n")}})
	if err == nil || !strings.HasPrefix(err.Error(), "site.toml:2:") {
		t.Errorf("Load error = %v, want one at site.toml:2", err)
	}
	cfg, err := Load(t.Context(), fstest.MapFS{FileName: {Data: []byte("title = \"T\"\ncontentDir = \"articles\"\n")}})
	if err != nil || cfg.Title != "T" || cfg.ContentDir != "articles" {
		t.Errorf("Load = %+v, %v; want title T, contentDir articles", cfg, err)
	}
}

// TestLoadRefusesSpecialFiles checks that a site.toml that is not a
// regular file is an error naming it, without being read.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	for mode, kind := range map[fs.FileMode]string{fs.ModeNamedPipe: "named pipe", fs.ModeDir: "directory", fs.ModeSocket: "socket"} {
		_, err := Load(t.Context(), fstest.MapFS{FileName: {Mode: mode}})
		if want := "site.toml: cannot read: not a regular file (" + kind + ")"; err == nil || err.Error() != want {
			t.Errorf("Load(t.Context(), %s) = %v, want %s", kind, err, want)
		}
	}
}

// TestLoadLinks checks, on the disk, that a site.toml that is a symbolic
// link to a file in the site directory is read, and one to a file
// outside it is an error saying so: the build reads nothing outside the
// site directory through a link. (os.ReadFile followed such a link
// before the site was read through an os.Root.)
func TestLoadLinks(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	if err := os.MkdirAll(filepath.Join(site, "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"outside.toml": "title = \"Outside\"\n", "site/conf/site.toml": "title = \"Inside\"\n"} {
		if err := os.WriteFile(filepath.Join(parent, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(site, FileName)
	load := func() (Config, error) {
		d, err := sitefs.Open(site)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		return Load(t.Context(), d)
	}
	if err := os.Symlink(filepath.Join("conf", FileName), link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if cfg, err := load(); err != nil || cfg.Title != "Inside" {
		t.Errorf("through a link inside the site: %q, %v; want the title Inside", cfg.Title, err)
	}
	if err := os.Remove(link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(parent, "outside.toml"), link); err != nil {
		t.Fatal(err)
	}
	_, err := load()
	if want := "site.toml: cannot read: a symbolic link that leads outside the site directory, which is not followed"; err == nil || err.Error() != want {
		t.Errorf("through a link out of the site: %v, want %s", err, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title = \"x\"\n[events]\nlink = 0.3\n")
	f.Add("baseURL = \"https://a/b\"\ntheme = \"t\"")
	f.Add("[[x]]\ny = 1")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := Parse("site.toml", []byte(src))
		if err != nil {
			var d diag.Diagnostic
			if !errors.As(err, &d) || d.File != "site.toml" {
				t.Fatalf("error %v is not a diagnostic naming the file", err)
			}
			return
		}
		if !strings.HasSuffix(cfg.BaseURL, "/") {
			t.Fatalf("baseURL %q without trailing slash", cfg.BaseURL)
		}
	})
}

func TestKeyLine(t *testing.T) {
	data := []byte(`title = "x"
"quoted key" = 1
'lit.eral' = 2
text = """
fake = 3
"""
[events]
link = 0.3
[[split]]
new_id = "a"
[[split]]
other = 1
[[split]]
new_id = "c"
point = {x = 1}
`)
	for _, c := range []struct {
		key  []string
		want int
	}{
		{[]string{"title"}, 1},
		{[]string{"quoted key"}, 2},
		{[]string{"lit.eral"}, 3},
		{[]string{"fake"}, 0}, // inside a multi-line string
		{[]string{"events", "link"}, 8},
		{[]string{"events", "same_source"}, 7}, // not set: its table's header
		{[]string{"split", "new_id"}, 10},
		{[]string{"split", "point", "x"}, 15},
		{[]string{"nothing"}, 0},
	} {
		if got := KeyLine(data, c.key); got != c.want {
			t.Errorf("KeyLine(%q) = %d, want %d", c.key, got, c.want)
		}
	}
	var third []int
	for _, s := range Settings(data) {
		if len(s.Table) == 1 && s.Table[0] == "split" && s.Index == 2 {
			third = append(third, s.Line)
		}
	}
	if want := []int{13, 14, 15}; !slices.Equal(third, want) {
		t.Errorf("lines of the third [[split]] = %v, want %v", third, want)
	}
}

// FuzzSettings checks, on any text the toml package accepts, that every
// key it decodes has a line (KeyLine finds where it, or the table or
// dotted key holding it, is set) and that every line Settings gives is in
// the text.
func FuzzSettings(f *testing.F) {
	f.Add("title = \"x\"\n[events]\nlink = 0.3\n")
	f.Add("\"quoted key\" = 1\n'lit.eral' = 2\ntext = \"\"\"\nfake = 3\n\"\"\"\n")
	f.Add("[[split]]\nnew_id = \"a\"\n[[split]]\npoint = {x = 1}\n[ a . \"b\" ]\nc.d = [1,\n2]\n")
	f.Fuzz(func(t *testing.T, src string) {
		var v map[string]any
		md, err := toml.Decode(src, &v)
		n := strings.Count(src, "\n") + 1
		for _, s := range Settings([]byte(src)) {
			if s.Line < 1 || s.Line > n {
				t.Fatalf("setting %v at line %d of a text of %d lines", s.Path(), s.Line, n)
			}
		}
		if err != nil {
			return
		}
		for _, k := range md.Keys() {
			if KeyLine([]byte(src), k) == 0 {
				t.Fatalf("key %q decoded but KeyLine finds no line for it", k.String())
			}
		}
	})
}

// TestRelativeURLs checks relativeURLs: set, it is what it says; unset,
// it is true for a baseURL without a path and false under one.
func TestRelativeURLs(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want bool
	}{
		{``, true},
		{`baseURL = "https://example.org/"`, true},
		{`baseURL = "https://example.org"`, true},
		{`baseURL = "/"`, true},
		{`baseURL = "https://user.github.io/repo/"`, false},
		{`baseURL = "/repo"`, false},
		{"baseURL = \"https://user.github.io/repo/\"\nrelativeURLs = true", true},
		{"baseURL = \"https://example.org/\"\nrelativeURLs = false", false},
	} {
		cfg, err := Parse("site.toml", []byte(tt.src))
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		if got := cfg.Relative(); got != tt.want {
			t.Errorf("%q: Relative() = %v, want %v", tt.src, got, tt.want)
		}
	}
	if _, err := Parse("site.toml", []byte(`relativeURLs = "yes"`)); err == nil {
		t.Errorf(`relativeURLs = "yes" accepted`)
	}
}

// TestLoadCancelled checks that a build cancelled before site.toml is read
// gets the context's error, not a complaint about the file.
func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := Load(ctx, fstest.MapFS{FileName: {Data: []byte("title = \"x\"\n")}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	var d diag.Diagnostic
	if errors.As(err, &d) {
		t.Errorf("err is a diagnostic naming the file: %v", d)
	}
}
