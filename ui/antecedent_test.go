package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// phraseEntities stands in for the detectors' recurrence analysis: every
// occurrence of each phrase is a mention of one entity.
func phraseEntities(phrases ...string) func(*model.Document) *model.Entities {
	return func(doc *model.Document) *model.Entities {
		var list []model.Entity
		for _, p := range phrases {
			ent := model.Entity{Name: p}
			for i := 0; ; {
				j := strings.Index(doc.Text[i:], p)
				if j < 0 {
					break
				}
				ent.Mentions = append(ent.Mentions, [2]int{i + j, i + j + len(p)})
				i += j + len(p)
			}
			list = append(list, ent)
		}
		return model.NewEntities("test phrases", list)
	}
}

// newEntitiesModel is newTestModel with the mentions of "President Donald
// Trump" and "Sessions" found, as the Cmd after the first frame finds
// them.
func newEntitiesModel(t testing.TB, w, h int) *Model {
	t.Helper()
	m := New(fixture(t), openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json")),
		Options{Title: "sample", Entities: phraseEntities("President Donald Trump", "Sessions")})
	run(m, m.Init(), &result{})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(m, m.detectGo(), &result{})
	return m
}

// TestAntecedentPanel: A on f0002 ("President Donald Trump", a possessive
// lost) lists the entity's mentions with the finding at each; n and p
// walk them in the article; enter focuses the finding at one; esc returns
// to the focused finding.
func TestAntecedentPanel(t *testing.T) {
	m := newEntitiesModel(t, 80, 24)
	press(t, m, "p", "p") // f0002
	if got := focused(m); got != "f0002" {
		t.Fatalf("focus %s, want f0002", got)
	}
	if !strings.Contains(screen(m), `now: "President Donald Trump" · mention 4/7 (A)`) {
		t.Errorf("the detail panel does not name the entity:\n%s", screen(m))
	}
	press(t, m, "A")
	mm, ok := m.mode.(*mentionsMode)
	if !ok {
		t.Fatalf("A: mode %T, want the antecedent panel", m.mode)
	}
	got := screen(m)
	for _, want := range []string{`antecedent "President Donald Trump" · 7 mentions · found by test phrases`,
		"3/7  1:239  f0001 accepted → \"he\"", "▸ 4/7  1:295  f0002 accepted → \"his\"", "5/7  1:395  no finding: left as written",
		"n/tab next mention"} {
		if !strings.Contains(got, want) {
			t.Errorf("the panel lacks %q:\n%s", want, got)
		}
	}
	press(t, m, "p", "p", "p")
	if mm.cur != 0 || m.art.match != [2]int{10, 32} || !strings.Contains(screen(m), "▸ 1/7  1:11  no finding: left as written · the first mention") {
		t.Errorf("p p p: mention %d highlighted %v, want the first, [10 32]:\n%s", mm.cur+1, m.art.match, screen(m))
	}
	press(t, m, "enter")
	if !inMode[*mentionsMode](m) || !strings.Contains(m.bar.msg, "no finding at this mention") {
		t.Errorf("enter on a mention without a finding: mode %T, status %q", m.mode, m.bar.msg)
	}
	press(t, m, "n", "n", "enter")
	if got := focused(m); got != "f0001" || !inMode[reviewMode](m) || !m.onScreen(m.focus) {
		t.Errorf("enter on mention 3: focus %s in mode %T, want f0001 focused on screen", got, m.mode)
	}
	press(t, m, "A", "n", "n", "n", "esc")
	if got := focused(m); got != "f0001" || !m.onScreen(m.focus) || m.art.match != [2]int{} {
		t.Errorf("esc: focus %s, match %v; want back on f0001, nothing highlighted", got, m.art.match)
	}
	press(t, m, "n") // f0004, "they Democrats": no entity found
	if press(t, m, "A"); !inMode[reviewMode](m) || !strings.Contains(m.bar.msg, "holds no recurring phrase") {
		t.Errorf("A on a span without an entity: mode %T, status %q", m.mode, m.bar.msg)
	}
}

// TestAntecedentWithoutAnalysis: an editor opened without a mention
// analysis says so when A is pressed, instead of an empty panel.
func TestAntecedentWithoutAnalysis(t *testing.T) {
	m := newTestModel(t, 80, 24)
	press(t, m, "A")
	if m.keys.Antecedent.Enabled() || !strings.Contains(m.bar.msg, "A: this editor was opened without a mention analysis") {
		t.Errorf("A without an analysis: enabled %v, status %q", m.keys.Antecedent.Enabled(), m.bar.msg)
	}
}
