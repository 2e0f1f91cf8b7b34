package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ErrChangedOnDisk means the annotation file was changed by someone else
// since this process loaded or saved it; saving would overwrite their work.
var ErrChangedOnDisk = errors.New("annotation file was changed by another program since it was loaded")

// Workfile is an annotation file opened for editing: it holds an advisory
// lock (a .lock file beside it, github.com/gofrs/flock) so that two editors
// never write the same file, and remembers what it last read or wrote so
// that a change by another program is noticed instead of overwritten.
type Workfile struct {
	Path     string
	ReadOnly bool // opened without the lock: Save refuses

	lock *Lock
	mu   sync.Mutex // saves may run in background goroutines (editor Cmds)
	// last is the content this process last read or wrote; nil when the
	// file did not exist.
	last []byte
	stat fileStamp
}

type fileStamp struct {
	size int64
	mod  time.Time
}

// OpenWorkfile locks path for writing. When another process holds it, the
// error is a *LockedError naming the holder; call OpenWorkfileReadOnly to
// look without writing.
func OpenWorkfile(path, annotator string) (*Workfile, error) {
	l, err := TakeLock(LockPath(path), path, annotator)
	if err != nil {
		return nil, err
	}
	// Holding the lock, this process is the file's only writer: any
	// temporary file of it whose process is gone is a leftover.
	RemoveStaleTemps(filepath.Dir(path), filepath.Base(path))
	w := &Workfile{Path: path, lock: l}
	if err := w.remember(); err != nil {
		l.Unlock()
		return nil, err
	}
	return w, nil
}

// OpenWorkfileReadOnly opens path without the lock; Save always refuses.
func OpenWorkfileReadOnly(path string) (*Workfile, error) {
	w := &Workfile{Path: path, ReadOnly: true}
	return w, w.remember()
}

// remember records the file's current content as the base for conflict
// checks.
func (w *Workfile) remember() error {
	data, err := os.ReadFile(w.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.last, w.stat = nil, fileStamp{}
		return nil
	case err != nil:
		return err
	}
	w.last = data
	w.stat = stampOf(w.Path)
	return nil
}

// Load reads and validates the annotation, or returns an error wrapping
// fs.ErrNotExist when there is none yet.
func (w *Workfile) Load() (*Annotation, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.last == nil {
		return nil, fmt.Errorf("%s: %w", w.Path, fs.ErrNotExist)
	}
	a, err := ParseAnnotation(w.last)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", w.Path, err)
	}
	return a, nil
}

// Save writes a atomically unless the file changed on disk since it was
// last read or written here (ErrChangedOnDisk) or the file is read-only.
func (w *Workfile) Save(a *Annotation) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.changedOnDisk() {
		return fmt.Errorf("%s: %w", w.Path, ErrChangedOnDisk)
	}
	return w.write(a)
}

// ForceSave writes a even if the file changed on disk (after the user
// chose to overwrite).
func (w *Workfile) ForceSave(a *Annotation) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.write(a)
}

func (w *Workfile) write(a *Annotation) error {
	if w.ReadOnly {
		return fmt.Errorf("%s: opened read-only (another corefix holds it)", w.Path)
	}
	data, err := a.MarshalJSON()
	if err != nil {
		return fmt.Errorf("%s: encode: %w", w.Path, err)
	}
	if err := WriteFileAtomic(w.Path, data, 0o644); err != nil {
		return err
	}
	w.last = data
	w.stat = stampOf(w.Path)
	return nil
}

// changedOnDisk compares the file with what was last read or written: size
// and modification time first, the bytes only when those differ (a touch
// without a change is not a conflict).
func (w *Workfile) changedOnDisk() bool {
	st := stampOf(w.Path)
	if st == w.stat {
		return false
	}
	data, err := os.ReadFile(w.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return false // deleted: writing it again loses nothing
	}
	return err != nil || !bytes.Equal(data, w.last)
}

// Close releases the lock and removes its file (see Lock.Unlock), so a
// clean exit leaves nothing beside the annotation. A second Close does
// nothing.
func (w *Workfile) Close() error {
	if w.lock == nil {
		return nil
	}
	err := w.lock.Unlock()
	w.lock = nil
	return err
}

func stampOf(path string) fileStamp {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), mod: st.ModTime()}
}
