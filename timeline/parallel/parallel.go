// Package parallel runs independent per-item work over all cores. Every
// per-file stage of the pipeline (reading, cleaning) uses it, so they
// scale the same way and stay deterministic: results go to the item's own
// index, never in completion order.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls fn(i) for every i in [0, n) on up to GOMAXPROCS goroutines and
// returns when all calls have returned. It stops handing out items once
// ctx is done and then returns ctx's error.
func For(ctx context.Context, n int, fn func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}
