package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sync"

	"corefix/model"
)

// jobsFlag is --jobs: how many documents of a dataset are worked on at
// once (default: every core the process may use).
type jobsFlag int

func (j *jobsFlag) declare(fs *flag.FlagSet) {
	*j = jobsFlag(runtime.GOMAXPROCS(0))
	fs.IntVar((*int)(j), "jobs", int(*j), "work on `N` dataset documents at once, by default one per core; the output is the same for every N")
}

func (j jobsFlag) check() error {
	if j < 1 {
		return &usageError{msg: fmt.Sprintf("--jobs %d: give at least 1", j)}
	}
	return nil
}

// inFlightPerJob bounds the documents read but not yet written, per job:
// enough that a worker finishing early finds the next document waiting
// while a long one holds the writer back, few enough that memory stays a
// handful of documents per core however large the dataset.
const inFlightPerJob = 4

// ordered is the dataset pipeline: one reader (next, until it reports
// done or an error), jobs workers (work, in parallel) and one writer
// (emit, in input order), so the output is byte for byte that of doing
// each item in turn. At most jobs×inFlightPerJob items are between next
// and emit at any time. The first error emit returns stops the pipeline
// and is returned; a reading error is returned after every item read
// before it has been emitted, where a loop would have met it.
func ordered[In, Out any](jobs int, next func() (In, bool, error), work func(In) Out, emit func(Out) error) error {
	type item[T any] struct {
		seq int
		v   T
	}
	window := jobs * inFlightPerJob
	done := make(chan struct{})
	defer close(done) // stops the reader and workers when emit fails
	tokens := make(chan struct{}, window)
	in := make(chan item[In], jobs)
	out := make(chan item[Out], window)
	var readErr error // written before in closes, read after out closes

	go func() {
		defer close(in)
		for seq := 0; ; seq++ {
			select {
			case tokens <- struct{}{}:
			case <-done:
				return
			}
			v, ok, err := next()
			if err != nil {
				readErr = err
			}
			if !ok || err != nil {
				return
			}
			select {
			case in <- item[In]{seq, v}:
			case <-done:
				return
			}
		}
	}()
	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			for it := range in {
				select {
				case out <- item[Out]{it.seq, work(it.v)}:
				case <-done:
					return
				}
			}
		})
	}
	go func() {
		workers.Wait()
		close(out)
	}()

	// Results wait here until every earlier one is written; the tokens
	// keep this to at most window entries.
	waiting := make(map[int]Out, window)
	seq := 0
	for r := range out {
		waiting[r.seq] = r.v
		for {
			v, ok := waiting[seq]
			if !ok {
				break
			}
			delete(waiting, seq)
			if err := emit(v); err != nil {
				return err
			}
			seq++
			<-tokens
		}
	}
	return readErr
}

// datasetLines is ordered's next for a dataset: its lines until io.EOF,
// a reading error as wrap names it.
func datasetLines(r *model.DatasetReader, wrap func(error) error) func() (model.Line, bool, error) {
	return func() (model.Line, bool, error) {
		l, err := r.NextLine()
		switch {
		case errors.Is(err, io.EOF):
			return l, false, nil
		case err != nil:
			return l, false, wrap(err)
		}
		return l, true, nil
	}
}
