package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// TestSearchThenRejectActsOnWhatIsOnScreen is the case: a search
// scrolled to its match, and r rejected the finding focused before, off
// screen. Now the search focuses the finding at or after the match, and
// where there is none on screen, r refuses and says why.
func TestSearchThenRejectActsOnWhatIsOnScreen(t *testing.T) {
	m := newTestModel(t, 80, 12)
	press(t, m, "/")
	typeText(t, m, "sessions said")
	press(t, m, "enter")
	if got := focused(m); got != "f0008" || !m.onScreen(m.focus) {
		t.Fatalf("after /sessions said the focus is %q (on screen %v), want f0008, the finding after the match", got, m.focus >= 0 && m.onScreen(m.focus))
	}
	press(t, m, "r")
	if spanByID(t, m.a, "f0008").Status != model.Rejected || spanByID(t, m.a, "f0004").Status != model.Pending {
		t.Errorf("r after the search: f0008 %s, f0004 %s; want f0008 rejected, f0004 untouched",
			spanByID(t, m.a, "f0008").Status, spanByID(t, m.a, "f0004").Status)
	}
	press(t, m, "/", "enter") // the next "sessions said": no finding after it on screen
	if m.focus >= 0 || !strings.Contains(m.bar.msg, "no finding after it on screen") {
		t.Fatalf("second match: focus %q, status %q; want none and the reason", focused(m), m.bar.msg)
	}
	before := m.a.Describe()
	press(t, m, "r")
	if m.a.Describe() != before || !m.bar.isErr || !strings.Contains(m.bar.msg, "r: no finding on screen") {
		t.Errorf("r with nothing focused: status %q; want nothing decided and the reason", m.bar.msg)
	}
	if !strings.Contains(screen(m), "No finding on screen") {
		t.Errorf("the detail panel does not say nothing is focused:\n%s", screen(m))
	}
	press(t, m, "n")
	if got := focused(m); got != "f0010" {
		t.Errorf("n from the match goes to %q, want f0010 (the next pending after it)", got)
	}
}

// TestFocusStaysOnScreenWhateverMovesTheView runs the keys and mouse
// events that move the view and checks after each that the focus is a
// finding on screen, or none.
func TestFocusStaysOnScreenWhateverMovesTheView(t *testing.T) {
	m := newTestModel(t, 80, 12)
	steps := []tea.Msg{keyMsg("end"), keyMsg("home"), keyMsg("pgdown"), keyMsg("pgdown"), keyMsg("m"), keyMsg("down"),
		keyMsg("down"), keyMsg("esc"), tea.MouseWheelMsg{Button: tea.MouseWheelDown}, tea.MouseWheelMsg{Button: tea.MouseWheelUp},
		keyMsg("n"), keyMsg("d"), keyMsg("pgdown"), keyMsg("d"), tea.WindowSizeMsg{Width: 40, Height: 12}}
	for i, msg := range steps {
		_, cmd := m.Update(msg)
		run(m, cmd, &result{})
		if m.focus >= 0 && !m.onScreen(m.focus) {
			t.Fatalf("after step %d (%T %v) the focus %s is off screen", i, msg, msg, focused(m))
		}
	}
}

// TestOrderByConfidence: o makes n walk the pending spans from the most
// confident down (text order among equals), and back.
func TestOrderByConfidence(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "o")
	if !strings.Contains(screen(m), "by confidence") {
		t.Errorf("the header does not say the order:\n%s", screen(m))
	}
	var got []string
	for range 5 {
		press(t, m, "n")
		got = append(got, focused(m))
	}
	// Pending: f0004 .93, f0005 .93, f0006 .9, f0007 .9, f0008 .9, f0010 .85.
	if want := "f0005 f0006 f0007 f0008 f0010"; strings.Join(got, " ") != want {
		t.Errorf("n by confidence from f0004 visits %v, want %s", got, want)
	}
	press(t, m, "n")
	if got := focused(m); got != "f0004" {
		t.Errorf("n after the least confident wraps to %s, want f0004", got)
	}
	press(t, m, "o", "n")
	if got := focused(m); got != "f0005" {
		t.Errorf("back in text order n goes to %s, want f0005", got)
	}
}
