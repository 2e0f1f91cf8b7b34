package ui

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Run opens the editor on a, saving to target, until the user quits. If
// the editor fails (even by a panic) or a signal stops it, the terminal is
// restored, the work is saved, and the error says in one line where it is.
// Run is the end of a corefix process: once it has run, SIGINT, SIGTERM
// and SIGHUP no longer stop the process (see stopper.received).
func Run(a *model.Annotation, target Target, opts Options) error {
	return runModel(notice(New(a, target, opts), opts))
}

// RunDataset opens the editor on docs where the annotator stopped
// (document and focused span), saving to docs, until the user quits; as
// Run otherwise.
func RunDataset(docs Documents, opts Options) error {
	d := &dataset{Documents: docs}
	doc, pos, err := d.resume()
	if err != nil {
		return err
	}
	return runModel(notice(newDatasetModel(d, doc, pos, opts), opts))
}

// notice readies a new editor for the user: opts.Notice in the status
// line, and the fix they were typing when the last editor stopped.
func notice(m *Model, opts Options) *Model {
	if opts.Notice != "" {
		m.setError("%s", opts.Notice)
	}
	m.resumeDraft() // the open input needs saying most
	return m
}

// runModel runs the program on m and reports as finish does. The
// program's own panic handling (on unless tea.WithoutCatchPanics) is the
// one rescue: it catches a panic in Update, View or a Cmd, restores the
// terminal, prints the trace and makes Run return tea.ErrProgramPanic,
// upon which finish saves the work. Signals go the same way (see
// stopper).
func runModel(m *Model, opts ...tea.ProgramOption) error {
	p := tea.NewProgram(m, append(opts, tea.WithoutSignalHandler())...)
	stop := stopOnSignals(p)
	_, err := p.Run()
	if sig := stop.received(); sig != nil {
		err = &signalError{sig}
	}
	return m.end(err)
}

// stopper makes SIGINT, SIGTERM and SIGHUP stop the program the way a
// failure does: finish then saves the work, or rescues it, says where, and
// the exit status is not 0. (Bubble Tea's own handler would quit on
// SIGTERM as if the user had, losing what was not saved, and leave SIGHUP
// to kill the process outright.) SIGINT comes from kill -INT: ctrl+c in
// the terminal is a key. SIGTERM comes from kill, a shutdown or a process
// manager; SIGHUP from a closed terminal window or a dropped connection.
type stopper struct {
	sigs  chan os.Signal
	got   chan os.Signal // the first signal, once the program was told
	done  chan struct{}  // closed when the program ended
	ended chan struct{}  // closed when the watcher returned
}

// stopOnSignals starts listening for the signals and stopping p on the
// first one.
func stopOnSignals(p *tea.Program) *stopper {
	s := &stopper{sigs: make(chan os.Signal, 1), got: make(chan os.Signal, 1), done: make(chan struct{}), ended: make(chan struct{})}
	signal.Notify(s.sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		defer close(s.ended)
		select {
		case sig := <-s.sigs:
			s.got <- sig
			p.Send(tea.Interrupt()) // a no-op once the program ended
		case <-s.done:
		}
	}()
	return s
}

// received returns the signal that stopped the program, nil if none did;
// call it once the program ended.
//
// The signals stay caught, and are dropped, until the process ends. By
// then the work is saved or rescued and corefix ends right after, saying
// where; a signal repeated meanwhile (a shell relays SIGHUP to its jobs,
// tmux sends one to a closed pane's whole group) would only cut that line
// short. Letting go of them is not safe either: with signal.Stop the
// default (death) comes back before Stop returns, and even with
// signal.Ignore a signal already in the runtime's handler when it is no
// longer wanted kills the process (seen once in about a hundred stops of
// .ci/stress, which repeats each signal every 3 ms).
func (s *stopper) received() os.Signal {
	close(s.done)
	<-s.ended
	select {
	case sig := <-s.got:
		return sig
	case sig := <-s.sigs: // came as the program ended
		return sig
	default:
		return nil
	}
}

// signalError is a run stopped by a signal.
type signalError struct{ sig os.Signal }

func (e *signalError) Error() string {
	name := e.sig.String()
	switch e.sig {
	case os.Interrupt:
		name = "SIGINT"
	case syscall.SIGTERM:
		name = "SIGTERM"
	case syscall.SIGHUP:
		name = "SIGHUP (the terminal closed)"
	}
	return "stopped by " + name
}

// end is what happens once the program stopped, however it stopped.
func (m *Model) end(runErr error) error {
	if m.openErr != nil {
		return m.openErr // the annotation never opened: nothing to save
	}
	if runErr != nil {
		m.keepDraft() // finish saves it with the annotation
	}
	return errors.Join(m.finish(runErr), m.keepPosition(runErr))
}

// keepPosition writes where the annotator is once more after the program
// ended: in a dataset, position Cmds still running when it quit may never
// have finished; in a single file, the place is saved with decisions only
// (see keepPlace) and a failed run leaves it be (finish saved the work).
func (m *Model) keepPosition(runErr error) error {
	if m.docs == nil {
		if runErr != nil {
			return nil
		}
		return m.keepPlace()
	}
	if err := m.docs.setPosition(m.posSeq+1, m.a.Doc.ID, m.spot().place(m.a.Doc)); err != nil {
		return fmt.Errorf("where you stopped was not saved in %s: %w", m.docs.Name(), err)
	}
	return nil
}

// finish saves what a failed run leaves unsaved and words the error. A
// background save still running is waited for first, and none starts
// after (see saveGate): it would write an older state over this one.
func (m *Model) finish(runErr error) error {
	if runErr == nil {
		return nil
	}
	m.gate.close()
	failed := errors.Is(runErr, tea.ErrProgramPanic)
	cause := runErr.Error()
	if failed {
		cause = "a panic, traced above" // by the program, on stderr
	}
	if m.target.ReadOnly() {
		return fmt.Errorf("the editor stopped (%s); it was read-only, so nothing is lost", cause)
	}
	if m.load != nil || m.detect != nil && !m.unsaved() {
		return fmt.Errorf("the editor stopped (%s) before its spans were there; nothing was decided, so nothing is lost", cause)
	}
	if m.detect != nil {
		// Decisions made while the regions were found: saved with all
		// the findings, never with some (see detecting.saveWhy).
		if err := m.findRest(); err != nil {
			return fmt.Errorf("the editor stopped (%s) while finding the spans, and the rest could not be found (%v): the decisions made meanwhile are lost", cause, err)
		}
	}
	where := m.target.Name()
	m.stampPlace()
	err := m.target.Save(m.a)
	if err != nil {
		// Never overwrite a file someone else changed, nor lose the work:
		// put it beside.
		where = m.target.RescuePath(m.a)
		if err2 := model.SaveAnnotation(where, m.a); err2 != nil {
			return fmt.Errorf("the editor stopped (%s) and your work could not be saved: %v; %v", cause, err, err2)
		}
		where += fmt.Sprintf(" (not in %s: %v)", m.target.Name(), err)
	}
	if m.a.Draft != nil {
		where += fmt.Sprintf(", with the fix you were typing for %s, offered back when you open it", m.a.Draft.Span)
	}
	if failed {
		return fmt.Errorf("internal error (%s); your work is saved in %s — run the same command to resume", cause, where)
	}
	return fmt.Errorf("%s; your work is saved in %s", cause, where)
}
