// Command corpusgen writes a site of generated news articles, for
// benchmarks and for scoring duplicate detection at any size.
//
//	go run ./cmd/corpusgen [-n 10000] [-seed 1] [-from ../shared/corpora/t17] DIR
//
// The articles are composed from real paragraphs of the Timeline17
// corpus (package timeline/corpusgen): originals with front
// matter, exact copies, copies re-wrapped in another site's chrome, copies
// with a paragraph added or removed or a correction, and rewrites. DIR
// gets site.toml, content/ and gold.json, which lists the duplicate
// groups (files that are copies of one text) and the stories (files,
// copies and rewrites, telling one story). The same flags give the same
// files.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/timeline-ssg/timeline/internal/corpusgen"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "seed of every random choice")
	from := fs.String("from", "", "directory of source topics (default: ../shared/corpora/t17)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: corpusgen [-n N] [-seed S] [-from DIR] SITE_DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || *n <= 0 {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	c, err := corpusgen.Generate(corpusgen.Options{Dir: *from, Articles: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintf(stderr, "corpusgen: %v\n", err)
		return 1
	}
	if err := write(dir, c); err != nil {
		fmt.Fprintf(stderr, "corpusgen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d articles to %s\n", len(c.Articles), dir)
	return 0
}

// gold is what gold.json holds: the duplicate groups and the stories, as
// lists of file paths relative to the site.
type gold struct {
	Articles   int        `json:"articles"`
	Duplicates [][]string `json:"duplicates"`
	Stories    [][]string `json:"stories"`
}

func write(dir string, c corpusgen.Corpus) error {
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		return fmt.Errorf("%s/content exists: choose an empty directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cfg := "title = \"Generated timeline\"\ndescription = \"A site of generated articles, for benchmarks.\"\nbaseURL = \"https://example.org/\"\n"
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(cfg), 0o644); err != nil {
		return err
	}
	groups, stories := map[int][]string{}, map[int][]string{}
	for _, a := range c.Articles {
		p := filepath.Join(dir, filepath.FromSlash(a.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(a.File()), 0o644); err != nil {
			return err
		}
		groups[a.Group] = append(groups[a.Group], a.Path)
		stories[a.Story] = append(stories[a.Story], a.Path)
	}
	g := gold{Articles: len(c.Articles), Duplicates: lists(groups), Stories: lists(stories)}
	b, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "gold.json"), append(b, '\n'), 0o644)
}

// lists returns the groups with two or more files, each sorted, in order.
func lists(m map[int][]string) [][]string {
	var out [][]string
	for _, l := range m {
		if len(l) > 1 {
			sort.Strings(l)
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
