package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"

	"corefix/model"
)

// TestStatesReadWithoutColour renders every look as a NO_COLOR terminal
// gets it (colours dropped, attributes kept) and checks that no two
// statuses, nor focused and unfocused, look the same.
func TestStatesReadWithoutColour(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark)
		seen := map[string]spanLook{}
		for _, status := range model.Statuses {
			for _, focused := range []bool{false, true} {
				l := spanLook{status: status, cat: model.Overwrite, focused: focused}
				pre, suf := st.look(l)
				var b strings.Builder
				w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
				if _, err := w.WriteString(pre + "x" + suf); err != nil {
					t.Fatal(err)
				}
				got := b.String()
				if prev, ok := seen[got]; ok {
					t.Errorf("dark=%v: %+v and %+v both render as %q without colour", dark, prev, l, got)
				}
				seen[got] = l
			}
		}
	}
}

// TestRefreshKeepsWrapExact checks the article's incremental re-wrap after
// real decisions against wrapping from scratch.
func TestRefreshKeepsWrapExact(t *testing.T) {
	m := newTestModel(t, 37, 20)
	press(t, m, "1", "e")
	typeText(t, m, " much longer than before, to push the rest of the paragraph down")
	press(t, m, "enter", "r", "u", "u", "ctrl+r", "p", "x", "m", "L", "L", "enter", "enter")
	want := rowsText(&m.art.st, wrap(&m.art.st, m.art.width))
	got := rowsText(&m.art.st, m.art.rows)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("incremental rows differ from a fresh wrap:\n got %q\nwant %q", got, want)
	}
}
