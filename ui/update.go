package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Update handles a message. A panic inside it is caught: the editor quits
// and Run saves the work and says where it is.
func (m *Model) Update(msg tea.Msg) (tm tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.panicked = fmt.Sprint(r)
			tm, cmd = m, tea.Quit
		}
	}()
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
	case tea.BackgroundColorMsg:
		m.setStyles(NewStyles(msg.IsDark()))
	case savedMsg:
		cmd = m.saved(msg)
	case tea.PasteMsg:
		if m.mode == modeEdit || m.mode == modeSearch {
			m.input, cmd = m.input.Update(msg)
		}
	case tea.KeyPressMsg:
		cmd = m.key(msg)
	}
	m.enableKeys()
	if m.fullHelp {
		m.relayout() // the keys on offer, and so the help's height, may have changed
	}
	return m, cmd
}

// key routes a key press to the current mode.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Interrupt) && m.mode != modeConfirm {
		return m.quit() // from any mode, even while typing
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
	for i := m.a.Find(vs); i >= 0 && i < m.a.Len(); i++ {
		s := m.a.Span(i)
		if s.Start >= ve {
			break
		}
		if s.End > vs && keep(s) {
			m.focus = i
			m.art.SetFocus(i)
			return
		}
	}
	if i := firstSpanFrom(m.a, vs); i >= 0 && m.a.Span(i).Start < ve {
		m.focus = i
		m.art.SetFocus(i)
	}
}

// firstSpanFrom is the index of the first span ending after off, or -1.
func firstSpanFrom(a *model.Annotation, off int) int {
	for i := max(a.Find(off), 0); i < a.Len(); i++ {
		if a.Span(i).End > off {
			return i
		}
	}
	return -1
}

// accept takes proposal n of the focused span. A proposal holding the
// placeholder ▢ names a word the tool cannot guess, so it opens the input
// with the placeholder's place ready for typing instead.
func (m *Model) accept(n int) tea.Cmd {
	if m.focus < 0 {
		return nil
	}
	s := m.a.Span(m.focus)
	if n >= len(s.Proposals) {
		m.setError("%s has no proposal %d — e to type a fix", s.ID, n+1)
		return nil
	}
	if p := s.Proposals[n].Text; strings.Contains(p, model.Placeholder) {
		cmd := m.startEdit(p)
		m.setInfo("type the missing word")
		return cmd
	}
	return m.decide("accepted", true, func(i int) error { return m.a.Accept(i, n) })
}

// decide applies a decision to the focused span, saves, and moves on to
// the next pending span when advance is set.
func (m *Model) decide(what string, advance bool, do func(int) error) tea.Cmd {
	if m.focus < 0 {
		m.setInfo("no span here — m marks one the detector missed")
		return nil
	}
	i := m.focus
	if err := do(i); err != nil {
		m.setError("%v", err)
		return nil
	}
	m.changed()
	s := m.a.Span(i)
	m.setInfo("%s %s — %s", s.ID, what, m.a.Describe())
	if advance {
		m.step(1)
	}
	return m.save()
}

// history runs undo or redo and focuses the span it touched.
func (m *Model) history(what string, do func() (int, error)) tea.Cmd {
	i, err := do()
	if err != nil {
		m.setError("%v", err)
		return nil
	}
	m.changed()
	if m.a.Len() > 0 {
		m.setFocus(min(i, m.a.Len()-1))
	} else {
		m.setFocus(-1)
	}
	m.setInfo("%s — %s", what, m.a.Describe())
	return m.save()
}

// changed catches the views up with a change to the annotation.
func (m *Model) changed() {
	m.version++
	m.art.Refresh()
}

// quit quits, or asks first when something is not saved.
func (m *Model) quit() tea.Cmd {
	if !m.unsaved() {
		return tea.Quit
	}
	m.mode = modeConfirm
	m.setError("unsaved changes: y save and quit, n quit without saving, esc stay")
	return nil
}

