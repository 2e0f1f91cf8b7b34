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
		if m.typing() {
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

// key hands a key press to the current mode, but for ctrl+c, which quits
// from any mode (even while typing), and for keys typed while moving to
// another document, which wait for it.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if _, asking := m.mode.(confirmMode); key.Matches(msg, m.keys.Interrupt) && !asking {
		return m.quit()
	}
	if m.moving() {
		m.typeAhead(msg)
		return nil
	}
	return m.mode.key(m, msg)
}

// helpKeys is the help of the current mode.
func (m *Model) helpKeys() help.KeyMap { return m.mode.help(&m.keys) }

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
