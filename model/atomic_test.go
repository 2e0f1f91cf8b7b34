package model

import (
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteFileAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	for _, s := range []string{"old", "new contents"} {
		if err := WriteFileAtomic(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != "new contents" {
		t.Errorf("file holds %q", got)
	}
	assertOnlyFiles(t, dir, "f.json")
}

func TestWriteFileAtomicFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// Renaming a file over a non-empty directory fails after the temporary
	// file was written: the failure path must remove it.
	target := filepath.Join(dir, "taken")
	os.MkdirAll(filepath.Join(target, "sub"), 0o755)
	err := WriteFileAtomic(target, []byte("x"), 0o644)
	if err == nil || !strings.Contains(err.Error(), "save "+target) {
		t.Fatalf("err = %v, want a save error naming %s", err, target)
	}
	assertOnlyFiles(t, dir, "taken")

	if err := WriteFileAtomic(filepath.Join(dir, "missing", "f"), []byte("x"), 0o644); err == nil {
		t.Errorf("save into a missing directory: no error")
	}
}

func TestWriteFileAtomicReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	os.WriteFile(path, []byte("precious"), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err == nil {
		t.Fatal("save into a read-only directory: no error")
	}
	if got, _ := os.ReadFile(path); string(got) != "precious" {
		t.Errorf("previous file changed to %q", got)
	}
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("directory holds %v, want %v (a temporary file was left behind?)", got, want)
	}
}

// TestSaveSurvivesSIGKILL kills a process that saves in a loop at random
// moments and checks that the annotation file is always complete and valid.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess loop")
	}
	path := filepath.Join(t.TempDir(), "a.corefix.json")
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 25; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$")
		cmd.Env = append(os.Environ(), "COREFIX_SAVE_LOOP="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let it save at least once, then kill it at a random moment.
		for deadline := time.Now().Add(10 * time.Second); ; {
			if _, err := os.Stat(path); err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(r.IntN(20000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		info, err := os.Stat(path)
		if err != nil {
			t.Fatalf("round %d: annotation file missing: %v", round, err)
		}
		if info.Size() == 0 {
			t.Fatalf("round %d: annotation file is empty", round)
		}
		if _, err := ReadAnnotationFile(path); err != nil {
			t.Fatalf("round %d: annotation file invalid after SIGKILL: %v", round, err)
		}
	}
}

// TestHelperSaveLoop is the subprocess of TestSaveSurvivesSIGKILL: it saves
// annotations of varying size forever.
func TestHelperSaveLoop(t *testing.T) {
	path := os.Getenv("COREFIX_SAVE_LOOP")
	if path == "" {
		t.Skip("subprocess only")
	}
	r := rand.New(rand.NewPCG(uint64(os.Getpid()), 9))
	for {
		a := randomAnnotation(t, r)
		if err := SaveAnnotation(path, a); err != nil {
			t.Fatal(err)
		}
	}
}

// A temporary file whose writer died (kill -9 between create and rename)
// is removed by the next run; one whose writer runs, and other files, stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	dead := deadPID(t)
	files := map[string]bool{ // name → should stay
		".a.corefix.json.tmp-" + strconv.Itoa(dead) + "-123":        false,
		".a.corefix.json.tmp-3999999999":                            false, // before pids were recorded
		".a.corefix.json.tmp-" + strconv.Itoa(os.Getpid()) + "-456": true,  // a write in progress
		".b.ann.tmp-" + strconv.Itoa(dead) + "-789":                 true,  // another target
		"a.corefix.json":       true,
		".a.corefix.json.lock": true,
		"notes.tmp-1":          true,
	}
	for name := range files {
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	RemoveStaleTemps(dir, "a.corefix.json")
	for name, stay := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if stay != (err == nil) {
			t.Errorf("after RemoveStaleTemps(a.corefix.json): %s there = %v, want %v", name, err == nil, stay)
		}
	}
	RemoveStaleTemps(dir, "") // an export directory: every target's leftovers
	if _, err := os.Stat(filepath.Join(dir, ".b.ann.tmp-"+strconv.Itoa(dead)+"-789")); err == nil {
		t.Error("RemoveStaleTemps(dir, \"\") kept another target's leftover")
	}
}

// deadPID returns the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

// The temporary file names its writer, so the next run can tell a
// leftover from a write in progress.
func TestWriteAtomicTempNamesWriter(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.json")
	var name string
	err := WriteAtomic(path, 0o644, func(w io.Writer) error {
		name = filepath.Base(w.(*os.File).Name())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pid, ok := tempWriter(name, "f.json"); !ok || pid != os.Getpid() {
		t.Errorf("temporary file %q names pid %d, %v; want %d", name, pid, ok, os.Getpid())
	}
}
