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
	return runModel(New(a, target, opts))
}

// RunDataset opens the editor on docs where the annotator stopped
// (document and focused span), saving to docs, until the user quits.
func RunDataset(docs Documents, opts Options) error {
	d := &dataset{Documents: docs}
	doc, pos, err := d.resume()
	if err != nil {
		return err
	}
	return runModel(newDatasetModel(d, doc, pos, opts))
}

// runModel runs the program on m and reports as finish does.
func runModel(m *Model) error {
	p := tea.NewProgram(m)
	m.stop = p.Quit
	_, err := p.Run()
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
	failed := m.panicked != "" || errors.Is(runErr, tea.ErrProgramPanic)
	if !failed && runErr == nil {
		return nil
	}
	cause := m.panicked
	if cause == "" {
		cause = runErr.Error()
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
