package clean_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/timeline-ssg/timeline/internal/clean"
	"github.com/timeline-ssg/timeline/internal/content"
	"github.com/timeline-ssg/timeline/internal/webpage"
)

// TestMemo edits the fixture scrapes one step at a time (a word changed,
// a line added, an article removed and put back) and checks that after
// every step the memo's cleaning of every article is exactly a fresh
// Clean against a fresh corpus, and that it cleans again few articles
// when the step changes little.
func TestMemo(t *testing.T) {
	fixtures := readFixtures(t)
	articles := make([]content.Article, len(fixtures))
	for i, f := range fixtures {
		articles[i] = f.in
	}
	var memo clean.Memo
	check := func(step string, maxCleaned int) {
		t.Helper()
		corpus, err := memo.Corpus(context.Background(), articles)
		if err != nil {
			t.Fatal(err)
		}
		fresh, _ := clean.NewCorpus(context.Background(), articles) // not cancelled: no error
		for _, a := range articles {
			got, want := memo.Clean(a, corpus), clean.Clean(a, fresh)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %s: the memo's cleaning differs from a fresh one", step, a.Path)
			}
		}
		if n := memo.Stats().Cleaned; n > maxCleaned {
			t.Errorf("%s: %d of %d articles cleaned again, want at most %d", step, n, len(articles), maxCleaned)
		}
	}
	check("first build", len(articles))
	check("nothing changed", 0)

	r := rand.New(rand.NewPCG(3, 4))
	for step := range 12 {
		i := r.IntN(len(articles))
		a := articles[i]
		a.Blocks = append([]webpage.Block(nil), a.Blocks...)
		b := r.IntN(len(a.Blocks))
		switch step % 3 {
		case 0: // a line the site repeats elsewhere, such as chrome
			a.Blocks = append(a.Blocks, articles[(i+1)%len(articles)].Blocks[0])
		case 1: // a new rare word
			a.Blocks[b].Text += fmt.Sprintf(" Zorblat%d reported.", step)
		case 2: // a common word
			a.Blocks[b].Text += " The police said."
		}
		a.Hash = fmt.Sprintf("edit-%d", step)
		articles[i] = a
		check(fmt.Sprintf("edit %d of %s", step, a.Path), len(articles))
	}
	gone := articles[5]
	articles = append(articles[:5:5], articles[6:]...)
	check("an article removed", len(articles))
	articles = append(articles, gone)
	check("put back", len(articles))
	check("nothing changed again", 0)
}
