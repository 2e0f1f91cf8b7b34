package ui

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// markMode chooses a span the detector missed: tokens [from, to] of the
// document, and the category the new span gets.
type markMode struct {
	from, to int
	cat      int // index into model.Categories
}

// startMark begins marking at the first token after the focused span when
// it is on screen, else at the first token on screen.
func (m *Model) startMark() {
	toks := m.a.Doc.Tokens()
	if len(toks) == 0 {
		m.setError("the text has no words to mark")
		return
	}
	vs, ve := m.art.Visible()
	at := vs
	if m.focus >= 0 {
		if s := m.a.Span(m.focus); s.End >= vs && s.End < ve {
			at = s.End
		}
	}
	i := min(tokenAt(toks, at), len(toks)-1)
	// Overwrites (a mention replaced by another word outright) are what
	// the detectors miss most, so marking starts there; c changes it.
	mk := &markMode{from: i, to: i, cat: categoryIndex(model.Overwrite)}
	m.mode = mk
	mk.show(m)
}

// tokenAt is the index of the first token ending after off.
func tokenAt(toks []model.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return int(toks[i].End) > off })
}

func categoryIndex(c model.Category) int {
	for i, k := range model.Categories {
		if k == c {
			return i
		}
	}
	return 0
}

// move moves the selection by n tokens (collapsing it to one token),
// extend grows or shrinks its end by n tokens.
func (mk *markMode) move(m *Model, n int, extend bool) {
	last := len(m.a.Doc.Tokens()) - 1
	if extend {
		mk.to = max(min(mk.to+n, last), mk.from)
	} else {
		mk.from = max(min(mk.from+n, last), 0)
		mk.to = mk.from
	}
	mk.show(m)
}

// moveRow moves the selection to the first token of the row n rows away
// from the one it starts on.
func (mk *markMode) moveRow(m *Model, n int) {
	toks := m.a.Doc.Tokens()
	rows := m.art.rows
	r := max(min(rowAt(rows, pos{src: int(toks[mk.from].Start)})+n, len(rows)-1), 0)
	mk.from = min(tokenAt(toks, rows[r].start.src), len(toks)-1)
	mk.to = mk.from
	mk.show(m)
}

// span is the byte range of the selection.
func (mk *markMode) span(m *Model) (start, end int) {
	toks := m.a.Doc.Tokens()
	return int(toks[mk.from].Start), int(toks[mk.to].End)
}

// show highlights the selection and says what enter would mark.
func (mk *markMode) show(m *Model) {
	start, end := mk.span(m)
	m.art.SetSelection(start, end)
	m.art.Reveal(start, end)
	m.setInfo("mark %q as %s — ←→ move, ⇧→ extend, c category, enter create, esc cancel",
		m.a.Doc.Text[start:end], model.Categories[mk.cat])
}

// end leaves mark mode.
func (mk *markMode) end(m *Model) {
	m.mode = reviewMode{}
	m.art.SetSelection(0, 0)
}

// key chooses the span to mark; enter marks it and opens the input for
// its replacement.
func (mk *markMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.MarkLeft):
		mk.move(m, -1, false)
	case key.Matches(msg, k.MarkRight):
		mk.move(m, 1, false)
	case key.Matches(msg, k.Extend):
		mk.move(m, 1, true)
	case key.Matches(msg, k.Shrink):
		mk.move(m, -1, true)
	case key.Matches(msg, k.MarkUp):
		mk.moveRow(m, -1)
	case key.Matches(msg, k.MarkDown):
		mk.moveRow(m, 1)
	case key.Matches(msg, k.Category):
		mk.cat = (mk.cat + 1) % len(model.Categories)
		mk.show(m)
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Cancel):
		mk.end(m)
		m.follow()
		m.setInfo("nothing marked")
	case key.Matches(msg, k.Commit):
		start, end := mk.span(m)
		i, err := m.a.AddManual(start, end, model.Categories[mk.cat])
		if err != nil {
			m.setError("cannot mark %q: %v", m.a.Doc.Text[start:end], err)
			return nil
		}
		mk.end(m)
		m.changed()
		m.setFocus(i)
		// The input starts empty: the words are in the detail panel above
		// it, and typing after them would glue the fix to them.
		cmd := m.startEdit("")
		m.input.Placeholder = fmt.Sprintf("what replaces %q (empty deletes it)", m.a.Doc.Text[start:end])
		m.setInfo("%s marked — type its fix, enter saves it, esc keeps it pending", m.a.Span(i).ID)
		return tea.Batch(m.save(), cmd)
	default:
		m.unhandled(msg)
	}
	return nil
}

// help is the keys of mark mode.
func (mk *markMode) help(k *KeyMap) help.KeyMap {
	return bindings{k.MarkLeft, k.MarkRight, k.Extend, k.Shrink, k.MarkUp, k.MarkDown, k.Category, k.Commit, k.Cancel, k.Help}
}
