package ui

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"corefix/model"
)

func TestStartsOnFirstPending(t *testing.T) {
	m := newTestModel(t, 80, 24)
	if got := focused(m); got != "f0004" {
		t.Errorf("focus at start = %s, want f0004 (the first pending span)", got)
	}
}

func TestNextPrevVisitPending(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"n"}, "f0005"},
		{[]string{"tab"}, "f0005"},
		{[]string{"n", "n", "n", "n", "n"}, "f0010"},
		{[]string{"n", "n", "n", "n", "n", "n"}, "f0004"}, // wraps
		{[]string{"p"}, "f0003"},                          // back visits decided spans too
		{[]string{"shift+tab"}, "f0003"},
		{[]string{"n", "p"}, "f0004"},
		{[]string{"a", "p"}, "f0004"},
	}
	for _, tt := range tests {
		m := newTestModel(t, 80, 24)
		press(t, m, tt.keys...)
		if got := focused(m); got != tt.want {
			t.Errorf("after %v focus = %s, want %s", tt.keys, got, tt.want)
		}
	}
}

func TestFilterCyclesAndNarrowsNavigation(t *testing.T) {
	m := newTestModel(t, 80, 24)
	var names []string
	for range filters {
		press(t, m, "f")
		names = append(names, filters[m.filter].name)
	}
	want := "pending decided overwrite possessive antecedent quote other substitution all"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("f cycles %q, want %q", got, want)
	}
	press(t, m, "f", "f") // decided
	press(t, m, "n")
	if got := focused(m); got != "f0009" {
		t.Errorf("under the decided filter n from f0004 goes to %s, want f0009", got)
	}
	press(t, m, "n")
	if got := focused(m); got != "f0001" {
		t.Errorf("under the decided filter n from f0009 goes to %s, want f0001 (wrapping)", got)
	}
	press(t, m, "f", "f", "f", "f") // quote
	press(t, m, "n")
	if got := focused(m); got != "f0003" {
		t.Errorf("under the quote filter n goes to %s, want f0003 (decided, as no quote span is pending)", got)
	}
}

func TestScrollKeys(t *testing.T) {
	m := newTestModel(t, 80, 12)
	rows, h := len(m.art.rows), m.art.height
	tests := []struct {
		keys []string
		want int
	}{
		{[]string{"home"}, 0},
		{[]string{"home", "j"}, 1},
		{[]string{"home", "down", "down"}, 2},
		{[]string{"home", "j", "j", "k"}, 1},
		{[]string{"home", "j", "up"}, 0},
		{[]string{"home", "pgdown"}, h - 1},
		{[]string{"home", "space"}, h - 1},
		{[]string{"home", "pgdown", "pgup"}, 0},
		{[]string{"end"}, rows - h},
		{[]string{"end", "j"}, rows - h},
		{[]string{"home", "k"}, 0},
	}
	for _, tt := range tests {
		press(t, m, tt.keys...)
		if m.art.top != tt.want {
			t.Errorf("after %v top row = %d, want %d", tt.keys, m.art.top, tt.want)
		}
	}
}

// TestScrollTakesFocusAlong scrolls the article row by row to the end and
// back: the focus is always a finding on screen, or none when no finding
// is on screen, so a decision never lands out of sight.
func TestScrollTakesFocusAlong(t *testing.T) {
	m := newTestModel(t, 80, 12)
	none := 0
	for _, k := range []string{"j", "k"} {
		for i := 0; i < len(m.art.rows); i++ {
			press(t, m, k)
			vs, ve := m.art.Visible()
			anyVisible := false
			for _, s := range m.a.Spans() {
				anyVisible = anyVisible || s.End > vs && s.Start < ve
			}
			switch {
			case m.focus < 0 && anyVisible:
				t.Fatalf("scrolled to [%d,%d): a span is visible but nothing is focused", vs, ve)
			case m.focus < 0:
				none++
				if m.keys.Reject.Enabled() || m.keys.Accept.Enabled() {
					t.Fatal("nothing focused, yet the decision keys are offered")
				}
				if press(t, m, "r"); m.a.Describe() != fixture(t).Describe() || !strings.Contains(m.bar.msg, "r: no finding on screen") {
					t.Fatalf("r with nothing on screen: status %q; want no decision and the reason", m.bar.msg)
				}
			case !m.onScreen(m.focus):
				s := m.a.Span(m.focus)
				t.Fatalf("scrolled to [%d,%d), the focus %s [%d,%d) is not on screen", vs, ve, s.ID, s.Start, s.End)
			}
		}
	}
	if none == 0 {
		t.Error("the article never showed a screen without findings: the test checks less than it says")
	}
}

