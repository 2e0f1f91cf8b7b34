package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// preview shows the corrected text (every accepted or edited span
// applied), wrapped like the article, with what changed marked: the
// removed words struck out, the inserted ones bold, and without colour
// (NO_COLOR) as a word diff writes them, [-removed-]{+inserted+}. It is a
// mode: while it is open, View shows it in the article's place and the
// keys scroll it.
type preview struct {
	st     stream
	marks  []diffMark
	styles *Styles
	rows   []row
	width  int
	height int
	top    int
}

// changeKind is how a character of the preview changed.
type changeKind int

const (
	unchanged changeKind = iota
	removedWords
	insertedWords
)

// diffMark is a range of the preview's text a change removed or inserted.
type diffMark struct {
	start, end int
	removed    bool
}

// Plain-text markers of a change, as git diff --word-diff writes them.
const (
	removedOpen, removedClose   = "[-", "-]"
	insertedOpen, insertedClose = "{+", "+}"
)

// previewText is a's corrected text with each change's removed words
// before its inserted ones (a space between them when styles tell them
// apart, markers when plain), and the preview offset of source byte
// offset at.
func previewText(a *model.Annotation, plain bool, at int) (text string, marks []diffMark, atShown int) {
	src := a.Doc.Text
	var b strings.Builder
	last := 0
	atShown = -1
	add := func(s, open, close string, removed bool) {
		if s == "" {
			return
		}
		// A removed word's space stays outside the markers, so a
		// marker never starts the next word: "[-General-] Jeff".
		words := strings.TrimRight(s, " ")
		if plain {
			words = open + words + close
		}
		marks = append(marks, diffMark{start: b.Len(), end: b.Len() + len(words), removed: removed})
		b.WriteString(words + s[len(strings.TrimRight(s, " ")):])
	}
	for _, c := range a.Changes() {
		if atShown < 0 && at < c.End {
			atShown = b.Len() + max(at-last, 0)
		}
		b.WriteString(src[last:c.Start])
		add(c.Old, removedOpen, removedClose, true)
		if c.Old != "" && c.New != "" && !plain {
			b.WriteByte(' ') // struck-out words glued to new ones read as one word
		}
		if c.New != "" {
			add(displayText(c.New), insertedOpen, insertedClose, false)
		}
		last = c.End
	}
	if atShown < 0 {
		atShown = b.Len() + max(at-last, 0)
	}
	b.WriteString(src[last:])
	return b.String(), marks, atShown
}

// openPreview shows the corrected text, starting where the focus is.
func (m *Model) openPreview() {
	at, _ := m.art.Visible()
	if m.focus >= 0 {
		at = m.a.Span(m.focus).Start
	}
	text, marks, shown := previewText(m.a, m.plain, at)
	p := &preview{st: stream{text: text}, marks: marks, styles: m.styles}
	p.setSize(m.lay)
	p.top = rowAt(p.rows, pos{src: shown}) - p.height/3
	p.scroll(0)
	m.mode = p
	n, what := len(m.a.Changes()), "changes"
	if n == 1 {
		what = "change"
	}
	m.setInfo("corrected text, %d %s marked — d or esc returns", n, what)
}

// setSize re-wraps at a new width, keeping the top row's text in view.
func (p *preview) setSize(l layout) {
	anchor := pos{}
	if p.rows != nil {
		anchor = p.rows[p.top].start
	}
	if l.Width != p.width || p.rows == nil {
		p.rows = wrap(&p.st, l.Width)
	}
	p.width, p.height = l.Width, l.Article
	p.top = rowAt(p.rows, anchor)
	p.scroll(0)
}

// scroll moves the view by n rows.
func (p *preview) scroll(n int) {
	p.top = max(min(p.top+n, len(p.rows)-p.height), 0)
}

// View draws the visible rows, exactly height lines.
func (p *preview) View() string {
	lines := make([]string, p.height)
	for i := range lines {
		if r := p.top + i; r < len(p.rows) {
			lines[i] = p.renderRow(p.rows[r])
		}
	}
	return strings.Join(lines, "\n")
}

// renderRow draws one row, styling the removed and inserted words.
func (p *preview) renderRow(r row) string {
	k := sort.Search(len(p.marks), func(k int) bool { return p.marks[k].end > r.start.src })
	return drawRow(&p.st, r, func(at pos, _ int) changeKind {
		for k < len(p.marks) && p.marks[k].end <= at.src {
			k++
		}
		if k < len(p.marks) && p.marks[k].start <= at.src {
			if p.marks[k].removed {
				return removedWords
			}
			return insertedWords
		}
		return unchanged
	}, p.styles.changeLook)
}

// key scrolls the preview, or closes it.
func (p *preview) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Preview), key.Matches(msg, k.Close):
		m.mode = reviewMode{}
		m.setInfo("back to the article")
	case key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.Up):
		p.scroll(-1)
	case key.Matches(msg, k.PageDown):
		p.scroll(max(p.height-1, 1))
	case key.Matches(msg, k.PageUp):
		p.scroll(-max(p.height-1, 1))
	case key.Matches(msg, k.Home):
		p.scroll(-len(p.rows))
	case key.Matches(msg, k.End):
		p.scroll(len(p.rows))
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Help):
		m.openHelp()
	default:
		m.unhandled(msg)
	}
	return nil
}

// help is the keys of the preview.
func (p *preview) help(k *KeyMap) help.KeyMap {
	return bindings{k.Down, k.Up, k.PageDown, k.PageUp, k.Home, k.End, k.Preview, k.Close, k.Quit, k.Help}
}
