package detect

import (
	"unicode"
	"unicode/utf8"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// LowerStart flags a sentence that opens with a lower-case word in a
// document whose substitutions drift (". we not going", ". company
// stated"): writers capitalise a sentence's first word, so a lower-case
// representative copied there overwrote it. In a document without drift
// a correct resolver leaves the same trace ("he" → ". the team"), so
// only drift makes it count.
type LowerStart struct{}

// Name implements Detector.
func (LowerStart) Name() string { return "lower-case-sentence-start" }

// Detect implements Detector.
func (l LowerStart) Detect(doc *model.Document) []model.Finding {
	return l.detect(Analyze(doc))
}

func (l LowerStart) detect(a *Analysis) []model.Finding {
	var out []model.Finding
	rule := &a.rules().LowerStart
	for i := 1; i < len(a.toks); i++ {
		if !a.lowerStart(i) {
			continue
		}
		if out == nil && !a.drifting() {
			return nil // checked once, and only where a candidate exists
		}
		j := a.phraseEnd(i)
		out = append(out, model.Finding{
			Start: int(a.toks[i].Start), End: int(a.toks[j].End), Category: model.Overwrite,
			Rule: l.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: model.Placeholder, Note: a.rules().Notes.TypeWords}},
		})
		i = j
	}
	return out
}

// lowerStart reports whether token i is a lower-case word right after a
// full stop, question or exclamation mark. List labels ("b )") and
// abbreviations ("p.m.") are not.
func (a *Analysis) lowerStart(i int) bool {
	if a.Class(i-1) != lexicon.End {
		return false // the class of every ".", "!" and "?", decided without the text
	}
	switch a.text(i - 1) {
	case ".", "!", "?":
	default:
		return false
	}
	w := a.text(i)
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || w == "i" || a.text(i+1) == ")" {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return true
}
