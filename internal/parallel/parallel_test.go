package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
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

// TestForWithStatePerGoroutine checks that ForWith calls fn for every
// index once and never uses one goroutine's state in another at the same
// time.
func TestForWithStatePerGoroutine(t *testing.T) {
	type state struct{ busy atomic.Bool }
	const n = 10000
	counts := make([]int32, n)
	var made atomic.Int32
	err := ForWith(context.Background(), n, func() *state { made.Add(1); return &state{} }, func(s *state, i int) {
		if !s.busy.CompareAndSwap(false, true) {
			t.Error("a state used by two goroutines at once")
		}
		atomic.AddInt32(&counts[i], 1)
		s.busy.Store(false)
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range counts {
		if c != 1 {
			t.Fatalf("index %d called %d times", i, c)
		}
	}
	if m := made.Load(); m < 1 || m > int32(runtime.GOMAXPROCS(0)) {
		t.Errorf("%d states made for %d goroutines", m, runtime.GOMAXPROCS(0))
	}
}

// TestForWithErrFirstFailure checks that ForWithErr returns the error of
// the failing item of lowest index, stops handing out items after a
// failure, and returns nil when nothing fails.
func TestForWithErrFirstFailure(t *testing.T) {
	newState := func() struct{} { return struct{}{} }
	if err := ForWithErr(context.Background(), 1000, newState, func(struct{}, int) error { return nil }); err != nil {
		t.Fatalf("no failure: %v", err)
	}
	for range 20 {
		var calls atomic.Int32
		err := ForWithErr(context.Background(), 100_000, newState, func(_ struct{}, i int) error {
			calls.Add(1)
			if i == 30 || i == 31 || i == 500 {
				return fmt.Errorf("item %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "item 30" {
			t.Fatalf("error %v, want item 30's", err)
		}
		if n := calls.Load(); n > 10_000 {
			t.Fatalf("%d calls after item 30 failed", n)
		}
	}
}

// TestForWithErrCancelled checks that a cancelled ForWithErr returns
// ctx's error when no item failed.
func TestForWithErrCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := ForWithErr(ctx, 1_000_000, func() int { return 0 }, func(_ int, i int) error {
		if i == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}
