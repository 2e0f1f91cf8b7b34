package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// reviewMode is the main mode: moving between spans and documents,
// scrolling, deciding, and opening the other modes.
type reviewMode struct{}

// key handles the keys of the review. A binding that cannot act now is
// disabled and matches nothing: unhandled says why.
func (reviewMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Next):
		if !m.step(1) {
			m.setInfo("no other span to go to")
		}
	case key.Matches(msg, k.Prev):
		if !m.step(-1) {
			m.setInfo("no other span to go to")
		}
	case key.Matches(msg, k.NextDoc):
		m.gotoDoc(m.want + 1)
	case key.Matches(msg, k.PrevDoc):
		m.gotoDoc(m.want - 1)
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.scroll(max(m.lay.Article-1, 1))
	case key.Matches(msg, k.PageUp):
		m.scroll(-max(m.lay.Article-1, 1))
	case key.Matches(msg, k.Home):
		m.scroll(-len(m.art.rows))
	case key.Matches(msg, k.End):
		m.scroll(len(m.art.rows))
	case key.Matches(msg, k.Accept):
		return m.accept(0)
	case key.Matches(msg, k.Choose):
		return m.accept(int(msg.Code - '1'))
	case key.Matches(msg, k.Reject):
		return m.decide("rejected", true, func(i int) error { return m.a.Reject(i) })
	case key.Matches(msg, k.Reset):
		return m.decide("back to pending", false, func(i int) error { return m.a.Reset(i) })
	case key.Matches(msg, k.Edit):
		return m.startEdit(m.editPrefill(m.a.Span(m.focus)))
	case key.Matches(msg, k.Note):
		return m.startInput(noteMode{}, "note> ", m.a.Span(m.focus).Note)
	case key.Matches(msg, k.Mark):
		m.startMark()
	case key.Matches(msg, k.Undo):
		return m.history("undo", m.a.Undo)
	case key.Matches(msg, k.Redo):
		return m.history("redo", m.a.Redo)
	case key.Matches(msg, k.Search):
		return m.startInput(searchMode{}, "/", "")
	case key.Matches(msg, k.Filter):
		m.filter = (m.filter + 1) % len(filters)
		m.art.SetFilter(filters[m.filter].keep)
		m.setInfo("filter: %s — n and p visit these", filters[m.filter].name)
	case key.Matches(msg, k.Order):
		m.order = (m.order + 1) % len(orders)
		m.setInfo("n and p go in %s order", orders[m.order].name)
		return m.rankCmd() // unless built already, as it is once the spans are all there
	case key.Matches(msg, k.Antecedent):
		m.openMentions()
	case key.Matches(msg, k.Full):
		m.openInfo()
	case key.Matches(msg, k.Preview):
		m.openPreview()
	case key.Matches(msg, k.Save):
		m.announceSave = true
		return m.save()
	case key.Matches(msg, k.ForceSave):
		m.announceSave = true
		return m.startSave(true)
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.openHelp()
	default:
		m.unhandled(msg)
	}
	return nil
}

// scroll moves the article; the focus follows to a finding on screen.
func (m *Model) scroll(n int) {
	m.art.Scroll(n)
	m.follow()
}

// help is the review's keys, in short and full help.
func (reviewMode) help(k *KeyMap) help.KeyMap { return reviewHelp{k} }
