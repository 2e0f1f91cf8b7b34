package detect

import (
	"strings"
	"testing"

	"corefix/annotate/fluency"
	"corefix/model"
)

// Regions make the fluency profile a stretch at a time as their windows
// read it: read in any order, each token's value is the whole pass's to
// the bit, and reading on in order with the values behind let go holds
// a few stretches, not the text's.
func TestProfileByStretches(t *testing.T) {
	var b strings.Builder
	for _, name := range sortedKeys(regionTexts(t)) {
		b.WriteString(regionTexts(t)[name])
		b.WriteString("\n\n")
		if b.Len() > 40*profileStride*5 {
			break
		}
	}
	doc := model.NewDocument("long", "", b.String())
	m := fluency.Default()
	toks := doc.Tokens()
	if len(toks) < 8*profileStride {
		t.Fatalf("%d tokens: too few to cross eight stretches", len(toks))
	}
	want := m.Profile(doc.Text, toks, 0, len(toks))
	fresh := func() *Analysis {
		a := analyzeHolding(doc, shippedRules(), false)
		a.fluency = m
		a.readStretches()
		return a
	}
	n := len(toks)
	for name, order := range orders(n) {
		a := fresh()
		for _, k := range order {
			if got := a.profileAt(k); got != want[k] {
				t.Fatalf("%s: token %d = %v, want %v", name, k, got, want[k])
			}
		}
	}
	// Leaping: the stride after the middle first, then each window's
	// tokens back and forth, as a region's candidates read them.
	a := fresh()
	for _, k := range []int{n/2 + profileStride, 3, n - 1, n / 2, profileStride - 1, profileStride} {
		if got := a.profileAt(k); got != want[k] {
			t.Fatalf("leaping: token %d = %v, want %v", k, got, want[k])
		}
	}
	// Reading on, then back, a window of 200 tokens at a time: the values
	// held are those of the window's stretches.
	a = fresh()
	read := func(way string, k int) {
		lo, hi := max(0, k-100), k+100
		a.prof.keep(lo, hi)
		if p := a.prof; len(p.vals) > 0 && (p.lo < lo/profileStride*profileStride || p.lo+len(p.vals) > (hi/profileStride+1)*profileStride) {
			t.Fatalf("%s: tokens %d to %d held for a window of %d to %d", way, p.lo, p.lo+len(p.vals), lo, hi)
		}
		for j := lo; j < min(n, hi); j++ {
			if got := a.profileAt(j); got != want[j] {
				t.Fatalf("%s: token %d = %v, want %v", way, j, got, want[j])
			}
		}
	}
	for k := 0; k < n; k += 150 {
		read("reading on", k)
	}
	for k := n - 1; k >= 0; k -= 150 {
		read("reading back", k)
	}
	if len(a.prof.marks) != (n+profileStride-1)/profileStride {
		t.Errorf("%d marks for %d tokens, want one a stretch", len(a.prof.marks), n)
	}
	if p := (&Analysis{doc: doc, toks: toks, fluency: m}); p.profileAt(-1) != 0 || p.profileAt(n) != 0 || p.profileAt(n/3) != want[n/3] {
		t.Error("a document judged whole: its profile, 0 outside the text")
	}
}
