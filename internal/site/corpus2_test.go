package site

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestCorpus2Score builds the second labelled corpus (testdata/corpus2,
// original articles about a different multi-day story, with a gold file)
// and scores it with the shared scorer: every hard check must pass and
// B-cubed F1 must be at least 0.85.
func TestCorpus2Score(t *testing.T) {
	scorer := filepath.Join("..", "..", "..", "shared", "eval", "score")
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("no scorer at %s (the shared evaluation folder beside the repository)", scorer)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "testdata", "corpus2"), dir)
	if _, err := Build(context.Background(), Options{SiteDir: dir}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, scorer, filepath.Join(dir, "public", "timeline.json"), filepath.Join(dir, "gold.json")).CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Errorf("hard checks fail: %v", err)
	}
	m := regexp.MustCompile(`B-cubed P [0-9.]+ R [0-9.]+ F1 ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		t.Fatal("no B-cubed line in the scorer's output")
	}
	if f1, _ := strconv.ParseFloat(string(m[1]), 64); f1 < 0.85 {
		t.Errorf("B-cubed F1 %.2f, want at least 0.85", f1)
	}
}
