package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"

	"corefix/model"
)

// enableKeys disables the bindings that cannot act now, each with the
// reason a press of it gets (see unhandled), so the help only offers what
// works and a key that does not work says why.
func (m *Model) enableKeys() {
	k := &m.keys
	m.why = make(map[key.Help]string)
	enable := func(b *key.Binding, ok bool, why string) {
		b.SetEnabled(ok)
		if !ok {
			m.why[b.Help()] = why
		}
	}
	noFocus := "no finding on screen — n goes to the next one"
	switch {
	case m.load != nil:
		noFocus = "your decisions are still being read — read on meanwhile"
	case m.waiting():
		noFocus = "the spans are still being found — read on meanwhile"
	case m.a.Len() == 0:
		noFocus = "there are no findings — m marks a span the detector missed"
	}
	has := m.focus >= 0
	var s model.Span
	if has {
		s = m.a.Span(m.focus)
	}
	for _, b := range []*key.Binding{&k.Reject, &k.Edit, &k.Note, &k.Accept, &k.Choose, &k.Reset, &k.Antecedent} {
		enable(b, has, noFocus)
	}
	if has {
		enable(&k.Accept, len(s.Proposals) > 0, s.ID+" has no proposals — e to type a fix")
		enable(&k.Choose, len(s.Proposals) > 0, s.ID+" has no proposals — e to type a fix")
		enable(&k.Reset, s.Status != model.Pending, s.ID+" is pending already")
		enable(&k.Antecedent, m.ents != nil, m.noEntities())
	}
	for _, b := range []*key.Binding{&k.Next, &k.Prev} {
		enable(b, m.a.Len() > 0, noFocus)
	}
	switch {
	case m.docs == nil:
		why := "moves between the documents of a dataset; this is a single file"
		enable(&k.NextDoc, false, why)
		enable(&k.PrevDoc, false, why)
	default:
		enable(&k.NextDoc, m.want < m.docs.Len()-1, fmt.Sprintf("this is the last document (%d of %d)", m.want+1, m.docs.Len()))
		enable(&k.PrevDoc, m.want > 0, "this is the first document")
	}
	enable(&k.ForceSave, errors.Is(m.saveErr, model.ErrChangedOnDisk),
		"overwrites the file only after another program changed it; nothing to overwrite — s saves")
	enable(&k.Undo, m.a.CanUndo(), "nothing to undo")
	enable(&k.Redo, m.a.CanRedo(), "nothing to redo")
	saveWhy := "nothing to save before the spans are here"
	if m.detect != nil {
		saveWhy = m.detect.saveWhy()
	}
	enable(&k.Save, !m.waiting(), saveWhy)
	enable(&k.Mark, !m.waiting(), "the spans are not all here yet; a mark waits for them")
	if m.target.ReadOnly() {
		for _, b := range k.decisions() {
			enable(b, false, fmt.Sprintf("read-only: no decisions here — %s stays as it is", m.target.Name()))
		}
	}
	if p, ok := m.mode.(*paneMode); ok && p.atEnd() {
		k.More.SetHelp("?/space", "close")
	} else {
		k.More.SetHelp("?/space", "next page")
	}
}

// noEntities says why the antecedent panel has nothing to show.
func (m *Model) noEntities() string {
	if m.entsLoading {
		return "still looking for the entities of this document"
	}
	return "this editor was opened without a mention analysis"
}
