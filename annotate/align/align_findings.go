package align

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// draft is a finding with the original tokens [a1,a2) its span stands
// for, so overlapping drafts can be joined with an exact restore.
type draft struct {
	f      model.Finding
	a1, a2 int
}

// findings turns classified substitutions into sorted, non-overlapping
// findings with proposals, safest first.
func (a *alignment) findings(subs []substitution) []model.Finding {
	verdicts := a.classify(subs)
	ds := make([]draft, 0, len(subs))
	for k, s := range subs {
		if d, ok := a.draft(s, verdicts[k]); ok {
			ds = append(ds, d)
		}
	}
	slices.SortStableFunc(ds, func(x, y draft) int { return cmp.Compare(x.f.Start, y.f.Start) })
	ds = a.joinOverlaps(ds)
	a.glue(ds)
	return sortedFindings(ds, func(d draft) model.Finding { return d.f })
}

// sortedFindings is the findings of drafts, sorted and numbered.
func sortedFindings[D any](ds []D, finding func(D) model.Finding) []model.Finding {
	out := make([]model.Finding, len(ds))
	for i, d := range ds {
		out[i] = finding(d)
	}
	model.SortFindings(out)
	return out
}

// origText is the original text of tokens [i1,i2), spacing included.
func (a *alignment) origText(i1, i2 int) string {
	if i1 >= i2 {
		return ""
	}
	return a.orig.Text[a.ot[i1].Start:a.ot[i2-1].End]
}

// docText is the resolved text of tokens [j1,j2).
func (a *alignment) docText(j1, j2 int) string {
	if j1 >= j2 {
		return ""
	}
	return a.doc.Text[a.rt[j1].Start:a.rt[j2-1].End]
}

// keptBefore reports whether the tokens just before the substitution are
// one original token kept in place.
func (a *alignment) keptBefore(s substitution) bool {
	return s.a1 > 0 && s.b1 > 0 && int(a.match[s.a1-1]) == s.b1-1
}

func (a *alignment) draft(s substitution, v verdict) (draft, bool) {
	x, y := a.origText(s.a1, s.a2), a.docText(s.b1, s.b2)
	d := draft{a1: s.a1, a2: s.a2, f: model.Finding{Rule: "align", Confidence: v.conf}}
	if s.a1 < s.a2 {
		d.f.Original = &x
	}
	if s.b1 < s.b2 {
		d.f.Start, d.f.End = int(a.rt[s.b1].Start), int(a.rt[s.b2-1].End)
	}
	msg, note := &a.rules.Messages, &a.rules.Notes
	restore := model.Proposal{Text: x, Note: note.Restore}
	switch v.kind {
	case correct:
		d.f.Category = model.Substitution
		d.f.Message = fill(msg.Substitution, x, y, "")
		d.f.Proposals = []model.Proposal{restore}
	case possessive:
		d.f.Category = model.Possessive
		d.f.Message = fill(msg.Possessive, x, y, "")
		d.f.Proposals = []model.Proposal{restore}
		if !endsWithClitic(a.rt[s.b2-1].Text(a.doc.Text)) {
			d.f.Proposals = append(d.f.Proposals, model.Proposal{Text: y + a.clitic(), Note: note.MakePossessive})
		}
	case quoted:
		d.f.Category = model.Quote
		d.f.Message = fill(msg.Quoted, x, y, "")
		d.f.Proposals = []model.Proposal{restore, {Text: x + " [" + y + "]", Note: note.BracketEntity}}
	case reformed:
		d.f.Category = model.Other
		d.f.Message = fill(msg.FormChanged, x, y, "")
		d.f.Proposals = []model.Proposal{restore}
	case inserted:
		d.f.Category = model.Other
		d.f.Message = fill(msg.Inserted, x, y, "")
		d.f.Proposals = []model.Proposal{{Text: "", Note: note.RemoveAdded}}
	case deleted:
		return a.deletion(s, v, x)
	case drifted:
		a.overwrite(&d, s, x, y)
	}
	return d, true
}

