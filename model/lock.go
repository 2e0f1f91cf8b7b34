package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ErrLocked means another corefix process holds what this one would write:
// an annotation file, or an annotator's review in a database.
var ErrLocked = errors.New("open in another corefix")

// LockedError says who holds a lock.
type LockedError struct {
	Path   string // what is locked, as the user named it
	Holder string // "alice (pid 4242 on host, since 10:42)", or "" if unknown
}

func (e *LockedError) Error() string {
	if e.Holder == "" {
		return fmt.Sprintf("%s is open in another corefix", e.Path)
	}
	return fmt.Sprintf("%s is open in another corefix: %s", e.Path, e.Holder)
}

// Unwrap makes errors.Is(err, ErrLocked) work.
func (e *LockedError) Unwrap() error { return ErrLocked }

// LockPath is the lock file used for an annotation file.
func LockPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
}

// Lock is an advisory lock (github.com/gofrs/flock on a .lock file) that
// makes one corefix process the only writer of something. The kernel
// drops it when the process dies, however it dies, so a crash never
// leaves a stale lock behind.
type Lock struct {
	f    *flock.Flock
	path string
}

// TakeLock takes the lock in the file lockPath for what (the file or
// database it guards, named in errors) and writes annotator, the process
// id, host and time into it for the next one to read. When another
// process holds it, the error is a *LockedError naming the holder.
func TakeLock(lockPath, what, annotator string) (*Lock, error) {
	l, ok, err := lockFile(lockPath)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", what, err)
	}
	if !ok {
		holder, _ := os.ReadFile(lockPath)
		return nil, &LockedError{Path: what, Holder: strings.TrimSpace(string(holder))}
	}
	host, _ := os.Hostname()
	info := fmt.Sprintf("%s (pid %d on %s, since %s)\n", annotator, os.Getpid(), host, time.Now().Format("2006-01-02 15:04"))
	// The lock file is ours while we hold the lock; its content only tells
	// others who we are.
	if f, err := os.OpenFile(lockPath, os.O_WRONLY|os.O_TRUNC, 0); err == nil {
		f.WriteString(info)
		f.Close()
	}
	return &Lock{f: l, path: lockPath}, nil
}

// lockFile takes the lock held in the file at path. Close removes that
// file before it unlocks, so a process that opened it just before may
// lock a file no longer at path; lockFile checks that the file it locked
// is the one at path and tries again if not. ok is false when another
// process holds the lock.
func lockFile(path string) (l *flock.Flock, ok bool, err error) {
	for range 10 {
		l = flock.New(path)
		if ok, err = l.TryLock(); err != nil || !ok {
			return nil, false, err
		}
		held, err1 := l.Stat()
		now, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return l, true, nil
		}
		l.Unlock()
	}
	return nil, false, nil // removed under us again and again: someone is busy with it
}

// Unlock removes the lock file, then releases the lock: the file goes
// while the lock is still held, so no other process can have locked it
// (see lockFile), and a clean exit leaves nothing behind. A lock file
// that cannot be removed (Windows keeps open files) is harmless: the next
// holder locks it again.
func (l *Lock) Unlock() error {
	_ = os.Remove(l.path)
	return l.f.Unlock()
}
