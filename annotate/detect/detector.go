package detect

import "corefix/model"

// Detector finds one kind of damage in a document.
type Detector interface {
	// Name is the rule name written in findings ("repeated-token").
	Name() string
	// Detect returns findings sorted by start; they may overlap those of
	// other detectors (Detect merges them).
	Detect(doc *model.Document) []model.Finding
}

// Detectors returns the detectors corefix runs with parameters p, in
// priority order: when two findings of equal confidence cover one region,
// the earlier detector wins.
func Detectors(p Params) []Detector {
	return []Detector{Collision{}, RepeatedToken{}, Possessive{}, Recurring{Scorer: p.Copy}, LowerStart{}, Agreement{}, Speaker{}}
}

// analyzer is a detector that reads the shared analysis, so Detect
// tokenises and classifies a document once for all of them.
type analyzer interface {
	detect(a *Analysis) []model.Finding
}

// Detect runs the detectors with the shipped parameters (DefaultParams)
// on doc and returns merged findings, sorted by start, never overlapping,
// with IDs f0001, f0002….
func Detect(doc *model.Document) []model.Finding {
	return DetectWith(doc, DefaultParams())
}

// DetectWith is Detect with parameters p.
func DetectWith(doc *model.Document, p Params) []model.Finding {
	a := analyze(doc, orShipped(p.Rules))
	if p.Judge != nil {
		return Merge(a.judgeFindings(p.Judge))
	}
	var all []model.Finding
	for _, d := range Detectors(p) {
		if x, ok := d.(analyzer); ok {
			all = append(all, x.detect(a)...)
		} else {
			all = append(all, d.Detect(doc)...)
		}
	}
	return Merge(all)
}
