package ordered

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name       string
		n, workers int
	}{
		{"none", 0, 2},
		{"one worker", 50, 1},
		{"more workers than cores", 200, 2 * runtime.NumCPU()},
		{"zero workers means one", 10, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			// Later items finish first, so the order must come from Run.
			work := func(i int) int {
				time.Sleep(time.Duration((i*7)%5) * 100 * time.Microsecond)
				return i * i
			}
			err := Run(context.Background(), tc.n, tc.workers, work, func(i, r int) error {
				if r != i*i {
					t.Errorf("consume(%d, %d): result of another item", i, r)
				}
				got = append(got, i)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			want := make([]int, tc.n)
			for i := range want {
				want[i] = i
			}
			if !slices.Equal(got, want) && !(len(got) == 0 && tc.n == 0) {
				t.Errorf("consumed %v, want 0..%d in order", got, tc.n-1)
			}
		})
	}
}

func TestRunBoundsWorkInFlight(t *testing.T) {
	const workers = 2
	var started, consumed atomic.Int64
	var worst int64
	err := Run(context.Background(), 100, workers, func(i int) int {
		started.Add(1)
		return i
	}, func(i, r int) error {
		time.Sleep(50 * time.Microsecond) // a slow consumer
		if d := started.Load() - consumed.Load(); d > worst {
			worst = d
		}
		consumed.Add(1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if limit := int64(Ahead*workers + 1); worst > limit {
		t.Errorf("%d items started ahead of the consumer, want at most %d", worst, limit)
	}
}

func TestRunStops(t *testing.T) {
	boom := errors.New("boom")
	var calls int
	var worked atomic.Int64
	err := Run(context.Background(), 1000, 2, func(i int) int { worked.Add(1); return i }, func(i, r int) error {
		calls++
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	if calls != 4 {
		t.Errorf("consume called %d times, want 4 (0..3, then stop)", calls)
	}
	// The workers have returned: nothing more is worked on after Run.
	n := worked.Load()
	time.Sleep(10 * time.Millisecond)
	if worked.Load() != n || n > 4+int64(Ahead*2)+1 {
		t.Errorf("%d items worked on after a stop at the 4th (window %d)", n, Ahead*2)
	}

	ctx, cancel := context.WithCancel(context.Background())
	err = Run(ctx, 1000, 2, func(i int) int {
		if i == 10 {
			cancel()
		}
		if i >= 10 {
			<-ctx.Done()
		}
		return i
	}, func(i, r int) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v after cancel, want context.Canceled", err)
	}
}