// confirmKey answers the quit question.
func (m *Model) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.SaveQuit):
		m.mode = modeReview
		m.quitAfterSave = true
		if !m.unsaved() {
			return tea.Quit
		}
		m.setInfo("saving…")
		return m.save()
	case key.Matches(msg, m.keys.DiscardQuit), key.Matches(msg, m.keys.Interrupt):
		return tea.Quit
	case key.Matches(msg, m.keys.Cancel):
		m.mode = modeReview
		m.setInfo("not quitting")
	}
	return nil
}

// previewKey scrolls the corrected-text preview.
func (m *Model) previewKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Preview), key.Matches(msg, k.Cancel):
		m.mode, m.preview = modeReview, nil
		m.setInfo("back to the article")
	case key.Matches(msg, k.Down):
		m.preview.Scroll(1)
	case key.Matches(msg, k.Up):
		m.preview.Scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.preview.Scroll(max(m.lay.Article-1, 1))
	case key.Matches(msg, k.PageUp):
		m.preview.Scroll(-max(m.lay.Article-1, 1))
	case key.Matches(msg, k.Home):
		m.preview.Scroll(-len(m.preview.rows))
	case key.Matches(msg, k.End):
		m.preview.Scroll(len(m.preview.rows))
	case key.Matches(msg, k.Quit):
		return m.quit()
	}
	return nil
}

// openPreview shows the corrected text, starting where the focus is.
func (m *Model) openPreview() {
	at, _ := m.art.Visible()
	if m.focus >= 0 {
		at = m.a.Span(m.focus).Start
	}
	// Offsets move by the length change of every decided span before at.
	shift := 0
	for _, s := range m.art.spans {
		if s.Start >= at {
			break
		}
		if s.Status.Changes() {
			shift += len(s.Replacement) - (s.End - s.Start)
		}
	}
	m.preview = newPreview(m.a.CorrectedText(), m.lay.Width, m.lay.Article, at+shift)
	m.mode = modePreview
	m.setInfo("corrected text — d or esc returns")
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

// editPrefill is what the input starts with: the current replacement of
// a decided span, else the best proposal, else the span's own text.
func (m *Model) editPrefill(s model.Span) string {
	switch {
	case s.Status.Changes():
		return s.Replacement
	case len(s.Proposals) > 0:
		return s.Proposals[0].Text
	}
	return m.a.Doc.Text[s.Start:s.End]
}

// startEdit opens the input for the focused span's replacement. A
// placeholder ▢ in the prefill is removed and the cursor put in its place.
func (m *Model) startEdit(prefill string) tea.Cmd {
	m.editing = m.focus
	at := strings.Index(prefill, model.Placeholder)
	prefill = strings.Replace(prefill, model.Placeholder, "", 1)
	cmd := m.startInput(modeEdit, "fix> ", prefill)
	if at >= 0 {
		m.input.SetCursor(len([]rune(prefill[:at])))
	}
	return cmd
}

// startInput opens the text input for mode.
func (m *Model) startInput(md mode, prompt, value string) tea.Cmd {
	m.mode = md
	m.input.Prompt = prompt
	m.input.SetWidth(max(m.lay.Width-len(prompt)-1, 1))
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

// inputKey drives the edit and search inputs: enter commits, esc
// cancels, everything else is typing (so q types a q).
func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.input.Blur()
		m.mode = modeReview
		m.setInfo("cancelled")
		return nil
	case key.Matches(msg, m.keys.Commit):
		m.input.Blur()
		md := m.mode
		m.mode = modeReview
		value := m.input.Value()
		if md == modeSearch {
			m.find(value)
			return nil
		}
		m.focus = m.editing
		return m.decide("edited", true, func(i int) error { return m.a.Edit(i, value) })
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// helpKeys is the help for the current mode.
func (m *Model) helpKeys() help.KeyMap {
	k := &m.keys
	switch m.mode {
	case modeEdit:
		return bindings{k.Commit, k.Cancel}
	case modeSearch:
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
	k.ForceSave.SetEnabled(errors.Is(m.saveErr, model.ErrChangedOnDisk))
	k.Undo.SetEnabled(m.a.CanUndo())
	k.Redo.SetEnabled(m.a.CanRedo())
}
