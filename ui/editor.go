package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corefix/model"
)

// editMode types the focused span's replacement (the override editor).
type editMode struct{}

// key edits the replacement; enter decides the span with it.
func (editMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.inputKey(msg, func(value string) tea.Cmd {
		return m.decide("edited", true, func(i int) error { return m.a.Edit(i, value) })
	})
}

// help is the keys of the input.
func (editMode) help(k *KeyMap) help.KeyMap { return inputHelp(k) }

// editPrefill is what the input starts with: the current replacement of
// a decided span, else the best proposal, else the span's own text.
func (m *Model) editPrefill(s model.Span) string {
	switch {
	case s.Status.Changes():
		return s.Replacement
	case len(s.Proposals) > 0:
		return s.Proposals[0].Text
	}
	return m.a.Doc.Text[s.Start:s.End]
}

// startEdit opens the input for the focused span's replacement. A
// placeholder ▢ in the prefill is removed and the cursor put in its place.
func (m *Model) startEdit(prefill string) tea.Cmd {
	at := strings.Index(prefill, model.Placeholder)
	prefill = strings.Replace(prefill, model.Placeholder, "", 1)
	cmd := m.startInput(editMode{}, "fix> ", prefill)
	if at >= 0 {
		m.input.SetCursor(len([]rune(prefill[:at])))
	}
	return cmd
}

// startInput opens the text input for md, editMode, noteMode or
// searchMode.
func (m *Model) startInput(md mode, prompt, value string) tea.Cmd {
	m.mode = md
	m.input.Prompt = prompt
	m.input.Placeholder = ""
	m.sizeInput()
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// sizeInput fits the input and its prompt into the status row, leaving a
// cell for the cursor. Setting the cursor again scrolls the text to the
// new width (SetWidth alone keeps the part shown for the old one: a draft
// reopened before the first layout showed its last letter only).
func (m *Model) sizeInput() {
	m.input.SetWidth(max(m.lay.Width-lipgloss.Width(m.input.Prompt)-1, 1))
	m.input.SetCursor(m.input.Position())
}

// inputKey drives the edit, note and search inputs: enter commits the value,
// esc cancels, everything else is typing (so q types a q).
func (m *Model) inputKey(msg tea.KeyPressMsg, commit func(value string) tea.Cmd) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.input.Blur()
		m.mode = reviewMode{}
		m.setInfo("cancelled")
		return nil
	case key.Matches(msg, m.keys.Commit):
		m.input.Blur()
		m.mode = reviewMode{}
		return commit(m.input.Value())
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// inputHelp is the keys of the edit, note and search inputs.
func inputHelp(k *KeyMap) help.KeyMap { return bindings{k.Commit, k.Cancel} }
