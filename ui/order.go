package ui

import (
	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// n and p can walk the findings in another order than the text's (o). A
// sort of every span takes tens of milliseconds at 20 MB (340,000 spans)
// and a key has 3, so the sorted order, the rank, is not sorted on a key:
// it is built in the background once the spans are all there (rankCmd),
// and from then on kept up to date with each change of the annotation
// (rank.spanChanged), as the article is. Only a key that needs it before
// it is in builds it there and then (Model.ranked).

// orderKind is an order n and p can walk the spans in.
type orderKind struct {
	name string
	// key sorts the spans, the highest first and in text order among
	// equals; nil keeps text order.
	key func(s model.Span) float64
}

// orders are the orders o switches between. At least one sorts.
var orders = []orderKind{
	{"text", nil},
	// Most confident first: the surest fixes are the quickest work.
	{"confidence", func(s model.Span) float64 { return s.Confidence }},
}

// ranked is the rank of the current order, which sorts, caught up with
// the annotation. When the one built in the background is not in yet it
// is built here: correct, but slow on a long article.
func (m *Model) ranked() *rank {
	if !m.rankFits(m.order) {
		m.rank = newRank(m.a, m.order, m.art.gen)
	}
	m.rank.catchUp()
	return m.rank
}

// rankFits reports whether the rank is that of the given order and of
// the spans of the article.
func (m *Model) rankFits(order int) bool {
	return m.rank != nil && m.rank.order == order && m.rank.gen == m.art.gen
}

// rankedOrder is the sorting order a rank is kept for: the current
// order, or in text order the next that o switches to.
func (m *Model) rankedOrder() int {
	o := m.order
	for orders[o].key == nil {
		o = (o + 1) % len(orders)
	}
	return o
}

// rankedMsg brings a rank built in the background (rankCmd).
type rankedMsg struct {
	art *article // the article it is of
	// changes is Model.spanChanges when the spans were read: if it or
	// the article's gen moved since, the rank is stale.
	changes int
	r       *rank
}

// rankCmd builds the rank of rankedOrder in the background, from a
// snapshot of the spans, unless it is there or being built. Not while
// the spans are awaited: a rank of some of them would be stale when in.
func (m *Model) rankCmd() tea.Cmd {
	order := m.rankedOrder()
	if m.rankFits(order) || m.ranking == m.art || m.waiting() {
		return nil
	}
	m.ranking = m.art
	msg, snap, gen := rankedMsg{art: m.art, changes: m.spanChanges}, m.a.Snapshot(), m.art.gen
	return func() tea.Msg {
		msg.r = newRank(snap, order, gen)
		return msg
	}
}

// gotRank takes a rank built in the background, unless a key built one
// meanwhile, or the spans changed since it read them: then it builds it
// again.
func (m *Model) gotRank(msg rankedMsg) tea.Cmd {
	if msg.art != m.art {
		return nil // of a document no longer on screen
	}
	m.ranking = nil
	switch {
	case m.rankFits(msg.r.order):
		return nil
	case msg.r.gen != m.art.gen || msg.changes != m.spanChanges:
		return m.rankCmd()
	}
	m.rank = msg.r
	return nil
}
