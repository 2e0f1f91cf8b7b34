package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Run opens the editor on a, saving to target, until the user quits. If
// the editor fails (even by a panic) the terminal is restored, the work is
// saved, and the error says in one line where it is.
func Run(a *model.Annotation, target Target, opts Options) error {
	return runModel(notice(New(a, target, opts), opts))
}

// RunDataset opens the editor on docs where the annotator stopped
// (document and focused span), saving to docs, until the user quits.
func RunDataset(docs Documents, opts Options) error {
	d := &dataset{Documents: docs}
	doc, pos, err := d.resume()
	if err != nil {
		return err
	}
	return runModel(notice(newDatasetModel(d, doc, pos, opts), opts))
}

// notice puts opts.Notice in the status line of a new editor.
func notice(m *Model, opts Options) *Model {
	if opts.Notice != "" {
		m.setError("%s", opts.Notice)
	}
	return m
}

// runModel runs the program on m and reports as finish does. The
// program's own panic handling (on unless tea.WithoutCatchPanics) is the
// one rescue: it catches a panic in Update, View or a Cmd, restores the
// terminal, prints the trace and makes Run return tea.ErrProgramPanic,
// upon which finish saves the work.
func runModel(m *Model, opts ...tea.ProgramOption) error {
	_, err := tea.NewProgram(m, opts...).Run()
	return m.end(err)
}

// end is what happens once the program stopped, however it stopped.
func (m *Model) end(runErr error) error {
	return errors.Join(m.finish(runErr), m.keepPosition())
}

// keepPosition writes where the annotator is in a dataset once more after
// the program ended: position Cmds still running when it quit may never
// have finished.
func (m *Model) keepPosition() error {
	if m.docs == nil {
		return nil
	}
	if err := m.docs.setPosition(m.posSeq+1, m.a.Doc.ID, m.focus); err != nil {
		return fmt.Errorf("where you stopped was not saved in %s: %w", m.docs.Name(), err)
	}
	return nil
}

// finish saves what a failed run leaves unsaved and words the error.
func (m *Model) finish(runErr error) error {
	if runErr == nil {
		return nil
	}
	failed := errors.Is(runErr, tea.ErrProgramPanic)
	cause := runErr.Error()
	if failed {
		cause = "a panic, traced above" // by the program, on stderr
	}
	if m.target.ReadOnly() {
		return fmt.Errorf("the editor stopped (%s); it was read-only, so nothing is lost", cause)
	}
	where := m.target.Name()
	if err := m.target.Save(m.a); err != nil {
		// Never overwrite a file someone else changed, nor lose the work:
		// put it beside.
		where = m.target.RescuePath(m.a)
		if err2 := model.SaveAnnotation(where, m.a); err2 != nil {
			return fmt.Errorf("the editor stopped (%s) and your work could not be saved: %v; %v", cause, err, err2)
		}
	}
	if failed {
		return fmt.Errorf("internal error (%s); your work is saved in %s — run the same command to resume", cause, where)
	}
	return fmt.Errorf("%s; your work is saved in %s", cause, where)
}