func TestAcceptSavesAndAdvances(t *testing.T) {
	for _, k := range []string{"a", "enter", "1"} {
		m := newTestModel(t, 80, 24)
		press(t, m, k)
		s := spanByID(t, m.a, "f0004")
		if s.Status != model.Accepted || s.Replacement != "were" {
			t.Errorf("%s: f0004 is %s %q, want accepted \"were\"", k, s.Status, s.Replacement)
		}
		if got := focused(m); got != "f0005" {
			t.Errorf("%s: focus after accepting = %s, want f0005", k, got)
		}
		if got := spanByID(t, saved(t, m), "f0004").Status; got != model.Accepted {
			t.Errorf("%s: saved f0004 is %s, want accepted", k, got)
		}
		if m.unsaved() {
			t.Errorf("%s: still unsaved after the save finished", k)
		}
	}
}

func TestChooseProposalN(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "n") // f0005: 1 lost, 2 ▢
	press(t, m, "9")
	if !m.bar.isErr || !strings.Contains(m.bar.msg, "no proposal 9") {
		t.Errorf("9 on a span with two proposals: status %q, want an error", m.bar.msg)
	}
	press(t, m, "2")
	if !inMode[editMode](m) || m.input.Value() != "" {
		t.Fatalf("2 (a ▢ proposal) gives mode %T value %q, want the edit input, empty", m.mode, m.input.Value())
	}
	press(t, m, "esc", "1")
	if s := spanByID(t, m.a, "f0005"); s.Status != model.Accepted || s.Replacement != "lost" {
		t.Errorf("1 on f0005: %s %q, want accepted \"lost\"", s.Status, s.Replacement)
	}
}

func TestAcceptPlaceholderOpensInput(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "n", "n", "n") // f0007: 1 ▢, 2 drop
	press(t, m, "a")
	if !inMode[editMode](m) {
		t.Fatalf("a on a ▢ proposal: mode %T, want edit", m.mode)
	}
	typeText(t, m, "told")
	press(t, m, "enter")
	if s := spanByID(t, m.a, "f0007"); s.Status != model.Edited || s.Replacement != "told" {
		t.Errorf("f0007 = %s %q, want edited \"told\"", s.Status, s.Replacement)
	}
}

func TestRejectAndReset(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "r")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Rejected {
		t.Errorf("r: f0004 is %s, want rejected", s.Status)
	}
	press(t, m, "p", "x")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Pending {
		t.Errorf("x: f0004 is %s, want pending", s.Status)
	}
	if got := focused(m); got != "f0004" {
		t.Errorf("x moved the focus to %s, want it to stay on f0004", got)
	}
}

func TestEditCommitAndCancel(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "e")
	if !inMode[editMode](m) || m.input.Value() != "were" {
		t.Fatalf("e: mode %T value %q, want the input prefilled with \"were\"", m.mode, m.input.Value())
	}
	typeText(t, m, "q") // q types, it does not quit
	press(t, m, "esc")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Pending || !inMode[reviewMode](m) {
		t.Errorf("esc: f0004 %s, mode %T; want pending and back to review", s.Status, m.mode)
	}
	press(t, m, "e", "backspace", "backspace", "backspace", "backspace")
	typeText(t, m, "had been")
	press(t, m, "enter")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Edited || s.Replacement != "had been" {
		t.Errorf("f0004 = %s %q, want edited \"had been\"", s.Status, s.Replacement)
	}
	press(t, m, "p", "e")
	if m.input.Value() != "had been" {
		t.Errorf("e on an edited span prefills %q, want its replacement", m.input.Value())
	}
}

