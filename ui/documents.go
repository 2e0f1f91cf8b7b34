package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// docLoadedMsg brings a document loaded by loadCmd.
type docLoadedMsg struct {
	index int
	doc   *document
	err   error
}

// positionMsg reports a position that could not be written.
type positionMsg struct{ err error }

func loadCmd(d *dataset, i int) tea.Cmd {
	return func() tea.Msg {
		doc, err := d.load(i)
		return docLoadedMsg{index: i, doc: doc, err: err}
	}
}

// positionCmd records that the annotator is at spot s of doc, converted
// here, off the key (see spot).
func positionCmd(d *dataset, seq int, doc *model.Document, s spot) tea.Cmd {
	return func() tea.Msg {
		if err := d.setPosition(seq, doc.ID, s.place(doc)); err != nil {
			return positionMsg{err: err}
		}
		return nil
	}
}

// gotoDoc asks for document i (] and [). The move itself happens in
// settle, once nothing of this document is left unsaved; a document
// whose last save failed is not left at all.
func (m *Model) gotoDoc(i int) {
	switch {
	case i < 0 || i >= m.docs.Len():
		m.setInfo("no document %d: the dataset has %d", i+1, m.docs.Len())
	case m.saveErr != nil:
		m.setError("not saved: %v — s retries; this document stays open until it is saved", m.saveErr)
	default:
		m.want = i
		m.setInfo("document %d/%d…", i+1, m.docs.Len())
	}
}

// moving reports that a document was asked for and is not on screen yet.
// Keys typed meanwhile wait for it (see typeAhead): they were typed for
// the next document, not for the one still showing.
func (m *Model) moving() bool { return m.docs != nil && m.want != m.doc.index }

// typeAhead keeps a key pressed while moving, for the document to come,
// or while a search's Cmd runs, for its match (see find).
func (m *Model) typeAhead(msg tea.KeyPressMsg) { m.ahead = append(m.ahead, msg) }

// keysAhead presses the keys typed ahead, in turn, each with the keys
// enabled as for a key pressed now (a key that cannot act must say why,
// see unhandled); one that moves or searches again keeps the rest
// waiting.
func (m *Model) keysAhead() tea.Cmd {
	ahead := m.ahead
	m.ahead = nil
	cmds := make([]tea.Cmd, 0, len(ahead))
	for _, k := range ahead {
		m.enableKeys()
		cmds = append(cmds, m.key(k))
	}
	return tea.Batch(cmds...)
}

// stayHere cancels a move, dropping the keys typed for it.
func (m *Model) stayHere() {
	m.want, m.ready, m.ahead = m.doc.index, nil, nil
}

// docLoaded keeps a loaded document until settle shows it.
func (m *Model) docLoaded(msg docLoadedMsg) {
	m.loading = -1
	switch {
	case msg.index != m.want:
		// The move was cancelled while the document loaded.
	case msg.err != nil:
		m.stayHere()
		m.setError("document %d: %v", msg.index+1, msg.err)
	default:
		m.ready = msg.doc
	}
}

// settle runs after every message in dataset mode. It loads the document
// asked for once everything of the current one is saved (so the progress
// read with it counts the last decision), shows it once the editor is back
// in its main mode, and writes the position when it moved. Doing this in
// one place keeps the keys simple: they only say where to go.
func (m *Model) settle() tea.Cmd {
	if m.docs == nil {
		return nil
	}
	var cmds []tea.Cmd
	if m.moving() && m.saveErr != nil {
		m.stayHere()
		m.setError("not saved: %v — staying on this document; s retries", m.saveErr)
	}
	calm := !m.unsaved() && m.saveErr == nil
	// Only ctrl+c's quit question can leave the main mode while moving.
	if m.ready != nil && calm && m.reviewing() {
		m.show(m.ready)
		m.ready = nil
		// The document was detected, aligned or read as it loaded: its
		// garbage goes back as the first document's (see detectGo).
		cmds = append(cmds, m.thenRelease(m.spansHere()), m.keysAhead())
	}
	if m.want != m.doc.index && m.ready == nil && m.loading < 0 && calm {
		m.loading = m.want
		cmds = append(cmds, loadCmd(m.docs, m.want))
	}
	if pos := m.position(); pos.moved(m.posSent) {
		m.posSent = pos
		m.posSeq++
		cmds = append(cmds, positionCmd(m.docs, m.posSeq, m.a.Doc, pos.place))
	}
	return tea.Batch(cmds...)
}

// position is where the annotator is now.
func (m *Model) position() position { return position{doc: m.doc.index, place: m.spot()} }

// moved reports whether the position changed from old enough to write it:
// another document, focus, filter or order. Scrolling alone is not worth
// a database write per key; the end of the program writes the last scroll
// (see keepPosition).
func (p position) moved(old position) bool {
	p.place.Top, old.place.Top = 0, 0
	return p != old
}

// show puts doc on screen in place of the current document.
func (m *Model) show(doc *document) {
	m.doc, m.a, m.title = doc, doc.a, doc.a.Doc.ID
	m.setArticle(doc.a)
	m.art.SetFilter(filters[m.filter].keep)
	m.version, m.savedVersion = 0, 0
	m.search.forget()
	m.focus = -1
	m.art.SetSize(m.lay.Width, m.lay.Article)
	m.focusFirst()
	m.ents = nil
	m.setInfo("document %d/%d %s: %s", doc.index+1, m.docs.Len(), doc.a.Doc.ID, m.a.Describe())
	m.resumeDraft()
}

// docsDone counts the annotator's documents done, the one on screen as it
// is now: the stored count, corrected for this document's change since it
// was loaded.
func (m *Model) docsDone() int {
	done := m.doc.done
	if m.doc.wasDone {
		done--
	}
	if (m.doc.resumed || m.version > 0) && finished(m.a) {
		done++
	}
	return done
}

// docsView is the dataset part of the header: the document on screen and
// the documents done, with a bar of barW cells (none when 0).
func (m *Model) docsView(barW int) string {
	done, total := m.docsDone(), m.docs.Len()
	s := fmt.Sprintf("doc %d/%d · %d done", m.doc.index+1, total, done)
	if barW > 0 {
		s += " " + progressBar(m.styles, done, total, barW)
	}
	return s
}
