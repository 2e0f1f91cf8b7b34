package ui

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// reportingTarget is a target whose saves fail, like a full disk, and
// says so on failed.
type reportingTarget struct {
	Target
	failed chan<- struct{}
}

func (r reportingTarget) Save(*model.Annotation) error {
	select {
	case r.failed <- struct{}{}:
	default:
	}
	return errors.New("disk full")
}

// SIGTERM and SIGHUP after a failed save: the editor stops, writes the
// work beside the annotation file, says where, and the run fails (a
// non-zero exit). The signals are real, sent to this process.
func TestSignalAfterAFailedSave(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		failed := make(chan struct{}, 1)
		path := filepath.Join(t.TempDir(), "sample.corefix.json")
		m := New(fixture(t), reportingTarget{openWorkfile(t, path), failed}, Options{Title: "sample"})
		keys, typing := io.Pipe()
		ended := make(chan error, 1)
		go func() {
			ended <- runModel(m, tea.WithInput(keys), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
		}()
		typing.Write([]byte("r")) // reject f0004: its save fails
		select {
		case <-failed:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: no save was tried after r", sig)
		}
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		var err error
		select {
		case err = <-ended:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: the editor was still running 20 s after the signal", sig)
		}
		typing.Close()
		rescue := path + ".rescue"
		if err == nil || !strings.Contains(err.Error(), "stopped by SIG") || !strings.Contains(err.Error(), "saved in "+rescue) ||
			!strings.Contains(err.Error(), "disk full") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v after a failed save: Run = %v; want one line: stopped, the work in %s, and why", sig, err, rescue)
		}
		a, rerr := model.ReadAnnotationFile(rescue)
		if rerr != nil {
			t.Fatalf("%v: %v", sig, rerr)
		}
		if got := spanByID(t, a, "f0004").Status; got != model.Rejected {
			t.Errorf("%v: f0004 in the rescue file is %s, want rejected", sig, got)
		}
	}
}

// A fix typed but not committed when the editor stops is saved with the
// annotation, and the next editor opens the input on it again.
func TestStopKeepsTheFixBeingTyped(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "r", "e") // reject f0004, then type a fix for f0005
	typeText(t, m, " told")
	typed := m.input.Value()
	err := m.end(&signalError{syscall.SIGTERM})
	if err == nil || !strings.Contains(err.Error(), "the fix you were typing for f0005") {
		t.Errorf("end while typing = %v, want it to say the fix is kept", err)
	}
	a := saved(t, m)
	if a.Draft == nil || *a.Draft != (model.Draft{Span: "f0005", Text: typed}) {
		t.Fatalf("saved draft %+v, want f0005 %q", a.Draft, typed)
	}
	if got := spanByID(t, a, "f0004").Status; got != model.Rejected {
		t.Errorf("f0004 saved as %s, want rejected", got)
	}

	again := notice(New(a, displayOnly(m.target.Name()), Options{}), Options{})
	again.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !inMode[editMode](again) || again.input.Value() != typed || focused(again) != "f0005" || !strings.Contains(again.bar.msg, "f0005") {
		t.Fatalf("reopened: mode %T, input %q on %s, status %q; want the input on f0005 holding %q", again.mode, again.input.Value(), focused(again), again.bar.msg, typed)
	}
	if got := screen(again); !strings.Contains(got, "fix> "+typed) {
		t.Errorf("reopened, the input does not show the whole draft %q:\n%s", typed, got)
	}
	press(t, again, "enter")
	if s := spanByID(t, again.a, "f0005"); s.Status != model.Edited || s.Replacement != typed || again.a.Draft != nil {
		t.Errorf("after enter: f0005 %s %q, draft %+v; want it edited with the draft, no draft left", s.Status, s.Replacement, again.a.Draft)
	}
}

// slowTarget holds the first save until release is closed, and reports
// every save as it starts.
type slowTarget struct {
	Target
	started chan *model.Annotation
	release chan struct{}
	saves   atomic.Int32
}

func (s *slowTarget) Save(a *model.Annotation) error {
	s.started <- a
	if s.saves.Add(1) == 1 {
		<-s.release
	}
	return s.Target.Save(a)
}

// A background save still running when the editor stops ends before the
// last save, never after it, so an older state cannot land over the
// newer one.
func TestFinishWaitsForARunningSave(t *testing.T) {
	m := newTestModel(t, 80, 24)
	slow := &slowTarget{Target: m.target, started: make(chan *model.Annotation, 4), release: make(chan struct{})}
	m.target = slow
	_, save := m.Update(keyMsg("a")) // accept f0004, saved in the background…
	bg := make(chan struct{})
	go func() { save(); close(bg) }()
	<-slow.started   // …and held there
	press(t, m, "r") // reject f0005 while it runs: no second save starts
	finished := make(chan error, 1)
	go func() { finished <- m.finish(errors.New("stopped")) }()
	select {
	case <-slow.started: // finish saves while the older save is held: let it end first
		<-finished
		close(slow.release)
		<-bg
	case <-time.After(200 * time.Millisecond): // finish waits, as it should
		close(slow.release)
		<-bg
		<-finished
	}
	a := saved(t, m)
	if got := spanByID(t, a, "f0005").Status; got != model.Rejected {
		t.Errorf("f0005 on disk is %s, want rejected: the older background save landed after the last one", got)
	}
	if msg := save(); msg != nil {
		t.Errorf("a save started after the editor stopped returned %T, want nothing done", msg)
	}
}
