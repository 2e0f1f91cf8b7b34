package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestRandomKeys presses random keys, typing, clicks and resizes, and
// after each checks what must always hold: no panic, every row within the
// width, the frame exactly the screen's height, the focus on screen, and
// the incremental wrap and the strip kept equal to fresh ones.
func TestRandomKeys(t *testing.T) {
	m := newEntitiesModel(t, 80, 24)
	pressRandomKeys(t, m, monkeyKeys)
	if got := saved(t, m).Len(); got != m.a.Len() {
		t.Errorf("the file has %d spans, the editor %d", got, m.a.Len())
	}
}

// TestRandomKeysDataset does the same over a dataset, moving between
// documents too, and checks the database holds what the editor shows.
func TestRandomKeysDataset(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 5))
	m := resumeModel(t, d, 80, 24)
	pressRandomKeys(t, m, append(monkeyKeys, "]", "[", "]", "["))
	press(t, m, "esc", "esc", "s") // out of any input, then save
	a, ok, err := d.store.LoadAnnotation(m.a.Doc.ID, "test")
	if err != nil || !ok || a.Describe() != m.a.Describe() {
		t.Errorf("the database has %v (ok %v, err %v), the editor %s", a, ok, err, m.a.Describe())
	}
	if p, err := d.store.Progress("test"); err != nil || p.Saved < 3 {
		t.Errorf("%d documents saved (err %v); the keys hardly left the first ones", p.Saved, err)
	}
}

// monkeyKeys are the keys pressRandomKeys picks from.
var monkeyKeys = []string{"n", "p", "tab", "shift+tab", "j", "k", "up", "down", "pgup", "pgdown", "home", "end",
	"a", "enter", "1", "2", "3", "r", "e", "x", "m", "u", "ctrl+r", "/", "f", "d", "s", "?", "esc",
	"left", "right", "shift+right", "shift+left", "L", "H", "c", "backspace", "w", "é", "漢", " ", "q",
	"N", "o", "A", "i", "g", "G", "S", "space", "Z", "click", "wheel"}

// pressRandomKeys presses 3,000 keys picked from keys, with resizes, and
// checks after each what must always hold.
func pressRandomKeys(t *testing.T, m *Model, keys []string) {
	t.Helper()
	sizes := [][2]int{{40, 12}, {80, 24}, {23, 9}, {120, 40}, {300, 100}, {57, 17}}
	rng := rand.New(rand.NewPCG(7, 11))
	w, h := 80, 24
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	for step := 0; step < 3000; step++ {
		k := keys[rng.IntN(len(keys))]
		if rng.IntN(40) == 0 {
			s := sizes[rng.IntN(len(sizes))]
			w, h = s[0], s[1]
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		}
		if k == "q" && !m.typing() {
			continue // quitting ends the run; it is tested elsewhere
		}
		switch k { // a panic fails the test
		case "click":
			m.Update(tea.MouseClickMsg{X: rng.IntN(w), Y: rng.IntN(h), Button: tea.MouseLeft})
		case "wheel":
			m.Update(tea.MouseWheelMsg{Button: []tea.MouseButton{tea.MouseWheelUp, tea.MouseWheelDown}[rng.IntN(2)]})
		default:
			press(t, m, k)
		}
		if m.reviewing() && m.focus >= 0 && !m.onScreen(m.focus) {
			t.Fatalf("step %d key %q: the focus %s is off screen", step, k, focused(m))
		}
		lines := strings.Split(m.View().Content, "\n")
		if len(lines) != h {
			t.Fatalf("step %d key %q: %d lines at height %d", step, k, len(lines), h)
		}
		for _, l := range lines {
			if lw := ansi.StringWidth(l); lw > w {
				t.Fatalf("step %d key %q: line of %d cells at width %d: %q", step, k, lw, w, ansi.Strip(l))
			}
		}
		if step%50 == 0 {
			want := rowsText(&m.art.st, wrap(&m.art.st, m.art.width))
			if got := rowsText(&m.art.st, m.art.rows); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("step %d: incremental wrap differs from a fresh one", step)
			}
			checkStripFresh(t, m)
		}
	}
}
