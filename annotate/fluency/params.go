package fluency

import (
	"fmt"
	"strconv"
)

// Params are the model's settings, stored in the data file beside the
// counts (doc.go says what each one does).
type Params struct {
	Rare    int     // highest count of a word that trains the suffix guesser
	Suffix  int     // longest suffix the guesser reads, in letters
	Smooth  float64 // pseudo-count by which a suffix leans on the shorter one
	Known   float64 // weight of the guess in a seen word's tags
	Prune   float64 // least P(tag | word) a word keeps
	Cands   int     // most tags a word keeps
	Trim    float64 // prior mass of the rarest tags the any-word of Span.Gap leaves out
	CapMix  float64 // weight of the lower-case form for an unseen capitalised one
	Context int     // words on each side of a junction
	Owned   float64 // pseudo-count by which a word's share after a possessive leans on all words' (Owned)
}

// param is one setting as the data file names it: an int or a float.
type param struct {
	name string
	i    *int
	f    *float64
}

// fields lists the settings by their name in the data file, so writing
// and reading them cannot drift apart.
func (p *Params) fields() []param {
	return []param{
		{"rare", &p.Rare, nil},
		{"suffix", &p.Suffix, nil},
		{"smooth", nil, &p.Smooth},
		{"known", nil, &p.Known},
		{"prune", nil, &p.Prune},
		{"cands", &p.Cands, nil},
		{"trim", nil, &p.Trim},
		{"capmix", nil, &p.CapMix},
		{"context", &p.Context, nil},
		{"owned", nil, &p.Owned},
	}
}

// value formats a setting for the data file.
func (f param) value() string {
	if f.i != nil {
		return strconv.Itoa(*f.i)
	}
	return strconv.FormatFloat(*f.f, 'g', -1, 64)
}

// set parses one param record's value.
func (p *Params) set(name, value string) error {
	for _, f := range p.fields() {
		if f.name != name {
			continue
		}
		var err error
		if f.i != nil {
			*f.i, err = strconv.Atoi(value)
		} else {
			*f.f, err = strconv.ParseFloat(value, 64)
		}
		if err != nil {
			return fmt.Errorf("param %s: %w", name, err)
		}
		return nil
	}
	return fmt.Errorf("unknown param %q", name)
}

// check refuses settings the model cannot work with.
func (p Params) check() error {
	switch {
	case p.Rare < 1, p.Suffix < 0, p.Cands < 1, p.Context < 1:
		return fmt.Errorf("params rare, cands and context must be at least 1, suffix at least 0: %+v", p)
	case p.Known < 0, p.Smooth <= 0, p.Owned <= 0, p.Prune < 0 || p.Prune >= 1, p.Trim < 0 || p.Trim >= 1, p.CapMix < 0 || p.CapMix > 1:
		return fmt.Errorf("params known ≥ 0, smooth and owned > 0, prune and trim in [0, 1) and capmix in [0, 1]: %+v", p)
	}
	return nil
}
