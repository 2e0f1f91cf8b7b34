package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
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
//
// A save costs what its decisions cost: it appends them to the journal
// beside the file (JournalPath) and fsyncs it. The file is written whole
// (folded: the journal's entries put into it, the journal removed) when
// there is no file of this annotation yet, when the journal outgrows an
// eighth of the file, on ForceSave and on Close.
type Workfile struct {
	Path     string
	ReadOnly bool // opened without the lock: Save refuses

	lock *Lock
	mu   sync.Mutex // saves may run in background goroutines (editor Cmds)
	// exists says there is a file, stat and sum what it was when last
	// read or written here (sum only once read: Load reads it).
	exists bool
	stat   fileStamp
	sum    [32]byte
	gen    int // the file's generation (0 for v1 and none)
	size   int64
	// jf is the journal while open for appending; jvalid is the length of
	// its whole lines, jstale that it goes on an older generation (a fold
	// stopped before removing it) and is to be replaced.
	jf      *os.File
	jvalid  int64
	jstale  bool
	entries int // entries in the journal, not folded into the file
	// line and written say which annotation the file and journal hold and
	// how many of its changes (see Annotation.changes); place and draft
	// are the ones they hold; saved is the state they hold, which Close
	// folds.
	line    *lineage
	written int
	place   *filePlace
	draft   *fileDraft
	saved   *Annotation
}

type fileStamp struct {
	size int64
	mod  time.Time
}

// foldFloor is the journal size below which a save never folds: small
// files would otherwise be rewritten every few decisions.
const foldFloor = 256 << 10

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
	if err := w.stamp(); err != nil {
		l.Unlock()
		return nil, err
	}
	return w, nil
}

// OpenWorkfileReadOnly opens path without the lock; Save always refuses.
func OpenWorkfileReadOnly(path string) (*Workfile, error) {
	w := &Workfile{Path: path, ReadOnly: true}
	return w, w.stamp()
}

// Exists reports whether there was an annotation file when it was opened
// (or last read): Load has one to read.
func (w *Workfile) Exists() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.exists
}

// stamp notes whether the file exists, and its size and time, without
// reading it: Load reads it. (The editor loads it after its first frame:
// a 20 MB article's file is some 70 MB, 60-260 ms to read and hash.)
func (w *Workfile) stamp() error {
	st, err := os.Stat(w.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.exists = false
		return nil
	case err != nil:
		return err
	case st.IsDir():
		return fmt.Errorf("%s: is a directory, not a text file", w.Path)
	}
	w.exists, w.stat, w.size = true, fileStamp{size: st.Size(), mod: st.ModTime()}, st.Size()
	return nil
}

// read reads the file, the base for conflict checks, and returns its
// bytes (nil when there is none).
func (w *Workfile) read() ([]byte, error) {
	data, err := readFile(w.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		w.exists = false
		return nil, nil
	case err != nil:
		return nil, err
	}
	w.exists = true
	w.stat, w.sum, w.size = stampOf(w.Path), sha256.Sum256(data), int64(len(data))
	return data, nil
}

// Load reads and validates the annotation with its journal (see
// ReadAnnotationFile), or returns an error wrapping fs.ErrNotExist when
// there is none yet.
func (w *Workfile) Load() (*Annotation, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	data, err := w.read()
	if err != nil {
		return nil, err
	}
	if !w.exists {
		return nil, fmt.Errorf("%s: %w", w.Path, fs.ErrNotExist)
	}
	a, st, err := loadAnnotation(w.Path, data, func() [32]byte { return w.sum })
	if err != nil {
		return nil, err
	}
	w.gen = st.gen
	w.jvalid, w.jstale, w.entries = st.valid, st.stale, st.entries
	w.line, w.written, w.place, w.draft = a.line, len(a.changes), a.encodePlace(), a.fileDraft()
	if w.entries > 0 {
		w.saved = a.Snapshot() // Close folds the journal even without a new decision
	}
	return a, nil
}

// Save stores a unless the file changed on disk since it was last read
// or written here (ErrChangedOnDisk) or the file is read-only: a's new
// decisions appended to the journal, or the file written whole (see
// Workfile). When it returns nil, a is on disk.
func (w *Workfile) Save(a *Annotation) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ReadOnly {
		return w.readOnly()
	}
	if w.changedOnDisk() {
		return fmt.Errorf("%s: %w", w.Path, ErrChangedOnDisk)
	}
	if !w.journals(a) {
		return w.fold(a)
	}
	if err := w.append(a); err != nil {
		return err
	}
	if w.jvalid > max(foldFloor, w.size/8) {
		// The decisions are safe in the journal; a failed fold leaves
		// them there and is tried again at the next save.
		_ = w.fold(a)
	}
	return nil
}

// Generation is the file's generation: one more each time it is written
// whole (0 for none yet, and for a file of the first schema). A caller
// tells by it which saves appended to the journal and which wrote the
// file whole, whose encoding of a long annotation leaves much garbage.
func (w *Workfile) Generation() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.gen
}

// ForceSave writes a whole even if the file changed on disk (after the
// user chose to overwrite).
func (w *Workfile) ForceSave(a *Annotation) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ReadOnly {
		return w.readOnly()
	}
	return w.fold(a)
}

