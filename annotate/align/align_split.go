package align

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"corefix/annotate/lexicon"
)

// Two substitutions side by side ("visas to enter" → "U.S. President
// Donald Trump ’s Washington D.C.") leave one hunk with two
// representatives, and nothing in the replaced words says where the first
// slice ends. The mechanism does. Each slice is as long as the mention it
// was meant for, and that mention still stands in the original k tokens
// to the left, k being the drift when the slice was replaced: a slice of
// length l for representative r is likely when a phrase of length l
// naming r's entity (sharing its words, or a pronoun) starts k tokens
// before it, best a whole noun phrase rather than a piece of one
// (align_constituent.go). k is bounded by what the pipeline rewrote
// before r's turn left of the slice (driftBound; a mention further left
// counts less), and the drifts of one hunk's slices are tied by their
// turns (align_joint.go). The mentions of one entity also tend to have
// one length (a pronoun, a surname), so the slice lengths seen for r
// elsewhere in the article add their likelihood. A slice never ends
// inside a word of the corpus. The weights and bounds are in rules.json
// ("split"); other bounds and scores measured no better (measurements:
// docs/experiments.md).

// turns returns each representative's turn in the pipeline: clusters are
// rewritten in the order of their first mentions, the representatives,
// so a representative's first place in the original is its turn (-1: not
// in the original, turn unknown).
func (a *alignment) turns(inv []rep) []int {
	out := make([]int, len(inv))
	for n, r := range inv {
		out[n] = a.origIndex(r.ids)
	}
	return out
}

// driftBounds answers driftBound queries for the substitutions of an
// article in text order: the drift of a slice of representative r at
// original token p, the substitutions before it being done, is bounded by
// what was rewritten before r's turn, left of p. That is the slices
// before p of representatives whose turn came earlier, and of r itself,
// each saving its length less one per representative, and the first
// mentions of those representatives, which the pipeline replaced by
// themselves. The bound plus drift_slack holds for nearly all of GUM's
// substitutions, in a much narrower window than all savings before p
// (measurements: docs/experiments.md).
//
// Summing over every earlier substitution at each query made the split
// quadratic in the substitutions of an article (a tenth of exact mode on
// a 1 MB pair); the sums are kept as the substitutions go by instead:
// savings by the earliest turn among each substitution's representatives
// (a Fenwick tree), the savings of substitutions whose earliest turn is
// r's own kept per representative, and the first mentions' savings as
// prefix sums over their turns.
type driftBounds struct {
	slack  int
	subs   []substitution
	inv    []rep
	turn   []int
	done   int   // subs[:done] are summed
	turns  []int // the distinct known turns, ascending
	tree   []int // Fenwick tree over turns: savings by earliest known turn
	all    int   // savings of every summed substitution with a representative
	atTurn []int // per representative: savings of summed substitutions holding it whose earliest known turn is its own
	// The first mentions of the representatives written somewhere, by
	// turn: firstAt ascending, firstSum[k] the savings of firstAt[:k].
	firstAt, firstSum []int
}

func (a *alignment) newDriftBounds(subs []substitution, used map[int]bool, inv []rep, turn []int) *driftBounds {
	b := &driftBounds{slack: a.rules.Split.DriftSlack.Value, subs: subs, inv: inv, turn: turn, atTurn: make([]int, len(inv))}
	for _, f := range turn {
		if f >= 0 {
			b.turns = append(b.turns, f)
		}
	}
	slices.Sort(b.turns)
	b.turns = slices.Compact(b.turns)
	b.tree = make([]int, len(b.turns)+1)
	type first struct{ at, saves int }
	var firsts []first
	for q := range used {
		if f := turn[q]; f >= 0 {
			firsts = append(firsts, first{f, len(inv[q].ids) - 1})
		}
	}
	slices.SortFunc(firsts, func(x, y first) int { return cmp.Compare(x.at, y.at) })
	b.firstSum = append(b.firstSum, 0)
	for _, f := range firsts {
		b.firstAt = append(b.firstAt, f.at)
		b.firstSum = append(b.firstSum, b.firstSum[len(b.firstSum)-1]+f.saves)
	}
	return b
}

