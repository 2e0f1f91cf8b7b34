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
type Lock struct{ f *flock.Flock }

// TakeLock takes the lock in the file lockPath for what (the file or
// database it guards, named in errors) and writes annotator, the process
// id, host and time into it for the next one to read. When another
// process holds it, the error is a *LockedError naming the holder.
func TakeLock(lockPath, what, annotator string) (*Lock, error) {
	l := flock.New(lockPath)
	ok, err := l.TryLock()
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
	return &Lock{f: l}, nil
}

// Unlock releases the lock; the file stays, for the next holder.
func (l *Lock) Unlock() error { return l.f.Unlock() }
