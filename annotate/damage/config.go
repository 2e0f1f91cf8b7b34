package damage

import (
	"errors"
	"fmt"
)

// Resolver is how the substitution pipeline writes representatives into
// the text.
type Resolver string

// The resolvers.
const (
	// Shrink is the seed's bug: cluster by cluster, tokens[s:e] =
	// [representative] on one list whose earlier replacements shortened
	// it, so later substitutions land too far right and overwrite the
	// words after their mention; indices past the end are skipped.
	Shrink Resolver = "shrink"
	// InPlace replaces every mention at its own position (no drift), as a
	// correct but naive resolver does: a possessive gets the bare
	// representative, first person inside a quotation is rewritten.
	InPlace Resolver = "inplace"
	// Correct is corefix's own resolver (package resolve, as `corefix
	// resolve` writes): every substitution correct, possessives with ’s,
	// so the gold has no broken span and whatever a detector flags in the
	// text is a false alarm. It takes the gold clusters as they are.
	Correct Resolver = "correct"
)

// Order is the order in which clusters are written.
type Order string

// Cluster orders.
const (
	FirstMention Order = "first"   // by first mention (then by its end)
	FileOrder    Order = "file"    // as the source lists them (model output order)
	Shuffled     Order = "shuffle" // shuffled with the seed
)

// Config says how to damage a document. The zero value is not valid; see
// SeedBug and NaiveResolver for the two reference settings. Everything
// random comes from Seed and the document id, so the same Config gives the
// same bytes for the same document.
type Config struct {
	Resolver Resolver `json:"resolver"`
	Order    Order    `json:"order"`
	// MaxLen replaces only mentions of at most this many tokens (0: all).
	MaxLen int `json:"max_mention_len"`
	// Nested (InPlace only): mentions are written one after the other into
	// per-token slots (the first token gets the representative, the rest
	// are emptied), so a mention inside another is replaced too and the
	// later cluster wins, as resolvers built on token slots do. Without
	// it, a mention inside one already replaced is left alone.
	Nested bool `json:"nested"`
	// Prose joins tokens as the source spaced them (CoNLL-U SpaceAfter=No);
	// otherwise every token is followed by one space, like the shared files.
	Prose bool `json:"prose"`
	// SharedGold classifies substitutions as the shared gum/drift and
	// gum/clean gold files do: only a possessive pronoun given a
	// non-pronoun is a lost possessive, and a representative's own ’s or a
	// pronoun's case are not damage.
	SharedGold bool   `json:"shared_gold"`
	Seed       uint64 `json:"seed"`

	// Cluster mistakes a coreference model makes, each a rate in [0, 1].

	// WrongAntecedent links a third-person pronoun to the nearest noun
	// mention before it of its number (by part-of-speech tag) that names
	// another entity.
	WrongAntecedent float64 `json:"wrong_antecedent"`
	// Merge joins a cluster to the one introduced just before it.
	Merge float64 `json:"merge"`
	// Split cuts a cluster of four or more mentions in two.
	Split float64 `json:"split"`
	// PronounOnly keeps only the pronoun mentions of a cluster that has two
	// or more, so its representative is a pronoun ("he", "This").
	PronounOnly float64 `json:"pronoun_only"`
	// Boundary moves a mention's start by one token: a leading determiner
	// left out, or a determiner before the mention taken in.
	Boundary float64 `json:"boundary"`
}

// SeedBug is the pipeline behind the seed article and the shared gum/drift
// files: clusters in order of first mention, every later mention of at
// most three tokens replaced by the first on one shrinking list.
func SeedBug() Config {
	return Config{Resolver: Shrink, Order: FirstMention, MaxLen: 3}
}

// NaiveResolver is the correct but naive resolver behind the shared
// gum/clean files: every later mention of at most three tokens replaced
// at its own position, an enclosing mention winning over one inside it.
func NaiveResolver() Config {
	return Config{Resolver: InPlace, Order: FirstMention, MaxLen: 3}
}

// Validate reports the first setting that makes no sense.
func (c Config) Validate() error {
	switch {
	case c.Resolver != Shrink && c.Resolver != InPlace && c.Resolver != Correct:
		return fmt.Errorf("unknown resolver %q (want %s, %s or %s)", c.Resolver, Shrink, InPlace, Correct)
	case c.Resolver == Correct && (c.WrongAntecedent > 0 || c.Merge > 0 || c.Split > 0 || c.PronounOnly > 0 || c.Boundary > 0):
		return errors.New("the correct resolver takes the gold clusters as they are: no cluster mistakes")
	case c.Order != FirstMention && c.Order != FileOrder && c.Order != Shuffled:
		return fmt.Errorf("unknown cluster order %q (want %s, %s or %s)", c.Order, FirstMention, FileOrder, Shuffled)
	case c.MaxLen < 0:
		return fmt.Errorf("mention length cap %d is negative (0: no cap)", c.MaxLen)
	case c.Nested && c.Resolver != InPlace:
		return errors.New("nested applies to the inplace resolver only (shrink always replaces nested mentions)")
	}
	for _, r := range []struct {
		name string
		v    float64
	}{{"wrong_antecedent", c.WrongAntecedent}, {"merge", c.Merge}, {"split", c.Split},
		{"pronoun_only", c.PronounOnly}, {"boundary", c.Boundary}} {
		if !(r.v >= 0 && r.v <= 1) {
			return fmt.Errorf("rate %s = %v is not in [0, 1]", r.name, r.v)
		}
	}
	return nil
}
