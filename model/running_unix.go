//go:build unix

package model

import (
	"errors"
	"math"
	"syscall"
)

// running reports whether a process with this id runs on this machine:
// signal 0 checks without sending anything. EPERM means it runs as
// another user. An id beyond pid_t is no process (and must not wrap to a
// negative one, which would name a process group).
func running(pid int) bool {
	if pid <= 0 || pid > math.MaxInt32 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
