package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Update handles a message. A panic inside it (or in View, or in a Cmd)
// is caught by the program, which restores the terminal; Run then saves
// the work and says where it is (see finish).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg, foundMsg:
		m.art.Whole() // what moves the view wants every row, wrapped in the background or not
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		cmd = m.laidOut()
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
	case tea.ColorProfileMsg:
		// Without colour the preview marks changes in text, as word
		// diffs do: [-old-]{+new+}.
		m.plain = msg.Profile <= colorprofile.ASCII
	case savedMsg:
		cmd = m.saved(msg)
	case docLoadedMsg:
		m.docLoaded(msg)
	case positionMsg:
		m.setError("position not saved: %v", msg.err)
	case entitiesMsg:
		m.gotEntities(msg)
	case detectGoMsg:
		cmd = m.detectGo()
	case preparedMsg:
		cmd = m.prepared(msg)
	case regionMsg:
		cmd = m.regionFound(msg)
	case loadedMsg:
		cmd = m.loaded(msg)
	case wrappedMsg:
		m.art.wrapped(msg)
	case rankedMsg:
		cmd = m.gotRank(msg)
	case foundMsg:
		cmd = m.found(msg)
	case detectTickMsg:
		if m.waiting() {
			cmd = detectTick()
		}
	case tea.PasteMsg:
		if m.typing() {
			m.input, cmd = m.input.Update(msg)
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	case tea.MouseClickMsg:
		m.click(msg.Mouse())
	case tea.MouseWheelMsg:
		m.wheel(msg.Mouse())
	}
	cmd = tea.Batch(cmd, m.settle())
	if m.reviewing() && m.focus >= 0 && !m.onScreen(m.focus) {
		m.follow() // whatever moved the view, decisions never land out of sight
	}
	m.enableKeys()
	m.draw()
	return m, cmd
}

// draw brings what View shows from a cache up to date with this message:
// the article's visible rows and the strip, each redrawn only where what
// it shows changed.
func (m *Model) draw() {
	m.art.Render()
	m.strip.sync(m.art, filters[m.filter].kinds, m.lay.Width, m.focus, m.styles)
}

// key hands a key press to the current mode, but for ctrl+c, which quits
// from any mode (even while typing), and for keys typed while moving to
// another document, which wait for it.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if _, asking := m.mode.(confirmMode); key.Matches(msg, m.keys.Interrupt) && !asking {
		return m.quit()
	}
	if m.moving() || m.search.hunting {
		m.typeAhead(msg)
		return nil
	}
	return m.mode.key(m, msg)
}

// helpKeys is the help of the current mode.
func (m *Model) helpKeys() help.KeyMap { return m.mode.help(&m.keys) }

// unhandled answers a key the mode did not act on: a key of the mode
// that cannot act now says why, any other key that it does nothing here.
// No key is ever silently ignored.
func (m *Model) unhandled(msg tea.KeyPressMsg) {
	name := msg.String()
	for _, group := range m.helpKeys().FullHelp() {
		for _, b := range group {
			if b.Enabled() {
				continue
			}
			for _, k := range b.Keys() {
				if k == name {
					m.setError("%s: %s", name, m.why[b.Help()])
					return
				}
			}
		}
	}
	m.setInfo("%s does nothing here — ? lists the keys", name)
}
