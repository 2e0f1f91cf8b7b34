package detect

import (
	"testing"

	"corefix/model"
)

// judgeFindings fills only the features it reads: each candidate it rates
// has every feature a trainer sees (judgeCandidates with every set), and
// each it passes over has what its neighbours read of it (fillSide), in
// drifting and in clean documents alike.
func TestRatedFeaturesAreEvery(t *testing.T) {
	rated, over := 0, 0
	for _, name := range sortedKeys(regionTexts(t)) {
		doc := model.NewDocument(name, "", regionTexts(t)[name])
		a := analyze(doc, shippedRules())
		all := a.judgeCandidates(nil, true)
		some := a.judgeCandidates(nil, false)
		if len(all) != len(some) {
			t.Fatalf("%s: %d candidates, %d with every feature", name, len(some), len(all))
		}
		drifting := a.drifting()
		for k := range all {
			c, want := &some[k], &all[k]
			if a.passesOver(c, drifting) {
				over++
				if c.vec.copy.s[misfitScalar] != want.vec.copy.s[misfitScalar] || c.vec.kind != want.vec.kind || len(c.hand) != len(want.hand) {
					t.Fatalf("%s: candidate %d-%d passed over lacks what its neighbours read", name, c.i, c.j)
				}
				continue
			}
			rated++
			if c.i != want.i || c.j != want.j || c.vec != want.vec || c.poss != want.poss {
				t.Fatalf("%s: candidate %d-%d rated has other features than every candidate's", name, c.i, c.j)
			}
		}
	}
	if rated == 0 || over == 0 {
		t.Fatalf("%d candidates rated, %d passed over: the test needs both", rated, over)
	}
}
