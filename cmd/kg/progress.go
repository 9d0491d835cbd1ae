package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress draws one status line on stderr (files done, words per second,
// time left) while a long ingest runs, when stderr is a terminal. It draws
// at most a few times a second, and clear() wipes the line so that other
// messages print cleanly.
type progress struct {
	w        io.Writer
	total    int
	start    time.Time
	last     time.Time
	drawn    bool
	disabled bool
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	p := &progress{w: w, total: total, start: time.Now()}
	f, ok := w.(*os.File)
	if quiet || !ok || total < 2 {
		p.disabled = true
		return p
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		p.disabled = true
	}
	return p
}

func (p *progress) update(done, words int) {
	if p.disabled {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond && done < p.total {
		return
	}
	p.last = now
	elapsed := now.Sub(p.start).Seconds()
	rate := 0.0
	if elapsed > 0 {
		rate = float64(words) / elapsed
	}
	eta := "?"
	if done > 0 {
		left := time.Duration(elapsed / float64(done) * float64(p.total-done) * float64(time.Second))
		eta = left.Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\033[K%d/%d articles  %3.0f%%  %.0f words/s  %s left", done, p.total, 100*float64(done)/float64(p.total), rate, eta)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