// bound is the drift bound of a slice of representative r at original
// token p, for subs[i], the substitutions before it being done. Queries
// come in text order: i and p never decrease.
func (b *driftBounds) bound(i, r, p int) int {
	for ; b.done < i && b.subs[b.done].a1 < p; b.done++ {
		b.add(b.subs[b.done])
	}
	mine := b.turn[r]
	// First mentions before p whose turn came earlier, and r's own.
	firsts := func(limit int) int {
		k, _ := slices.BinarySearch(b.firstAt, limit) // turns below limit
		return b.firstSum[k]
	}
	bound := b.slack
	if mine < 0 {
		bound += firsts(p) + b.all
		return bound
	}
	bound += firsts(min(p, mine))
	if mine < p {
		bound += len(b.inv[r].ids) - 1
	}
	k, _ := slices.BinarySearch(b.turns, mine)
	for ; k > 0; k -= k & -k {
		bound += b.tree[k]
	}
	return bound + b.atTurn[r]
}

// add sums a done substitution's savings.
func (b *driftBounds) add(t substitution) {
	saves := max(0, t.a2-t.a1-len(t.reps))
	if saves == 0 || len(t.reps) == 0 {
		return
	}
	b.all += saves
	earliest := -1
	for _, q := range t.reps {
		if f := b.turn[q]; f >= 0 && (earliest < 0 || f < earliest) {
			earliest = f
		}
	}
	if earliest < 0 {
		return
	}
	for j, q := range t.reps {
		if b.turn[q] == earliest && !slices.Contains(t.reps[:j], q) {
			b.atTurn[q] += saves
		}
	}
	k, _ := slices.BinarySearch(b.turns, earliest)
	for k++; k < len(b.tree); k += k & -k {
		b.tree[k] += saves
	}
}

// splitWord is the score of a slice that ends inside a word: never
// chosen while another cut exists.
const splitWord = -1e6

// splitJoined cuts every substitution whose resolved side is exactly a
// run of representatives into one substitution per representative.
func (a *alignment) splitJoined(subs []substitution, inv []rep) []substitution {
	lengths := make(map[int]map[int]int) // representative → slice length → count
	for _, s := range subs {
		if len(s.reps) == 1 && s.b2-s.b1 == len(inv[s.reps[0]].ids) && s.a2 > s.a1 {
			if lengths[s.reps[0]] == nil {
				lengths[s.reps[0]] = make(map[int]int)
			}
			lengths[s.reps[0]][s.a2-s.a1]++
		}
	}
	turn := a.turns(inv)
	used := make(map[int]bool) // the representatives written somewhere
	for _, s := range subs {
		for _, r := range s.reps {
			used[r] = true
		}
	}
	bounds := a.newDriftBounds(subs, used, inv, turn)
	var out []substitution
	for i, s := range subs {
		if !a.joined(s, inv) {
			out = append(out, s)
			continue
		}
		n, m := s.a2-s.a1, len(s.reps)
		words := make([]map[string]bool, m)
		window := make([]int, m)
		for k, r := range s.reps {
			words[k] = a.contentWords(inv[r].ids)
			window[k] = bounds.bound(i, r, s.a1)
		}
		lengthScore := func(k, from, l int) float64 {
			if end := s.a1 + from + l; end < s.a2 && a.ot[end-1].End == a.ot[end].Start {
				// The pipeline's list cells are the corpus's words: a
				// slice never ends inside one ("vs." is one cell).
				return splitWord
			}
			return lengthLogp(lengths[s.reps[k]], l, a.rules.Split.LengthPrior.Value)
		}
		// The joint cut (align_joint.go) weighs a slice's few best
		// mentions, computed once per (representative, start, length)
		// and only for lengths a mention is likely to have.
		cands := make(map[[3]int][]mentionAt)
		cuts := jointCuts(&a.rules.Split, n, s.reps, turn, lengthScore, func(k, from, l int) []mentionAt {
			if l > a.rules.Split.MaxMentionLen.Value {
				return nil
			}
			key := [3]int{k, from, l}
			c, ok := cands[key]
			if !ok {
				c = a.mentionsBefore(words[k], s.a1+from, l, window[k])
				cands[key] = c
			}
			return c
		})
		if cuts == nil {
			cuts = a.cutApart(s, words, window, lengthScore)
		}
		a1, b1 := s.a1, s.b1
		for k, r := range s.reps {
			n := len(inv[r].ids)
			out = append(out, substitution{hunk: hunk{a1: a1, a2: a1 + cuts[k], b1: b1, b2: b1 + n}, reps: []int{r}})
			a1, b1 = a1+cuts[k], b1+n
		}
	}
	return out
}

// joined reports whether s replaced words with two or more whole
// representatives and nothing else, with at least a word for each.
func (a *alignment) joined(s substitution, inv []rep) bool {
	if len(s.reps) < 2 || s.a2-s.a1 < len(s.reps) {
		return false
	}
	n := 0
	for _, r := range s.reps {
		n += len(inv[r].ids)
	}
	return n == s.b2-s.b1
}

