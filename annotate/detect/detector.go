package detect

import (
	"sync"

	"corefix/model"
)

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
	return []Detector{Collision{}, RepeatedToken{}, Possessive{}, Recurring{Scorer: p.Copy}, LowerStart{}, Agreement{}, Speaker{}, Case{}}
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

// DetectWith is Detect with parameters p. With a judge, a text longer
// than wholeBytes is judged region by region (Regions): the same
// findings, without every candidate's features held at once (at 20 MB,
// half a gigabyte).
func DetectWith(doc *model.Document, p Params) []model.Finding {
	var out []model.Finding
	DetectEach(doc, p, func(fs []model.Finding) error {
		out = append(out, fs...)
		return nil
	})
	return out
}

// DetectEach is DetectWith handing its findings to each, in order, a
// region at a time on a long text (one call on a short one): a caller
// that writes them as they come never holds them all (at 20 MB, some
// hundred megabytes). It stops at the first error each returns.
func DetectEach(doc *model.Document, p Params, each func([]model.Finding) error) error {
	if p.Judge != nil && len(doc.Text) > wholeBytes {
		r := NewRegions(doc, p, nil)
		for k := range r.Len() {
			if err := each(r.Find(k)); err != nil {
				return err
			}
		}
		return nil
	}
	return each(detectWhole(doc, p))
}

// wholeBytes is the longest text DetectWith judges in one pass: beyond
// it, regions are leaner and faster too (a 1 MB article: 164 → 80 MB
// peak, 0.8 → 0.5 s, its candidates' features never all in the cache).
const wholeBytes = 4 * regionBytes

// detectWhole is DetectWith judging the whole text at once.
func detectWhole(doc *model.Document, p Params) []model.Finding {
	a := analyze(doc, orShipped(p.Rules))
	// The judge's or the detectors' findings are gathered in a pooled
	// buffer: Merge copies the ones it keeps, so the buffer is free
	// again after it.
	buf := findingBufs.Get().(*[]model.Finding)
	all := (*buf)[:0]
	if p.Judge != nil {
		all = a.judgeFindings(p.Judge, all)
	} else {
		for _, d := range Detectors(p) {
			if x, ok := d.(analyzer); ok {
				all = append(all, x.detect(a)...)
			} else {
				all = append(all, d.Detect(doc)...)
			}
		}
	}
	merged := Merge(all)
	clear(all) // no strings kept alive by the pool
	*buf = all[:0]
	findingBufs.Put(buf)
	return merged
}

// findingBufs holds DetectWith's buffers between calls.
var findingBufs = sync.Pool{New: func() any { return new([]model.Finding) }}
