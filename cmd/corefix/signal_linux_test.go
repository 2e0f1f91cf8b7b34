package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"corefix/model"
)

// SIGTERM, SIGHUP (the terminal closed) and SIGINT after a failed save: corefix
// writes the decisions, and the fix being typed, beside the annotation
// file it may not overwrite, says where, and exits with status 1, at once.
func TestSignalsAfterAFailedSaveInATerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs corefix in a terminal")
	}
	for _, stop := range []struct {
		name string
		sig  syscall.Signal
		do   func(*terminal)
	}{
		{"SIGTERM", syscall.SIGTERM, func(tm *terminal) { tm.cmd.Process.Signal(syscall.SIGTERM) }},
		{"SIGHUP", syscall.SIGHUP, func(tm *terminal) { tm.hangUp() }}, // the kernel sends it
		{"SIGINT", syscall.SIGINT, func(tm *terminal) { tm.cmd.Process.Signal(syscall.SIGINT) }},
	} {
		dir := t.TempDir()
		article(t, dir)
		tm := startTerminal(t, dir, 100, 30, "review", "--annotator", "alice", "news.txt")
		if !tm.waitFor("findings in", 20*time.Second) { // found after the first frame
			t.Fatalf("%s: the editor did not open:\n%s\n%s", stop.name, tm.screen(), tm.stderr)
		}
		// Another program writes the annotation file: the next save is
		// refused rather than overwrite it.
		theirs := []byte("someone else's work\n")
		annotation := filepath.Join(dir, "news.corefix.json")
		if err := os.WriteFile(annotation, theirs, 0o644); err != nil {
			t.Fatal(err)
		}
		tm.typeKeys("r")
		if !tm.waitFor("NOT SAVED", 10*time.Second) {
			t.Fatalf("%s: no failed save on screen:\n%s", stop.name, tm.screen())
		}
		tm.typeKeys("e")
		tm.typeKeys(" typed")
		if !tm.waitFor(" typed", 10*time.Second) {
			t.Fatalf("%s: the fix input does not show what was typed:\n%s", stop.name, tm.screen())
		}
		stop.do(tm)
		tm.repeat(stop.sig)
		status, ended := tm.wait(5 * time.Second)
		if !ended {
			tm.cmd.Process.Signal(syscall.SIGQUIT) // Go prints every goroutine: where it hangs
			tm.wait(5 * time.Second)
			t.Fatalf("%s: corefix still runs 5 s after the signal\n%s", stop.name, tm.stderr)
		}
		rescue := annotation + ".rescue"
		msg := tm.stderr.String()
		if status != exitFailure || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "stopped by "+stop.name) ||
			!strings.Contains(msg, "saved in news.corefix.json.rescue") || !strings.Contains(msg, "the fix you were typing") {
			t.Errorf("%s after a failed save: exit %d, stderr %q; want 1 and one line: stopped, the work and the fix in %s", stop.name, status, msg, rescue)
		}
		a, err := model.ReadAnnotationFile(rescue)
		if err != nil {
			t.Fatalf("%s: %v", stop.name, err)
		}
		if c := a.Counts(); c[model.Rejected] != 1 {
			t.Errorf("%s: the rescue file holds %v, want the one rejection", stop.name, c)
		}
		if a.Draft == nil || !strings.HasSuffix(a.Draft.Text, " typed") {
			t.Errorf("%s: the rescue file's draft is %+v, want the fix being typed", stop.name, a.Draft)
		}
		if got, _ := os.ReadFile(annotation); string(got) != string(theirs) {
			t.Errorf("%s: the other program's file was overwritten", stop.name)
		}
	}
}
