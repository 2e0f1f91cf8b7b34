package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// savedMsg reports the end of a save of version (see Model.version).
type savedMsg struct {
	version int
	err     error
}

// saveCmd writes a snapshot of the annotation, taken now in Update, so the
// write can run in the background while the editor goes on changing the
// annotation. force overwrites a file another program changed. A panic
// while encoding becomes an error in the status bar.
func saveCmd(target Target, snap *model.Annotation, version int, force bool) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedMsg{version: version, err: fmt.Errorf("save %s: internal error: %v", target.Name(), r)}
			}
		}()
		if force {
			return savedMsg{version: version, err: target.ForceSave(snap)}
		}
		return savedMsg{version: version, err: target.Save(snap)}
	}
}

// save starts saving the current state unless a save is already running;
// saved starts another when that one ends if the state moved on, so saves
// never race and the newest state is always the last one written.
func (m *Model) save() tea.Cmd { return m.startSave(false) }

func (m *Model) startSave(force bool) tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	return saveCmd(m.target, m.a.Snapshot(), m.version, force)
}

// saved handles the end of a save.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	m.saving = false
	if msg.err != nil {
		m.saveErr = msg.err
		if errors.Is(msg.err, model.ErrChangedOnDisk) {
			m.setError("not saved: %v — S overwrites it", msg.err)
		} else {
			m.setError("not saved: %v — your decisions are kept; s retries", msg.err)
		}
		m.quitAfterSave = false
		return nil
	}
	m.saveErr = nil
	m.savedVersion = max(m.savedVersion, msg.version)
	if m.savedVersion < m.version {
		return m.save()
	}
	if m.quitAfterSave {
		return tea.Quit
	}
	if m.announceSave {
		m.announceSave = false
		m.setInfo("saved to %s", m.target.Name())
	}
	return nil
}

// unsaved reports whether some decision is not on disk yet.
func (m *Model) unsaved() bool { return m.savedVersion < m.version || m.saving }
