package dedup

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// TestMemo runs a memo through a series of edits to a corpus with planted
// copies (a copy rewritten into its own story, a story turned into a copy
// of another, an article removed and one added) and checks that after
// each the memo's grouping is exactly Group's, and that its saved
// fingerprints and scores were used.
func TestMemo(t *testing.T) {
	articles, _ := corpus(11, 300)
	var memo Memo
	check := func(step string) {
		t.Helper()
		got, want := mustMemoGroup(t, &memo, articles), mustGroup(t, articles)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the memo's grouping differs from Group's:\n%v\nwant\n%v", step, groups(got), groups(want))
		}
	}
	check("first build")
	if len(memo.entries) != len(articles) || len(memo.scores) == 0 {
		t.Fatalf("the memo kept %d fingerprints and %d scores for %d articles", len(memo.entries), len(memo.scores), len(articles))
	}
	check("nothing changed")

	g := newGenerator(12, 2000)
	r := rand.New(rand.NewPCG(5, 6))
	for step := range 10 {
		i := r.IntN(len(articles))
		switch step % 4 {
		case 0: // rewritten into a story of its own
			a := g.article(articles[i].Path)
			articles[i] = a
		case 1: // turned into a copy of another article
			c := g.copyOf(articles[r.IntN(len(articles))], articles[i].Path, step%3)
			articles[i] = c
		case 2: // removed
			articles = slices.Delete(articles, i, i+1)
		case 3: // added
			articles = append(articles, g.article(fmt.Sprintf("content/new/%02d.txt", step)))
		}
		check(fmt.Sprintf("edit %d", step))
	}
	// Every article the last build saw, and only those, is remembered.
	if len(memo.entries) != len(articles) {
		t.Errorf("the memo keeps %d fingerprints for %d articles", len(memo.entries), len(articles))
	}
}
