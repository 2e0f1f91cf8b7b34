package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// searchMode types a search query; enter finds it.
type searchMode struct{}

// key edits the query; enter finds the next match.
func (searchMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	return m.inputKey(msg, m.find)
}

// help is the keys of the input.
func (searchMode) help(k *KeyMap) help.KeyMap { return inputHelp(k) }

// searchState remembers the last query and match, so / and enter with an
// empty query finds the next match. hunting says a search's Cmd is
// running: the keys typed meanwhile wait for its match, as they would for
// a search found on the key (a decision typed after enter is meant for
// the finding at the match). seq numbers the searches, so that the match
// of one forgotten (another document on screen) is not shown.
type searchState struct {
	query   string
	match   int // byte offset of the current match, -1 for none
	hunting bool
	seq     int
}

// forget drops the match and any search still running (another document
// is on screen), keeping the query for / and enter.
func (s *searchState) forget() {
	s.match, s.hunting = -1, false
	s.seq++
}

// find looks for query after the current match (or from the top of the
// screen), wrapping at the end of the text, and shows the match: found
// here when it is near, else by a Cmd (see hunt).
func (m *Model) find(query string) tea.Cmd {
	if query == "" {
		query = m.search.query
	}
	if query == "" {
		m.setInfo("type something to search for")
		return nil
	}
	from, _ := m.art.Visible()
	if m.search.query == query && m.search.match >= 0 {
		from = m.search.match + 1
	}
	m.search.query = query
	m.search.seq++
	h := newHunt(m.a.Doc.Text, query, from)
	if at, over := h.step(searchKeyBytes); over {
		m.showMatch(at)
		return nil
	}
	m.search.hunting = true
	m.setInfo("searching for %q…", query)
	return huntCmd(h, m.search.seq)
}

// found shows the match a search's Cmd brings, unless the search was
// forgotten, and presses the keys typed meanwhile.
func (m *Model) found(msg foundMsg) tea.Cmd {
	if msg.seq != m.search.seq {
		return nil
	}
	m.search.hunting = false
	m.showMatch(msg.at)
	return m.keysAhead()
}

// showMatch shows the match of the query at byte offset i (-1 for none)
// and focuses the finding it leads to.
func (m *Model) showMatch(i int) {
	query := m.search.query
	m.search.match = i
	if i < 0 {
		m.art.SetMatch(0, 0)
		m.setError("not found: %s", query)
		return
	}
	end := i + len(query) // folding keeps lengths
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