// overwrite fills in a drifted substitution: the representative landed on
// words after its mention. When the mention it was meant for is still
// visible just before it (a pronoun, a possessive, a copy of the
// representative's last word, or a determiner whose noun was overwritten),
// the span takes it in so the second proposal can put the representative
// in the mention's place and give the lost words back.
func (a *alignment) overwrite(d *draft, s substitution, x, y string) {
	d.f.Category = model.Overwrite
	d.f.Message = fill(a.rules.Messages.Drifted, x, y, "")
	d.f.Proposals = []model.Proposal{{Text: x, Note: a.rules.Notes.Restore}}
	if !a.keptBefore(s) {
		return
	}
	prev := strings.ToLower(a.ot[s.a1-1].Text(a.orig.Text))
	lastRep := strings.ToLower(a.rt[s.b2-1].Text(a.doc.Text))
	cls := a.origClass(s.a1 - 1)
	var moved string
	switch {
	case cls == lexicon.Poss && (!a.rules.words.possOrObj.HasLower(prev) || a.determinerNext(s.a1-1)):
		moved = y + a.clitic() + a.orig.Text[a.ot[s.a1-1].End:a.ot[s.a2-1].End]
	case cls == lexicon.Subj || cls == lexicon.Obj || cls == lexicon.ItYou || prev == lastRep:
		moved = y + a.orig.Text[a.ot[s.a1-1].End:a.ot[s.a2-1].End]
	case cls == lexicon.Det && s.a2-s.a1 > 1:
		// The mention was the determiner and all but the last replaced
		// token: the slice has the mention's length, shifted by one.
		moved = y + a.orig.Text[a.ot[s.a2-2].End:a.ot[s.a2-1].End]
	default:
		return
	}
	d.a1--
	d.f.Start = int(a.rt[s.b1-1].Start)
	full := a.origText(s.a1-1, s.a2)
	d.f.Proposals = []model.Proposal{{Text: full, Note: a.rules.Notes.Restore}}
	if moved != full {
		d.f.Proposals = append(d.f.Proposals, model.Proposal{Text: moved, Note: a.rules.Notes.MoveResolution})
	}
}

// deletion attaches words lost without replacement to the kept token
// before them (or after them at the start of the text): spans are never
// empty.
func (a *alignment) deletion(s substitution, v verdict, x string) (draft, bool) {
	d := draft{f: model.Finding{Rule: "align", Confidence: v.conf, Category: model.Overwrite, Original: &x,
		Message: fill(a.rules.Messages.Deleted, x, "", "")}}
	switch {
	case s.b1 > 0 && s.a1 > 0 && int(a.back[s.b1-1]) == s.a1-1:
		d.a1, d.a2 = s.a1-1, s.a2
		d.f.Start, d.f.End = int(a.rt[s.b1-1].Start), int(a.rt[s.b1-1].End)
	case s.b2 < len(a.rt) && s.a2 < len(a.ot) && int(a.back[s.b2]) == s.a2:
		d.a1, d.a2 = s.a1, s.a2+1
		d.f.Start, d.f.End = int(a.rt[s.b2].Start), int(a.rt[s.b2].End)
	default:
		return draft{}, false // nothing kept to attach to: the pairing check refuses such texts
	}
	d.f.Proposals = []model.Proposal{{Text: a.origText(d.a1, d.a2), Note: a.rules.Notes.Restore}}
	return d, true
}

// joinOverlaps merges drafts whose spans touch the same bytes (two
// deletions attached to one kept token): the joined finding restores the
// original words of both.
func (a *alignment) joinOverlaps(ds []draft) []draft {
	out := make([]draft, 0, len(ds)) // drafts are large: grown, they cost a copy each

	for _, d := range ds {
		if n := len(out); n > 0 && out[n-1].f.End > d.f.Start {
			p := &out[n-1]
			p.f.End = max(p.f.End, d.f.End)
			p.a1, p.a2 = min(p.a1, d.a1), max(p.a2, d.a2)
			p.f.Confidence = max(p.f.Confidence, d.f.Confidence)
			x := a.origText(p.a1, p.a2)
			p.f.Original = &x
			p.f.Message = fill(a.rules.Messages.Overlap, "", "", p.f.Message)
			p.f.Proposals = []model.Proposal{{Text: x, Note: a.rules.Notes.Restore}}
			continue
		}
		out = append(out, d)
	}
	return out
}

