// Package ordered runs work in parallel and hands its results, in input
// order, to one consumer: the shape of `kg ingest` (workers extract
// articles, one writer commits them) and of `kg bench`, which times it.
package ordered

import (
	"context"
	"runtime"
	"sync"
)

// Ahead is how many results per worker may wait for the consumer. It bounds
// the memory held by finished work that has not been consumed yet.
const Ahead = 4

// Run calls work(i) for i = 0 ... n-1 on workers goroutines and consume(i,
// r) with each result on the calling goroutine in order of i, so that what
// consume does comes out the same whatever the scheduling. At most
// Ahead*workers items are in flight at once.
//
// Run stops early, once the workers have returned, when consume returns an
// error (returned as is) or when ctx is done while it waits for a result
// (ctx.Err()).
func Run[T any](ctx context.Context, n, workers int, work func(i int) T, consume func(i int, r T) error) error {
	if workers < 1 {
		workers = 1
	}
	type item struct {
		i int
		r T
	}
	// The window bounds how far the workers run ahead of the consumer. The
	// results channel holds the whole window, so a worker never blocks
	// sending: with a smaller one, workers waited while the consumer was
	// busy with an earlier result.
	window := make(chan struct{}, Ahead*workers)
	results := make(chan item, cap(window))
	jobs := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		for i := range n {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- item{i, work(i)}
				// The send readies the consumer on this worker's P, where
				// it would wait until this worker blocks or is preempted;
				// yielding lets it run now. Without it the consumer fell
				// behind, the window filled and the workers stood idle
				// (on 2 cores the feeder was blocked 1.5-2.8 s of a 3.5 s
				// run; with it, under 5 ms).
				runtime.Gosched()
			}
		}()
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()

	pending := map[int]T{}
	next := 0
	for next < n {
		select {
		case it := <-results:
			pending[it.i] = it.r
		case <-ctx.Done():
			return ctx.Err()
		}
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			<-window
			if err := consume(next, r); err != nil {
				return err
			}
			next++
		}
	}
	return nil
}
