package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-ssg/timeline/internal/corpusgen"
)

func TestWritesSiteWithGold(t *testing.T) {
	if _, err := corpusgen.DefaultDir(); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no source text: %v", err)
	}
	var sites [2]string
	for i := range sites {
		sites[i] = filepath.Join(t.TempDir(), "site")
		var out, errb bytes.Buffer
		if code := run([]string{"-n", "200", "-seed", "7", sites[i]}, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	b, err := os.ReadFile(filepath.Join(sites[0], "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil || g.Articles != 200 || len(g.Duplicates) == 0 || len(g.Stories) < len(g.Duplicates) {
		t.Fatalf("gold = %+v, %v", g, err)
	}
	for _, group := range g.Duplicates {
		for _, p := range group {
			data, err := os.ReadFile(filepath.Join(sites[0], filepath.FromSlash(p)))
			if err != nil || !strings.HasPrefix(string(data), "+++\ntitle = ") {
				t.Fatalf("%s: %v %.40q", p, err, data)
			}
		}
	}
	// The same flags give the same files.
	b2, _ := os.ReadFile(filepath.Join(sites[1], "gold.json"))
	if !bytes.Equal(b, b2) {
		t.Error("two runs with one seed wrote different gold files")
	}
	// It refuses to write over a site.
	var errb bytes.Buffer
	if code := run([]string{"-n", "10", sites[0]}, &bytes.Buffer{}, &errb); code != 1 || !strings.Contains(errb.String(), "exists") {
		t.Errorf("over an existing site: exit %d, %q", code, errb.String())
	}
}
