package detect

import (
	"testing"

	"corefix/model"
)

// pairSetup analyses text and returns candidates for the token spans
// given (first and last token, inclusive), and a finding on a token span.
func pairSetup(t *testing.T, text string, spans ...[2]int) (*Analysis, []judged) {
	t.Helper()
	a := analyze(model.NewDocument("d", "", text), shippedRules())
	var cands []judged
	for _, s := range spans {
		cands = append(cands, judged{i: s[0], j: s[1]})
	}
	return a, cands
}

func (a *Analysis) findingOn(c judged, conf float64, proposal string) model.Finding {
	return model.Finding{Start: int(a.toks[c.i].Start), End: int(a.toks[c.j].End), Category: model.Overwrite,
		Confidence: conf, Proposals: []model.Proposal{{Text: proposal}}}
}

// Two findings side by side, both shown as broken, become one whose
// proposal puts each one's proposal in its place; one listed only for
// checking stays apart.
func TestJoinSideBySide(t *testing.T) {
	t.Parallel()
	//           0    1     2     3     4   5
	text := "said Trump Trump the election ."
	a, cands := pairSetup(t, text, [2]int{1, 1}, [2]int{2, 2}, [2]int{4, 4})
	out := []model.Finding{a.findingOn(cands[0], 0.6, "Trump"), a.findingOn(cands[1], 0.8, "▢"), a.findingOn(cands[2], 0.3, "x")}
	got := a.joinSideBySide(cands, []int{0, 1, 2}, out)
	if len(got) != 2 {
		t.Fatalf("joined into %d findings, want 2: %+v", len(got), got)
	}
	j := got[0]
	if text[j.Start:j.End] != "Trump Trump" || j.Confidence != 0.8 || j.Proposals[0].Text != "Trump ▢" {
		t.Errorf("joined finding %q at %.1f proposing %q, want \"Trump Trump\" at 0.8 proposing \"Trump ▢\"",
			text[j.Start:j.End], j.Confidence, j.Proposals[0].Text)
	}
	out = []model.Finding{a.findingOn(cands[0], 0.4, "Trump"), a.findingOn(cands[1], 0.8, "▢")}
	if got := a.joinSideBySide(cands[:2], []int{0, 1}, out); len(got) != 2 {
		t.Errorf("a finding below %.1f was joined: %+v", model.BrokenThreshold, got)
	}
}

// A finding takes in the candidate that touches it when no finding
// covers that one, keeping its words in the proposal.
func TestWidenSideBySide(t *testing.T) {
	t.Parallel()
	text := "said Trump Trump the election ."
	a, cands := pairSetup(t, text, [2]int{1, 1}, [2]int{2, 2}, [2]int{3, 4})
	out := []model.Finding{a.findingOn(cands[1], 0.7, "▢")}
	a.widenSideBySide(cands, []int{1}, out)
	if got := text[out[0].Start:out[0].End]; got != "Trump Trump the election" || out[0].Proposals[0].Text != "Trump ▢ the election" {
		t.Errorf("widened to %q proposing %q, want \"Trump Trump the election\" proposing \"Trump ▢ the election\"", got, out[0].Proposals[0].Text)
	}
	out = []model.Finding{a.findingOn(cands[1], 0.7, "▢"), a.findingOn(cands[2], 0.7, "it")}
	a.widenSideBySide(cands, []int{1, 2}, out)
	if got := text[out[0].Start:out[0].End]; got != "Trump Trump" {
		t.Errorf("widened over a shown neighbour: %q, want \"Trump Trump\"", got)
	}
}
