package detect

import (
	"slices"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
)

// The fluency profile (fluency.Model.Profile) of a document judged whole
// is computed once and held. Regions hold none of it: at 20 MB it was 30
// MB for every region. Their pass keeps the forward pass's mark every
// profileStride tokens and, while it lasts, the values the pronoun check
// reads; a window recomputes the stretch its candidates read from the
// mark before it, the same values to the bit.

// profileStride is how many tokens apart Regions keep the profile's
// marks: a window recomputes at most this many tokens before its first.
const profileStride = 1024

// tokenProfile is the fluency profile the judge reads, token by token.
type tokenProfile struct {
	marks []fluency.Mark // the pass's state before every profileStride-th token (Regions), nil for a document judged whole
	lo    int            // vals[k-lo] is token k's profile
	vals  []float64
	// kept are the values of the tokens in at, sorted, outside vals:
	// the Regions' pass keeps those oddPronouns reads.
	at   []int32
	kept []float64
}

// profileAt is the profile of token k, 0 outside the text.
func (a *Analysis) profileAt(k int) float64 {
	if k < 0 || k >= len(a.toks) {
		return 0
	}
	p := &a.prof
	if k >= p.lo && k < p.lo+len(p.vals) {
		return p.vals[k-p.lo]
	}
	if n, ok := slices.BinarySearch(p.at, int32(k)); ok {
		return p.kept[n]
	}
	p.cover(a, k)
	return p.vals[k-p.lo]
}

// cover computes the profile of token k: of every token for a document
// judged whole, else the stride holding k, appended to the values held
// when it borders them (a window's candidates read a stretch of text)
// and in their place when not.
func (p *tokenProfile) cover(a *Analysis, k int) {
	if p.marks == nil {
		p.lo, p.vals = 0, a.fluency.Profile(a.doc.Text, a.toks, 0, len(a.toks))
		return
	}
	lo := k / profileStride * profileStride
	hi := min(len(a.toks), lo+profileStride)
	from := func(lo, hi int, out []float64) []float64 {
		return a.fluency.ProfileFrom(a.doc.Text, a.toks, p.marks[lo/profileStride], lo, hi, out)
	}
	switch {
	case len(p.vals) > 0 && lo == p.lo+len(p.vals):
		p.vals = from(lo, hi, p.vals)
	case len(p.vals) > 0 && hi == p.lo:
		p.vals = append(from(lo, hi, nil), p.vals...)
		p.lo = lo
	default:
		p.lo, p.vals = lo, from(lo, hi, p.vals[:0])
	}
}

// forget lets the values held go (a window's, which the next window
// mostly does not read), keeping their buffer.
func (p *tokenProfile) forget() { p.vals = p.vals[:0] }

// markedProfile makes the document's profile and returns only its marks
// and the values of pronouns and the tokens after them (oddPronouns'),
// which Regions let go once oddPronouns has read them (dropKept). It reads
// only what analyze made, so it runs beside the rest of the pass.
func (a *Analysis) markedProfile() tokenProfile {
	var p tokenProfile
	p.marks = a.fluency.ProfileMarks(a.doc.Text, a.toks, profileStride, func(lo int, vals []float64) {
		for k, v := range vals {
			if t := lo + k; isPronounOrAfter(a, t) {
				p.at = append(p.at, int32(t))
				p.kept = append(p.kept, v)
			}
		}
	})
	return p
}

// isPronounOrAfter reports whether token t is a pronoun or follows one.
func isPronounOrAfter(a *Analysis, t int) bool {
	return lexicon.IsPronoun(a.cls[t]) || t > 0 && lexicon.IsPronoun(a.cls[t-1])
}

// dropKept lets the pass's kept values go.
func (p *tokenProfile) dropKept() { p.at, p.kept = nil, nil }