func TestPasteIntoInput(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "e")
	m.Update(tea.PasteMsg{Content: " too"})
	if got := m.input.Value(); got != "were too" {
		t.Errorf("after paste the input holds %q, want \"were too\"", got)
	}
}

func TestMarkMissedSpan(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "m")
	if !inMode[*markMode](m) {
		t.Fatalf("m: mode %T, want mark", m.mode)
	}
	// The selection starts at the word after the focused span f0004.
	start, end := markRange(t, m)
	if got := m.a.Doc.Text[start:end]; got != "supposed" {
		t.Fatalf("mark starts on %q, want \"supposed\"", got)
	}
	press(t, m, "right", "shift+right", "L", "H", "left", "right")
	start, end = markRange(t, m)
	if got := m.a.Doc.Text[start:end]; got != "to" {
		t.Errorf("after moving the selection is %q, want \"to\"", got)
	}
	press(t, m, "L", "c")
	press(t, m, "enter")
	// The input starts empty, the span shown above it: typing gives the
	// fix, not the span's words with the fix glued on.
	if !inMode[editMode](m) || m.input.Value() != "" || !strings.Contains(screen(m), `text: "to win"`) ||
		!strings.Contains(screen(m), `fix> what replaces "to win"`) {
		t.Fatalf("enter in mark mode: mode %T value %q, want the empty edit input under the span:\n%s", m.mode, m.input.Value(), screen(m))
	}
	typeText(t, m, "to lose")
	press(t, m, "enter")
	var manual []model.Span
	for _, s := range saved(t, m).Spans() {
		if s.Origin == model.FromManual {
			manual = append(manual, s)
		}
	}
	if len(manual) != 1 || manual[0].Status != model.Edited || manual[0].Replacement != "to lose" || manual[0].Category != model.Possessive {
		t.Errorf("saved manual spans %+v, want one edited \"to lose\" of category possessive", manual)
	}
}

func TestMarkRowsOverlapAndCancel(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "m", "down")
	start, _ := markRange(t, m)
	if r0, r1 := rowAt(m.art.rows, pos{src: m.a.Span(m.focus).End}), rowAt(m.art.rows, pos{src: start}); r1 != r0+1 {
		t.Errorf("down moved the selection from row %d to row %d", r0, r1)
	}
	press(t, m, "up", "up")
	// Walk left onto the focused span: marking it overlaps.
	for i := 0; i < 3; i++ {
		press(t, m, "left")
	}
	press(t, m, "h", "h", "h", "h", "h", "h")
	n := m.a.Len()
	for m.a.Find(func() int { s, _ := markRange(t, m); return s }()) < 0 {
		press(t, m, "l")
	}
	press(t, m, "enter")
	if m.a.Len() != n || !m.bar.isErr || !inMode[*markMode](m) {
		t.Errorf("marking over a span: %d spans (want %d), status %q, mode %T; want an error and mark mode", m.a.Len(), n, m.bar.msg, m.mode)
	}
	press(t, m, "esc")
	if !inMode[reviewMode](m) || m.art.sel != [2]int{} {
		t.Errorf("esc leaves mark mode %T with selection %v", m.mode, m.art.sel)
	}
}

func TestUndoRedo(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "a", "u")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Pending || focused(m) != "f0004" {
		t.Errorf("u: f0004 %s, focus %s; want pending and focused", s.Status, focused(m))
	}
	if got := spanByID(t, saved(t, m), "f0004").Status; got != model.Pending {
		t.Errorf("undo saved f0004 as %s, want pending", got)
	}
	press(t, m, "ctrl+r")
	if s := spanByID(t, m.a, "f0004"); s.Status != model.Accepted {
		t.Errorf("ctrl+r: f0004 %s, want accepted", s.Status)
	}
	before := m.a.Describe()
	press(t, m, "ctrl+r")
	if m.keys.Redo.Enabled() || m.a.Describe() != before {
		t.Error("redo with nothing to redo is offered or changed something")
	}
}

