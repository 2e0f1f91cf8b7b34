package align

import (
	"corefix/annotate/detect"
	"corefix/annotate/diff"
	"corefix/annotate/lexicon"
	"corefix/model"
)

// Align compares doc, a coreference-resolved article, with orig, the same
// article before substitution, and explains every difference: a correct
// substitution at a mention (category substitution, below the broken
// threshold, listed so an editor can check the entity), a possessive
// turned into a bare mention, a substitution that drifted and overwrote
// other words (the lost words in Original), or a change inside a direct
// quotation. Proposals come safest first: restore the original words, then
// keep the resolution where it belongs.
//
// Findings are sorted, never overlap and never have empty spans. When the
// two texts are not an original and its resolution (another article, other
// tokenisation), Align returns one error saying so
// instead of hundreds of findings; it also fails when the embedded rules
// do not load.
func Align(orig, doc *model.Document) ([]model.Finding, error) {
	a, err := paired(orig, doc)
	if err != nil {
		return nil, err
	}
	return a.findings(a.substitutions()), nil
}

// CheckPairing returns the error Align returns when orig and doc are not
// an original and its resolution, without explaining their differences:
// for an annotation made earlier of doc, resumed with orig given now.
func CheckPairing(orig, doc *model.Document) error {
	_, err := paired(orig, doc)
	return err
}

// paired aligns orig with doc and checks that they pair.
func paired(orig, doc *model.Document) (*alignment, error) {
	r, err := shippedRules()
	if err != nil {
		return nil, err
	}
	a := newAlignment(orig, doc, r)
	return a, a.checkPairing()
}

// alignment is the token-level alignment of an original (o) and its
// resolved text (r).
type alignment struct {
	rules     *rules // what the alignment is tuned by, read-only
	orig, doc *model.Document
	ot, rt    []model.Token
	oid, rid  []int32 // token IDs: equal text, equal ID
	texts     []string
	match     []int32 // orig token → resolved token, or -1
	back      []int32 // resolved token → orig token, or -1

	possessiveS string             // the document's way of writing ’s, found on first use
	origIndex   func([]int32) int  // where a token sequence first occurs in the original, or -1
	inOrig      func([]int32) bool // whether it occurs there at all
	docAn       *detect.Analysis   // the resolved text's word classes, built on first use
	origCls     []lexicon.Class    // the original's word classes, built on first use
	nHunks      int                // how many hunks the last call of hunks found: the next's capacity
	differ      diff.Differ        // scratch for the many small diffs after the first
}

func newAlignment(orig, doc *model.Document, r *rules) *alignment {
	a := &alignment{rules: r, orig: orig, doc: doc, ot: orig.Tokens(), rt: doc.Tokens()}
	// Tokens that differ only in their quotes or dashes are one word
	// (foldTypography).
	ids := make(map[string]int32)
	intern := func(s string) int32 {
		key := foldTypography(s)
		id, ok := ids[key]
		if !ok {
			id = int32(len(a.texts))
			ids[key] = id
			a.texts = append(a.texts, s)
		}
		return id
	}
	a.oid = make([]int32, len(a.ot))
	for i, t := range a.ot {
		a.oid[i] = intern(t.Text(orig.Text))
	}
	a.rid = make([]int32, len(a.rt))
	for i, t := range a.rt {
		a.rid[i] = intern(t.Text(doc.Text))
	}
	a.match = diff.Tokens(a.oid, a.rid, len(a.texts))
	a.back = make([]int32, len(a.rt))
	a.syncBack()
	a.reDiffShortAnchors()
	a.slideKept()
	a.origIndex = indexIn(a.oid, len(a.texts))
	a.inOrig = func(ids []int32) bool { return a.origIndex(ids) >= 0 }
	return a
}

// syncBack recomputes back from match.
func (a *alignment) syncBack() {
	for j := range a.back {
		a.back[j] = -1
	}
	for i, j := range a.match {
		if j >= 0 {
			a.back[j] = int32(i)
		}
	}
}

// hunk is a maximal difference between two matched tokens: original
// tokens [a1,a2) became resolved tokens [b1,b2). Either side may be empty,
// not both.
type hunk struct{ a1, a2, b1, b2 int }

// hunks lists the differences of the current alignment in text order.
func (a *alignment) hunks() []hunk {
	out := make([]hunk, 0, a.nHunks+a.nHunks/8)
	i, j := 0, 0
	for i < len(a.ot) || j < len(a.rt) {
		if i < len(a.ot) && a.match[i] >= 0 && int(a.match[i]) == j {
			i, j = i+1, j+1
			continue
		}
		h := hunk{a1: i, b1: j}
		for i < len(a.ot) && a.match[i] < 0 {
			i++
		}
		for j < len(a.rt) && a.back[j] < 0 {
			j++
		}
		h.a2, h.b2 = i, j
		out = append(out, h)
	}
	a.nHunks = len(out)
	return out
}

// matched counts the aligned token pairs.
func (a *alignment) matched() int {
	n := 0
	for _, j := range a.match {
		if j >= 0 {
			n++
		}
	}
	return n
}
