package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// A read-only editor (opened with --read-only, typically because another
// corefix holds the annotation file) refuses decisions instead of taking them unsaved: a decision that
// vanishes at quit is lost work, the one thing the editor promises never
// to do. Moving, searching, filtering and the preview still work.

// decisions are the bindings that change or save the annotation.
func (k *KeyMap) decisions() []*key.Binding {
	return []*key.Binding{&k.Accept, &k.Choose, &k.Reject, &k.Edit, &k.Reset, &k.Mark, &k.Undo, &k.Redo, &k.Save, &k.ForceSave}
}

// refusedKeys copies the decision bindings while they are all enabled, so
// a refused key still matches (a disabled binding never does) and gets
// its message.
func refusedKeys(k KeyMap) []key.Binding {
	var out []key.Binding
	for _, b := range k.decisions() {
		out = append(out, *b)
	}
	return out
}

// refuse reports whether msg is a decision a read-only editor turns down,
// saying why in the status line.
func (m *Model) refuse(msg tea.KeyPressMsg) bool {
	if !m.target.ReadOnly() || !key.Matches(msg, m.refused...) {
		return false
	}
	m.setError("read-only: no decisions here — %s stays as it is", m.target.Name())
	return true
}
