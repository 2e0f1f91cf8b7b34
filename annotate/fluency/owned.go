package fluency

import (
	"fmt"
	"math"
	"strings"
)

// Owned returns how much likelier the word w (in any case) is to follow a
// possessive ("his career", "Byron ’s own") than a word is in general, in
// nats: the log-odds of w standing right after one, less every word's.
// A word's count leans on every word's by Params.Owned, so a rare word
// says little. Positive for what people own ("career", "own", "death"),
// negative for a word a possessive hardly precedes ("the", "wishes"); 0
// for a word the corpus lacks. The tags see only that a noun may follow
// ’s; which nouns do is the words' own, and it tells a name that lost
// its ’s ("Byron early education") from a compound ("Texas schools").
func (m *Model) Owned(w string) float64 {
	return float64(m.ownedOf(w).odds)
}

// ownedOf returns the entry of w, lower-cased, in m.owned. An ASCII word
// of a few bytes is lowered in a buffer on the stack (a map read through
// string(bytes) copies nothing): detection asks this of most of its
// candidates, and strings.ToLower allocated for every capitalised word.
// ASCII needs no Key and lowers byte by byte as ToLower does.
func (m *Model) ownedOf(w string) ownedWord {
	var buf [32]byte
	if len(w) > len(buf) || !isASCII(w) {
		return m.owned[strings.ToLower(Key(w))]
	}
	b := buf[:len(w)]
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m.owned[string(b)]
}

// OwnedLeavingOut is Owned of w counted without one of its occurrences,
// one right after a possessive when possessive is true: what Owned would
// be had the corpus lacked that occurrence. A model trained on the
// treebank Owned is counted from reads it for a word of the treebank;
// left in, the occurrence being predicted counts towards its own
// feature, and a word seen once, after "his", would read as a word only
// a possessive precedes (corefix-lab possessive-slot).
func (m *Model) OwnedLeavingOut(w string, possessive bool) float64 {
	o := m.ownedOf(w)
	if o.total == 0 {
		return 0
	}
	after := int(o.after)
	if possessive {
		after--
	}
	return ownedOdds(max(after, 0), int(o.total)-1, m.ownedBase, m.p.Owned)
}

// ownedWord is a lower-case word form's Owned and its counts: how often
// it stands right after a possessive, and at all.
type ownedWord struct {
	odds         float32
	after, total int32
}

// ownedOdds is Owned of a word counted after times right after a
// possessive of total times in all: its share, leaning on every word's
// (base) by pseudo-count lean, in log-odds less every word's.
func ownedOdds(after, total int, base, lean float64) float64 {
	p := (float64(after) + lean*base) / (float64(total) + lean)
	return logit(p) - logit(base)
}

// ownedWords returns every word form of c, lower-cased, with its Owned
// and counts, and every word's share after a possessive (0 and no words
// when no word or every word follows one).
func (c *counts) ownedWords() (map[string]ownedWord, float64) {
	total, all := c.lowerTotals()
	after, owned := 0, make(map[string]int, len(c.owned))
	for _, o := range c.owned {
		after += o.n
		owned[o.form] += o.n
	}
	if after == 0 || after >= all {
		return nil, 0
	}
	base := float64(after) / float64(all)
	out := make(map[string]ownedWord, len(total))
	for w, n := range total {
		out[w] = ownedWord{float32(ownedOdds(owned[w], n, base, c.p.Owned)), int32(owned[w]), int32(n)}
	}
	return out, base
}

// checkOwned refuses an owned record whose word follows a possessive more
// often than the word records count it at all.
func (c *counts) checkOwned() error {
	total, _ := c.lowerTotals()
	for _, o := range c.owned {
		if o.n > total[o.form] {
			return fmt.Errorf("owned %s: %d is more than the word's count, %d", o.form, o.n, total[o.form])
		}
	}
	return nil
}

// lowerTotals returns how often the word records count each word form,
// lower-cased, and all of them together.
func (c *counts) lowerTotals() (map[string]int, int) {
	total, all := make(map[string]int, len(c.words)), 0
	for _, w := range c.words {
		total[strings.ToLower(w.form)] += w.total
		all += w.total
	}
	return total, all
}

// logit is log(p / (1 − p)).
func logit(p float64) float64 { return math.Log(p / (1 - p)) }