func TestSearch(t *testing.T) {
	m := newTestModel(t, 80, 12)
	press(t, m, "/")
	typeText(t, m, "WITCH hunt")
	press(t, m, "enter")
	want := strings.Index(m.a.Doc.Text, "witch hunt")
	if m.search.match != want || m.art.match != [2]int{want, want + len("witch hunt")} {
		t.Fatalf("search found %d (highlight %v), want %d", m.search.match, m.art.match, want)
	}
	if vs, ve := m.art.Visible(); want < vs || want >= ve {
		t.Errorf("match at %d off screen [%d,%d)", want, vs, ve)
	}
	press(t, m, "/", "enter") // the next one: there is only one, so it wraps to it
	if m.search.match != want {
		t.Errorf("repeat search found %d, want %d", m.search.match, want)
	}
	press(t, m, "/")
	typeText(t, m, "Sessions")
	press(t, m, "enter", "/", "enter")
	first := strings.Index(m.a.Doc.Text[want:], "Sessions") + want
	second := strings.Index(m.a.Doc.Text[first+1:], "Sessions") + first + 1
	if m.search.match != second {
		t.Errorf("second Sessions found at %d, want %d", m.search.match, second)
	}
	press(t, m, "/")
	typeText(t, m, "zebra")
	press(t, m, "enter")
	if !m.bar.isErr {
		t.Errorf("missing text: status %q, want an error", m.bar.msg)
	}
	press(t, m, "/", "esc")
	if !inMode[reviewMode](m) {
		t.Errorf("esc leaves mode %T", m.mode)
	}
}

func TestPreview(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "d")
	p, ok := m.mode.(*preview)
	if !ok {
		t.Fatalf("d: mode %T, want preview", m.mode)
	}
	// f0002 replaced "President Donald Trump" by "he": the removed words
	// struck out, then the inserted one.
	press(t, m, "home")
	removed, _ := m.styles.changeLook(removedWords)
	inserted, _ := m.styles.changeLook(insertedWords)
	if got := m.View().Content; !strings.Contains(ansi.Strip(got), "that President Donald Trump he could have") ||
		!strings.Contains(got, "that "+removed+"President Donald Trump") || !strings.Contains(got, inserted+"he") {
		t.Errorf("preview does not mark the change:\n%q", got)
	}
	top := p.top
	press(t, m, "j")
	if p.top != top+1 {
		t.Errorf("j in preview: top %d, want %d", p.top, top+1)
	}
	press(t, m, "k", "pgdown", "pgup", "end", "home")
	if p.top != 0 {
		t.Errorf("home in preview: top %d, want 0", p.top)
	}
	press(t, m, "d")
	if !inMode[reviewMode](m) {
		t.Errorf("d again: mode %T, want review", m.mode)
	}
	m.Update(tea.ColorProfileMsg{Profile: colorprofile.ASCII}) // NO_COLOR
	press(t, m, "d", "home")
	if got := screen(m); !strings.Contains(got, "that [-President Donald Trump-]{+he+} could have") {
		t.Errorf("preview without colour does not mark the change as a word diff:\n%s", got)
	}
	press(t, m, "esc")
	if !inMode[reviewMode](m) {
		t.Errorf("esc: mode %T, want review", m.mode)
	}
}

func TestSaveKey(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "s")
	if !strings.Contains(m.bar.msg, "saved to") {
		t.Errorf("s: status %q, want \"saved to …\"", m.bar.msg)
	}
	if got := len(saved(t, m).Spans()); got != 10 {
		t.Errorf("saved %d spans, want 10", got)
	}
}

