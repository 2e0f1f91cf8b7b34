package resolve

import (
	_ "embed"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"sync"

	"corefix/model"
)

//go:embed review.json
var reviewJSON []byte

// reviewRules are review.json: the confidence, message and note of the
// findings that offer a resolution for review.
type reviewRules struct {
	About      string `json:"about"`
	Confidence struct {
		Value float64 `json:"value"`
		Why   string  `json:"why"`
	} `json:"confidence"`
	Message string `json:"message"`
	Note    string `json:"note"`
}

// loadReview is review.json, decoded once. An unknown key, an empty
// field or a confidence that would count as broken is an error.
var loadReview = sync.OnceValues(func() (*reviewRules, error) {
	var r reviewRules
	dec := json.NewDecoder(strings.NewReader(string(reviewJSON)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, errors.New("resolve: review.json: " + err.Error())
	}
	if r.Confidence.Value <= 0 || r.Confidence.Value >= model.BrokenThreshold || r.Confidence.Why == "" || r.Message == "" || r.Note == "" || r.About == "" {
		return nil, errors.New("resolve: review.json: a field is empty or the confidence is not in (0, 0.5)")
	}
	return &r, nil
})

// Findings offers the resolution for review: one pending finding of
// category substitution per substitution written, on the original text
// (ct's), its proposal the words the resolver writes there. Accepting
// every proposal gives the resolved text; rejecting one keeps the
// mention.
func (res *Result) Findings(ct *model.CorefText) ([]model.Finding, error) {
	r, err := loadReview()
	if err != nil {
		return nil, err
	}
	var fs []model.Finding
	for _, p := range res.Pieces {
		if !p.Changed() {
			continue
		}
		sub := res.Subs[p.Sub]
		mention := wordsText(ct, model.TokenSpan{Start: p.Lo, End: p.Hi})
		msg := strings.NewReplacer("{mention}", strconv.Quote(mention), "{representative}", strconv.Quote(wordsText(ct, sub.Rep))).Replace(r.Message)
		fs = append(fs, model.Finding{
			Start: ct.Words[p.Lo].Start, End: ct.Words[p.Hi-1].End,
			Category: model.Substitution, Rule: "resolve", Confidence: r.Confidence.Value, Message: msg,
			Proposals: []model.Proposal{{Text: sub.Text, Note: r.Note}},
		})
	}
	model.SortFindings(fs)
	return fs, nil
}
