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
	return float64(m.owned[strings.ToLower(Key(w))])
}

// ownedOdds returns Owned's value of every word form of c, lower-cased.
func (c *counts) ownedOdds() map[string]float32 {
	total, all := c.lowerTotals()
	after, owned := 0, make(map[string]int, len(c.owned))
	for _, o := range c.owned {
		after += o.n
		owned[o.form] += o.n
	}
	if after == 0 || after >= all {
		return nil
	}
	base := float64(after) / float64(all)
	out := make(map[string]float32, len(total))
	for w, n := range total {
		p := (float64(owned[w]) + c.p.Owned*base) / (float64(n) + c.p.Owned)
		out[w] = float32(logit(p) - logit(base))
	}
	return out
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
