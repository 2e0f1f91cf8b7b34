package main

import (
	"encoding/json"
	"io"

	"corefix/model"
)

// agreementJSON is `corefix agree --json`: the figures for scripts and the
// disagreements for an adjudication tool. Undefined figures are null.
type agreementJSON struct {
	Annotators [2]string `json:"annotators"`
	Documents  int       `json:"documents"`
	OnlyOne    int       `json:"documents_annotated_by_one"`
	Spans      struct {
		BrokenA   int      `json:"broken_a"`
		BrokenB   int      `json:"broken_b"`
		MatchedA  int      `json:"matched_a"`
		MatchedB  int      `json:"matched_b"`
		Precision *float64 `json:"precision"`
		Recall    *float64 `json:"recall"`
		F1        *float64 `json:"f1"`
	} `json:"spans"`
	Decisions struct {
		Pairs       int      `json:"pairs"`
		NotReviewed int      `json:"not_reviewed"`
		Observed    *float64 `json:"observed"`
		Chance      *float64 `json:"chance"`
		Kappa       *float64 `json:"kappa"`
	} `json:"decisions"`
	Disagreements []disagreementJSON `json:"disagreements"`
}

type disagreementJSON struct {
	DocID string        `json:"doc"`
	A     *decisionJSON `json:"a"` // null: no span there
	B     *decisionJSON `json:"b"`
}

// decisionJSON is a model.Decision as the annotation file writes a span:
// replacement null unless the status rewrites the text.
type decisionJSON struct {
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Text        string       `json:"text"`
	Status      model.Status `json:"status"`
	Replacement *string      `json:"replacement"`
}

func toDecisionJSON(d *model.Decision) *decisionJSON {
	if d == nil {
		return nil
	}
	j := &decisionJSON{Start: d.Start, End: d.End, Text: d.Text, Status: d.Status}
	if d.Status.Changes() {
		j.Replacement = &d.Replacement
	}
	return j
}

func writeAgreementJSON(w io.Writer, g *model.Agreement, nameA, nameB string, onlyOne int) error {
	var r agreementJSON
	r.Annotators = [2]string{nameA, nameB}
	r.Documents, r.OnlyOne = g.Documents, onlyOne
	r.Spans.BrokenA, r.Spans.BrokenB, r.Spans.MatchedA, r.Spans.MatchedB = g.BrokenA, g.BrokenB, g.MatchedA, g.MatchedB
	r.Spans.Precision = orNull(g.Precision())
	r.Spans.Recall = orNull(g.Recall())
	r.Spans.F1 = orNull(g.F1())
	k, po, pe, ok := g.Kappa()
	r.Decisions.Pairs, r.Decisions.NotReviewed = g.Pairs(), g.NotReviewed
	if r.Decisions.Pairs > 0 {
		r.Decisions.Observed, r.Decisions.Chance = &po, &pe
	}
	r.Decisions.Kappa = orNull(k, ok)
	r.Disagreements = make([]disagreementJSON, len(g.Disagreements))
	for i, d := range g.Disagreements {
		r.Disagreements[i] = disagreementJSON{d.DocID, toDecisionJSON(d.A), toDecisionJSON(d.B)}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func orNull(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}
