package annotate

import "corefix/model"

// Recurring flags copies of a recurring noun phrase that landed where no
// noun phrase fits. A drifting resolver keeps each mention and overwrites
// the words after it with the representative, so once the drift has
// started (the first copy that clearly does not fit) every later copy is
// suspect; before it, only copies that do not fit their slot are.
type Recurring struct{}

// Name implements Detector.
func (Recurring) Name() string { return "recurring-mention" }

// Detect implements Detector.
func (r Recurring) Detect(doc *model.Document) []model.Finding {
	return r.detect(analyze(doc))
}

// Confidence levels of the slot checks.
const (
	afterOn = 0.7  // a copy after the onset
	slotOK  = 0.35 // a copy that fits its slot, before any drift

	// driftEvidence is how many copies must clearly misfit before the
	// document counts as drifting.
	driftEvidence = 3
)

func (r Recurring) detect(a *analysis) []model.Finding {
	onset := a.driftOnset()
	var out []model.Finding
	for _, m := range a.mentions() {
		conf, msg := a.misfit(m.i, m.j)
		// A lone word recurs naturally ("Thursday", "Russian"); only
		// phrases count as copies on the drift alone.
		if m.i > onset && !m.first && conf < afterOn && a.copyLike(m) && (a.looseSlot(m.i, m.j) || m.j-m.i >= 2) {
			conf, msg = afterOn, "a recurring noun phrase after the point where substitutions started to drift: it probably overwrote the words here"
		}
		if m.first || conf < slotOK || a.repeated(m.j+1) {
			// A word repeated right after the phrase: the repeat is the copy.
			continue
		}
		out = append(out, model.Finding{
			Start: a.toks[m.i].Start, End: a.toks[m.j].End, Category: model.Overwrite,
			Rule: r.Name(), Confidence: conf, Message: msg,
			Proposals: []model.Proposal{{Text: model.Placeholder, Note: "type the overwritten words"}},
		})
	}
	return out
}

// driftOnset returns the first token where substitutions visibly drift
// (a collision, a repeated word, a copy that clearly misfits its slot),
// or past the end when the document shows too few of them to count as
// drifting: one odd pair can be a headline or a quirk of style, drift
// shows as several.
func (a *analysis) driftOnset() int {
	onset, n := len(a.toks), 0
	for i := 1; i < len(a.toks); i++ {
		if a.repeated(i) || a.collision(i) != "" {
			onset = min(onset, i)
			n++
		}
	}
	for _, m := range a.mentions() {
		if bad, _ := a.misfit(m.i, m.j); !m.first && bad >= afterOn {
			onset = min(onset, m.i)
			n++
		}
	}
	if n < driftEvidence {
		return len(a.toks)
	}
	return onset
}

// copyLike reports whether a recurring phrase is more likely a resolver's
// copy than the writer's own repetition: lone words and "the" + noun
// ("the competition", "the event") recur in any article.
func (a *analysis) copyLike(m mention) bool {
	switch {
	case m.j == m.i:
		return false
	case m.j == m.i+1 && a.cls[m.i] == clsDet && a.cls[m.j] != clsCap:
		return false
	}
	return true
}
