package dedup

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"
	"time"
)

// lateCtx is never Done, and its Err is Canceled from its n-th call on.
type lateCtx struct {
	context.Context
	calls atomic.Int32
	n     int32
}

func (c *lateCtx) Done() <-chan struct{} { return nil }
func (c *lateCtx) Err() error {
	if c.calls.Add(1) >= c.n {
		return context.Canceled
	}
	return nil
}
func (c *lateCtx) Deadline() (time.Time, bool) { return time.Time{}, false }

// TestMemoConsistentAfterCancel checks that a build cancelled between
// fingerprinting and scoring leaves the memo as a whole: the next build
// groups as a fresh one does, with the same pair scores (the memo had
// kept the new fingerprints beside the old scores, so an article turned
// into another copy was merged by a stale score).
func TestMemoConsistentAfterCancel(t *testing.T) {
	for _, variant := range []int{0, 1, 2} {
		t.Logf("variant %d", variant)
		articles, _ := corpus(11, 300)
		g := newGenerator(12, 2000)
		orig := articles[0]
		articles[0] = g.copyOf(articles[1], orig.Path, variant)
		var memo Memo
		mustMemoGroup(t, &memo, articles)
		articles[0] = g.copyOf(articles[1], orig.Path, (variant+1)%3) // another copy
		ctx := &lateCtx{Context: context.Background(), n: 2}
		if _, err := memo.Group(ctx, articles); err == nil {
			t.Fatal("not cancelled")
		}
		got := mustMemoGroup(t, &memo, articles)
		var fresh Memo
		want := mustMemoGroup(t, &fresh, articles)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("variant %d: after a cancelled build the memo groups differently:\n%v\nwant\n%v", variant, groups(got)[:3], groups(want)[:3])
		}
		for k, s := range fresh.scores {
			if memo.scores[k] != s {
				t.Errorf("variant %d: score %v: memo %v, fresh %v", variant, k, memo.scores[k], s)
			}
		}
	}
}
