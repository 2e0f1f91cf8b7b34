package damage

import "slices"

// piece is a stretch of the output: it stands in for the original tokens
// [lo, hi) and is written either as those tokens (sub == nil) or as a
// substitution's representative. The pieces of a document tile its tokens
// in order, which is what makes the gold exact.
type piece struct {
	lo, hi int
	sub    *substitution
}

// substitution is one representative written in place of a mention.
type substitution struct {
	rep    mention // the representative (its cluster's first mention)
	target mention // the mention it was meant for
}

// substitutions lists what the resolver writes, cluster by cluster in
// the order given: every later mention within the length cap.
func (d *damager) substitutions(cs []cluster) []*substitution {
	var subs []*substitution
	for _, c := range cs {
		for _, m := range c.mentions[1:] {
			if d.cfg.MaxLen == 0 || m.span.Len() <= d.cfg.MaxLen {
				subs = append(subs, &substitution{rep: c.mentions[0], target: m})
			}
		}
	}
	return subs
}

// untouched is one piece per token of the document.
func (d *damager) untouched() []piece {
	ps := make([]piece, len(d.doc.Tokens))
	for i := range ps {
		ps[i] = piece{lo: i, hi: i + 1}
	}
	return ps
}

// shrink is the seed's bug: list[s:e] = [representative] on one list, in
// the mention's original token indices, although every earlier
// replacement of a longer mention made the list shorter. Indices past the
// end are skipped, a mention running past it is cut there.
func (d *damager) shrink(subs []*substitution) []piece {
	list := d.untouched()
	for _, sub := range subs {
		s, e := sub.target.span.Start, min(sub.target.span.End, len(list))
		if s >= len(list) {
			continue
		}
		list = slices.Replace(list, s, e, piece{lo: list[s].lo, hi: list[e-1].hi, sub: sub})
	}
	return list
}

// inPlace writes every representative over its own mention. Without
// Nested, a mention overlapping one already taken is left alone, the
// longer of two starting together going first; with Nested, each mention
// writes the representative into its first token's slot and empties the
// others, later ones overwriting earlier ones.
func (d *damager) inPlace(subs []*substitution) []piece {
	slot := make([]*substitution, len(d.doc.Tokens))
	emptied := make([]bool, len(d.doc.Tokens))
	if d.cfg.Nested {
		for _, sub := range subs {
			s := sub.target.span
			slot[s.Start], emptied[s.Start] = sub, false
			for k := s.Start + 1; k < s.End; k++ {
				slot[k], emptied[k] = nil, true
			}
		}
	} else {
		slices.SortStableFunc(subs, func(a, b *substitution) int {
			if c := a.target.span.Start - b.target.span.Start; c != 0 {
				return c
			}
			return b.target.span.End - a.target.span.End
		})
		taken := 0
		for _, sub := range subs {
			if s := sub.target.span; s.Start >= taken {
				slot[s.Start], taken = sub, s.End
				for k := s.Start + 1; k < s.End; k++ {
					emptied[k] = true
				}
			}
		}
	}
	var ps []piece
	for i := range slot {
		if emptied[i] {
			ps[len(ps)-1].hi = i + 1 // an emptied slot belongs to the piece before
			continue
		}
		ps = append(ps, piece{lo: i, hi: i + 1, sub: slot[i]})
	}
	return ps
}
