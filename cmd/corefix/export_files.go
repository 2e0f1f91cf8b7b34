package main

import (
	"path/filepath"
	"sync"

	"corefix/model"
)

// fileWriters is how many export files are written at once. Each file is
// written atomically (temporary file, fsync, rename, directory fsync); on
// a virtual disk those syncs, not the encoding, dominate an export of
// thousands of documents, and they overlap well.
const fileWriters = 16

// fileWriter writes export files into dir from a pool of goroutines.
type fileWriter struct {
	dir  string
	jobs chan exportFile
	wg   sync.WaitGroup
	mu   sync.Mutex
	err  error // the first error
}

// exportFile is one file to write.
type exportFile struct {
	name string
	data []byte
}

func newFileWriter(dir string) *fileWriter {
	w := &fileWriter{dir: dir, jobs: make(chan exportFile, fileWriters)}
	for range fileWriters {
		w.wg.Go(func() {
			for f := range w.jobs {
				if err := model.WriteFileAtomic(filepath.Join(w.dir, f.name), f.data, 0o644); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		})
	}
	return w
}

// write queues a file. It returns the first error any writer met, so the
// export stops soon after a failure (a full disk) instead of going on.
func (w *fileWriter) write(name string, data []byte) error {
	w.mu.Lock()
	err := w.err
	w.mu.Unlock()
	if err != nil {
		return err
	}
	w.jobs <- exportFile{name, data}
	return nil
}

// close waits for the queued files and returns the first error.
func (w *fileWriter) close() error {
	close(w.jobs)
	w.wg.Wait()
	return w.err
}
