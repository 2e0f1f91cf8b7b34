package model

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestWorkfileLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.corefix.json")
	w, err := OpenWorkfile(path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenWorkfile(path, "bob")
	var le *LockedError
	if !errors.As(err, &le) || !errors.Is(err, ErrLocked) || !strings.Contains(le.Holder, "alice (pid ") {
		t.Fatalf("second open: err = %v, want a LockedError naming alice", err)
	}
	ro, err := OpenWorkfileReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	a := newTestAnnotation(t)
	if err := ro.Save(a); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only save: err = %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("lock file after Close: %v, want it removed", err)
	}
	w2, err := OpenWorkfile(path, "bob")
	if err != nil {
		t.Fatalf("open after the holder closed: %v", err)
	}
	w2.Close()
	if err := w2.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestWorkfileLockFileReplaced: a lock file removed and made anew between
// another process's open and its lock (the holder's Close) must not give
// two holders: the lock taken is always on the file at the lock path.
func TestWorkfileLockFileReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.corefix.json")
	stale, ok, err := lockFile(LockPath(path)) // locks the file, then it is replaced
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	defer stale.Unlock()
	if err := os.Remove(LockPath(path)); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWorkfile(path, "bob")
	if err != nil {
		t.Fatalf("open with the old lock file gone: %v", err)
	}
	defer w.Close()
	if _, err := OpenWorkfile(path, "carol"); !errors.Is(err, ErrLocked) {
		t.Errorf("third open: %v, want ErrLocked (bob holds the file at the path)", err)
	}
}

func TestWorkfileConflict(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.corefix.json")
	w, err := OpenWorkfile(path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Load(); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a new file: err = %v, want ErrNotExist", err)
	}
	a := newTestAnnotation(t)
	if err := w.Save(a); err != nil {
		t.Fatal(err)
	}
	_ = a.Reject(0)
	// Touching the file without changing it is not a conflict.
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later)
	if err := w.Save(a); err != nil {
		t.Fatalf("save after touch: %v", err)
	}
	// Another program rewrites the file: the next save must refuse.
	other := newTestAnnotation(t)
	_ = other.Edit(0, "theirs")
	if err := SaveAnnotation(path, other); err != nil {
		t.Fatal(err)
	}
	_ = a.Reject(1)
	if err := w.Save(a); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("save over a changed file: err = %v, want ErrChangedOnDisk", err)
	}
	data, _ := os.ReadFile(path)
	if got, err := ParseAnnotation(data); err != nil || got.Span(0).Replacement != "theirs" {
		t.Fatalf("the other program's work was overwritten (%v)", err)
	}
	// This editor's journal stays beside, refused rather than replayed
	// over the other program's file.
	if _, err := ReadAnnotationFile(path); err == nil || !strings.Contains(err.Error(), "the file was replaced") {
		t.Fatalf("journal over a replaced file: err = %v", err)
	}
	if err := w.ForceSave(a); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAnnotationFile(path)
	if err != nil || got.Span(1).Status != Rejected {
		t.Errorf("ForceSave did not write")
	}
	loaded, err := w.Load()
	if err != nil || loaded.Span(1).Status != Rejected {
		t.Errorf("Load after save: %v", err)
	}
}

func TestLoadOrStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.corefix.json")
	w, err := OpenWorkfile(path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	base := newTestAnnotation(t)
	calls := 0
	detect := func() ([]Finding, error) {
		calls++
		return []Finding{base.Span(0).Finding}, nil
	}
	a, resumed, err := w.LoadOrStart(base.Doc, detect, FromDetector)
	if err != nil || resumed || calls != 1 || a.Len() != 1 {
		t.Fatalf("new: resumed %v, calls %d, err %v", resumed, calls, err)
	}
	_ = a.Edit(0, "lost")
	if err := w.Save(a); err != nil {
		t.Fatal(err)
	}
	b, resumed, err := w.LoadOrStart(base.Doc, detect, FromDetector)
	if err != nil || !resumed || calls != 1 || b.Span(0).Replacement != "lost" {
		t.Fatalf("resume: resumed %v, calls %d, err %v", resumed, calls, err)
	}
	if b.Doc != base.Doc {
		t.Error("the resumed annotation holds the file's copy of the text, not the text given")
	}
	other := NewDocument("t", "t.txt", base.Doc.Text+" changed")
	if _, _, err := w.LoadOrStart(other, detect, FromDetector); err == nil || !strings.Contains(err.Error(), "different text") {
		t.Errorf("hash mismatch: err = %v", err)
	}
}

// Opening an annotation file removes the temporary file a save killed
// before its rename left beside it.
func TestOpenWorkfileRemovesLeftoverTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.corefix.json")
	leftover := filepath.Join(dir, ".a.corefix.json.tmp-"+strconv.Itoa(deadPID(t))+"-42")
	os.WriteFile(leftover, []byte("{half a save"), 0o644)
	w, err := OpenWorkfile(path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := os.Stat(leftover); err == nil {
		t.Errorf("%s is still there after opening %s", leftover, path)
	}
}
