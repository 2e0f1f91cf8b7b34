package model

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A process killed between WriteAtomic's create and rename (kill -9, a
// power cut) leaves its hidden temporary file behind. The file names its
// writer's process id, .NAME.tmp-PID-RANDOM, so the next run can tell a
// leftover (its writer is gone) from a write in progress and remove only
// the leftovers.

// tempPrefix starts the names of path's temporary files.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// RemoveStaleTemps removes from dir the temporary files of atomic writes
// whose process is no longer running: those of target only (a file name
// in dir), or of every file in dir when target is empty (an export
// directory). It is best effort: what it cannot list or remove stays, as
// harmless as before.
func RemoveStaleTemps(dir, target string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if pid, ok := tempWriter(e.Name(), target); ok && !e.IsDir() && !running(pid) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// tempWriter returns the process id in the name of a temporary file of
// target (of any file when target is empty); ok is false for any other
// name. Names from before the id was recorded (.NAME.tmp-RANDOM) read the
// random number as the id, which almost never names a running process.
func tempWriter(name, target string) (pid int, ok bool) {
	if !strings.HasPrefix(name, ".") {
		return 0, false
	}
	if target != "" && !strings.HasPrefix(name, tempPrefix(target)) {
		return 0, false
	}
	i := strings.LastIndex(name, ".tmp-")
	if i < 0 {
		return 0, false
	}
	digits, _, _ := strings.Cut(name[i+len(".tmp-"):], "-")
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}
