package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"corefix/model"
)

// Scoring follows ../shared/tools/score.py exactly, so `corefix eval` and
// the shared scorer print the same figures: offsets are code points, a
// finding matches a gold span when they overlap, findings on neutral spans
// count neither way, and only findings starting inside the gold scope
// count.

// Range is a half-open code point range.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func (r Range) overlaps(o Range) bool { return r.Start < o.End && o.Start < r.End }

// GoldSpan is one broken span of a gold file.
type GoldSpan struct {
	Range
	Category    string
	Replacement *string // nil where the right words are unknown
}

// Gold is a gold file: the broken spans, the correct substitutions
// (Neutral) and, when only part of the text is annotated, its Scope.
type Gold struct {
	Text    string // the document text, when the file carries it
	Spans   []GoldSpan
	Neutral []Range
	Scope   *Range
}

// ParseGold decodes a gold file (corefix.annotation/v1 with optional
// "scope" and "neutral"). Only accepted and edited spans are broken ones;
// a span without a status counts as edited, as in score.py.
func ParseGold(data []byte) (*Gold, error) {
	var f struct {
		Document struct {
			Text *string `json:"text"`
		} `json:"document"`
		Spans []struct {
			Range
			Category    string  `json:"category"`
			Status      string  `json:"status"`
			Replacement *string `json:"replacement"`
		} `json:"spans"`
		Neutral []Range `json:"neutral"`
		Scope   *Range  `json:"scope"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not a gold file: %w", err)
	}
	g := &Gold{Neutral: f.Neutral, Scope: f.Scope}
	if f.Document.Text != nil {
		g.Text = *f.Document.Text
	}
	for _, s := range f.Spans {
		if s.Status != "" && s.Status != string(model.Edited) && s.Status != string(model.Accepted) {
			continue
		}
		cat := s.Category
		if cat == "" {
			cat = string(model.Other)
		}
		g.Spans = append(g.Spans, GoldSpan{Range: s.Range, Category: cat, Replacement: s.Replacement})
	}
	return g, nil
}

// Scored is a finding as the scorer sees it: code point offsets, its
// confidence and its first proposal.
type Scored struct {
	Range
	Confidence float64
	Fix        *string // first proposal's text; nil without proposals
}

// ParseScored decodes a findings file (corefix.findings/v1, or a bare
// list of findings). A finding without a confidence counts as 1.
func ParseScored(data []byte) ([]Scored, error) {
	type finding struct {
		Range
		Confidence *float64 `json:"confidence"`
		Proposals  []struct {
			Text string `json:"text"`
		} `json:"proposals"`
	}
	var list []finding
	if err := json.Unmarshal(data, &list); err != nil {
		var obj struct {
			Findings []finding `json:"findings"`
		}
		if err2 := json.Unmarshal(data, &obj); err2 != nil {
			return nil, fmt.Errorf("not a findings file: %w", err2)
		}
		list = obj.Findings
	}
	out := make([]Scored, len(list))
	for i, f := range list {
		out[i] = Scored{Range: f.Range, Confidence: 1}
		if f.Confidence != nil {
			out[i].Confidence = *f.Confidence
		}
		if len(f.Proposals) > 0 {
			out[i].Fix = &f.Proposals[0].Text
		}
	}
	return out, nil
}

// ScoredFindings converts a document's findings to code point offsets.
func ScoredFindings(doc *model.Document, fs []model.Finding) []Scored {
	out := make([]Scored, len(fs))
	for i, f := range fs {
		out[i] = Scored{Range: Range{doc.RuneOffset(f.Start), doc.RuneOffset(f.End)}, Confidence: f.Confidence}
		if len(f.Proposals) > 0 {
			out[i].Fix = &f.Proposals[0].Text
		}
	}
	return out
}

// Tally accumulates the counts of one or more scored documents.
type Tally struct {
	OnGold, False, OnNeutral int // findings
	Gold, Found              int // gold spans, and those found
	Fixable, Fixed           int // gold spans with a known replacement, and those fixed
	GoldBy, FoundBy          map[string]int
	Text                     TextTally // the corrected texts against the gold's (score_text.go)
}

// Add scores one document. text may be empty when unknown; fix accuracy
// then counts nothing as fixable.
func (t *Tally) Add(text string, g *Gold, fs []Scored, minConf float64) {
	if t.GoldBy == nil {
		t.GoldBy, t.FoundBy = map[string]int{}, map[string]int{}
	}
	var preds []Scored
	for _, f := range fs {
		if f.Confidence >= minConf && (g.Scope == nil || g.Scope.Start <= f.Start && f.Start < g.Scope.End) {
			preds = append(preds, f)
		}
	}
	for _, f := range preds {
		switch {
		case AnyOverlap(f.Range, GoldRanges(g.Spans)):
			t.OnGold++
		case AnyOverlap(f.Range, g.Neutral):
			t.OnNeutral++
		default:
			t.False++
		}
	}
	runes := []rune(text)
	if text != "" {
		t.Text.Add(runes, g, preds)
	}
	for _, s := range g.Spans {
		t.Gold++
		t.GoldBy[s.Category]++
		var hits []Scored
		for _, f := range preds {
			if f.overlaps(s.Range) {
				hits = append(hits, f)
			}
		}
		if len(hits) > 0 {
			t.Found++
			t.FoundBy[s.Category]++
		}
		if s.Replacement == nil || text == "" {
			continue
		}
		t.Fixable++
		for _, f := range hits {
			if fixes(runes, s, f) {
				t.Fixed++
				break
			}
		}
	}
}

func GoldRanges(spans []GoldSpan) []Range {
	out := make([]Range, len(spans))
	for i, s := range spans {
		out[i] = s.Range
	}
	return out
}

func AnyOverlap(r Range, rs []Range) bool {
	for _, o := range rs {
		if r.overlaps(o) {
			return true
		}
	}
	return false
}

// fixes reports whether f's first proposal, applied, gives the gold
// words, compared on the union of both spans with whitespace normalised.
func fixes(text []rune, g GoldSpan, f Scored) bool {
	if f.Fix == nil || g.Replacement == nil || !inText(g.Range, len(text)) || !inText(f.Range, len(text)) {
		return false
	}
	lo, hi := min(g.Start, f.Start), max(g.End, f.End)
	want := string(text[lo:g.Start]) + *g.Replacement + string(text[g.End:hi])
	got := string(text[lo:f.Start]) + *f.Fix + string(text[f.End:hi])
	return strings.Join(strings.Fields(want), " ") == strings.Join(strings.Fields(got), " ")
}

func inText(r Range, n int) bool { return 0 <= r.Start && r.Start <= r.End && r.End <= n }

// Figures returns precision, recall, F1 and fix accuracy.
func (t *Tally) Figures() (p, r, f1, fix float64) {
	p = float64(t.OnGold) / float64(max(1, t.OnGold+t.False))
	r = float64(t.Found) / float64(max(1, t.Gold))
	f1 = 2 * p * r / max(1e-9, p+r)
	fix = float64(t.Fixed) / float64(max(1, t.Fixable))
	return p, r, f1, fix
}

// Report writes the per-category recall lines and the summary line, in
// score.py's format.
func (t *Tally) Report(w io.Writer) error {
	cats := make([]string, 0, len(t.GoldBy))
	for c := range t.GoldBy {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var b strings.Builder
	for _, c := range cats {
		fmt.Fprintf(&b, "  recall %-11s %4d/%-4d %.3f\n", c, t.FoundBy[c], t.GoldBy[c], float64(t.FoundBy[c])/float64(max(1, t.GoldBy[c])))
	}
	fmt.Fprintf(&b, "  findings: %d on gold, %d false, %d on correct substitutions (ignored)\n", t.OnGold, t.False, t.OnNeutral)
	if t.Text.Docs > 0 {
		// Not a score.py line: the corrected text as a whole (score_text.go).
		fmt.Fprintf(&b, "  corrected text: %d/%d documents as the gold's, word edits from it: %d\n", t.Text.Same, t.Text.Docs, t.Text.Edits)
	}
	p, r, f1, fix := t.Figures()
	fmt.Fprintf(&b, "P=%.3f R=%.3f F1=%.3f fix=%.3f (n=%d gold, %d fixable)\n", p, r, f1, fix, t.Gold, t.Fixable)
	_, err := io.WriteString(w, b.String())
	return err
}

// FalseAlarms counts findings on untouched text, per 1,000
// whitespace-separated tokens as score.py does.
type FalseAlarms struct {
	Findings, Tokens int
}

// Add counts one untouched document's findings of at least minConf.
func (fa *FalseAlarms) Add(text string, fs []Scored, minConf float64) {
	for _, f := range fs {
		if f.Confidence >= minConf {
			fa.Findings++
		}
	}
	fa.Tokens += len(strings.Fields(text))
}

// Report writes score.py's false-alarm summary line.
func (fa FalseAlarms) Report(w io.Writer) error {
	_, err := fmt.Fprintf(w, "false_alarms_per_1k_tokens=%.2f (%d findings on %d tokens of untouched text)\n",
		1000*float64(fa.Findings)/float64(max(1, fa.Tokens)), fa.Findings, fa.Tokens)
	return err
}
