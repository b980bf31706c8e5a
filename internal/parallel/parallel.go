// Package parallel runs independent per-item work over all cores. Every
// per-file stage of the pipeline (reading, cleaning) uses it, so they
// scale the same way and stay deterministic: results go to the item's own
// index, never in completion order.
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
	workers := min(runtime.GOMAXPROCS(0), n)
	done := ctx.Done()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			s := newState()
			for {
				select {
				case <-done:
					return
				default:
				}
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(s, i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
