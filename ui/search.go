package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// searchMode types a search query; enter finds it.
type searchMode struct{}

// key edits the query; enter finds the next match.
func (searchMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.inputKey(msg, func(query string) tea.Cmd {
		m.find(query)
		return nil
	})
}

// help is the keys of the input.
func (searchMode) help(k *KeyMap) help.KeyMap { return inputHelp(k) }

// searchState remembers the last query and match, so / and enter with an
// empty query finds the next match.
type searchState struct {
	query  string
	folded string // the text folded for case-insensitive search, made on first use
	match  int    // byte offset of the current match, -1 for none
}

// find looks for query after the current match (or from the top of the
// screen), wrapping at the end of the text, and shows the match.
func (m *Model) find(query string) {
	if query == "" {
		query = m.search.query
	}
	if query == "" {
		m.setInfo("type something to search for")
		return
	}
	if m.search.folded == "" {
		m.search.folded = foldASCII(m.a.Doc.Text)
	}
	q := foldASCII(query)
	from, _ := m.art.Visible()
	if m.search.query == query && m.search.match >= 0 {
		from = m.search.match + 1
	}
	m.search.query = query
	text := m.search.folded
	i := -1
	if from <= len(text) {
		if j := strings.Index(text[from:], q); j >= 0 {
			i = from + j
		}
	}
	if i < 0 {
		i = strings.Index(text, q)
	}
	m.search.match = i
	if i < 0 {
		m.art.SetMatch(0, 0)
		m.setError("not found: %s", query)
		return
	}
	end := i + len(q)
	m.art.SetMatch(i, end)
	m.art.Reveal(i, end)
	if j := m.findingFrom(i); j >= 0 {
		m.focusOnScreen(j)
		m.setInfo("found %q — focus on %s, the finding there; / enter: next match", query, m.a.Span(j).ID)
		return
	}
	switch {
	case m.focus >= 0 && m.onScreen(m.focus):
		m.setInfo("found %q — no finding after it on screen; %s stays focused", query, m.a.Span(m.focus).ID)
	default:
		m.focusOnScreen(-1)
		m.anchor = i
		m.setInfo("found %q — no finding after it on screen; n goes to the next one", query)
	}
}

// findingFrom is the finding at or after byte offset off, if it is on
// screen: the one the search match belongs to or leads to. It is the
// first the filter keeps, or the one holding off whatever the filter.
func (m *Model) findingFrom(off int) int {
	keep := filters[m.filter].keep
	for j := m.art.spanFrom(off); j < m.a.Len(); j++ {
		s := m.a.Span(j)
		if !keep(s) && s.Start > off {
			continue
		}
		if m.onScreen(j) {
			return j
		}
		return -1
	}
	return -1
}

// foldASCII lowercases ASCII letters only, so byte offsets in the folded
// text are offsets in the original (full Unicode folding can change
// lengths).
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
