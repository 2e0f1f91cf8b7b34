package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Run opens the editor on a, saving to file, until the user quits. If the
// editor fails (even by a panic) the terminal is restored, the work is
// saved, and the error says in one line where it is.
func Run(a *model.Annotation, file *model.Workfile, opts Options) error {
	m := New(a, file, opts)
	p := tea.NewProgram(m)
	m.stop = p.Quit
	_, err := p.Run()
	return m.finish(err)
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
