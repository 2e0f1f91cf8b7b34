package align

import (
	"strconv"
	"strings"

	"corefix/annotate/lexicon"
	"corefix/annotate/resolve"
	"corefix/model"
)

// WithClusters is exact mode when the pipeline's clusters are known: ct
// holds them, matched onto orig's text. It replays the pipeline
// (resolve.Replay) and explains every piece that changed the text
// exactly — the mention each representative was meant for, where it
// landed and the words it overwrote — with the original words as the
// first proposal, so applying every first proposal gives the original
// back. When no pipeline corefix knows gives doc from these clusters, the
// findings are Align's; replayed says which it was.
func WithClusters(orig, doc *model.Document, ct *model.CorefText) (fs []model.Finding, replayed bool, err error) {
	r, err := shippedRules()
	if err != nil {
		return nil, false, err
	}
	rp, ok := resolve.Replay(ct, doc.Text)
	if !ok {
		fs, err := Align(orig, doc)
		return fs, false, err
	}
	x := &replayExplainer{rules: r, ct: ct, rp: rp, doc: doc, words: resolve.NewWords(ct.Doc)}
	return x.findings(), true, nil
}

// replayExplainer turns a replayed pipeline into findings.
type replayExplainer struct {
	rules *rules
	ct    *model.CorefText
	rp    *resolve.Replayed
	doc   *model.Document
	words *resolve.Words
}

// replayDraft is a finding with the original words [a1, a2) it stands
// for and the pieces [k1, k2] it covers.
type replayDraft struct {
	f      model.Finding
	a1, a2 int
	k1, k2 int
}

func (x *replayExplainer) findings() []model.Finding {
	var ds []replayDraft
	for k, p := range x.rp.Pieces {
		if p.Changed() && !x.rp.Unchanged(x.ct, p) {
			ds = append(ds, x.draft(k))
		}
	}
	for i := range ds {
		x.glue(ds, i)
	}
	return sortedFindings(ds, func(d replayDraft) model.Finding { return d.f })
}

// origText is the original text of words [a1, a2).
func (x *replayExplainer) origText(a1, a2 int) string {
	return x.ct.Text[x.ct.Words[a1].Start:x.ct.Words[a2-1].End]
}

// draft explains piece k.
func (x *replayExplainer) draft(k int) replayDraft {
	p := x.rp.Pieces[k]
	sub := x.rp.Subs[p.Sub]
	span := x.rp.Spans[k]
	orig, res := x.origText(p.Lo, p.Hi), x.doc.Text[span.Start:span.End]
	d := replayDraft{a1: p.Lo, a2: p.Hi, k1: k, k2: k,
		f: model.Finding{Start: span.Start, End: span.End, Rule: "align", Confidence: x.rules.Verdicts.Replayed.Value}}
	msg, note := &x.rules.Messages, &x.rules.Notes
	restore := model.Proposal{Text: orig, Note: note.Restore}
	d.f.Proposals = []model.Proposal{restore}
	covered := model.TokenSpan{Start: p.Lo, End: p.Hi}
	category := model.Overwrite
	switch {
	case covered != sub.Target:
	case x.rp.Pipeline.Placement == resolve.Corefix:
		category = model.Substitution
	default:
		category = x.words.Effect(sub.Rep, sub.Target, false)
		// "her" before no content word, where no tag says, is most likely
		// the object: a representative with ’s made it a possessive (form
		// changed); a bare one is flagged just above the line, as Align
		// does, since "her" may still have been the possessive.
		if x.words.Possessive(sub.Target) && !x.words.Possessor(sub.Target) {
			if x.words.Possessive(sub.Rep) {
				category = model.Other
			} else {
				d.f.Confidence = x.rules.Verdicts.PossessiveOrObject.Value
			}
		}
	}
	d.f.Category = category
	switch category {
	case model.Overwrite:
		d.f.Message = fillMention(msg.Replayed, orig, res, x.origText(sub.Target.Start, sub.Target.End))
		x.moveBack(&d, sub, res)
	case model.Substitution:
		d.f.Message = fill(msg.Substitution, orig, res, "")
		d.f.Confidence = x.rules.Verdicts.Correct.Value
	case model.Possessive:
		d.f.Message = fill(msg.Possessive, orig, res, "")
		d.f.Proposals = append(d.f.Proposals, model.Proposal{Text: res + lexicon.CliticStyle(x.doc.Text), Note: note.MakePossessive})
	case model.Quote:
		d.f.Message = fill(msg.Quoted, orig, res, "")
		d.f.Proposals = append(d.f.Proposals, model.Proposal{Text: orig + " [" + res + "]", Note: note.BracketEntity})
	default:
		d.f.Message = fill(msg.FormChanged, orig, res, "")
	}
	original := x.origText(d.a1, d.a2)
	d.f.Original = &original
	return d
}

