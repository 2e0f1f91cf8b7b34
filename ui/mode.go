package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// mode is the component the keys go to: the review (reviewMode), the
// override input (editMode), the note input (noteMode), the search input
// (searchMode), marking a missed span (*markMode), the corrected-text
// preview (*preview), the antecedent panel (*mentionsMode), the full help
// or a message in full (*paneMode) or the quit question (confirmMode). Each handles its own keys in its own file
// and says which keys it takes, so the help never offers another mode's.
type mode interface {
	// key handles a key press. The mode acts on m: it decides, moves the
	// focus, or hands the keys to another mode by setting m.mode.
	key(m *Model, msg tea.KeyPressMsg) tea.Cmd
	// help is the keys the mode takes, from k.
	help(k *KeyMap) help.KeyMap
}

// reviewing reports that the keys go to the review, the main mode.
func (m *Model) reviewing() bool {
	_, ok := m.mode.(reviewMode)
	return ok
}

// typing reports that the keys go to the text input (edit, note, search),
// which View then shows in the status row.
func (m *Model) typing() bool {
	switch m.mode.(type) {
	case editMode, noteMode, searchMode:
		return true
	}
	return false
}
