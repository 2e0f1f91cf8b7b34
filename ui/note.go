package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// noteMode types the focused span's note (N): free text saved with the
// span and exported with it (brat's AnnotatorNotes), for what a decision
// alone does not say.
type noteMode struct{}

// key edits the note; enter saves it.
func (noteMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.inputKey(msg, func(note string) tea.Cmd {
		i := m.focus
		if err := m.a.SetNote(i, note); err != nil {
			m.setError("%v", err)
			return nil
		}
		m.changed()
		m.setInfo("%s: note saved", m.a.Span(i).ID)
		return m.save()
	})
}

// help is the keys of the input.
func (noteMode) help(k *KeyMap) help.KeyMap { return inputHelp(k) }
