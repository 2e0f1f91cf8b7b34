package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"corefix/model"
)

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
	cmd := m.startInput(modeEdit, "fix> ", prefill)
	if at >= 0 {
		m.input.SetCursor(len([]rune(prefill[:at])))
	}
	return cmd
}

// startInput opens the text input for mode.
func (m *Model) startInput(md mode, prompt, value string) tea.Cmd {
	m.mode = md
	m.input.Prompt = prompt
	m.sizeInput()
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// sizeInput fits the input and its prompt into the status row, leaving a
// cell for the cursor.
func (m *Model) sizeInput() {
	m.input.SetWidth(max(m.lay.Width-lipgloss.Width(m.input.Prompt)-1, 1))
}

// inputKey drives the edit and search inputs: enter commits, esc
// cancels, everything else is typing (so q types a q).
func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.input.Blur()
		m.mode = modeReview
		m.setInfo("cancelled")
		return nil
	case key.Matches(msg, m.keys.Commit):
		m.input.Blur()
		md := m.mode
		m.mode = modeReview
		value := m.input.Value()
		if md == modeSearch {
			m.find(value)
			return nil
		}
		return m.decide("edited", true, func(i int) error { return m.a.Edit(i, value) })
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}
