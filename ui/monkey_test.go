package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestRandomKeys presses random keys, typing and resizes, and after each
// checks what must always hold: no panic, every row within the width, the
// frame exactly the screen's height, and the incremental wrap equal to a
// fresh one.
func TestRandomKeys(t *testing.T) {
	keys := []string{"n", "p", "tab", "shift+tab", "j", "k", "up", "down", "pgup", "pgdown", "home", "end",
		"a", "enter", "1", "2", "3", "r", "e", "x", "m", "u", "ctrl+r", "/", "f", "d", "s", "?", "esc",
		"left", "right", "shift+right", "shift+left", "L", "H", "c", "backspace", "w", "é", "漢", " ", "q"}
	sizes := [][2]int{{40, 12}, {80, 24}, {23, 9}, {120, 40}, {300, 100}, {57, 17}}
	rng := rand.New(rand.NewPCG(7, 11))
	m := newTestModel(t, 80, 24)
	w, h := 80, 24
	for step := 0; step < 3000; step++ {
		k := keys[rng.IntN(len(keys))]
		if rng.IntN(40) == 0 {
			s := sizes[rng.IntN(len(sizes))]
			w, h = s[0], s[1]
			m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		}
		if k == "q" && m.mode != modeEdit && m.mode != modeSearch {
			continue // quitting ends the run; it is tested elsewhere
		}
		press(t, m, k)
		if m.panicked != "" {
			t.Fatalf("step %d key %q: panic %s", step, k, m.panicked)
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
		}
	}
	if got := saved(t, m).Len(); got != m.a.Len() {
		t.Errorf("the file has %d spans, the editor %d", got, m.a.Len())
	}
}
