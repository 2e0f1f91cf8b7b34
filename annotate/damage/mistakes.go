package damage

import (
	"errors"
	"slices"

	"corefix/annotate/lexicon"
)

// The mistakes a coreference model makes, applied to the gold clusters in
// this order, each at its Config rate. A mention keeps its gold span and
// entity wherever it goes, which is how the gold knows what was meant.

// mistakes returns the clusters a model with cfg's error rates returns.
func (d *damager) mistakes(cs []cluster) ([]cluster, error) {
	var err error
	if d.cfg.WrongAntecedent > 0 {
		if cs, err = d.wrongAntecedents(cs); err != nil {
			return nil, err
		}
	}
	if d.cfg.Merge > 0 {
		cs = d.merge(cs)
	}
	if d.cfg.Split > 0 {
		cs = d.split(cs)
	}
	if d.cfg.PronounOnly > 0 {
		d.pronounOnly(cs)
	}
	if d.cfg.Boundary > 0 {
		d.boundaries(cs)
	}
	return cs, nil
}

// wrongAntecedents moves third-person pronouns to the cluster of the
// nearest noun mention before them that has their number and names
// another entity, as a model that links to the closest candidate does.
func (d *damager) wrongAntecedents(cs []cluster) ([]cluster, error) {
	if !d.w.Tagged() {
		return nil, errors.New("wrong antecedents need part-of-speech tags (CoNLL-U input)")
	}
	type noun struct {
		cluster int
		m       mention
		number  string
	}
	var nouns []noun
	for ci, c := range cs {
		for _, m := range c.mentions {
			if n := d.w.HeadNumber(m.span); n != "" {
				nouns = append(nouns, noun{ci, m, n})
			}
		}
	}
	slices.SortFunc(nouns, func(a, b noun) int { return a.m.span.Compare(b.m.span) })
	type move struct{ from, index, to int }
	var moves []move
	for ci, c := range cs {
		for mi, m := range c.mentions[1:] {
			number := d.w.PronounNumber(m.span)
			if number == "" || d.rng.Float64() >= d.cfg.WrongAntecedent {
				continue
			}
			for k := len(nouns) - 1; k >= 0; k-- {
				n := nouns[k]
				if n.m.span.End <= m.span.Start && n.number == number && n.m.entity != m.entity {
					moves = append(moves, move{ci, mi + 1, n.cluster})
					break
				}
			}
		}
	}
	gone := map[[2]int]bool{}
	for _, mv := range moves {
		cs[mv.to].mentions = append(cs[mv.to].mentions, cs[mv.from].mentions[mv.index])
		gone[[2]int{mv.from, mv.index}] = true
	}
	out := cs[:0]
	for ci, c := range cs {
		kept := c.mentions[:0:0]
		for mi, m := range c.mentions {
			if !gone[[2]int{ci, mi}] {
				kept = append(kept, m)
			}
		}
		if len(kept) > 0 {
			c.mentions = kept
			c.sortMentions()
			out = append(out, c)
		}
	}
	return out, nil
}

// merge joins clusters to the one introduced just before them.
func (d *damager) merge(cs []cluster) []cluster {
	byFirst := make([]int, len(cs))
	for i := range byFirst {
		byFirst[i] = i
	}
	slices.SortStableFunc(byFirst, func(a, b int) int { return cs[a].mentions[0].span.Compare(cs[b].mentions[0].span) })
	root := make([]int, len(cs)) // the cluster each one joins (itself when none)
	for i := range root {
		root[i] = i
	}
	for k := 1; k < len(byFirst); k++ {
		if d.rng.Float64() < d.cfg.Merge {
			root[byFirst[k]] = root[byFirst[k-1]]
		}
	}
	for i := range cs {
		if r := root[i]; r != i {
			cs[r].mentions = append(cs[r].mentions, cs[i].mentions...)
		}
	}
	out := cs[:0]
	for i, c := range cs {
		if root[i] == i {
			c.sortMentions()
			out = append(out, c)
		}
	}
	return out
}

// split cuts clusters of four or more mentions in two, each half of at
// least two; the second half's first mention becomes its representative.
func (d *damager) split(cs []cluster) []cluster {
	var out []cluster
	for _, c := range cs {
		n := len(c.mentions)
		if n < 4 || d.rng.Float64() >= d.cfg.Split {
			out = append(out, c)
			continue
		}
		k := 2 + d.rng.IntN(n-3)
		out = append(out, cluster{c.mentions[:k:k]}, cluster{c.mentions[k:]})
	}
	return out
}

// pronounOnly keeps only the pronoun mentions of clusters that have two or
// more and do not start with one, as a model that never linked the names
// does: the representative is a pronoun ("he", "This").
func (d *damager) pronounOnly(cs []cluster) {
	for i, c := range cs {
		var pronouns []mention
		for _, m := range c.mentions {
			if d.w.Pronoun(m.span) {
				pronouns = append(pronouns, m)
			}
		}
		if len(pronouns) < 2 || d.w.Pronoun(c.mentions[0].span) || d.rng.Float64() >= d.cfg.PronounOnly {
			continue
		}
		cs[i].mentions = pronouns
	}
}

// boundaries moves mention starts by a determiner: one leading a mention
// of two or more words is left out ("the team" → "team"), one just before
// a mention is taken in ("the Trump administration": "Trump" → "the
// Trump").
func (d *damager) boundaries(cs []cluster) {
	for i := range cs {
		for j := range cs[i].mentions {
			m := &cs[i].mentions[j]
			if d.rng.Float64() >= d.cfg.Boundary {
				continue
			}
			switch {
			case m.span.Len() >= 2 && d.w.Class(m.span.Start) == lexicon.Det:
				m.span.Start++
			case m.span.Start > 0 && d.w.Class(m.span.Start-1) == lexicon.Det:
				m.span.Start--
			}
		}
		cs[i].sortMentions()
	}
}