func TestSaveErrorKeepsWork(t *testing.T) {
	m := newTestModel(t, 80, 24)
	m.target = failingTarget{m.target}
	press(t, m, "a")
	if !m.bar.isErr || !strings.Contains(m.bar.msg, "not saved") || m.saveErr == nil {
		t.Errorf("failed save: status %q, want an error in the status bar", m.bar.msg)
	}
	if !m.unsaved() || spanByID(t, m.a, "f0004").Status != model.Accepted {
		t.Error("the decision was lost or counted as saved")
	}
	if !strings.Contains(ansi.Strip(m.View().Content), "NOT SAVED") {
		t.Error("the header does not say NOT SAVED")
	}
	res := press(t, m, "q")
	if res.quit || !inMode[confirmMode](m) {
		t.Fatalf("q with unsaved work quit=%v mode %T; want the question", res.quit, m.mode)
	}
	if res := press(t, m, "y"); res.quit {
		t.Error("y quit although the save failed")
	}
}

func TestChangedOnDiskAsksBeforeOverwriting(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "a")
	if err := os.WriteFile(m.target.Name(), []byte("someone else's work"), 0o644); err != nil {
		t.Fatal(err)
	}
	press(t, m, "a")
	if !errors.Is(m.saveErr, model.ErrChangedOnDisk) || !strings.Contains(m.bar.msg, "S overwrites") || !m.keys.ForceSave.Enabled() {
		t.Fatalf("save over a changed file: err %v, status %q; want the conflict reported and S offered", m.saveErr, m.bar.msg)
	}
	if data, _ := os.ReadFile(m.target.Name()); string(data) != "someone else's work" {
		t.Fatal("the other program's file was overwritten without asking")
	}
	press(t, m, "S")
	if m.saveErr != nil || m.unsaved() {
		t.Errorf("S: err %v, unsaved %v", m.saveErr, m.unsaved())
	}
	if got := spanByID(t, saved(t, m), "f0005").Status; got != model.Accepted {
		t.Errorf("after S the file has f0005 %s, want accepted", got)
	}
}

func TestQuit(t *testing.T) {
	m := newTestModel(t, 80, 24)
	if res := press(t, m, "q"); !res.quit {
		t.Error("q with everything saved did not quit")
	}
	m = newTestModel(t, 80, 24)
	if res := press(t, m, "ctrl+c"); !res.quit {
		t.Error("ctrl+c with everything saved did not quit")
	}
	// Unsaved: a decision whose save has not finished.
	for _, tt := range []struct {
		answer string
		quit   bool
	}{{"esc", false}, {"n", true}, {"ctrl+c", true}, {"y", true}} {
		m = newTestModel(t, 80, 24)
		m.Update(keyMsg("a")) // the save Cmd is dropped, so the change stays unsaved
		m.saving = false
		if res := press(t, m, "q"); res.quit || !inMode[confirmMode](m) {
			t.Fatalf("q with unsaved work: quit=%v mode %T, want the question", res.quit, m.mode)
		}
		res := press(t, m, tt.answer)
		if res.quit != tt.quit {
			t.Errorf("answer %s: quit=%v, want %v", tt.answer, res.quit, tt.quit)
		}
		if tt.answer == "y" && spanByID(t, saved(t, m), "f0004").Status != model.Accepted {
			t.Error("y did not save before quitting")
		}
	}
}

func TestCtrlCWhileTyping(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "e")
	if res := press(t, m, "ctrl+c"); !res.quit {
		t.Error("ctrl+c in the edit input did not quit")
	}
}

// TestFullHelpIsCompleteAndPaged: ? covers the article with every key of
// the review, those that cannot act now dimmed, page by page; ? on the
// last page closes it, and the layout never changes.
func TestFullHelpIsCompleteAndPaged(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		m := newTestModel(t, size[0], size[1])
		lay := m.lay
		press(t, m, "?")
		p, ok := m.mode.(*paneMode)
		if !ok {
			t.Fatalf("?: mode %T, want the help pane", m.mode)
		}
		var seen strings.Builder
		for pages := 0; inMode[*paneMode](m); pages++ {
			if pages > 10 {
				t.Fatal("the help never closes")
			}
			seen.WriteString(ansi.Strip(p.View()) + "\n")
			press(t, m, "?")
		}
		for _, group := range (reviewHelp{&m.keys}).FullHelp() {
			for _, b := range group {
				if !strings.Contains(seen.String(), b.Help().Key+" ") || !strings.Contains(seen.String(), b.Help().Desc) {
					t.Errorf("%dx%d: the full help lacks %s %s:\n%s", size[0], size[1], b.Help().Key, b.Help().Desc, seen.String())
				}
			}
		}
		if !inMode[reviewMode](m) || m.lay != lay {
			t.Errorf("%dx%d: after the last page mode %T, layout %+v (was %+v)", size[0], size[1], m.mode, m.lay, lay)
		}
	}
}

