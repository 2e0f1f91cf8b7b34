package ui

import (
	"time"

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
	// Entities finds where the entities of a document are mentioned, for
	// the antecedent panel (A); nil leaves the panel empty. It runs in a
	// Cmd, once per document: cmd/corefix wires in the detectors'
	// recurrence analysis, which the editor cannot import.
	Entities func(doc *model.Document) *model.Entities
	// Notice, when set, is the first status message instead, shown as a
	// warning: something the user must hear about before deciding (in a
	// dataset: annotations set aside because their text changed).
	Notice string
	// Detect, when set, finds the spans of an annotation that has none
	// yet, region by region in Cmds after the first frame (see
	// finding.go); Origin is theirs.
	Detect Detection
	Origin model.Origin
	// Load, when set, reads the saved annotation the editor opens, in a
	// Cmd after the first frame (see detecting.go); the annotation given
	// New is its article without spans, shown meanwhile. When Load fails
	// the editor stops and Run returns its error: nothing was decided.
	Load func() (*model.Annotation, error)
}

// Model is the review editor, the program's only tea.Model.
type Model struct {
	a      *model.Annotation
	target Target // where decisions are saved
	title  string

	keys   KeyMap
	why    map[key.Help]string // why each disabled binding cannot act (see enable)
	styles *Styles
	plain  bool // the terminal shows no colour: the preview marks changes in text
	lay    layout
	width  int
	height int

	hdr    header
	art    *article
	strip  strip
	detail detailPanel
	input  textinput.Model // the override editor, the note and the search query
	bar    statusBar

	mode   mode // what the keys drive
	focus  int  // focused span, -1 for none (none on screen, or no spans)
	anchor int  // where n and p start from when nothing is focused (bytes)
	filter int  // index into filters
	order  int  // index into orders
	search searchState
	// resumeTop is the first character on screen when the annotation was
	// left (bytes), to scroll there once the article is laid out; -1 when
	// there is none to restore.
	resumeTop int
	// placeSaved is where the last save said the editor was, nil when
	// none did and none was read (see keepPlace and stampPlace).
	placeSaved *spot
	// rank is the spans in the order n and p sort them in, nil until it
	// is built (see order.go); ranking is the article whose rank is being
	// built in the background. spanChanges counts the changes to the
	// spans, so that a rank built from a snapshot is known stale.
	rank        *rank
	ranking     *article
	spanChanges int

	// detect finds the spans while they are being found, nil once they
	// are (see finding.go); origin is theirs.
	detect      *detecting
	origin      model.Origin
	detectStart time.Time
	detectAsked bool // the work after the first frame is started or about to be (laidOut)
	// load reads the saved annotation while it is being read, nil once
	// it is (see detecting.go). openErr is why the spans could not come:
	// the saved annotation cannot be resumed, or the detection refused
	// the text (exact mode: not the original's resolution). Nothing can
	// have been decided then, and the editor ends with it (see end).
	load    func() (*model.Annotation, error)
	openErr error

	entities    func(*model.Document) *model.Entities
	ents        *model.Entities // of the document on screen; nil until found
	entsLoading bool

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
	posSent position          // the position last written
	posSeq  int               // numbers position writes (see dataset.setPosition)
}

// New returns an editor for a, saving to target after every decision. It
// opens where a's Place says the editor was left, else on the first
// pending span.
func New(a *model.Annotation, target Target, opts Options) *Model {
	m := &Model{a: a, target: target, title: opts.Title, keys: DefaultKeyMap(), styles: NewStyles(true),
		mode: reviewMode{}, focus: -1, resumeTop: -1, entities: opts.Entities, gate: &saveGate{},
		origin: opts.Origin}
	switch {
	case opts.Load != nil:
		m.load = opts.Load
	case opts.Detect != nil && a.Len() == 0:
		m.detect = &detecting{d: opts.Detect}
	}
	if m.title == "" {
		m.title = a.Doc.ID
	}
	m.setArticle(a)
	m.input = textinput.New()
	m.input.SetVirtualCursor(false) // the real cursor: no blink ticks, stable screens
	m.input.SetStyles(m.styles.Input)
	m.bar = newStatusBar(m.styles)
	if a.Place != nil {
		s := spotOf(a.Doc, *a.Place)
		m.placeSaved = &s
		m.restore(s)
	} else {
		m.art.SetFilter(filters[0].keep)
		m.focusFirst()
	}
	m.enableKeys()
	switch {
	case target.ReadOnly():
		m.setError("read-only: you can look, not decide — %s stays as it is", target.Name())
	case m.load != nil:
		m.setInfo("reading %s; the article is yours to read meanwhile — ? keys", target.Name())
	case m.waiting():
		m.setInfo("finding the spans, those on screen first; read on meanwhile — ? keys")
	case opts.Resumed:
		m.setInfo("resumed %s: %s — ? keys", target.Name(), a.Describe())
	default:
		m.setInfo("%s — n next, a accept, r reject, e edit, ? keys", a.Describe())
	}
	return m
}

