package dedup

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/corpusgen"
	"github.com/timeline-ssg/timeline/internal/temporal"
)

// generated makes a corpus of n articles from the shared Timeline17 text
// and returns it with its articles as cleaning would give them. It skips
// when ../shared is missing.
func generated(tb testing.TB, n int, seed uint64) (corpusgen.Corpus, []clean.Article) {
	tb.Helper()
	c, err := corpusgen.Generate(corpusgen.Options{Articles: n, Seed: seed})
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("no source text for a generated corpus: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	arts := make([]clean.Article, len(c.Articles))
	for i := range c.Articles {
		arts[i] = cleaned(&c.Articles[i])
	}
	return c, arts
}

// cleaned turns a generated article into a cleaned one: one block a
// paragraph, the metadata as front matter would give it.
func cleaned(g *corpusgen.Article) clean.Article {
	a := clean.Article{Path: g.Path, Hash: "gen-" + g.Path, Title: g.Title, Publisher: g.Publisher, Author: g.Author, URL: g.URL}
	if !g.Date.IsZero() {
		a.Date = temporal.DayOf(g.Date.Year(), g.Date.Month(), g.Date.Day())
		a.DateFrom = "front matter"
	}
	for i, p := range g.Paragraphs {
		a.Blocks = append(a.Blocks, clean.Block{Text: p, Line: 2*i + 1})
	}
	return a
}

// TestGroupGeneratedCorpus groups 2,000 articles of real news prose with
// planted copies of every kind and paraphrased rewrites, and scores the
// merged pairs against the gold groups.
func TestGroupGeneratedCorpus(t *testing.T) {
	corpus, arts := generated(t, 2000, 1)
	counts := corpus.Count()
	t.Logf("corpus: %d articles: %v", len(arts), counts)
	// The premise: every kind of copy, and rewrites, are there to find.
	for k := corpusgen.ExactCopy; k <= corpusgen.Rewrite; k++ {
		if counts[k] < 50 {
			t.Fatalf("only %d articles of kind %q in the corpus", counts[k], k)
		}
	}

	sources := mustGroup(t, arts)

	index := map[string]int{}
	for i, a := range corpus.Articles {
		index[a.Path] = i
	}
	sourceOf := make([]int, len(arts))
	for i := range sourceOf {
		sourceOf[i] = -1
	}
	var predicted, truePairs int
	for si, s := range sources {
		perGroup := map[int]int{}
		for _, a := range append([]clean.Article{s.Article}, s.Copies...) {
			i, ok := index[a.Path]
			if !ok || sourceOf[i] >= 0 {
				t.Fatalf("%s is not an input article or is in two sources", a.Path)
			}
			sourceOf[i] = si
			perGroup[corpus.Articles[i].Group]++
		}
		m := len(s.Copies) + 1
		predicted += m * (m - 1) / 2
		for _, k := range perGroup {
			truePairs += k * (k - 1) / 2
		}
	}
	goldPairs := 0
	for _, g := range corpus.Groups() {
		goldPairs += len(g) * (len(g) - 1) / 2
	}
	for i, s := range sourceOf {
		if s < 0 {
			t.Fatalf("%s is in no source", corpus.Articles[i].Path)
		}
	}
	if goldPairs < 500 {
		t.Fatalf("only %d gold pairs: the corpus has too few copies to score", goldPairs)
	}
	precision := float64(truePairs) / float64(max(predicted, 1))
	recall := float64(truePairs) / float64(goldPairs)
	t.Logf("merged pairs: %d predicted, %d gold, %d right: precision %.4f, recall %.4f", predicted, goldPairs, truePairs, precision, recall)
	if precision < 0.99 || recall < 0.99 {
		t.Errorf("precision %.4f, recall %.4f: want both at least 0.99", precision, recall)
	}

	// Per kind: is each copy with its original, is each rewrite apart
	// from it, and is the canonical copy the original?
	original := map[int]int{} // gold group → its first article (original or rewrite)
	storyOriginal := map[int]int{}
	for i, a := range corpus.Articles {
		if a.Kind == corpusgen.Original || a.Kind == corpusgen.Rewrite {
			original[a.Group] = i
		}
		if a.Kind == corpusgen.Original {
			storyOriginal[a.Story] = i
		}
	}
	found := map[corpusgen.Kind]int{}
	relatedRewrites := 0
	for i, a := range corpus.Articles {
		o, ok := original[a.Group]
		if !ok {
			continue // the original was cut off by the corpus size
		}
		switch {
		case a.Kind.IsCopy():
			if sourceOf[i] == sourceOf[o] {
				found[a.Kind]++
			} else if testing.Verbose() {
				t.Logf("%s (%s) not merged with its original %s", a.Path, a.Kind, corpus.Articles[o].Path)
			}
		case a.Kind == corpusgen.Rewrite:
			first, ok := storyOriginal[a.Story]
			if !ok {
				continue
			}
			if sourceOf[i] == sourceOf[first] {
				t.Errorf("rewrite %s merged with its story's original %s", a.Path, corpus.Articles[first].Path)
				continue
			}
			found[a.Kind]++
			for _, r := range sources[sourceOf[i]].Related {
				if r.ID == sources[sourceOf[first]].ID {
					relatedRewrites++
				}
			}
		}
	}
	for k := corpusgen.ExactCopy; k <= corpusgen.Rewrite; k++ {
		what := "merged with their original"
		if k == corpusgen.Rewrite {
			what = "kept apart from the story's original"
		}
		t.Logf("%-17s %4d of %4d %s", k, found[k], counts[k], what)
	}
	// Relations: rewrites found, and sources of different stories not
	// related.
	stories := func(s Source) map[int]bool {
		m := map[int]bool{corpus.Articles[index[s.Article.Path]].Story: true}
		for _, c := range s.Copies {
			m[corpus.Articles[index[c.Path]].Story] = true
		}
		return m
	}
	byID := map[string]int{}
	for i, s := range sources {
		byID[s.ID] = i
	}
	relations, unrelated := 0, 0
	for _, s := range sources {
		mine := stories(s)
		for _, r := range s.Related {
			relations++
			shared := false
			for st := range stories(sources[byID[r.ID]]) {
				shared = shared || mine[st]
			}
			if !shared {
				unrelated++
				if testing.Verbose() {
					t.Logf("%s related to %s (%.3f) but they tell different stories", s.ID, r.ID, r.Similarity)
				}
			}
		}
	}
	t.Logf("rewrites related to the original's source: %d of %d; relations between sources of different stories: %d of %d",
		relatedRewrites, counts[corpusgen.Rewrite], unrelated, relations)
	if relatedRewrites < counts[corpusgen.Rewrite]/2 {
		t.Errorf("only %d of %d rewrites are related to their original", relatedRewrites, counts[corpusgen.Rewrite])
	}
	if unrelated*100 > relations {
		t.Errorf("%d of %d relations join sources of different stories", unrelated, relations)
	}
	for _, s := range sources {
		if len(s.Copies) == 0 {
			continue
		}
		a := corpus.Articles[index[s.Article.Path]]
		if a.Kind.IsCopy() {
			if _, ok := original[a.Group]; ok {
				t.Errorf("canonical copy of %s is %s, a %s, not the original", s.ID, a.Path, a.Kind)
			}
		}
		for i, c := range s.Containment {
			if c < MinContainment {
				t.Errorf("%s: copy %s has containment %.3f with the canonical copy", s.ID, s.Copies[i].Path, c)
			}
		}
	}
}