// TestLayoutOnlyOnResize plants a layout no computation gives and checks
// that key presses keep it, whatever mode they open, while a resize
// makes a new one.
func TestLayoutOnlyOnResize(t *testing.T) {
	m := newTestModel(t, 80, 24)
	planted := m.lay
	planted.Article-- // what computeLayout never gives at 80×24
	m.lay = planted
	press(t, m, "n", "j", "a", "f", "x", "u", "k", "p", "s", "?", "esc", "i", "esc", "e", "esc", "d", "d")
	if m.lay != planted {
		t.Errorf("key presses re-laid the screen out: %+v", m.lay)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if want := computeLayout(80, 24); m.lay != want {
		t.Errorf("a resize left the layout %+v, want %+v", m.lay, want)
	}
}

func TestHelpOffersOnlyWhatWorks(t *testing.T) {
	m := newTestModel(t, 80, 24)
	if m.keys.Undo.Enabled() || m.keys.Reset.Enabled() {
		t.Error("undo or x offered before any change on a pending span")
	}
	press(t, m, "a", "p")
	if !m.keys.Undo.Enabled() || !m.keys.Reset.Enabled() {
		t.Error("undo or x not offered after accepting")
	}
}

func TestResizeKeepsFocusInView(t *testing.T) {
	m := newTestModel(t, 120, 40)
	press(t, m, "n", "n", "n", "n", "n") // f0010, far down
	for _, size := range [][2]int{{40, 12}, {300, 100}, {80, 24}, {41, 13}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		s := m.a.Span(m.focus)
		if vs, ve := m.art.Visible(); s.Start < vs || s.End > ve {
			t.Errorf("at %v the focus [%d,%d) is off screen [%d,%d)", size, s.Start, s.End, vs, ve)
		}
		lines := strings.Split(m.View().Content, "\n")
		if len(lines) != size[1] {
			t.Errorf("at %v the screen has %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("at %v a line is %d cells: %q", size, w, ansi.Strip(l))
			}
		}
	}
}

func TestBackgroundColorSwitchesStyles(t *testing.T) {
	m := newTestModel(t, 80, 24)
	dark := m.styles
	m.Update(tea.BackgroundColorMsg{Color: ansiWhite{}})
	if m.styles == dark || m.art.styles != m.styles {
		t.Error("a light background did not switch the styles")
	}
}

// ansiWhite is a light background colour.
type ansiWhite struct{}

func (ansiWhite) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

// runHeadless runs m as Run does, in a program without a terminal whose
// window is 80×24, and returns Run's error.
func runHeadless(m *Model) error {
	return runModel(m, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
}

// unsavedModel is the fixture with f0004 accepted and not saved, not yet
// sized: the first View draws nothing, the first Update sizes it.
func unsavedModel(t *testing.T) *Model {
	m := New(fixture(t), openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json")), Options{Title: "sample"})
	m.Update(keyMsg("a")) // its save Cmd is dropped
	m.saving = false
	return m
}

// checkRescued checks what Run says and saves after a panic.
func checkRescued(t *testing.T, m *Model, err error) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), "internal error") || !strings.Contains(err.Error(), "saved in "+m.target.Name()) ||
		strings.Contains(err.Error(), "\n") {
		t.Errorf("Run after a panic = %v, want one line saying the work is saved in %s", err, m.target.Name())
	}
	if got := spanByID(t, saved(t, m), "f0004").Status; got != model.Accepted {
		t.Errorf("the decision made before the panic was saved as %s", got)
	}
}

