package fluency

import "corefix/model"

// Swap writes into gains[k] how much likelier the words around toks[i..j]
// read with the span written as words[k] instead, in nats; "" takes the
// span out. Each word counts net of how common it is on its own (as in
// Profile), so a word is not worse for being rare: "me" against "I"
// before "have", "our" against "we" before "identified". The span and its
// context are read once for all the words (a pronoun's other forms are
// tried together). gains must be as long as words; a span outside the
// text gains 0 for every word.
func (m *Model) Swap(text string, toks []model.Token, i, j int, words []string, gains []float64) {
	if i < 0 || j < i || j >= len(toks) {
		clear(gains)
		return
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lo, hi := max(0, i-m.p.Context), min(len(toks), j+1+m.p.Context)
	s.observe(m, text, toks, lo, hi)
	left, span, right := s.obs[:i-lo], s.obs[i-lo:j+1-lo], s.obs[j+1-lo:]
	kept, before, swapped := &s.pass[0], &s.pass[1], &s.pass[2]
	kept.start(m)
	kept.run(left)
	before.fork(kept)
	kept.run(span)
	as := kept.run(right)
	prev := ""
	if i > 0 {
		prev = toks[i-1].Text(text)
	}
	for k, w := range words {
		swapped.fork(before)
		if w != "" {
			swapped.step(m.resolve(s.words.lookup(w), prev, &s.buf))
		}
		gains[k] = swapped.run(right) - as
	}
}
