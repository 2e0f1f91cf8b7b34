package ui

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// fixture loads testdata/sample.corefix.json: the sample article with ten
// spans of every category and status (f0001, f0002 accepted, f0003 edited,
// f0009 rejected, the rest pending).
func fixture(t testing.TB) *model.Annotation {
	t.Helper()
	a, err := model.ReadAnnotationFile("testdata/sample.corefix.json")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 11, 0, 0, 0, time.UTC)
	a.Now = func() time.Time { return now }
	return a
}

// newTestModel opens the fixture at w×h, saving into a temporary directory.
func newTestModel(t testing.TB, w, h int) *Model {
	t.Helper()
	m := New(fixture(t), openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json")), Options{Title: "sample"})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// openWorkfile locks path for the test and returns it as the editor's
// target.
func openWorkfile(t testing.TB, path string) Target {
	t.Helper()
	w, err := model.OpenWorkfile(path, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return fileTarget{w}
}

// fileTarget is the editor's Target for one annotation file, as
// cmd/corefix wires it.
type fileTarget struct{ *model.Workfile }

func (t fileTarget) Name() string                        { return t.Path }
func (t fileTarget) ReadOnly() bool                      { return t.Workfile.ReadOnly }
func (t fileTarget) RescuePath(*model.Annotation) string { return t.Path + ".rescue" }

// displayOnly is a target that is never saved, for screens whose header
// must not show a temporary path.
func displayOnly(path string) Target { return fileTarget{&model.Workfile{Path: path}} }

// keyMsg turns a key name as bubbletea spells it into a key press.
func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]tea.KeyPressMsg{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "shift+right": {Code: tea.KeyRight, Mod: tea.ModShift},
		"shift+left": {Code: tea.KeyLeft, Mod: tea.ModShift}, "pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown},
		"home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd}, "space": {Code: tea.KeySpace, Text: " "},
		"ctrl+r": {Code: 'r', Mod: tea.ModCtrl}, "ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
		"backspace": {Code: tea.KeyBackspace},
	}
	if msg, ok := special[k]; ok {
		return msg
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// result is what running the commands of some key presses produced.
type result struct {
	quit bool
}

// press sends keys (single characters or key names) and runs the commands
// they return to completion, feeding their messages back, as the program
// would. Saves therefore finish before press returns.
func press(t testing.TB, m *Model, keys ...string) result {
	t.Helper()
	var res result
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		run(m, cmd, &res)
	}
	return res
}

// typeText types s into whatever has the keys.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		press(t, m, string(r))
	}
}

// run runs cmd and what it leads to in turn, as the program would: a
// batch's commands and a sequence's, each to completion before the next,
// and the editor's messages fed back to m. tea.Sequence's message is
// unexported; it is the one other message that is a list of commands.
func run(m *Model, cmd tea.Cmd, res *result) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			run(m, c, res)
		}
	case tea.QuitMsg:
		res.quit = true
	case savedMsg, docLoadedMsg, positionMsg, entitiesMsg, loadedMsg, rankedMsg, foundMsg:
		_, next := m.Update(msg)
		run(m, next, res)
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.CanConvert(cmdsType) {
			for _, c := range v.Convert(cmdsType).Interface().([]tea.Cmd) {
				run(m, c, res)
			}
		}
	}
}

// cmdsType is the type that tea.Sequence's message converts to.
var cmdsType = reflect.TypeFor[[]tea.Cmd]()

// inMode reports that the keys of m go to a mode of type T.
func inMode[T mode](m *Model) bool {
	_, ok := m.mode.(T)
	return ok
}

// markRange is the byte range mark mode would mark.
func markRange(t testing.TB, m *Model) (start, end int) {
	t.Helper()
	mk, ok := m.mode.(*markMode)
	if !ok {
		t.Fatalf("mode %T, want mark", m.mode)
	}
	return mk.span(m)
}

// focused is the ID of the focused span.
func focused(m *Model) string {
	if m.focus < 0 {
		return ""
	}
	return m.a.Span(m.focus).ID
}

// spanByID finds a span of m's annotation.
func spanByID(t testing.TB, a *model.Annotation, id string) model.Span {
	t.Helper()
	for _, s := range a.Spans() {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no span %s", id)
	return model.Span{}
}

// saved reads back the file the editor saved.
func saved(t testing.TB, m *Model) *model.Annotation {
	t.Helper()
	if _, err := os.Stat(m.target.Name()); err != nil {
		t.Fatalf("nothing saved: %v", err)
	}
	a, err := model.ReadAnnotationFile(m.target.Name())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// failingTarget is a target whose saves fail, like a full disk.
type failingTarget struct{ Target }

func (failingTarget) Save(*model.Annotation) error      { return errors.New("disk full") }
func (failingTarget) ForceSave(*model.Annotation) error { return errors.New("disk full") }
