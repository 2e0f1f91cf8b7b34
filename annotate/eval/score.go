package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"corefix/model"
)

// Scoring follows the shared scoring script exactly, so `corefix eval`
// and the script print the same figures: a finding matches a gold span
// when they overlap, findings on neutral spans count neither way, and only
// findings starting inside the gold scope count. The script counts in code
// points, the files' offsets; here both sides are model's byte spans of
// the same text, decoded from the files by model, and overlap and order do
// not depend on the unit.

// Tally accumulates the counts of one or more scored documents.
type Tally struct {
	OnGold, False, OnNeutral int // findings
	Gold, Found              int // gold spans, and those found
	Fixable, Fixed           int // gold spans with a known replacement, and those fixed
	GoldBy, FoundBy          map[model.Category]int
	Text                     TextTally // the corrected texts against the gold's (score_text.go)
}

// Add scores the findings fs of one document, g.Doc, against its gold.
func (t *Tally) Add(g *model.Gold, fs []model.Finding, minConf float64) {
	if t.GoldBy == nil {
		t.GoldBy, t.FoundBy = map[model.Category]int{}, map[model.Category]int{}
	}
	var preds []model.Finding
	for _, f := range fs {
		if f.Confidence >= minConf && (g.Scope == nil || g.Scope.Start <= f.Start && f.Start < g.Scope.End) {
			preds = append(preds, f)
		}
	}
	for _, f := range preds {
		switch {
		case AnyOverlap(rangeOf(f), GoldRanges(g.Spans)):
			t.OnGold++
		case AnyOverlap(rangeOf(f), g.Neutral):
			t.OnNeutral++
		default:
			t.False++
		}
	}
	t.Text.Add(g, preds)
	for _, s := range g.Spans {
		t.Gold++
		t.GoldBy[s.Category]++
		var hits []model.Finding
		for _, f := range preds {
			if s.Overlaps(rangeOf(f)) {
				hits = append(hits, f)
			}
		}
		if len(hits) > 0 {
			t.Found++
			t.FoundBy[s.Category]++
		}
		if s.Replacement == nil {
			continue
		}
		t.Fixable++
		for _, f := range hits {
			if fixes(g.Doc.Text, s, f) {
				t.Fixed++
				break
			}
		}
	}
}

// Merge adds the counts of o, documents scored elsewhere, to t: as if
// they had been added to t.
func (t *Tally) Merge(o Tally) {
	if t.GoldBy == nil {
		t.GoldBy, t.FoundBy = map[model.Category]int{}, map[model.Category]int{}
	}
	t.OnGold, t.False, t.OnNeutral = t.OnGold+o.OnGold, t.False+o.False, t.OnNeutral+o.OnNeutral
	t.Gold, t.Found, t.Fixable, t.Fixed = t.Gold+o.Gold, t.Found+o.Found, t.Fixable+o.Fixable, t.Fixed+o.Fixed
	for c, n := range o.GoldBy {
		t.GoldBy[c] += n
	}
	for c, n := range o.FoundBy {
		t.FoundBy[c] += n
	}
	t.Text.Docs, t.Text.Same = t.Text.Docs+o.Text.Docs, t.Text.Same+o.Text.Same
	t.Text.Edits, t.Text.Words = t.Text.Edits+o.Text.Edits, t.Text.Words+o.Text.Words
}

// GoldRanges returns the ranges of spans.
func GoldRanges(spans []model.GoldSpan) []model.Range {
	out := make([]model.Range, len(spans))
	for i, s := range spans {
		out[i] = s.Range
	}
	return out
}

// AnyOverlap reports whether r overlaps one of rs.
func AnyOverlap(r model.Range, rs []model.Range) bool {
	for _, o := range rs {
		if r.Overlaps(o) {
			return true
		}
	}
	return false
}

func rangeOf(f model.Finding) model.Range { return model.Range{Start: f.Start, End: f.End} }

