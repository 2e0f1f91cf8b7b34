package ui

import (
	"strings"
	"testing"
)

// TestLongMessageReadInFull: a status message too long for its row ends
// in …[i], and i shows it whole with the focused finding in full; i or
// esc closes.
func TestLongMessageReadInFull(t *testing.T) {
	m := newTestModel(t, 40, 12)
	msg := m.bar.msg
	lines := strings.Split(screen(m), "\n")
	if status := lines[len(lines)-2]; !strings.HasSuffix(status, cutHint) {
		t.Fatalf("a long message at 40 columns reads %q, want it cut with %s", status, cutHint)
	}
	press(t, m, "i")
	p, ok := m.mode.(*paneMode)
	if !ok {
		t.Fatalf("i: mode %T, want the pane", m.mode)
	}
	var all strings.Builder
	for {
		all.WriteString(strings.ReplaceAll(p.View(), "\n", " ") + " ")
		if p.atEnd() {
			break
		}
		press(t, m, "space")
	}
	text := strings.Join(strings.Fields(all.String()), " ")
	for _, want := range []string{strings.Join(strings.Fields(msg), " "), "f0004", `proposal 1: "were"`,
		"why: a subject pronoun is followed directly by a noun phrase: a word (likely the verb) was overwritten"} {
		if !strings.Contains(text, want) {
			t.Errorf("i does not show %q in full:\n%s", want, text)
		}
	}
	press(t, m, "i")
	if !inMode[reviewMode](m) {
		t.Errorf("i again: mode %T, want review", m.mode)
	}
}

// TestForceSaveWithoutConflictSays: S with nothing to overwrite says what
// it is for instead of doing nothing.
func TestForceSaveWithoutConflictSays(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "S")
	if !m.bar.isErr || !strings.Contains(m.bar.msg, "S: overwrites the file only after another program changed it") || m.version != 0 {
		t.Errorf("S without a conflict: status %q", m.bar.msg)
	}
	press(t, m, "Z")
	if !strings.Contains(m.bar.msg, "Z does nothing here — ? lists the keys") {
		t.Errorf("an unknown key: status %q", m.bar.msg)
	}
}
