package ui

import (
	"strings"
	"testing"
)

// TestNote: N opens an input with the focused span's note, enter saves it
// with the span (no decision made), the detail panel shows it, and u
// takes it back.
func TestNote(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "N")
	if !inMode[noteMode](m) || m.input.Value() != "" {
		t.Fatalf("N: mode %T, value %q; want the empty note input", m.mode, m.input.Value())
	}
	typeText(t, m, "ask the desk")
	press(t, m, "enter")
	s := spanByID(t, saved(t, m), "f0004")
	if s.Note != "ask the desk" || s.Status != "pending" || focused(m) != "f0004" {
		t.Errorf("saved f0004: note %q, status %s, focus %s; want the note, still pending, focus kept", s.Note, s.Status, focused(m))
	}
	if !strings.Contains(screen(m), `note: "ask the desk"`) {
		t.Errorf("the detail panel does not show the note:\n%s", screen(m))
	}
	press(t, m, "N")
	if m.input.Value() != "ask the desk" {
		t.Errorf("N again starts from %q, want the note", m.input.Value())
	}
	press(t, m, "esc", "u")
	if got := spanByID(t, saved(t, m), "f0004").Note; got != "" {
		t.Errorf("after u the saved note is %q, want none", got)
	}
}
