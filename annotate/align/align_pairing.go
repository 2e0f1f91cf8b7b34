package align

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/model"
)

// checkPairing refuses texts that are not an original and its resolution,
// with one error instead of a finding at every token: too small a share
// of their tokens aligns (texts too short to judge pass), or a few
// differences vanish when spacing, case, quotes and dashes are
// normalised, which no substitution produces (rules.json, "pairing"). A
// token's quotes and dashes alone never make a difference: the alignment
// takes them as one word (foldTypography), so what is left here is
// spacing, and case where it is most of what differs.
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
		same, folded := normalisedEqual(a.origText(h.a1, h.a2), a.docText(h.b1, h.b2))
		switch {
		case same:
			styled++
		case folded:
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

// normalisedEqual compares x and y with spaces dropped and quote and dash
// variants folded, so texts that differ only in typography compare
// equal: same when they are then equal, folded when they are equal but
// for case (strings.EqualFold). It walks both strings rune by rune, most
// pairs differing at once, instead of building normalised copies of
// every difference of the article.
func normalisedEqual(x, y string) (same, folded bool) {
	same, folded = true, true
	for {
		var r1, r2 rune
		r1, x = nextNormal(x)
		r2, y = nextNormal(y)
		if r1 < 0 || r2 < 0 {
			return same && r1 == r2, folded && r1 == r2
		}
		if r1 != r2 {
			same = false
			if !foldEqual(r1, r2) {
				return false, false
			}
		}
	}
}

// foldTypography returns the token text s with quote and dash variants
// folded as nextNormal folds them: the alignment's key for a word, so a
// resolver that writes its representative "Vava’u" over the mention
// "Vava'u", or texts whose apostrophes were normalised apart, change no
// word.
func foldTypography(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == '`' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	for r, rest := nextNormal(s); r >= 0; r, rest = nextNormal(rest) {
		b.WriteRune(r)
	}
	return b.String()
}

// nextNormal returns the first rune of s that is not a space, with quote
// and dash variants folded, and the rest of s; -1 at the end. An invalid
// byte is utf8.RuneError, as strings.Map would have it.
func nextNormal(s string) (rune, string) {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch {
		case unicode.IsSpace(r):
			continue
		case r == '’' || r == '‘' || r == '‛' || r == '′' || r == '`':
			return '\'', s
		case r == '“' || r == '”' || r == '„' || r == '″' || r == '«' || r == '»':
			return '"', s
		case r == '–' || r == '—' || r == '−' || r == '‐' || r == '‑':
			return '-', s
		}
		return r, s
	}
	return -1, ""
}

// foldEqual reports whether two runes are equal under Unicode simple case
// folding, as strings.EqualFold compares them.
func foldEqual(r1, r2 rune) bool {
	for f := unicode.SimpleFold(r1); f != r1; f = unicode.SimpleFold(f) {
		if f == r2 {
			return true
		}
	}
	return r1 == r2
}

// name is how an error message refers to a document.
func name(d *model.Document) string {
	if d.Path != "" && d.Path != "-" {
		return d.Path
	}
	return d.ID
}