// newDatasetModel returns an editor on doc of d, saving to d after every
// decision. pos is where the annotator stopped in doc, nil when they never
// started: the editor opens there, or else on the first pending span.
func newDatasetModel(d *dataset, doc *document, pos *position, opts Options) *Model {
	opts.Title = doc.a.Doc.ID
	opts.Resumed = doc.resumed
	m := New(doc.a, d, opts)
	m.docs, m.doc, m.want, m.loading = d, doc, doc.index, -1
	verb := "document"
	if pos != nil {
		verb = "resumed at document"
		m.restore(pos.place)
	}
	m.posSent = m.position()
	m.enableKeys()
	m.setInfo("%s %d/%d %s: %s — ] next document, ? keys", verb, doc.index+1, d.Len(), doc.a.Doc.ID, m.a.Describe())
	return m
}

// setArticle shows a, keeping the article and the strip up to date with
// its changes as they happen (see model.Annotation.Watch).
func (m *Model) setArticle(a *model.Annotation) {
	if m.art != nil {
		m.art.a.Watch(nil) // the document left (a dataset's)
	}
	art := newArticle(a, m.styles)
	m.art, m.rank = art, nil
	a.Watch(func(at int, before, after *model.Span) {
		art.spanChanged(at, before, after)
		m.strip.spanChanged(len(a.Doc.Text), before, after)
		m.spanChanges++
		if m.rank != nil {
			m.rank.spanChanged(at, before, after)
		}
	})
}

// Init asks the terminal for its background so the styles suit it, and
// starts the header's clock when the spans are awaited; the spans and the
// document's entities come after the first frame (see laidOut).
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.startWaiting())
}

func (m *Model) setInfo(format string, args ...any) { m.bar.Info(format, args...) }

func (m *Model) setError(format string, args ...any) { m.bar.Error(format, args...) }

// setStyles switches every component to s.
func (m *Model) setStyles(s *Styles) {
	m.styles = s
	m.art.SetStyles(s)
	m.input.SetStyles(s.Input)
	m.bar.SetStyles(s)
}

// resize lays the screen out again and brings the focus into view (or,
// the first time, the place the editor was left at).
func (m *Model) resize() {
	m.relayout()
	if m.resumeTop >= 0 {
		m.scrollToResume()
	}
	if m.focus >= 0 {
		s := m.a.Span(m.focus)
		m.art.Reveal(s.Start, s.End)
	}
}

// relayout sizes the components. It runs on a resize only: no mode
// changes the layout, they draw over the article instead.
func (m *Model) relayout() {
	m.lay = computeLayout(m.width, m.height)
	m.hdr.SetSize(m.lay.Width, m.lay.Header)
	m.detail.SetSize(m.lay.Width, m.lay.Detail)
	m.bar.SetSize(m.lay.Width)
	if m.waiting() && m.art.rows == nil {
		m.art.SetHead(m.lay.Width, m.lay.Article) // the first frame, which nothing moves yet
	} else {
		m.art.SetSize(m.lay.Width, m.lay.Article)
	}
	m.sizeInput()
	if s, ok := m.mode.(sizer); ok {
		s.setSize(m.lay)
	}
}

// sizer is a mode that draws over part of the screen and lays out its
// text for the layout.
type sizer interface {
	setSize(l layout)
}
