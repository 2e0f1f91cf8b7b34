package model

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestAgreementByHand compares testdata/agree/a.corefix.json (alice) and
// b.corefix.json (bob), two hand-made annotations of one 175-code-point
// text with a ’ at offset 5. The expected figures were computed by hand:
//
//	span (text order)   alice               bob
//	Trump               pending             rejected              pair 1
//	aide said / said    edited "aide told"  edited "told"         pair 2 (overlap)
//	Democrats           accepted "were"     accepted "were"       pair 3
//	Sessions            accepted "told"     edited "told"         pair 4
//	he                  edited "plans"      edited "intends"      pair 5
//	it                  —                   edited "a supplement" bob only
//	The Democrats       rejected            accepted "lost"       pair 6
//	The real story      rejected            rejected              pair 7
//	witch hunt          edited "witch-hunt" —                     alice only
//
// Span agreement (broken = accepted or edited):
//
//	alice broken: aide said, Democrats, Sessions, he, witch hunt = 5;
//	  overlapping a broken span of bob: all but witch hunt = 4 → P = 4/5
//	bob broken: said, Democrats, Sessions, he, it, The Democrats = 6;
//	  overlapping a broken span of alice: said, Democrats, Sessions, he = 4
//	  (alice rejected The Democrats) → R = 4/6 = 2/3
//	F1 = 2·(4/5)·(2/3) / (4/5 + 2/3) = (16/15) / (22/15) = 8/11 ≈ 0.7273
//
// Decision agreement on the 7 pairs:
//
//	same status: pairs 2, 3, 5, 7 → observed = 4/7
//	alice: pending 1, accepted 2, edited 2, rejected 2
//	bob:   pending 0, accepted 2, edited 3, rejected 2
//	chance = (1·0 + 2·2 + 2·3 + 2·2) / 7² = 14/49 = 2/7
//	kappa = (4/7 − 2/7) / (1 − 2/7) = (2/7) / (5/7) = 2/5 = 0.4
//
// Disagreements: pairs 1, 2 (replacement), 4, 5 (replacement), 6, and the
// lone broken spans "it" and "witch hunt": 7, in text order.
func TestAgreementByHand(t *testing.T) {
	a, err := ReadAnnotationFile("../testdata/agree/a.corefix.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadAnnotationFile("../testdata/agree/b.corefix.json")
	if err != nil {
		t.Fatal(err)
	}
	g := NewAgreement()
	if err := g.Add(a, b); err != nil {
		t.Fatal(err)
	}
	near := func(name string, got, want float64) {
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %.6f, want %.6f", name, got, want)
		}
	}
	p, _ := g.Precision()
	r, _ := g.Recall()
	f, _ := g.F1()
	near("precision", p, 4.0/5)
	near("recall", r, 2.0/3)
	near("F1", f, 8.0/11)
	k, po, pe, ok := g.Kappa()
	if !ok || g.Pairs() != 7 {
		t.Fatalf("Kappa ok=%v over %d pairs, want 7 pairs", ok, g.Pairs())
	}
	near("observed", po, 4.0/7)
	near("chance", pe, 2.0/7)
	near("kappa", k, 0.4)

	var got []string
	for _, d := range g.Disagreements {
		got = append(got, describe(d.A)+" | "+describe(d.B))
	}
	want := []string{
		`0-5 Trump pending | 0-5 Trump rejected`,
		`8-17 aide said edited "aide told" | 13-17 said edited "told"`,
		`60-68 Sessions accepted "told" | 60-68 Sessions edited "told"`,
		`84-86 he edited "plans" | 84-86 he edited "intends"`,
		`- | 97-99 it edited "a supplement"`,
		`107-120 The Democrats rejected | 107-120 The Democrats accepted "lost"`,
		`162-172 witch hunt edited "witch-hunt" | -`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("disagreements:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func describe(d *Decision) string {
	if d == nil {
		return "-"
	}
	s := fmt.Sprintf("%d-%d %s %s", d.Start, d.End, d.Text, d.Status)
	if d.Status.Changes() {
		s += fmt.Sprintf(" %q", d.Replacement)
	}
	return s
}

func TestAgreementEdgeCases(t *testing.T) {
	a, _ := ReadAnnotationFile("../testdata/agree/a.corefix.json")
	// An annotation against itself agrees perfectly.
	g := NewAgreement()
	if err := g.Add(a, a); err != nil {
		t.Fatal(err)
	}
	if f, ok := g.F1(); !ok || f != 1 {
		t.Errorf("self F1 = %v, %v; want 1", f, ok)
	}
	if k, _, _, ok := g.Kappa(); !ok || k != 1 || len(g.Disagreements) != 0 {
		t.Errorf("self kappa = %v, %v with %d disagreements; want 1, none", k, ok, len(g.Disagreements))
	}
	// Nothing shared: every figure undefined rather than a made-up 0 or 1.
	empty := NewAgreement()
	if _, ok := empty.F1(); ok {
		t.Error("F1 of nothing is defined")
	}
	if _, _, _, ok := empty.Kappa(); ok {
		t.Error("kappa of nothing is defined")
	}
	other := NewDocument("x", "", "another text")
	if err := g.Add(a, &Annotation{Doc: other}); err == nil {
		t.Error("comparing annotations of different texts succeeded")
	}
}

// TestAgreementLeavesOutPendingInBoth is a review barely started: 156
// shared spans, 3 decided, 153 left pending by both annotators. By hand,
// over the 3 decided pairs only:
//
//	pair   A         B
//	w0     accepted  accepted
//	w1     rejected  rejected
//	w2     accepted  rejected
//
//	observed = 2/3; A: accepted 2, rejected 1; B: accepted 1, rejected 2
//	chance = (2·1 + 1·2) / 3² = 4/9
//	kappa = (2/3 − 4/9) / (1 − 4/9) = (2/9) / (5/9) = 2/5
//	P = 1/2 (A's w0 matches, w2 does not), R = 1/1, F1 = 2/3
//
// Counting the 153 pending pairs as agreement gave kappa 0.831.
func TestAgreementLeavesOutPendingInBoth(t *testing.T) {
	var words []string
	var fs []Finding
	at := 0
	for i := range 156 {
		w := fmt.Sprintf("w%d", i)
		words = append(words, w)
		fs = append(fs, Finding{Start: at, End: at + len(w), Category: Overwrite, Confidence: 0.9,
			Proposals: []Proposal{{Text: "x"}}})
		at += len(w) + 1
	}
	doc := NewDocument("d", "", strings.Join(words, " "))
	annotate := func(decide func(a *Annotation) error) *Annotation {
		a, err := NewAnnotation(doc, fs, FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		if err := decide(a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := annotate(func(a *Annotation) error { return errors.Join(a.Accept(0, 0), a.Reject(1), a.Accept(2, 0)) })
	b := annotate(func(a *Annotation) error { return errors.Join(a.Accept(0, 0), a.Reject(1), a.Reject(2)) })
	g := NewAgreement()
	if err := g.Add(a, b); err != nil {
		t.Fatal(err)
	}
	if g.Pairs() != 3 || g.NotReviewed != 153 {
		t.Fatalf("pairs %d, not reviewed %d; want 3 and 153", g.Pairs(), g.NotReviewed)
	}
	k, po, pe, ok := g.Kappa()
	f, okf := g.F1()
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"observed", po, 2.0 / 3}, {"chance", pe, 4.0 / 9}, {"kappa", k, 0.4}, {"F1", f, 2.0 / 3}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.6f, want %.6f", c.name, c.got, c.want)
		}
	}
	if !ok || !okf {
		t.Errorf("kappa defined %v, F1 defined %v; want both", ok, okf)
	}
}
