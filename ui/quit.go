package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// quit quits, or asks first when something is not saved. A save that is
// merely still running is waited for instead: asking then would only
// slow down the usual quit right after a decision.
func (m *Model) quit() tea.Cmd {
	switch {
	case !m.unsaved():
		return tea.Quit
	case m.saving && m.saveErr == nil:
		m.quitAfterSave = true
		m.setInfo("saving, then quitting…")
		return nil
	}
	m.mode = confirmMode{}
	m.setError(quitQuestion)
	return nil
}

// quitQuestion is what quit asks when something is not saved.
const quitQuestion = "unsaved changes: y save and quit, n quit without saving, esc stay"

// confirmMode is the question quit asks when something is not saved.
type confirmMode struct{}

// key answers the quit question.
func (confirmMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.SaveQuit):
		m.mode = reviewMode{}
		m.quitAfterSave = true
		if !m.unsaved() {
			return tea.Quit
		}
		if m.detect != nil {
			m.setInfo("saving once every region is searched, then quitting…")
			return nil
		}
		m.setInfo("saving…")
		return m.save()
	case key.Matches(msg, m.keys.DiscardQuit), key.Matches(msg, m.keys.Interrupt):
		return tea.Quit
	case key.Matches(msg, m.keys.Cancel):
		m.mode = reviewMode{}
		m.setInfo("not quitting")
	default:
		m.setError("%s: %s", msg.String(), quitQuestion) // answer first
	}
	return nil
}

// help is the answers to the question.
func (confirmMode) help(k *KeyMap) help.KeyMap { return bindings{k.SaveQuit, k.DiscardQuit, k.Cancel} }
