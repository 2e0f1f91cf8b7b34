package align

import (
	"fmt"
	"strings"
	"unicode"

	"corefix/model"
)

// checkPairing refuses texts that are not an original and its resolution,
// with one error instead of a finding at every token: too small a share
// of their tokens aligns (texts too short to judge pass), or a few
// differences vanish when spacing, case, quotes and dashes are
// normalised, which no substitution produces (rules.json, "pairing").
func (a *alignment) checkPairing() error {
	p := &a.rules.Pairing
	n := max(len(a.ot), len(a.rt))
	if n >= p.MinTokens.Value {
		if share := float64(a.matched()) / float64(n); share < p.MinAlignedShare.Value {
			return fmt.Errorf("%s does not look like the original of %s: only %.0f%% of their tokens align (at least %.0f%% expected); another article?",
				name(a.orig), name(a.doc), 100*share, 100*p.MinAlignedShare.Value)
		}
	}
	var styled, cased int
	var example string
	hs := a.hunks()
	for _, h := range hs {
		if h.a1 == h.a2 || h.b1 == h.b2 {
			continue
		}
		x, y := normalise(a.origText(h.a1, h.a2)), normalise(a.docText(h.b1, h.b2))
		switch {
		case x == y:
			styled++
		case strings.EqualFold(x, y):
			cased++
		default:
			continue
		}
		if example == "" {
			example = fmt.Sprintf("%q vs %q", a.origText(h.a1, h.a2), a.docText(h.b1, h.b2))
		}
	}
	// Case alone changes legitimately ("We" → "we" inside a quotation), so
	// it counts only when it is most of what differs.
	if styled >= p.NormalisedDifferences.Value || cased >= p.NormalisedDifferences.Value && 2*cased > len(hs) {
		return fmt.Errorf("%s and %s differ in %d places only by spacing, case, quotes or dashes (e.g. %s): give both texts the same tokenisation and normalisation",
			name(a.orig), name(a.doc), styled+cased, example)
	}
	return nil
}

// normalise drops spaces and folds quote and dash variants, so texts that
// differ only in typography compare equal.
func normalise(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '’' || r == '‘' || r == '‛' || r == '′' || r == '`':
			return '\''
		case r == '“' || r == '”' || r == '„' || r == '″' || r == '«' || r == '»':
			return '"'
		case r == '–' || r == '—' || r == '−' || r == '‐' || r == '‑':
			return '-'
		}
		return r
	}, s)
}

// name is how an error message refers to a document.
func name(d *model.Document) string {
	if d.Path != "" && d.Path != "-" {
		return d.Path
	}
	return d.ID
}