func TestPanicInUpdateIsCaughtAndWorkSaved(t *testing.T) {
	m := unsavedModel(t)
	m.art = nil // sizing the article, on the window size, panics
	checkRescued(t, m, runHeadless(m))
}

// nameOncePanics is a target whose Name panics the first time, in the
// header View draws, and only then.
type nameOncePanics struct {
	Target
	called *bool
}

func (n nameOncePanics) Name() string {
	if !*n.called {
		*n.called = true
		panic("boom")
	}
	return n.Target.Name()
}

func TestFinishAfterProgramError(t *testing.T) {
	m := newTestModel(t, 80, 24)
	if err := m.finish(nil); err != nil {
		t.Errorf("finish after a clean quit = %v", err)
	}
	err := m.finish(tea.ErrProgramPanic)
	if err == nil || !strings.Contains(err.Error(), "saved in") {
		t.Errorf("finish(ErrProgramPanic) = %v", err)
	}
	// A file changed by someone else is not overwritten: the work goes beside it.
	if err := os.WriteFile(m.target.Name(), []byte("someone else's work"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = m.finish(errors.New("tty gone"))
	if err == nil || !strings.Contains(err.Error(), m.target.Name()+".rescue") {
		t.Errorf("finish over a changed file = %v, want the work in %s.rescue", err, m.target.Name())
	}
	if _, err := model.ReadAnnotationFile(m.target.Name() + ".rescue"); err != nil {
		t.Error(err)
	}
}

func TestResumedSaysSo(t *testing.T) {
	m := New(fixture(t), displayOnly("sample.corefix.json"), Options{Resumed: true})
	if !strings.HasPrefix(m.bar.msg, "resumed sample.corefix.json: 4/10 reviewed") {
		t.Errorf("first status of a resumed annotation = %q", m.bar.msg)
	}
}

func TestQuitWaitsForARunningSave(t *testing.T) {
	m := newTestModel(t, 80, 24)
	_, save := m.Update(keyMsg("a")) // the save is running
	var res result
	_, cmd := m.Update(keyMsg("q"))
	run(m, cmd, &res)
	if res.quit || inMode[confirmMode](m) {
		t.Fatalf("q during a save: quit=%v mode %T; want to wait, without asking", res.quit, m.mode)
	}
	run(m, save, &res)
	if !res.quit {
		t.Error("the editor did not quit once the save finished")
	}
	if got := spanByID(t, saved(t, m), "f0004").Status; got != model.Accepted {
		t.Errorf("saved f0004 is %s, want accepted", got)
	}
}

func TestPanicInViewIsCaughtAndWorkSaved(t *testing.T) {
	m := unsavedModel(t)
	m.target = nameOncePanics{Target: m.target, called: new(bool)}
	checkRescued(t, m, runHeadless(m))
}

func TestNoFindings(t *testing.T) {
	for _, text := range []string{"A clean article with nothing to fix.", ""} {
		a, err := model.NewAnnotation(model.NewDocument("clean", "", text), nil, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		m := New(a, openWorkfile(t, filepath.Join(t.TempDir(), "clean.corefix.json")), Options{})
		m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
		press(t, m, "n", "p", "a", "1", "r", "e", "x", "u", "j", "end", "f", "/", "esc", "d", "d")
		if got := screen(m); !strings.Contains(got, "No findings") {
			t.Errorf("%q: screen does not say there are no findings:\n%s", text, got)
		}
		press(t, m, "m")
		if text == "" {
			if !inMode[reviewMode](m) || !m.bar.isErr {
				t.Errorf("m on an empty text: mode %T, status %q; want an error", m.mode, m.bar.msg)
			}
			continue
		}
		press(t, m, "L", "enter")
		typeText(t, m, "An")
		press(t, m, "enter")
		if m.a.Len() != 1 || m.a.Span(0).Replacement != "An" {
			t.Errorf("%q: marking and editing gave %d spans", text, m.a.Len())
		}
	}
}
