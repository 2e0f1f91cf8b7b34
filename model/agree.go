package model

import "fmt"

// Agreement measures how far two annotators agree on the same documents.
// Feed it document pairs with Add, then read the figures.
//
// Span agreement compares what each annotator marked broken (accepted or
// edited spans) as precision and recall of A against B, a span matching
// when it overlaps any broken span of the other; their F1 is symmetric.
// Decision agreement is Cohen's kappa over the statuses of the spans both
// annotated (paired by overlap) and at least one of them decided, which
// corrects raw agreement for the agreement their label frequencies would
// give by chance. A pair both left pending is no agreement, only work
// neither did: counted apart (NotReviewed), it would otherwise inflate
// kappa towards 1 on a barely started review.
type Agreement struct {
	Documents int
	// BrokenA and BrokenB count the spans each marked broken; MatchedA
	// those of A overlapping a broken span of B, MatchedB the converse.
	BrokenA, BrokenB   int
	MatchedA, MatchedB int
	// Confusion counts shared span pairs by (A's status, B's status),
	// those pending in both left out.
	Confusion map[[2]Status]int
	// NotReviewed counts the shared span pairs pending in both: reviewed
	// by neither annotator.
	NotReviewed int
	// Disagreements lists, in document and text order, every shared span
	// decided differently (status or replacement) and every broken span
	// only one annotator has: the list to adjudicate.
	Disagreements []Disagreement
}

// Disagreement is one place where two annotators differ. A or B is nil
// when that annotator has no span there.
type Disagreement struct {
	DocID string
	A, B  *Decision
}

// Decision is one annotator's span and verdict, offsets in code points.
type Decision struct {
	Start, End  int
	Text        string
	Status      Status
	Replacement string
}

// NewAgreement starts an empty comparison.
func NewAgreement() *Agreement {
	return &Agreement{Confusion: make(map[[2]Status]int)}
}

// Add compares a and b, two annotations of the same text.
func (g *Agreement) Add(a, b *Annotation) error {
	if a.Doc.SHA256() != b.Doc.SHA256() {
		return fmt.Errorf("document %q: the two annotations are of different texts", a.Doc.ID)
	}
	g.Documents++
	sa, sb := a.spans.slice(), b.spans.slice()
	g.BrokenA, g.MatchedA = g.BrokenA+countBroken(sa), g.MatchedA+countMatched(sa, sb)
	g.BrokenB, g.MatchedB = g.BrokenB+countBroken(sb), g.MatchedB+countMatched(sb, sa)

	// Pair spans by overlap in one sweep: spans of one annotation never
	// overlap, so whichever ends first cannot meet a later span of the
	// other. A span overlapping two of the other's pairs with the first.
	decision := func(s Span) *Decision {
		d := a.Doc
		return &Decision{Start: d.RuneOffset(s.Start), End: d.RuneOffset(s.End), Text: d.Text[s.Start:s.End],
			Status: s.Status, Replacement: s.Replacement}
	}
	lone := func(s Span, isA bool) {
		if !s.Status.Changes() {
			return // an undecided or rejected span alone is no disagreement
		}
		dis := Disagreement{DocID: a.Doc.ID}
		if isA {
			dis.A = decision(s)
		} else {
			dis.B = decision(s)
		}
		g.Disagreements = append(g.Disagreements, dis)
	}
	i, j := 0, 0
	for i < len(sa) || j < len(sb) {
		switch {
		case j == len(sb) || (i < len(sa) && sa[i].End <= sb[j].Start):
			lone(sa[i], true)
			i++
		case i == len(sa) || sb[j].End <= sa[i].Start:
			lone(sb[j], false)
			j++
		default:
			x, y := sa[i], sb[j]
			if x.Status == Pending && y.Status == Pending {
				g.NotReviewed++
			} else {
				g.Confusion[[2]Status{x.Status, y.Status}]++
			}
			if x.Status != y.Status || x.Replacement != y.Replacement {
				g.Disagreements = append(g.Disagreements, Disagreement{DocID: a.Doc.ID, A: decision(x), B: decision(y)})
			}
			i++
			j++
		}
	}
	return nil
}

func countBroken(spans []Span) int {
	n := 0
	for _, s := range spans {
		if s.Status.Changes() {
			n++
		}
	}
	return n
}

// countMatched counts the broken spans of xs overlapping a broken span of
// ys (both sorted, non-overlapping within themselves).
func countMatched(xs, ys []Span) int {
	n, j := 0, 0
	for _, x := range xs {
		if !x.Status.Changes() {
			continue
		}
		for j < len(ys) && ys[j].End <= x.Start {
			j++
		}
		for k := j; k < len(ys) && ys[k].Start < x.End; k++ {
			if ys[k].Status.Changes() {
				n++
				break
			}
		}
	}
	return n
}

// Precision is MatchedA/BrokenA (A judged against B); ok is false when A
// marked nothing.
func (g *Agreement) Precision() (p float64, ok bool) { return ratio(g.MatchedA, g.BrokenA) }

// Recall is MatchedB/BrokenB; ok is false when B marked nothing.
func (g *Agreement) Recall() (r float64, ok bool) { return ratio(g.MatchedB, g.BrokenB) }

// F1 is the harmonic mean of Precision and Recall; ok is false when
// either is undefined.
func (g *Agreement) F1() (f float64, ok bool) {
	p, okp := g.Precision()
	r, okr := g.Recall()
	if !okp || !okr {
		return 0, false
	}
	if p+r == 0 {
		return 0, true
	}
	return 2 * p * r / (p + r), true
}

// Pairs is the number of spans both annotated and at least one decided:
// the spans kappa is computed over.
func (g *Agreement) Pairs() int {
	n := 0
	for _, c := range g.Confusion {
		n += c
	}
	return n
}

// Kappa is Cohen's kappa over the statuses of the shared spans, with the
// observed and chance agreement it comes from. ok is false when there is
// no pair or chance agreement is 1 (both used one single label), where
// kappa is undefined.
func (g *Agreement) Kappa() (kappa, observed, chance float64, ok bool) {
	n := float64(g.Pairs())
	if n == 0 {
		return 0, 0, 0, false
	}
	rowA := make(map[Status]float64)
	rowB := make(map[Status]float64)
	for k, c := range g.Confusion {
		rowA[k[0]] += float64(c)
		rowB[k[1]] += float64(c)
		if k[0] == k[1] {
			observed += float64(c)
		}
	}
	observed /= n
	for _, s := range Statuses {
		chance += rowA[s] / n * rowB[s] / n
	}
	if chance == 1 {
		return 0, observed, chance, false
	}
	return (observed - chance) / (1 - chance), observed, chance, true
}

func ratio(a, b int) (float64, bool) {
	if b == 0 {
		return 0, false
	}
	return float64(a) / float64(b), true
}
