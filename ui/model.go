package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Options configure the editor.
type Options struct {
	// Title names the article in the header, e.g. its file name.
	Title string
	// Resumed says the annotation was loaded from its file, which the
	// first status message confirms.
	Resumed bool
	// Notice, when set, is the first status message instead, shown as a
	// warning: something the user must hear about before deciding (in a
	// dataset: annotations set aside because their text changed).
	Notice string
}

// Model is the review editor, the program's only tea.Model.
type Model struct {
	a      *model.Annotation
	target Target // where decisions are saved
	title  string

	keys     KeyMap
	refused  []key.Binding // decisions a read-only editor turns down (see refuse)
	styles   *Styles
	lay      layout
	helpRows int // the help's height lay was made for
	width    int
	height   int

	hdr    header
	art    *article
	strip  strip
	detail detailPanel
	input  textinput.Model // the override editor and the search query
	bar    statusBar

	mode     mode // what the keys drive
	focus    int  // focused span, -1 when there are none
	filter   int  // index into filters
	fullHelp bool
	search   searchState

	// version counts changes; savedVersion is the newest one on disk.
	version, savedVersion int
	saving, quitAfterSave bool
	announceSave          bool
	saveErr               error
	gate                  *saveGate // orders the saves with finish's last one

	// Dataset mode; docs is nil for a single file.
	docs    *dataset
	doc     *document         // the document on screen
	want    int               // the document ] and [ asked for
	loading int               // the document being loaded, -1 for none
	ready   *document         // loaded, waiting for settle to show it
	ahead   []tea.KeyPressMsg // keys typed while moving, for the next document
	posSent [2]int            // the position last written: document, focused span
	posSeq  int               // numbers position writes (see dataset.setPosition)
}

// New returns an editor for a, saving to target after every decision.
func New(a *model.Annotation, target Target, opts Options) *Model {
	m := &Model{a: a, target: target, title: opts.Title, keys: DefaultKeyMap(), styles: NewStyles(true), mode: reviewMode{}, focus: -1,
		gate: &saveGate{}}
	if m.title == "" {
		m.title = a.Doc.ID
	}
	m.refused = refusedKeys(m.keys)
	m.art = newArticle(a, m.styles)
	m.input = textinput.New()
	m.input.SetVirtualCursor(false) // the real cursor: no blink ticks, stable screens
	m.input.SetStyles(m.styles.Input)
	m.bar = newStatusBar(m.styles)
	m.art.SetFilter(filters[0].keep)
	m.focusFirst()
	m.enableKeys()
	switch {
	case target.ReadOnly():
		m.setError("read-only: you can look, not decide — %s stays as it is", target.Name())
	case opts.Resumed:
		m.setInfo("resumed %s: %s — ? keys", target.Name(), a.Describe())
	default:
		m.setInfo("%s — n next, a accept, r reject, e edit, ? keys", a.Describe())
	}
	return m
}

// newDatasetModel returns an editor on doc of d, saving to d after every
// decision. pos is where the annotator stopped in doc, nil when they never
// started: the focus goes to its span, or else to the first pending one.
func newDatasetModel(d *dataset, doc *document, pos *position, opts Options) *Model {
	opts.Title = doc.a.Doc.ID
	opts.Resumed = doc.resumed
	m := New(doc.a, d, opts)
	m.docs, m.doc, m.want, m.loading = d, doc, doc.index, -1
	verb := "document"
	if pos != nil {
		verb = "resumed at document"
		if pos.span >= 0 && pos.span < m.a.Len() {
			m.setFocus(pos.span)
		}
	}
	m.posSent = [2]int{doc.index, m.focus}
	m.enableKeys()
	m.setInfo("%s %d/%d %s: %s — ] next document, ? keys", verb, doc.index+1, d.Len(), doc.a.Doc.ID, m.a.Describe())
	return m
}

// focusFirst focuses the first pending span (or the first span).
func (m *Model) focusFirst() {
	for i := 0; i < m.a.Len(); i++ {
		if m.a.Span(i).Status == model.Pending {
			m.setFocus(i)
			return
		}
	}
	if m.a.Len() > 0 {
		m.setFocus(0)
	}
}

// Init asks the terminal for its background so the styles suit it.
func (m *Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

func (m *Model) setInfo(format string, args ...any) { m.bar.Info(format, args...) }

func (m *Model) setError(format string, args ...any) { m.bar.Error(format, args...) }

// setFocus focuses span i and brings it into view.
func (m *Model) setFocus(i int) {
	if i >= m.a.Len() {
		i = m.a.Len() - 1
	}
	m.focus = i
	m.art.SetFocus(i)
	if i >= 0 {
		s := m.a.Span(i)
		m.art.Reveal(s.Start, s.End)
	}
}

// setStyles switches every component to s.
func (m *Model) setStyles(s *Styles) {
	m.styles = s
	m.art.SetStyles(s)
	m.input.SetStyles(s.Input)
	m.bar.SetStyles(s)
}

// resize lays the screen out again and brings the focus into view.
func (m *Model) resize() {
	m.relayout()
	if m.focus >= 0 {
		s := m.a.Span(m.focus)
		m.art.Reveal(s.Start, s.End)
	}
}

// relayout sizes the components. The help's height depends on the mode
// and on whether full help is open. It runs on a resize, on ? and when
// the full help's height changes, never merely because a message came.
func (m *Model) relayout() {
	m.helpRows = helpRows(m.helpKeys(), m.fullHelp)
	m.lay = computeLayout(m.width, m.height, m.helpRows)
	m.hdr.SetSize(m.lay.Width, m.lay.Header)
	m.detail.SetSize(m.lay.Width, m.lay.Detail)
	m.bar.SetSize(m.lay.Width)
	m.art.SetSize(m.lay.Width, m.lay.Article)
	m.sizeInput()
	if p, ok := m.mode.(*preview); ok {
		p.SetSize(m.lay.Width, m.lay.Article)
	}
}