// contentWords is the set of lower-cased open-class words of a token
// sequence: what a mention of the same entity may share with it.
func (a *alignment) contentWords(ids []int32) map[string]bool {
	out := make(map[string]bool)
	for _, id := range ids {
		w := a.texts[id]
		if isContent(lexicon.Classify(w, lexicon.Lexicon())) {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

// mentionBefore scores, in [0,1], the best phrase of l original tokens
// starting k ≤ window tokens before original token p (k = 0: a slice may
// be its own mention) as a mention of the entity whose representative
// has the content words words; a phrase that is not a whole noun phrase
// keeps part of its score (wholeness).
func (a *alignment) mentionBefore(words map[string]bool, p, l, window int) float64 {
	r := &a.rules.Split
	best := 0.0
	for k := 0; k <= r.MaxDrift.Value && k <= p; k++ {
		if p-k+l > len(a.ot) {
			continue
		}
		v := a.mentionScore(words, p-k, l)
		if v > best {
			v *= a.wholeness(p-k, l)
		}
		if k > window {
			v *= r.BeyondBound.Value
		}
		best = max(best, v)
	}
	return best
}

// mentionScore scores original tokens [start, start+l) as a mention of
// the entity whose representative has the content words words: the share
// of its tokens that are such words, a leading determiner counting with
// them; a lone pronoun fits any entity, so it scores pronoun_mention. A
// phrase across a sentence end is no mention.
func (a *alignment) mentionScore(words map[string]bool, start, l int) float64 {
	if l == 1 && lexicon.IsPronoun(a.origClass(start)) {
		return a.rules.Split.PronounMention.Value
	}
	hits := 0
	for i := start; i < start+l; i++ {
		w := a.ot[i].Text(a.orig.Text)
		switch {
		case endsSentence(w):
			return 0
		case words[strings.ToLower(w)]:
			hits++
		}
	}
	if hits > 0 && isDeterminer(a.origClass(start)) {
		hits++
	}
	if hits > 0 && l > 1 && endsWithClitic(a.ot[start+l-1].Text(a.orig.Text)) {
		// A possessive mention takes its ’s along ("New Zealand ’s").
		hits++
	}
	return float64(hits) / float64(l)
}

// cutApart cuts a hunk too long for the joint search slice by slice:
// bestCuts over each slice's length score and its best mention
// (mentionBefore). It tries every slice length at every start, so the
// mention evidence is computed once per (representative, start, length).
func (a *alignment) cutApart(s substitution, words []map[string]bool, window []int, lengthScore func(k, from, l int) float64) []int {
	n, m := s.a2-s.a1, len(s.reps)
	maxLen, weight := a.rules.Split.MaxMentionLen.Value, a.rules.Split.MentionWeight.Value
	evidence := make([]float64, m*n*maxLen)
	for i := range evidence {
		evidence[i] = -1
	}
	return bestCuts(n, m, func(k, from, l int) float64 {
		v := lengthScore(k, from, l)
		if l > maxLen || v == splitWord {
			return v
		}
		e := &evidence[(k*n+from)*maxLen+l-1]
		if *e < 0 {
			*e = a.mentionBefore(words[k], s.a1+from, l, window[k])
		}
		return v + weight**e
	})
}

// lengthLogp is the log-likelihood of a slice of l tokens for a
// representative whose other slices had the lengths seen: add-one
// smoothing over a prior that multiplies by prior with each token.
func lengthLogp(seen map[int]int, l int, prior float64) float64 {
	total := 0
	for _, c := range seen {
		total += c
	}
	return math.Log((float64(seen[l]) + math.Pow(prior, float64(l))) / float64(total+1))
}

// bestCuts splits n replaced tokens into m slices of at least one token,
// maximising the sum of score(k, from, l) for slice k of length l
// starting at replaced token from: dynamic programming over (slice,
// tokens used).
func bestCuts(n, m int, score func(k, from, l int) float64) []int {
	best := make([][]float64, m+1)
	from := make([][]int, m+1)
	for k := range best {
		best[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for u := range best[k] {
			best[k][u] = math.Inf(-1)
		}
	}
	best[0][0] = 0
	for k := 1; k <= m; k++ {
		for u := k; u <= n-(m-k); u++ {
			for l := 1; l <= u-(k-1); l++ {
				if v := best[k-1][u-l] + score(k-1, u-l, l); v > best[k][u] {
					best[k][u], from[k][u] = v, l
				}
			}
		}
	}
	cuts := make([]int, m)
	for k, u := m, n; k > 0; k-- {
		cuts[k-1] = from[k][u]
		u -= from[k][u]
	}
	return cuts
}
