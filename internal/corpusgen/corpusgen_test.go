package corpusgen

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// writeSource writes a small source directory: topics × files articles of
// paras paragraphs each, made of random words, and returns its path.
func writeSource(t *testing.T, topics, files, paras int) string {
	t.Helper()
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	vocab := strings.Fields(`harbour council minister flood river bridge strike union wages port
	ferry rail station storm coast village market school hospital doctor nurse patient police court
	judge trial verdict election vote party leader budget tax price fuel oil gas power grid plant
	factory worker farmer crop harvest drought rain wind snow road traffic crash fire rescue crew
	boat ship cargo dock crane tower office mayor governor senate bill law reform protest march rally
	crowd square army troops border peace talks deal treaty summit envoy embassy refugee camp aid`)
	sentence := func() string {
		n := 10 + r.IntN(8)
		ws := make([]string, n)
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
			if i%3 == 1 {
				ws[i] = []string{"the", "of", "and", "in", "to", "a", "was", "said"}[r.IntN(8)]
			}
		}
		ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
		if r.IntN(3) == 0 {
			ws[n/2] = []string{"Ashby", "Wend", "Marlow", "Keane", "Ostrava"}[r.IntN(5)]
		}
		return strings.Join(ws, " ") + "."
	}
	for tp := range topics {
		sub := filepath.Join(dir, fmt.Sprintf("Topic%d_bbc", tp), "content")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		for f := range files {
			var b strings.Builder
			fmt.Fprintf(&b, "+++\ndate = 2011-02-%02d\n+++\n\nHome | News | Sport\n\n", 1+f%28)
			for range paras {
				b.WriteString(sentence() + " " + sentence() + "\n\n")
			}
			b.WriteString("Share this\n")
			if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%05d.txt", f)), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func TestGenerate(t *testing.T) {
	dir := writeSource(t, 2, 20, 9)
	opts := Options{Dir: dir, Articles: 400, Seed: 3}
	c, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 400 {
		t.Fatalf("%d articles, want 400", len(c.Articles))
	}
	again, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, c) {
		t.Errorf("the same options gave another corpus")
	}
	opts.Seed = 4
	if other, _ := Generate(opts); reflect.DeepEqual(other, c) {
		t.Errorf("another seed gave the same corpus")
	}

	paths := map[string]bool{}
	first := map[int]*Article{} // gold group → its original or rewrite
	original := map[int]*Article{}
	for i := range c.Articles {
		a := &c.Articles[i]
		if paths[a.Path] {
			t.Errorf("path %s twice", a.Path)
		}
		paths[a.Path] = true
		if len(a.Paragraphs) == 0 {
			t.Errorf("%s has no text", a.Path)
		}
		switch a.Kind {
		case Original, Rewrite:
			if first[a.Group] != nil {
				t.Errorf("group %d has two originals", a.Group)
			}
			first[a.Group] = a
			if a.Author == "" || a.Title == "" || a.Publisher == "" || a.URL == "" || a.Date.IsZero() {
				t.Errorf("%s (%s) lacks metadata: %+v", a.Path, a.Kind, a)
			}
			if a.Kind == Original {
				original[a.Story] = a
			}
		default:
			if a.Author != "" {
				t.Errorf("copy %s has an author", a.Path)
			}
		}
	}
	counts := c.Count()
	for k := Original; k <= Rewrite; k++ {
		if counts[k] == 0 {
			t.Errorf("no article of kind %s", k)
		}
	}
	for i := range c.Articles {
		a := &c.Articles[i]
		o := first[a.Group]
		if o == nil {
			t.Fatalf("%s: group %d has no original", a.Path, a.Group)
		}
		switch a.Kind {
		case ExactCopy:
			if !slices.Equal(a.Paragraphs, o.Paragraphs) {
				t.Errorf("exact copy %s differs from %s", a.Path, o.Path)
			}
		case Rewrapped, ParagraphAdded, Corrected:
			// All of the original is there.
			for _, p := range o.Paragraphs {
				if !slices.Contains(a.Paragraphs, p) {
					t.Errorf("%s (%s) lacks a paragraph of %s", a.Path, a.Kind, o.Path)
				}
			}
		case ParagraphRemoved:
			missing := 0
			for _, p := range o.Paragraphs {
				if !slices.Contains(a.Paragraphs, p) {
					missing++
				}
			}
			if missing != 1 {
				t.Errorf("%s lacks %d paragraphs of %s, want 1", a.Path, missing, o.Path)
			}
		case Rewrite:
			orig := original[a.Story]
			if orig == nil || orig.Group == a.Group {
				t.Fatalf("rewrite %s: no original of its story in another group", a.Path)
			}
			if v := overlap(shingleSet(a.Text()), shingleSet(orig.Text())); v > maxRewriteOverlap {
				t.Errorf("rewrite %s shares %.2f of its wording with %s", a.Path, v, orig.Path)
			}
		}
	}
	groups := c.Groups()
	n := 0
	for gi, g := range groups {
		n += len(g)
		if !slices.IsSorted(g) || gi > 0 && groups[gi-1][0] >= g[0] {
			t.Errorf("groups not in order: %v", groups)
		}
		for _, i := range g {
			if c.Articles[i].Group != c.Articles[g[0]].Group {
				t.Errorf("group %v mixes gold groups", g)
			}
		}
	}
	if n != len(c.Articles) {
		t.Errorf("groups hold %d articles, want %d", n, len(c.Articles))
	}
}

