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

// Default returns the detectors corefix runs, in priority order: when two
// findings of equal confidence cover one region, the earlier detector wins.
func Default() []Detector {
	return []Detector{Collision{}, RepeatedToken{}, Possessive{}, Recurring{}, LowerStart{}, Agreement{}, Speaker{}}
}

// analyzer is a detector that reads the shared analysis, so Detect
// tokenises and classifies a document once for all of them.
type analyzer interface {
	detect(a *Analysis) []model.Finding
}

// Detect runs every default detector on doc and returns merged findings,
// sorted by start, never overlapping, with IDs f0001, f0002….
func Detect(doc *model.Document) []model.Finding {
	a := Analyze(doc)
	var all []model.Finding
	for _, d := range Default() {
		if x, ok := d.(analyzer); ok {
			all = append(all, x.detect(a)...)
		} else {
			all = append(all, d.Detect(doc)...)
		}
	}
	return Merge(all)
}
