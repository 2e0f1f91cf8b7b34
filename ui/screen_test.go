package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"corefix/model"
)

// screen is what the terminal shows, without styling.
func screen(m *Model) string {
	return ansi.Strip(m.View().Content)
}

// checkScreen asserts the frame fills w×h exactly and matches the golden
// file (go test -run TestScreen -update rewrites them).
func checkScreen(t *testing.T, m *Model, w, h int) {
	t.Helper()
	out := m.View().Content
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide, want at most %d: %q", i, lw, w, ansi.Strip(l))
		}
	}
	golden.RequireEqual(t, ansi.Strip(out))
}

func TestScreen(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := newTestModel(t, w, h)
			m.target = displayOnly("sample.corefix.json") // a stable header
			checkScreen(t, m, w, h)
		})
	}
}

func TestScreenModes(t *testing.T) {
	tests := []struct {
		name string
		keys []string
	}{
		{"accepted", []string{"a"}},
		{"edit", []string{"e"}},
		{"mark", []string{"m", "L"}},
		{"search", []string{"/", "w", "i", "t", "c", "h", "enter"}},
		{"preview", []string{"d"}},
		{"help", []string{"?"}},
		{"filter", []string{"f", "f", "f"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestModel(t, 80, 24)
			press(t, m, tt.keys...)
			m.target = displayOnly("sample.corefix.json")
			checkScreen(t, m, 80, 24)
		})
	}
}

// TestScreenWideCharacters checks that CJK, emoji, flags and combining
// marks, inside and outside spans, never push a row past the width.
func TestScreenWideCharacters(t *testing.T) {
	text := "  東京 (CNN) 首相は木曜日に 👍 声明を発表した。 Café e\u0301te\u0301 🇯🇵 flag, 👩‍💻 coder and ❤️ heart. " +
		"首相 首相 は記者団に語った。 The résumé of naïve coöperation continues for a while longer so the text wraps."
	doc := model.NewDocument("wide", "", text)
	find := func(s string, nth int) (int, int) {
		i := -1
		for k := 0; k <= nth; k++ {
			i += 1 + strings.Index(text[i+1:], s)
		}
		return i, i + len(s)
	}
	s1, e1 := find("首相", 1)
	s2, e2 := find("e\u0301te\u0301", 0)
	s3, e3 := find("👍", 0)
	fs := []model.Finding{
		{Start: s3, End: e3, Category: model.Other, Confidence: 0.6, Proposals: []model.Proposal{{Text: "絵文字"}}},
		{Start: s2, End: e2, Category: model.Quote, Confidence: 0.7, Proposals: []model.Proposal{{Text: "été"}}},
		{Start: s1, End: e1, Category: model.Overwrite, Confidence: 0.9, Proposals: []model.Proposal{{Text: "首相が"}}},
	}
	for _, w := range []int{40, 21} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			a, err := model.NewAnnotation(doc, fs, model.FromDetector)
			if err != nil {
				t.Fatal(err)
			}
			m := New(a, displayOnly("wide.corefix.json"), Options{Title: "wide"})
			m.Update(tea.WindowSizeMsg{Width: w, Height: 14})
			m.Update(keyMsg("a")) // accept the emoji span: its replacement is wider
			checkScreen(t, m, w, 14)
		})
	}
}

// TestScreenPanels draws the panels over or beside the article at the
// three sizes: the antecedent panel, the full help, a message in full,
// and the preview with its changes marked, with colour and without.
func TestScreenPanels(t *testing.T) {
	panels := []struct {
		name string
		keys []string
	}{
		{"antecedent", []string{"p", "p", "A", "n"}},
		{"help", []string{"?"}},
		{"info", []string{"i"}},
		{"preview", []string{"d"}},
		{"preview-plain", []string{"plain", "d"}},
	}
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		for _, p := range panels {
			t.Run(fmt.Sprintf("%s-%dx%d", p.name, w, h), func(t *testing.T) {
				m := newEntitiesModel(t, w, h)
				for _, k := range p.keys {
					if k == "plain" {
						m.Update(tea.ColorProfileMsg{Profile: colorprofile.ASCII})
						continue
					}
					press(t, m, k)
				}
				m.target = displayOnly("sample.corefix.json")
				checkScreen(t, m, w, h)
			})
		}
	}
}
