package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-ssg/timeline/internal/config"
	"github.com/timeline-ssg/timeline/internal/content"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "site")
	got, err := Write(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".github/workflows/pages.yml", ".gitignore", "content/example.md", "site.toml"}
	if !slices.Equal(got, want) || !slices.Equal(Files(), want) {
		t.Fatalf("Write wrote %q (Files %q), want %q", got, Files(), want)
	}
	// The files are what the program reads without complaint.
	cfg, err := config.Load(t.Context(), os.DirFS(dir))
	if err != nil {
		t.Fatalf("site.toml: %v", err)
	}
	if cfg.Title == config.Default().Title {
		t.Errorf("site.toml sets no title")
	}
	b, err := os.ReadFile(filepath.Join(dir, "content", "example.md"))
	if err != nil {
		t.Fatal(err)
	}
	a, diags := content.Parse("content/example.md", b, time.UTC)
	if len(diags) > 0 || a.Meta.Title == "" || a.Meta.Publisher == "" || !a.Meta.HasDate || len(a.Blocks) < 5 {
		t.Errorf("example article: %v; title %q, publisher %q, date %v, %d blocks", diags, a.Meta.Title, a.Meta.Publisher, a.Meta.Date, len(a.Blocks))
	}

	// A second run overwrites nothing and says what is in the way.
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"mine\"\n"), 0o644)
	_, err = Write(dir)
	var ee *ExistsError
	if !errors.As(err, &ee) || !slices.Equal(ee.Files, want) || !strings.Contains(err.Error(), "not overwriting") {
		t.Fatalf("second Write = %v, want an ExistsError naming every file", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "site.toml")); string(b) != "title = \"mine\"\n" {
		t.Errorf("site.toml overwritten")
	}

	// One file in the way: nothing is written.
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "example.md"), []byte("mine"), 0o644)
	if _, err := Write(dir); !errors.As(err, &ee) || !slices.Equal(ee.Files, []string{"content/example.md"}) {
		t.Fatalf("Write = %v, want an ExistsError naming content/example.md", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("site.toml written although another file was in the way")
	}
}

// TestWorkflows checks that the scaffolded workflow and the repository's
// own are the same pipeline: configure-pages, a build with its base_url,
// upload-pages-artifact of public/, deploy-pages; the scaffolded one
// installs the timeline command, the repository's runs it from source.
func TestWorkflows(t *testing.T) {
	repo, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	scaffolded, err := os.ReadFile(filepath.Join("files", ".github", "workflows", "pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	uses := regexp.MustCompile(`(?m)^\s+(?:- )?uses: (\S+)`)
	steps := func(b []byte) []string {
		var out []string
		for _, m := range uses.FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
		return out
	}
	want := []string{"actions/checkout@v4", "actions/setup-go@v5", "actions/configure-pages@v5", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"}
	for name, b := range map[string][]byte{"repository": repo, "scaffolded": scaffolded} {
		if got := steps(b); !slices.Equal(got, want) {
			t.Errorf("%s workflow uses %q, want %q", name, got, want)
		}
		for _, line := range []string{
			`build --baseURL "${{ steps.pages.outputs.base_url }}/"`,
			"path: public",
			"pages: write",
			"id-token: write",
			"- id: pages",
			"- id: deployment",
			"needs: build",
		} {
			if !strings.Contains(string(b), line) {
				t.Errorf("%s workflow lacks %q", name, line)
			}
		}
		if strings.Contains(string(b), "\t") {
			t.Errorf("%s workflow has a tab: YAML indents with spaces", name)
		}
	}
	if !strings.Contains(string(repo), "go run ./cmd/timeline build") {
		t.Errorf("the repository's workflow does not build with go run ./cmd/timeline")
	}
	if !strings.Contains(string(scaffolded), "go install github.com/timeline-ssg/timeline/cmd/timeline@latest") ||
		!strings.Contains(string(scaffolded), "run: timeline build") {
		t.Errorf("the scaffolded workflow does not install and run the timeline command")
	}
}