// TestGenerateRespin asks for far more stories than the source has text
// for: stories past the source are respun, and no two stories share a
// paragraph.
func TestGenerateRespin(t *testing.T) {
	dir := writeSource(t, 1, 4, 8) // eight stories at most
	c, err := Generate(Options{Dir: dir, Articles: 300, Seed: 1, CopyShare: -1, RewriteShare: -1})
	if err != nil {
		t.Fatal(err)
	}
	storyOf := map[string]int{}
	for _, a := range c.Articles {
		if a.Kind != Original {
			t.Fatalf("%s is a %s with no copies or rewrites asked for", a.Path, a.Kind)
		}
		for _, p := range a.Paragraphs {
			if s, ok := storyOf[p]; ok && s != a.Story {
				t.Fatalf("stories %d and %d share the paragraph %q", s, a.Story, p)
			}
			storyOf[p] = a.Story
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	if _, err := Generate(Options{Dir: filepath.Join(t.TempDir(), "missing"), Articles: 10}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing directory: err = %v, want fs.ErrNotExist", err)
	}
	empty := t.TempDir()
	os.MkdirAll(filepath.Join(empty, "topic"), 0o755)
	if _, err := Generate(Options{Dir: empty, Articles: 10}); err == nil {
		t.Errorf("a source without prose gave no error")
	}
}

// TestGenerateShared makes a corpus from the Timeline17 articles beside
// the project, as the duplicate detection tests do.
func TestGenerateShared(t *testing.T) {
	c, err := Generate(Options{Articles: 3000, Seed: 1})
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no shared corpus: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	counts := c.Count()
	copies := 0
	for k, n := range counts {
		if k.IsCopy() {
			copies += n
		}
	}
	t.Logf("%v", counts)
	if share := float64(copies) / 3000; share < 0.25 || share > 0.35 {
		t.Errorf("copies are %.2f of the corpus, want about 0.3", share)
	}
	if share := float64(counts[Rewrite]) / 3000; share < 0.07 || share > 0.13 {
		t.Errorf("rewrites are %.2f of the corpus, want about 0.1", share)
	}
	topics := map[string]bool{}
	for _, a := range c.Articles {
		topics[a.Topic] = true
	}
	if len(topics) < 5 {
		t.Errorf("stories from %d topics, want all seven", len(topics))
	}
}

func TestDefaultDir(t *testing.T) {
	dir, err := DefaultDir()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no shared corpus: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "t17" {
		t.Errorf("DefaultDir() = %s", dir)
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"Mr. Smith went to Washington. He said so.", []string{"Mr. Smith went to Washington.", "He said so."}},
		{"The U.S. Navy sailed. It was late.", []string{"The U.S. Navy sailed.", "It was late."}},
		{`"Stop," he said. "Now!" She left.`, []string{`"Stop," he said.`, `"Now!"`, "She left."}},
		{"He said: \"It is over.\" Then he left.", []string{"He said: \"It is over.\"", "Then he left."}},
		{"Prices rose 2.5 percent. Markets fell.", []string{"Prices rose 2.5 percent.", "Markets fell."}},
		{"In Jan. 2011 it began. no capital here.", []string{"In Jan. 2011 it began. no capital here."}},
		{"No stop at the end", []string{"No stop at the end"}},
	}
	for _, tt := range tests {
		if got := sentences(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Original: "original", ExactCopy: "exact copy", Rewrite: "rewrite", Kind(99): "Kind(99)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
	if Original.IsCopy() || Rewrite.IsCopy() || !Corrected.IsCopy() || !ExactCopy.IsCopy() {
		t.Errorf("IsCopy wrong")
	}
}

// FuzzSentences checks that splitting a paragraph into sentences loses
// no text.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"One. Two.", "Mr. Smith left. U.S. troops came!", `"Go," he said. "Now?" Yes.`, "a.b. C", ". . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got := sentences(p)
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(p), " ") {
			t.Fatalf("sentences(%q) = %q: text lost or changed", p, got)
		}
		for _, s := range got {
			if s == "" {
				t.Fatalf("sentences(%q) has an empty sentence", p)
			}
		}
	})
}
