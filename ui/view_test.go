package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// state prints the model and what it points to that View reads, so two
// prints differ when anything changed.
func state(m *Model) string {
	s := fmt.Sprintf("%+v\n%+v\n%+v\n%+v", *m, *m.art, *m.styles, *m.a)
	switch md := m.mode.(type) {
	case *preview:
		s += fmt.Sprintf("\n%+v", *md)
	case *markMode:
		s += fmt.Sprintf("\n%+v", *md)
	}
	return s
}

// TestViewChangesNothing draws the editor in every mode and checks that
// drawing changed nothing and that drawing again gives the same frame.
func TestViewChangesNothing(t *testing.T) {
	tests := []struct {
		name string
		keys []string
	}{
		{"start", nil},
		{"next and scrolled", []string{"n", "j", "j"}},
		{"decided", []string{"a", "r"}},
		{"edit", []string{"e"}},
		{"mark", []string{"m", "L"}},
		{"search", []string{"/", "w", "i", "t", "c", "h", "enter"}},
		{"preview", []string{"d", "j"}},
		{"full help", []string{"?"}},
		{"filter", []string{"f", "f", "f"}},
		{"quit question", []string{"a", "q"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 80, 24)
			if tt.name == "quit question" {
				m.target = failingTarget{m.target} // unsaved, so q asks
			}
			m.Update(tea.BackgroundColorMsg{Color: ansiWhite{}})
			press(t, m, tt.keys...)
			checkViewChangesNothing(t, m)
		})
	}
	t.Run("dataset", func(t *testing.T) {
		m := resumeModel(t, openDataset(t, writeDataset(t, t.TempDir(), 3)), 120, 40)
		press(t, m, "a", "]")
		checkViewChangesNothing(t, m)
	})
}

func checkViewChangesNothing(t *testing.T, m *Model) {
	t.Helper()
	before := state(m)
	first := m.View().Content
	if after := state(m); after != before {
		t.Errorf("View changed the model:\nbefore %s\n after %s", before, after)
	}
	if again := m.View().Content; again != first {
		t.Errorf("a second View drew another frame:\n%s\nthen\n%s", first, again)
	}
}

// TestStripRecountsOnlyOnResize checks the strip keeps its counts while
// the focus moves, the article scrolls, decisions are made, undone and
// filtered (it updates them span by span), and counts again after a
// resize; and that what it keeps is always what a fresh strip draws.
func TestStripRecountsOnlyOnResize(t *testing.T) {
	m := newTestModel(t, 80, 24)
	cells := &m.strip.cells[0]
	row := m.strip.View()
	press(t, m, "n", "j", "j", "k", "end")
	if &m.strip.cells[0] != cells {
		t.Error("moving and scrolling counted the strip again")
	}
	if m.strip.View() == row {
		t.Error("the strip did not follow the focus and the scrolling")
	}
	checkStripFresh(t, m)
	for _, keys := range [][]string{{"home", "n", "r"}, {"f"}, {"n", "a"}, {"u"}, {"f", "f", "f"}, {"home", "n", "1"}} {
		press(t, m, keys...)
		if &m.strip.cells[0] != cells {
			t.Errorf("%v counted the strip again", keys)
		}
		checkStripFresh(t, m)
	}
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if &m.strip.cells[0] == cells {
		t.Error("a resize did not count the strip again")
	}
	checkStripFresh(t, m)
}

// checkStripFresh compares the strip kept with one drawn from scratch.
func checkStripFresh(t *testing.T, m *Model) {
	t.Helper()
	var fresh strip
	fresh.sync(m.art, filters[m.filter].kinds, m.lay.Width, m.focus, m.styles)
	if got, want := m.strip.View(), fresh.View(); got != want {
		t.Errorf("the strip kept differs from a fresh one:\n got %q\nwant %q", got, want)
	}
}
