// Package parallel runs independent per-item work over all cores. Every
// stage of the pipeline that works item by item (reading, cleaning,
// finding duplicates, events, rendering) uses it, so they scale the same
// way, stop the same way when their build is cancelled, and stay
// deterministic: results go to the item's own index, never in completion
// order.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n) on up to GOMAXPROCS goroutines and
// returns when all calls have returned. It stops handing out items once
// ctx is done and then returns ctx's error.
func For(ctx context.Context, n int, fn func(i int)) error {
	return ForWith(ctx, n, func() struct{} { return struct{}{} }, func(_ struct{}, i int) { fn(i) })
}

// ForWith is For with a value of state per goroutine, made by newState
// when the goroutine starts: work that needs scratch space (a buffer, a
// hasher) makes it once per goroutine rather than once per item.
func ForWith[S any](ctx context.Context, n int, newState func() S, fn func(s S, i int)) error {
	run(ctx, n, newState, func(s S, i int) bool { fn(s, i); return true })
	return ctx.Err()
}

// ForWithErr is ForWith for work that can fail: it also stops handing
// out items once a call has returned an error. Items are handed out in
// index order and a call, once made, always returns, so the error it
// returns, that of the failing item of lowest index, is the same
// whatever the schedule. With no failure it returns ctx's error.
func ForWithErr[S any](ctx context.Context, n int, newState func() S, fn func(s S, i int) error) error {
	errs := make([]error, n)
	run(ctx, n, newState, func(s S, i int) bool {
		errs[i] = fn(s, i)
		return errs[i] == nil
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// run calls fn(s, i) for the items of [0, n) in order of i on up to
// GOMAXPROCS goroutines, each with its state s, until ctx is done or a
// call returns false.
func run[S any](ctx context.Context, n int, newState func() S, fn func(s S, i int) bool) {
	workers := min(runtime.GOMAXPROCS(0), n)
	done := ctx.Done()
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := newState()
			for !failed.Load() {
				select {
				case <-done:
					return
				default:
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if !fn(s, i) {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
}