// fixes reports whether f's first proposal, applied, gives the gold
// words, compared on the union of both spans with whitespace normalised.
func fixes(text string, g model.GoldSpan, f model.Finding) bool {
	if len(f.Proposals) == 0 || g.Replacement == nil {
		return false
	}
	lo, hi := min(g.Start, f.Start), max(g.End, f.End)
	want := text[lo:g.Start] + *g.Replacement + text[g.End:hi]
	got := text[lo:f.Start] + f.Proposals[0].Text + text[f.End:hi]
	return strings.Join(strings.Fields(want), " ") == strings.Join(strings.Fields(got), " ")
}

// Figures returns precision, recall, F1 and fix accuracy.
func (t *Tally) Figures() (p, r, f1, fix float64) {
	p = float64(t.OnGold) / float64(max(1, t.OnGold+t.False))
	r = float64(t.Found) / float64(max(1, t.Gold))
	f1 = 2 * p * r / max(1e-9, p+r)
	fix = float64(t.Fixed) / float64(max(1, t.Fixable))
	return p, r, f1, fix
}

// Report writes the per-category recall lines and the summary line, in
// the shared scoring script's format.
func (t *Tally) Report(w io.Writer) error {
	cats := make([]model.Category, 0, len(t.GoldBy))
	for c := range t.GoldBy {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	var b strings.Builder
	for _, c := range cats {
		fmt.Fprintf(&b, "  recall %-11s %4d/%-4d %.3f\n", c, t.FoundBy[c], t.GoldBy[c], float64(t.FoundBy[c])/float64(max(1, t.GoldBy[c])))
	}
	fmt.Fprintf(&b, "  findings: %d on gold, %d false, %d on correct substitutions (ignored)\n", t.OnGold, t.False, t.OnNeutral)
	if t.Text.Docs > 0 {
		// Not a line of the shared script: the corrected text as a whole (score_text.go).
		fmt.Fprintf(&b, "  corrected text: %d/%d documents as the gold's, word edits from it: %d of %d words (%.2f%% as the gold's)\n",
			t.Text.Same, t.Text.Docs, t.Text.Edits, t.Text.Words, 100*t.Text.Agreement())
	}
	p, r, f1, fix := t.Figures()
	fmt.Fprintf(&b, "P=%.3f R=%.3f F1=%.3f fix=%.3f (n=%d gold, %d fixable)\n", p, r, f1, fix, t.Gold, t.Fixable)
	_, err := io.WriteString(w, b.String())
	return err
}

// Headline is exact mode's figure in one line: how much of the text an
// editor keeps — every first proposal on a gold span applied — is the
// gold's, word for word; fix accuracy judges each span alone, and a cut
// between two representatives side by side that no text can settle
// counts against both although the text comes out right.
func (t *Tally) Headline(w io.Writer) error {
	p, r, _, fix := t.Figures()
	_, err := fmt.Fprintf(w, "exact: corrected text as the gold's for %.2f%% of words (%d word edits in %d); recall %.3f, precision %.3f, fix per span %.3f\n",
		100*t.Text.Agreement(), t.Text.Edits, t.Text.Words, r, p, fix)
	return err
}

// FalseAlarms counts findings on untouched text, per 1,000
// whitespace-separated tokens as the shared scoring script does.
type FalseAlarms struct {
	Findings, Tokens int
}

// Add counts the findings of at least minConf on doc, an untouched text.
func (fa *FalseAlarms) Add(doc *model.Document, fs []model.Finding, minConf float64) {
	for _, f := range fs {
		if f.Confidence >= minConf {
			fa.Findings++
		}
	}
	fa.Tokens += len(strings.Fields(doc.Text))
}

// Report writes the shared scoring script's false-alarm summary line.
func (fa FalseAlarms) Report(w io.Writer) error {
	_, err := fmt.Fprintf(w, "false_alarms_per_1k_tokens=%.2f (%d findings on %d tokens of untouched text)\n",
		fa.PerThousand(), fa.Findings, fa.Tokens)
	return err
}

// PerThousand is the number of findings per 1,000 tokens.
func (fa FalseAlarms) PerThousand() float64 {
	return 1000 * float64(fa.Findings) / float64(max(1, fa.Tokens))
}