// glue makes each restore give back the original's spacing at its edges.
// A pipeline writes its list with a space between cells, so where the
// original had none ("country's", "said. If") the resolved text has one
// before or after the span: the span then takes that space in, and the
// proposals that put the representative back keep it. A space already
// taken by the finding before is not taken again. Where the original had
// a space the resolved text lacks, the restore brings it back.
func (a *alignment) glue(ds []draft) {
	for i := range ds {
		d := &ds[i]
		if d.a1 >= d.a2 {
			continue
		}
		restore := a.origText(d.a1, d.a2)
		if d.a1 > 0 {
			og := a.orig.Text[a.ot[d.a1-1].End:a.ot[d.a1].Start]
			switch dg := a.docGapBefore(d.f.Start); {
			case og == "" && dg > 0 && (i == 0 || ds[i-1].f.End <= d.f.Start-dg):
				a.widen(d, restore, d.f.Start-dg, d.f.End)
			case og != "" && dg == 0:
				a.respace(d, restore, og, "")
				restore = og + restore
			}
		}
		if d.a2 < len(a.ot) {
			og := a.orig.Text[a.ot[d.a2-1].End:a.ot[d.a2].Start]
			switch dg := a.docGapAfter(d.f.End); {
			case og == "" && dg > 0 && (i+1 == len(ds) || d.f.End+dg <= ds[i+1].f.Start):
				a.widen(d, restore, d.f.Start, d.f.End+dg)
			case og != "" && dg == 0:
				a.respace(d, restore, "", og)
			}
		}
	}
}

// widen moves d's span to [start,end), around whitespace only: the restore
// is unchanged, the other proposals take the whitespace along.
func (a *alignment) widen(d *draft, restore string, start, end int) {
	before, after := a.doc.Text[start:d.f.Start], a.doc.Text[d.f.End:end]
	for k, p := range d.f.Proposals {
		if p.Text != restore {
			d.f.Proposals[k].Text = before + p.Text + after
		}
	}
	d.f.Start, d.f.End = start, end
}

// respace puts the original's whitespace around d's restore.
func (a *alignment) respace(d *draft, restore, before, after string) {
	for k, p := range d.f.Proposals {
		if p.Text == restore {
			d.f.Proposals[k].Text = before + p.Text + after
		}
	}
}

// docGapBefore is the length of the whitespace between the resolved token
// starting at byte i and the one before it; -1 when no token starts there
// or none is before it.
func (a *alignment) docGapBefore(i int) int {
	k := sort.Search(len(a.rt), func(k int) bool { return int(a.rt[k].Start) >= i })
	if k == 0 || k == len(a.rt) || int(a.rt[k].Start) != i {
		return -1
	}
	return i - int(a.rt[k-1].End)
}

// docGapAfter is the length of the whitespace between the resolved token
// ending at byte i and the one after it; -1 when no token ends there or
// none is after it.
func (a *alignment) docGapAfter(i int) int {
	k := sort.Search(len(a.rt), func(k int) bool { return int(a.rt[k].End) >= i })
	if k+1 >= len(a.rt) || int(a.rt[k].End) != i {
		return -1
	}
	return int(a.rt[k+1].Start) - i
}

// clitic is the possessive ’s written the way the document writes it:
// curly or straight, split off by a space (tokenised corpora) or not.
func (a *alignment) clitic() string {
	if a.possessiveS == "" {
		a.possessiveS = lexicon.CliticStyle(a.doc.Text)
	}
	return a.possessiveS
}
