package fluency

import "corefix/model"

// Swap returns how much likelier the words around toks[i..j] read with
// the span written as word instead, in nats; "" takes the span out. Each
// word counts net of how common it is on its own (as in Profile), so a
// word is not worse for being rare: "me" against "I" before "have", "our"
// against "we" before "identified". 0 for a span outside the text.
func (m *Model) Swap(text string, toks []model.Token, i, j int, word string) float64 {
	if i < 0 || j < i || j >= len(toks) {
		return 0
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lo, hi := max(0, i-m.p.Context), min(len(toks), j+1+m.p.Context)
	s.observe(m, text, toks, lo, hi)
	left, span, right := s.obs[:i-lo], s.obs[i-lo:j+1-lo], s.obs[j+1-lo:]
	kept, swapped := &s.pass[0], &s.pass[1]
	kept.start(m)
	kept.run(left)
	swapped.fork(kept)
	kept.run(span)
	as := kept.run(right)
	if word != "" {
		prev := ""
		if i > 0 {
			prev = toks[i-1].Text(text)
		}
		swapped.step(m.resolve(s.words.lookup(word), prev, &s.buf))
	}
	return swapped.run(right) - as
}
