package detect

import (
	"math"

	"corefix/annotate/fluency"
)

// The fluency profile (fluency.Model.Profile) of a document judged whole
// is computed once and held, as its factors (fluency.Model.Factors): the
// judge reads about one token in ten, so it takes the logs of those it
// reads. Regions hold none of it (at 20 MB it was 30 MB for every
// region): a window makes the stretch its candidates read as it reads on,
// from the forward pass's state before it, the same values to the bit,
// and keeps that state every profileStride tokens to make a stretch again
// when an earlier region is asked for.

// profileStride is how many tokens apart Regions keep the profile's
// marks: a stretch made again starts at most this many tokens before
// the token read.
const profileStride = 1024

// tokenProfile is the fluency profile the judge reads, token by token.
type tokenProfile struct {
	// marks[b] is the pass's state before token b·profileStride, as far
	// as the text was read (Regions); nil for a document judged whole.
	marks []fluency.Mark
	lo    int // vals[k-lo] is token k's factor, the exponential of its profile
	vals  []float64
}

// profileAt is the profile of token k, 0 outside the text.
func (a *Analysis) profileAt(k int) float64 {
	if k < 0 || k >= len(a.toks) {
		return 0
	}
	p := &a.prof
	if k < p.lo || k >= p.lo+len(p.vals) {
		p.cover(a, k)
	}
	return math.Log(p.vals[k-p.lo])
}

// readStretches makes a's profile one made a stretch at a time as it is
// read (Regions).
func (a *Analysis) readStretches() {
	a.prof = tokenProfile{marks: []fluency.Mark{a.fluency.ProfileStart()}}
}

// cover makes the profile of token k: of every token for a document
// judged whole, else the stretch holding k, appended to the values held
// when it borders them (a window's candidates read a run of text) and in
// their place when not.
func (p *tokenProfile) cover(a *Analysis, k int) {
	if p.marks == nil {
		p.lo, p.vals = 0, a.fluency.Factors(a.doc.Text, a.toks, 0, len(a.toks))
		return
	}
	b := k / profileStride
	for len(p.marks) <= b { // a region further on than any read yet
		p.stretch(a, len(p.marks)-1, nil)
	}
	lo := b * profileStride
	hi := min(len(a.toks), lo+profileStride)
	switch {
	case len(p.vals) > 0 && lo == p.lo+len(p.vals):
		p.vals = p.stretch(a, b, p.vals)
	case len(p.vals) > 0 && hi == p.lo:
		p.vals = append(p.stretch(a, b, nil), p.vals...)
		p.lo = lo
	default:
		p.lo, p.vals = lo, p.stretch(a, b, p.vals[:0])
	}
}

// stretch appends the factors of the b-th stretch of profileStride
// tokens to out, keeping the mark after it when none was.
func (p *tokenProfile) stretch(a *Analysis, b int, out []float64) []float64 {
	lo := b * profileStride
	out, next := a.fluency.FactorsFrom(a.doc.Text, a.toks, p.marks[b], lo, lo+profileStride, out)
	if b+1 == len(p.marks) && lo+profileStride < len(a.toks) {
		p.marks = append(p.marks, next)
	}
	return out
}

// keep lets the values outside the stretches of tokens lo to hi go: a
// window reads about those, and regions read in order read on from
// there, so at most a few stretches are held whichever way the regions
// are read.
func (p *tokenProfile) keep(lo, hi int) {
	start, end := lo/profileStride*profileStride, (hi/profileStride+1)*profileStride
	if d := start - p.lo; d > 0 {
		p.vals = p.vals[:copy(p.vals, p.vals[min(d, len(p.vals)):])]
		p.lo = start
	}
	if n := end - p.lo; n < len(p.vals) {
		p.vals = p.vals[:max(0, n)]
	}
}
