package fluency

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The guesser tells an unseen word's likely tags from its shape and
// ending, much as TnT does (Brants 2000): the tags of rare seen words with
// the same first-letter shape and the same last letters, each longer
// suffix's estimate smoothed toward the shorter one's. Rare words stand in
// for unseen ones: both are mostly open-class. TnT's smoothing weight (the
// spread of the tag priors, the same for every suffix) let suffixes seen
// once or twice overrule their shorter ones; a pseudo-count (Params.Smooth)
// gives way to the longer suffix only as evidence for it grows, and tags
// about 4% more unseen words right on a held-out EWT genre.

// Word shapes, by first character.
const (
	shapeLower = iota // a lower-case letter (or a letter without case)
	shapeUpper        // a capital
	shapeDigit        // a digit
	shapeOther        // anything else: punctuation, symbols
	numShapes
)

// guesser holds the suffix statistics of rare words, one tree per shape.
type guesser struct {
	m      *Model
	suffix [numShapes]map[string]*suffixNode
}

// suffixNode counts the tags of the rare words that end in one suffix
// (lower-cased); the empty suffix counts every rare word of a shape.
type suffixNode struct {
	count map[int]int // while the tree is built
	tags  []tagCount  // the same, once it is
	total int
	cands candRange // the guess for a word whose longest known suffix this is
}

func newGuesser(c *counts, m *Model) guesser {
	g := guesser{m: m}
	for s := range g.suffix {
		g.suffix[s] = map[string]*suffixNode{}
	}
	for _, w := range c.words {
		if w.total > c.p.Rare {
			continue
		}
		tree := g.suffix[shape(w.form)]
		for l := 0; l <= c.p.Suffix; l++ {
			s, ok := tail(w.form, l)
			if !ok {
				break
			}
			node := tree[s]
			if node == nil {
				node = &suffixNode{count: map[int]int{}}
				tree[s] = node
			}
			for k, t := range w.tags {
				node.count[t] += w.count[k]
			}
			node.total += w.total
		}
	}
	for _, tree := range g.suffix {
		for _, node := range tree {
			for t, n := range node.count {
				node.tags = append(node.tags, tagCount{t, n})
			}
			node.count = nil
		}
	}
	vec := make([]float64, len(m.prior))
	for s, tree := range g.suffix {
		for suf, node := range tree {
			g.chain(s, suf, vec)
			node.cands = m.keep(vec)
		}
	}
	return g
}

// vector writes the guessed P(tag | w) for every tag into vec.
func (g *guesser) vector(w string, vec []float64) { g.chain(shape(w), w, vec) }

// chain writes into vec the estimate for the longest known suffix of w
// among words of shape s, built up from the empty suffix.
func (g *guesser) chain(s int, w string, vec []float64) {
	copy(vec, g.m.prior)
	tree := g.suffix[s]
	for l := 0; l <= g.m.p.Suffix; l++ {
		suf, ok := tail(w, l)
		node := tree[suf]
		if !ok || node == nil {
			return
		}
		// (count + k·shorter) / (total + k)
		k, total := g.m.p.Smooth, float64(node.total)
		for t := range vec {
			vec[t] *= k / (total + k)
		}
		for _, tc := range node.tags {
			vec[tc.tag] += float64(tc.n) / (total + k)
		}
	}
}

// cands returns the guessed tags of an unseen word.
func (g *guesser) cands(w string) []cand {
	tree := g.suffix[shape(w)]
	var best *suffixNode
	for l := 0; l <= g.m.p.Suffix; l++ {
		suf, ok := tail(w, l)
		node := tree[suf]
		if !ok || node == nil {
			break
		}
		best = node
	}
	if best == nil {
		return g.m.wild // no rare word of this shape was seen: anything goes
	}
	return g.m.list(best.cands)
}

// tagCount is how often a tag was seen.
type tagCount struct{ tag, n int }

// shape classifies a word by its first character.
func shape(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return shapeUpper
	case unicode.IsLetter(r):
		return shapeLower
	case unicode.IsDigit(r):
		return shapeDigit
	}
	return shapeOther
}

// tail returns the last l characters of w, lower-cased, and whether w has
// that many.
func tail(w string, l int) (string, bool) {
	i := len(w)
	for range l {
		if i == 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return strings.ToLower(w[i:]), true
}
