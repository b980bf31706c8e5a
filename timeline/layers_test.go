package timeline_test

import (
	"go/build"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// stageOrder is the pipeline, in order: a stage may import the stages
// before it and the libraries, never a later stage.
var stageOrder = []string{"content", "clean", "dedup", "events", "chronology", "editorial", "render", "site", "server"}

// libraries are the packages every stage may use; they import no stage.
var libraries = map[string]bool{
	"cdp": true, "config": true, "corpusgen": true, "diag": true, "lexicon": true, "parallel": true,
	"scaffold": true, "sentence": true, "sitefs": true, "temporal": true, "webpage": true, "words": true,
}

const module = "github.com/timeline-ssg/timeline"

// TestStagesImportOnlyEarlierStages reads the imports of every package
// under internal/ (tests aside) and checks that no stage imports a later
// one, that libraries import no stage, and that every package is one or
// the other.
func TestStagesImportOnlyEarlierStages(t *testing.T) {
	rank := map[string]int{}
	for i, s := range stageOrder {
		rank[s] = i
	}
	root := filepath.Join("..", "internal")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		pkg, err := build.ImportDir(filepath.Join(root, name), 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		seen++
		r, isStage := rank[name]
		if !isStage && !libraries[name] {
			t.Errorf("internal/%s is neither a stage nor a library: add it to stageOrder or libraries", name)
			continue
		}
		for _, imp := range pkg.Imports {
			rest, ok := strings.CutPrefix(imp, module+"/internal/")
			if !ok {
				continue
			}
			dep := path.Base(rest)
			dr, depIsStage := rank[dep]
			switch {
			case !isStage && depIsStage:
				t.Errorf("library internal/%s imports the stage %s", name, dep)
			case isStage && depIsStage && dr >= r:
				t.Errorf("stage internal/%s imports %s, which comes after it", name, dep)
			}
		}
	}
	if seen < len(stageOrder) {
		t.Fatalf("read %d packages under internal/, want at least the %d stages", seen, len(stageOrder))
	}
}