// moveBack widens an overwrite whose mention stands untouched just
// before it (with only untouched words between) to take the mention in,
// so its second proposal can put the representative in the mention's
// place and give the lost words back.
func (x *replayExplainer) moveBack(d *replayDraft, sub resolve.Sub, res string) {
	t := sub.Target
	if t.End > d.a1 {
		return
	}
	k := d.k1
	for k > 0 && x.rp.Pieces[k-1].Hi > t.Start {
		k--
		if x.rp.Pieces[k].Changed() {
			return
		}
	}
	if x.rp.Pieces[k].Lo != t.Start {
		return
	}
	d.k1, d.a1 = k, t.Start
	d.f.Start = x.rp.Spans[k].Start
	full := x.origText(d.a1, d.a2)
	moved := res + x.ct.Text[x.ct.Words[t.End-1].End:x.ct.Words[d.a2-1].End]
	d.f.Proposals = []model.Proposal{{Text: full, Note: x.rules.Notes.Restore}}
	if moved != full {
		d.f.Proposals = append(d.f.Proposals, model.Proposal{Text: moved, Note: x.rules.Notes.MoveResolution})
	}
}

// glue gives draft i the original's spacing at its edges: where the
// original has white space before (or after) it and the resolved text
// none, or the other way round ("country’s" written "country ’s"), the
// span takes the resolved text's in and the restore writes the
// original's, the other proposals keeping the resolved one. The space
// between two findings goes to the later.
func (x *replayExplainer) glue(ds []replayDraft, i int) {
	d := &ds[i]
	words, n := x.ct.Words, len(x.ct.Words)
	restore := d.f.Proposals[0].Text
	before, after := "", ""
	if prev := x.spanBefore(d.k1); d.a1 > 0 && prev >= 0 {
		if og, dg := x.ct.Text[words[d.a1-1].End:words[d.a1].Start], x.doc.Text[prev:d.f.Start]; (og == "") != (dg == "") {
			before, restore = dg, og+restore
			d.f.Start = prev
		}
	}
	next, nextChanged := x.spanAfter(d.k2)
	if d.a2 < n && next >= 0 && !nextChanged {
		if og, dg := x.ct.Text[words[d.a2-1].End:words[d.a2].Start], x.doc.Text[d.f.End:next]; (og == "") != (dg == "") {
			after, restore = dg, restore+og
			d.f.End = next
		}
	}
	for k := range d.f.Proposals {
		if k == 0 {
			d.f.Proposals[k].Text = restore
			continue
		}
		d.f.Proposals[k].Text = before + d.f.Proposals[k].Text + after
	}
}

// spanBefore is where the last piece before piece k that wrote something
// ends in the resolved text, -1 when there is none.
func (x *replayExplainer) spanBefore(k int) int {
	for j := k - 1; j >= 0; j-- {
		if s := x.rp.Spans[j]; s.End > s.Start {
			return s.End
		}
	}
	return -1
}

// spanAfter is where the first piece after piece k that wrote something
// starts, -1 when there is none, and whether a finding starts there.
func (x *replayExplainer) spanAfter(k int) (int, bool) {
	for j := k + 1; j < len(x.rp.Pieces); j++ {
		if s := x.rp.Spans[j]; s.End > s.Start {
			p := x.rp.Pieces[j]
			return s.Start, p.Changed() && !x.rp.Unchanged(x.ct, p)
		}
	}
	return -1, false
}

// fillMention writes a template that may name the mention a
// representative was meant for ({mention}).
func fillMention(template, original, resolution, mention string) string {
	return fill(strings.ReplaceAll(template, phMention, strconv.Quote(mention)), original, resolution, "")
}
