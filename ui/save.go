package ui

import (
	"errors"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// savedMsg reports the end of a save of version (see Model.version);
// whole, that it wrote the annotation whole (see generations).
type savedMsg struct {
	version int
	err     error
	whole   bool
}

// saveCmd writes a snapshot of the annotation, taken now in Update, so the
// write can run in the background while the editor goes on changing the
// annotation. at, unless nil, is where the editor was then, which the
// snapshot takes as its place here, off the key: converting it may build
// the document's offset index (see spot). force overwrites a file another
// program changed. A panic while encoding becomes an error in the status
// bar. Once the gate is closed the save does nothing: the editor has
// stopped and saved last.
func saveCmd(gate *saveGate, target Target, snap *model.Annotation, at *spot, version int, force bool) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = savedMsg{version: version, err: fmt.Errorf("save %s: internal error: %v", target.Name(), r)}
			}
		}()
		if at != nil {
			p := at.place(snap.Doc)
			snap.Place = &p
		}
		save := target.Save
		if force {
			save = target.ForceSave
		}
		var err error
		whole := false
		if !gate.run(func() {
			gen := generation(target)
			err = save(snap)
			whole = generation(target) != gen
		}) {
			return nil
		}
		return savedMsg{version: version, err: err, whole: whole}
	}
}

// saveGate puts the background saves in order with the last save, which
// finish makes once the program stopped: a save still running then must
// end first, and none may start after, or an older state would land over
// the newer one. A new saveGate is open.
type saveGate struct {
	mu     sync.Mutex
	closed bool
}

// run calls save unless the gate is closed, and reports whether it did.
func (g *saveGate) run(save func()) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return false
	}
	save()
	return true
}

// close waits for a save in progress and turns away every later one.
func (g *saveGate) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
}

// save starts saving the current state unless a save is already running;
// saved starts another when that one ends if the state moved on, so saves
// never race and the newest state is always the last one written.
func (m *Model) save() tea.Cmd { return m.startSave(false) }

func (m *Model) startSave(force bool) tea.Cmd {
	switch {
	case m.load != nil:
		m.setInfo("nothing to save before the spans are found")
		return nil
	case m.detect != nil:
		return nil // saved when all are found (allFound); s says so (enableKeys)
	}
	if m.saving {
		return nil
	}
	m.saving = true
	var at *spot
	if m.docs == nil { // a dataset records the place with the position
		s := m.spot()
		at, m.placeSaved = &s, &s
	}
	return saveCmd(m.gate, m.target, m.a.Snapshot(), at, m.version, force)
}

// saved handles the end of a save. After one that wrote a long article's
// annotation whole, the memory its encoding took is handed back
// (thenRelease): the editor allocates too little afterwards for the
// collector to run again soon, and the 20 MB varied article's first save
// left the editor at 250 MB of RSS, against 190 MB before, for as long as
// it was open. A save that only appended its decisions leaves next to
// nothing, and a full collection after each would meet the next keys.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	next := m.afterSave(msg)
	if msg.whole && !m.quitAfterSave { // quitting hands it all back
		return m.thenRelease(next)
	}
	return next
}

// afterSave is what follows a save: the next one if the state moved on
// meanwhile, the end of the program if it waited for this one.
func (m *Model) afterSave(msg savedMsg) tea.Cmd {
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
