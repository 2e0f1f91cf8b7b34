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
	if s := m.a.Find(i); s >= 0 {
		m.setFocus(s)
	}
	m.setInfo("found %q — / enter for the next one", query)
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
