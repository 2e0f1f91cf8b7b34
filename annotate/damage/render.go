package damage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/annotate/resolve"
	"corefix/model"
)

// render writes the pieces out and records, for each that changed the
// text, a gold span with the words it stands in for.
func (d *damager) render(ps []resolve.Piece, subs []*substitution) *Result {
	for i, p := range ps {
		if p.Changed() && d.words(subs[p.Sub].rep.span) == d.words(model.TokenSpan{Start: p.Lo, End: p.Hi}) {
			ps[i].Sub = -1 // the representative is the mention itself: nothing changed
		}
	}
	var out strings.Builder
	res := &Result{Original: d.words(model.TokenSpan{Start: 0, End: len(d.doc.Tokens)})}
	for i, p := range ps {
		lead := out.Len() // where this piece's gold span starts
		if i > 0 {
			sep, inserted := d.between(ps[i-1], p)
			out.WriteString(sep)
			// A space the original did not have belongs to the gold span
			// of the words that caused it, so writing the gold back gives
			// the original byte for byte.
			switch {
			case !inserted:
				lead = out.Len()
			case !p.Changed() || d.wordlike(p.Lo):
				res.Gold[len(res.Gold)-1].End = out.Len()
				lead = out.Len()
			}
		}
		covered := model.TokenSpan{Start: p.Lo, End: p.Hi}
		if !p.Changed() {
			out.WriteString(d.words(covered))
			continue
		}
		sub := subs[p.Sub]
		out.WriteString(d.words(sub.rep.span))
		res.Gold = append(res.Gold, model.GoldEdit{Start: lead, End: out.Len(),
			Category: d.category(sub, covered), Original: d.words(covered)})
	}
	res.Resolved = out.String()
	return res
}

// words writes the tokens of s, spaced as the output is.
func (d *damager) words(s model.TokenSpan) string {
	var b strings.Builder
	for i := s.Start; i < s.End; i++ {
		b.WriteString(d.doc.Tokens[i].Form)
		if i < s.End-1 {
			b.WriteString(d.after(i))
		}
	}
	return b.String()
}

// after is what follows token i inside a stretch of the source's words:
// one space in tokenised text, the source's spacing in prose.
func (d *damager) after(i int) string {
	if d.cfg.Prose && !d.doc.Tokens[i].SpaceAfter {
		return ""
	}
	return " "
}

// between is what separates two pieces, and whether it is a space the
// original did not have there. In prose the source's spacing holds,
// except that words written over punctuation that clung to its neighbour
// ("country|.", "(|For") do not cling: "country the United States".
func (d *damager) between(a, b resolve.Piece) (sep string, inserted bool) {
	if d.after(a.Hi-1) == " " {
		return " ", false
	}
	if a.Changed() && !d.wordlike(a.Hi-1) || b.Changed() && !d.wordlike(b.Lo) {
		return " ", true
	}
	return "", false
}

// wordlike reports whether token i starts with a letter or digit.
func (d *damager) wordlike(i int) bool {
	r, _ := utf8.DecodeRuneInString(d.doc.Tokens[i].Form)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
