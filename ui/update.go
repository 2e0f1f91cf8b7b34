package ui

import (
	"errors"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Update handles a message. A panic inside it (or in View, or in a Cmd)
// is caught by the program, which restores the terminal; Run then saves
// the work and says where it is (see finish).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
	case savedMsg:
		cmd = m.saved(msg)
	case docLoadedMsg:
		m.docLoaded(msg)
	case positionMsg:
		m.setError("position not saved: %v", msg.err)
	case tea.PasteMsg:
		if m.mode == modeEdit || m.mode == modeSearch {
			m.input, cmd = m.input.Update(msg)
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	}
	cmd = tea.Batch(cmd, m.settle())
	m.enableKeys()
	if m.fullHelp && helpRows(m.helpKeys(), true) != m.helpRows {
		// The full help changed height with the keys on offer (another
		// mode, a key enabled): the one layout change a message other
		// than a resize or ? can make.
		m.relayout()
	}
	m.draw()
	return m, cmd
}

// draw brings what View shows from a cache up to date with this message:
// the article's visible rows and the strip, each redrawn only where what
// it shows changed.
func (m *Model) draw() {
	m.art.Render()
	m.strip.sync(m.art, m.filter, filters[m.filter].keep, m.lay.Width, m.focus, m.styles)
}

// key routes a key press to the current mode.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) && m.mode != modeConfirm {
		return m.quit() // from any mode, even while typing
	}
	if m.moving() {
		m.typeAhead(msg)
		return nil
	}
	switch m.mode {
	case modeEdit, modeSearch:
		return m.inputKey(msg)
	case modeMark:
		return m.markKey(msg)
	case modePreview:
		return m.previewKey(msg)
	case modeConfirm:
		return m.confirmKey(msg)
	}
	return m.reviewKey(msg)
}

// reviewKey handles the main mode.
func (m *Model) reviewKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.refuse(msg) {
		return nil
	}
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
		if m.focus >= 0 {
			return m.startEdit(m.editPrefill(m.a.Span(m.focus)))
		}
	case key.Matches(msg, k.Mark):
		m.startMark()
	case key.Matches(msg, k.Undo):
		return m.history("undo", m.a.Undo)
	case key.Matches(msg, k.Redo):
		return m.history("redo", m.a.Redo)
	case key.Matches(msg, k.Search):
		return m.startInput(modeSearch, "/", "")
	case key.Matches(msg, k.Filter):
		m.filter = (m.filter + 1) % len(filters)
		m.art.SetFilter(filters[m.filter].keep)
		m.setInfo("filter: %s", filters[m.filter].name)
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
		m.fullHelp = !m.fullHelp
		m.resize()
	}
	return nil
}

// scroll moves the article and, when the focused span leaves the screen,
// takes the focus along to the first span on screen, so a key never acts
// on a span the editor cannot see.
func (m *Model) scroll(n int) {
	m.art.Scroll(n)
	vs, ve := m.art.Visible()
	if m.focus >= 0 {
		if s := m.a.Span(m.focus); s.End > vs && s.Start < ve {
			return
		}
	}
	keep := filters[m.filter].keep
	for i := m.art.spanFrom(vs); i < m.a.Len(); i++ {
		s := m.a.Span(i)
		if s.Start >= ve {
			break
		}
		if keep(s) {
			m.focus = i
			m.art.SetFocus(i)
			return
		}
	}
}

// helpKeys is the help for the current mode.
func (m *Model) helpKeys() help.KeyMap {
	k := &m.keys
	switch m.mode {
	case modeEdit, modeSearch:
		return bindings{k.Commit, k.Cancel}
	case modeMark:
		return bindings{k.MarkLeft, k.MarkRight, k.Extend, k.Shrink, k.MarkUp, k.MarkDown, k.Category, k.Commit, k.Cancel}
	case modePreview:
		return bindings{k.Down, k.Up, k.PageDown, k.PageUp, k.Preview, k.Quit}
	case modeConfirm:
		return bindings{k.SaveQuit, k.DiscardQuit, k.Cancel}
	}
	return reviewHelp{k}
}

// enableKeys disables the bindings that cannot act now, so the help only
// offers what works.
func (m *Model) enableKeys() {
	k := &m.keys
	has := m.focus >= 0
	var s model.Span
	if has {
		s = m.a.Span(m.focus)
	}
	k.Accept.SetEnabled(has && len(s.Proposals) > 0)
	k.Choose.SetEnabled(has && len(s.Proposals) > 0)
	for _, b := range []*key.Binding{&k.Reject, &k.Edit} {
		b.SetEnabled(has)
	}
	k.Reset.SetEnabled(has && s.Status != model.Pending)
	k.Next.SetEnabled(m.a.Len() > 0)
	k.Prev.SetEnabled(m.a.Len() > 0)
	k.NextDoc.SetEnabled(m.docs != nil && m.want < m.docs.Len()-1)
	k.PrevDoc.SetEnabled(m.docs != nil && m.want > 0)
	k.ForceSave.SetEnabled(errors.Is(m.saveErr, model.ErrChangedOnDisk))
	k.Undo.SetEnabled(m.a.CanUndo())
	k.Redo.SetEnabled(m.a.CanRedo())
	if m.target.ReadOnly() {
		for _, b := range k.decisions() {
			b.SetEnabled(false) // refused anyway: the help offers only what works
		}
	}
}