func (w *Workfile) readOnly() error {
	return fmt.Errorf("%s: opened read-only (another corefix holds it)", w.Path)
}

// journals reports whether a can be saved by appending to the journal:
// the file holds an earlier state of the same annotation.
func (w *Workfile) journals(a *Annotation) bool {
	return w.exists && a.line != nil && a.line == w.line && len(a.changes) >= w.written && stampOf(w.Path) != fileStamp{}
}

// append writes a's changes since the last save (and its place and draft
// when they changed) to the journal and fsyncs it.
func (w *Workfile) append(a *Annotation) error {
	lines, err := a.journalLines(w.written, w.place, w.draft)
	if err != nil {
		return fmt.Errorf("%s: encode: %w", w.Path, err)
	}
	if len(lines) > 0 {
		if err := w.openJournal(); err != nil {
			return err
		}
		if _, err := w.jf.Write(lines); err != nil {
			return w.journalFailed(err)
		}
		if err := w.jf.Sync(); err != nil {
			return w.journalFailed(err)
		}
		w.jvalid += int64(len(lines))
		w.entries += bytes.Count(lines, []byte("\n"))
	}
	w.written, w.place, w.draft, w.saved = len(a.changes), a.encodePlace(), a.fileDraft(), a
	return nil
}

// openJournal opens the journal for appending after its last whole line,
// or starts one for the file as it is now.
func (w *Workfile) openJournal() error {
	if w.jf != nil {
		return nil
	}
	path := JournalPath(w.Path)
	if w.jvalid > 0 && !w.jstale {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err == nil {
			// A torn line after the whole ones was never acknowledged.
			if err = f.Truncate(w.jvalid); err == nil {
				_, err = f.Seek(w.jvalid, io.SeekStart)
			}
		}
		if err != nil {
			if f != nil {
				f.Close()
			}
			return fmt.Errorf("save %s: %w", path, err)
		}
		w.jf = f
		return nil
	}
	head, err := encodeCompact(journalHead{Schema: JournalSchema, Generation: w.gen, Base: hex.EncodeToString(w.sum[:])})
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	w.jf, w.jvalid, w.jstale, w.entries = f, 0, false, 0
	if _, err := f.Write(append(head, '\n')); err != nil {
		return w.journalFailed(err)
	}
	if err := f.Sync(); err != nil {
		return w.journalFailed(err)
	}
	syncDir(filepath.Dir(path)) // the new journal's name survives a power cut
	w.jvalid = int64(len(head) + 1)
	return nil
}

// journalFailed closes the journal after a failed write: the next save
// opens it again and cuts what this one left after the last whole line.
func (w *Workfile) journalFailed(err error) error {
	w.jf.Close()
	w.jf = nil
	if w.jvalid == 0 {
		w.jstale = true
	}
	return fmt.Errorf("save %s: %w", JournalPath(w.Path), err)
}

// fold writes a whole as the file's next generation, then removes the
// journal, whose entries the file now holds. A crash between the two
// leaves a journal of the older generation, which loading ignores.
func (w *Workfile) fold(a *Annotation) error {
	gen := w.gen + 1
	h := sha256.New()
	var n int64
	err := WriteAtomic(w.Path, 0o644, func(out io.Writer) error {
		c := &countingWriter{w: io.MultiWriter(out, h)}
		err := WriteAnnotationFile(c, a, gen)
		n = c.n
		return err
	})
	if err != nil {
		return err
	}
	if w.jf != nil {
		w.jf.Close()
		w.jf = nil
	}
	if err := os.Remove(JournalPath(w.Path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.jstale = true // of the older generation: ignored, replaced by the next save
	}
	copy(w.sum[:], h.Sum(nil))
	w.exists, w.stat, w.gen, w.size = true, stampOf(w.Path), gen, n
	w.jvalid, w.entries = 0, 0
	w.line, w.written, w.place, w.draft, w.saved = a.line, len(a.changes), a.encodePlace(), a.fileDraft(), a
	return nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// changedOnDisk compares the file with what was last read or written: size
// and modification time first, the bytes' hash only when those differ (a
// touch without a change is not a conflict).
func (w *Workfile) changedOnDisk() bool {
	st := stampOf(w.Path)
	if st == w.stat {
		return false
	}
	data, err := os.ReadFile(w.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return false // deleted: writing it again loses nothing
	}
	return err != nil || !w.exists || sha256.Sum256(data) != w.sum
}

// Close folds the journal into the file (unless another program changed
// the file: the journal then stays, nothing is lost), releases the lock
// and removes its file (see Lock.Unlock), so a clean exit leaves nothing
// beside the annotation. A second Close does nothing.
func (w *Workfile) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var err error
	if w.entries > 0 && w.saved != nil && !w.ReadOnly && !w.changedOnDisk() {
		err = w.fold(w.saved)
	}
	if w.jf != nil {
		w.jf.Close()
		w.jf = nil
	}
	if w.lock != nil {
		err = errors.Join(err, w.lock.Unlock())
		w.lock = nil
	}
	return err
}

func stampOf(path string) fileStamp {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{size: st.Size(), mod: st.ModTime()}
}
