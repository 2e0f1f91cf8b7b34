package ui

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// markState is the span being chosen in mark mode: tokens [from, to] of
// the document, and the category the new span gets.
type markState struct {
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
	m.mark = markState{from: i, to: i, cat: categoryIndex(model.Overwrite)}
	m.mode = modeMark
	m.showMark()
}

// tokenAt is the index of the first token ending after off.
func tokenAt(toks []model.Token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
}

func categoryIndex(c model.Category) int {
	for i, k := range model.Categories {
		if k == c {
			return i
		}
	}
	return 0
}

// moveMark moves the selection by n tokens (collapsing it to one token),
// extend grows or shrinks its end by n tokens.
func (m *Model) moveMark(n int, extend bool) {
	last := len(m.a.Doc.Tokens()) - 1
	if extend {
		m.mark.to = max(min(m.mark.to+n, last), m.mark.from)
	} else {
		m.mark.from = max(min(m.mark.from+n, last), 0)
		m.mark.to = m.mark.from
	}
	m.showMark()
}

// moveMarkRow moves the selection to the first token of the row n rows
// away from the one it starts on.
func (m *Model) moveMarkRow(n int) {
	toks := m.a.Doc.Tokens()
	rows := m.art.rows
	r := max(min(rowAt(rows, pos{src: toks[m.mark.from].Start})+n, len(rows)-1), 0)
	m.mark.from = min(tokenAt(toks, rows[r].start.src), len(toks)-1)
	m.mark.to = m.mark.from
	m.showMark()
}

func (m *Model) markRange() (start, end int) {
	toks := m.a.Doc.Tokens()
	return toks[m.mark.from].Start, toks[m.mark.to].End
}

func (m *Model) showMark() {
	start, end := m.markRange()
	m.art.SetSelection(start, end)
	m.art.Reveal(start, end)
	m.setInfo("mark %q as %s — ←→ move, ⇧→ extend, c category, enter create, esc cancel",
		m.a.Doc.Text[start:end], model.Categories[m.mark.cat])
}

// endMark leaves mark mode.
func (m *Model) endMark() {
	m.mode = modeReview
	m.art.SetSelection(0, 0)
}

// markKey chooses the span to mark.
func (m *Model) markKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.MarkLeft):
		m.moveMark(-1, false)
	case key.Matches(msg, k.MarkRight):
		m.moveMark(1, false)
	case key.Matches(msg, k.Extend):
		m.moveMark(1, true)
	case key.Matches(msg, k.Shrink):
		m.moveMark(-1, true)
	case key.Matches(msg, k.MarkUp):
		m.moveMarkRow(-1)
	case key.Matches(msg, k.MarkDown):
		m.moveMarkRow(1)
	case key.Matches(msg, k.Category):
		m.mark.cat = (m.mark.cat + 1) % len(model.Categories)
		m.showMark()
	case key.Matches(msg, k.Cancel):
		m.endMark()
		m.setInfo("nothing marked")
	case key.Matches(msg, k.Commit):
		start, end := m.markRange()
		i, err := m.a.AddManual(start, end, model.Categories[m.mark.cat])
		if err != nil {
			m.setError("cannot mark %q: %v", m.a.Doc.Text[start:end], err)
			return nil
		}
		m.endMark()
		m.changed()
		m.setFocus(i)
		return tea.Batch(m.save(), m.startEdit(m.a.Doc.Text[start:end]))
	}
	return nil
}
