package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		counts := make([]int32, n)
		if err := For(context.Background(), n, func(i int) { atomic.AddInt32(&counts[i], 1) }); err != nil {
			t.Fatal(err)
		}
		for i, c := range counts {
			if c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestForStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := For(ctx, 1_000_000, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("no error after cancel")
	}
	if n := calls.Load(); n > 1000 {
		t.Errorf("%d calls after cancelling at 10", n)
	}
}
