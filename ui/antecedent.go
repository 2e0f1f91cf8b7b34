package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// The antecedent panel (A) answers what a substituted mention stands for
// and where else it is mentioned: the entity whose mention the focused
// finding holds, with n and p walking its mentions in the article.

// entitiesMsg brings the entities findEntities found in doc.
type entitiesMsg struct {
	doc  *model.Document
	ents *model.Entities
}

// findEntities looks for the entities of the document on screen in a Cmd
// (a long article takes a while), unless the editor has no way to.
func (m *Model) findEntities() tea.Cmd {
	if m.entities == nil {
		return nil
	}
	m.entsLoading = true
	find, doc := m.entities, m.a.Doc
	return func() tea.Msg { return entitiesMsg{doc: doc, ents: find(doc)} }
}

// gotEntities keeps the entities found, unless the document they are of
// left the screen meanwhile.
func (m *Model) gotEntities(msg entitiesMsg) {
	if msg.doc == m.a.Doc {
		m.ents, m.entsLoading = msg.ents, false
	}
}

// entityOf is the entity a span's text mentions and which mention it is.
func (m *Model) entityOf(s model.Span) (ent model.Entity, k int, ok bool) {
	if m.ents == nil {
		return model.Entity{}, 0, false
	}
	return m.ents.At(s.Start, s.End)
}

// mentionsMode walks the mentions of one entity: the article shows the
// current one highlighted, the detail panel lists them.
type mentionsMode struct {
	ent   model.Entity
	cur   int              // the mention shown
	lines *model.LineIndex // to say where each mention is
}

// openMentions opens the panel on the focused finding's entity.
func (m *Model) openMentions() {
	s := m.a.Span(m.focus)
	ent, k, ok := m.entityOf(s)
	if !ok {
		m.setInfo("%s holds no recurring phrase: the %s name no entity here", s.ID, m.ents.Source)
		return
	}
	mm := &mentionsMode{ent: ent, cur: k, lines: model.NewLineIndex(m.a.Doc)}
	m.mode = mm
	mm.show(m)
}

// show highlights the current mention and brings it into view.
func (mm *mentionsMode) show(m *Model) {
	r := mm.ent.Mentions[mm.cur]
	m.art.SetMatch(r[0], r[1])
	m.art.Reveal(r[0], r[1])
	where := "the first, where the text names it"
	if mm.cur > 0 {
		where = "line " + mm.lineOf(r[0])
	}
	m.setInfo("mention %d of %d of %q: %s", mm.cur+1, len(mm.ent.Mentions), mm.ent.Name, where)
}

// lineOf names the line and column of byte offset off.
func (mm *mentionsMode) lineOf(off int) string {
	line, col := mm.lines.Position(off)
	return fmt.Sprintf("%d:%d", line, col)
}

// close leaves the panel, back to the focused finding.
func (mm *mentionsMode) close(m *Model) {
	m.mode = reviewMode{}
	m.art.SetMatch(0, 0)
	if m.focus >= 0 {
		s := m.a.Span(m.focus)
		m.art.Reveal(s.Start, s.End)
	}
}

// key walks the mentions, or focuses the finding at one.
func (mm *mentionsMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	n := len(mm.ent.Mentions)
	switch {
	case key.Matches(msg, k.MentionNext):
		mm.cur = (mm.cur + 1) % n
		mm.show(m)
	case key.Matches(msg, k.MentionPrev):
		mm.cur = (mm.cur + n - 1) % n
		mm.show(m)
	case key.Matches(msg, k.MentionGo):
		r := mm.ent.Mentions[mm.cur]
		i := m.a.Find(r[0])
		if i < 0 {
			m.setInfo("no finding at this mention: the text there was left as it is")
			return nil
		}
		mm.close(m)
		m.setFocus(i)
		m.setInfo("%s — at mention %d of %q", m.a.Span(i).ID, mm.cur+1, mm.ent.Name)
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Close), key.Matches(msg, k.Antecedent):
		mm.close(m)
		m.setInfo("back to %s", m.a.Span(m.focus).ID)
	default:
		m.unhandled(msg)
	}
	return nil
}

// help is the keys of the panel.
func (mm *mentionsMode) help(k *KeyMap) help.KeyMap {
	return bindings{k.MentionNext, k.MentionPrev, k.MentionGo, k.Close, k.Help}
}

// panel draws the list of mentions in the detail panel's rows: a title
// saying what found them, then the mentions around the current one, each
// with where it is and the finding there.
func (mm *mentionsMode) panel(m *Model, rows int) string {
	st := m.styles
	lines := []string{fmt.Sprintf("%s %s · %d mentions · found by %s", st.Bold.Render("antecedent"),
		fmt.Sprintf("%q", mm.ent.Name), len(mm.ent.Mentions), m.ents.Source)}
	n := len(mm.ent.Mentions)
	show := max(rows-1, 0)
	first := max(min(mm.cur-show/2, n-show), 0)
	for k := first; k < min(first+show, n); k++ {
		lines = append(lines, mm.mentionLine(m, k))
	}
	return strings.Join(lines, "\n")
}

// mentionLine describes mention k: its number, where it is, and the
// finding there with its status.
func (mm *mentionsMode) mentionLine(m *Model, k int) string {
	r := mm.ent.Mentions[k]
	mark := "  "
	if k == mm.cur {
		mark = "▸ "
	}
	what := "no finding: left as written"
	if i := m.a.Find(r[0]); i >= 0 {
		s := m.a.Span(i)
		what = s.ID + " " + status(s)
	}
	if k == 0 {
		what += " · the first mention"
	}
	line := fmt.Sprintf("%s%d/%d  %s  %s", mark, k+1, len(mm.ent.Mentions), mm.lineOf(r[0]), what)
	if k == mm.cur {
		return m.styles.Bold.Render(line)
	}
	return line
}
