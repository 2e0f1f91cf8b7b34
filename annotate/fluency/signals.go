package fluency

import (
	"math"
	"sync"

	"corefix/model"
)

// Every signal is in nats and reads a few tokens of a text (Params.Context
// on each side), so a detector can afford it for each candidate it
// considers; none looks at the whole text.

// Span is what the model says about a candidate span: larger means less
// fluent, 0 means the model has no opinion.
type Span struct {
	// In and Out are the junction surprises (see Surprise) at the span's
	// first token and after its last.
	In, Out float64
	// Drop is how much more fluent the context reads with the span taken
	// out: positive where the words before and after fit each other better
	// than either fits the span.
	Drop float64
	// Gap is the same with the span replaced by one word of any kind: a
	// copied phrase that overwrote a verb leaves a one-word gap that
	// nearly anything fills better ("They [The Democrats] the election").
	Gap float64
	// Pron is how badly a pronoun (the best fitting of the data file's
	// probe words) would fit in place of the span. A correct substitution
	// stands where a pronoun stood, so there one fits; a copy that
	// overwrote other words leaves a slot no pronoun fills.
	Pron float64
}

// scratch holds the buffers of one signal computation; pooled, so the
// signals allocate nothing in the steady state.
type scratch struct {
	words wordCache // first: see wordCache
	buf   []cand    // mixed tag lists
	obs   [][]cand  // the likely tags of each token in the window
	pass  [5]pass
	// tagger and slotWords are Slot.Features' window and its tagging.
	tagger    viterbi
	slotWords []string
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// observe fills s.obs with the likely tags of toks[lo:hi].
func (s *scratch) observe(m *Model, text string, toks []model.Token, lo, hi int) {
	s.buf, s.obs = s.buf[:0], s.obs[:0]
	s.words.use(m)
	for k := lo; k < hi; k++ {
		s.obs = append(s.obs, s.tagsOf(m, text, toks, k))
	}
}

// tagsOf returns the likely tags of toks[k], in s.buf when they mix two
// lists (s.words must be in use for m).
func (s *scratch) tagsOf(m *Model, text string, toks []model.Token, k int) []cand {
	l := s.words.lookup(toks[k].Text(text))
	if l.b.n == 0 {
		return m.list(l.a) // the word before is not read: most words
	}
	prev := ""
	if k > 0 {
		prev = toks[k-1].Text(text)
	}
	return m.resolve(l, prev, &s.buf)
}

// run steps p through a list of words' tags and returns p's score.
func (p *pass) run(obs [][]cand) float64 {
	for _, c := range obs {
		p.step(c)
	}
	return p.score()
}

// Surprise returns how much less likely the tokens just before toks[k]
// and those from k on are together than apart: minus their pointwise
// mutual information under the model. Clean text is mostly below 0 (words
// predict their neighbours); a phrase pasted mid-clause is above it at its
// edges ("thought they | Democrats supposed"). 0 at either end of the text.
func (m *Model) Surprise(text string, toks []model.Token, k int) float64 {
	if k <= 0 || k >= len(toks) {
		return 0
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lo, hi := max(0, k-m.p.Context), min(len(toks), k+m.p.Context)
	s.observe(m, text, toks, lo, hi)
	left, right := s.obs[:k-lo], s.obs[k-lo:]
	p, q := &s.pass[0], &s.pass[1]
	p.start(m)
	sl := p.run(left)
	slr := p.run(right)
	q.start(m)
	return sl + q.run(right) - slr
}

// Span returns the signals for the candidate span toks[i..j] (inclusive).
// Drop, Gap and Pron need words on both sides, and are 0 at either end of
// the text.
func (m *Model) Span(text string, toks []model.Token, i, j int) Span {
	if i < 0 || j < i || j >= len(toks) {
		return Span{}
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lo, hi := max(0, i-m.p.Context), min(len(toks), j+1+m.p.Context)
	s.observe(m, text, toks, lo, hi)
	left, span, right := s.obs[:i-lo], s.obs[i-lo:j+1-lo], s.obs[j+1-lo:]
	kept, alone, drop, gap, probe := &s.pass[0], &s.pass[1], &s.pass[2], &s.pass[3], &s.pass[4]

	kept.start(m)
	sl := kept.run(left)
	drop.fork(kept)
	sls := kept.run(span)
	slsr := kept.run(right)
	alone.start(m)
	ss := alone.run(span)
	ssr := alone.run(right)
	alone.start(m)
	sr := alone.run(right)
	out := Span{In: sl + ss - sls, Out: ss + sr - ssr}
	if len(left) == 0 || len(right) == 0 {
		return out
	}

	// How well the span sits in its context, and how well a pronoun, one
	// word of any kind, or nothing would: each the log of P(left, middle,
	// right) over P(left) P(middle) P(right).
	fit := slsr - sl - ss - sr
	pron := math.Inf(-1)
	for k, c := range m.probes {
		probe.fork(drop)
		probe.step(c)
		pron = max(pron, probe.run(right)-sl-sr-m.probeSelf[k])
	}
	gap.fork(drop)
	gap.step(m.wild)
	word := gap.run(right) - sl - sr
	none := drop.run(right) - sl - sr
	out.Drop, out.Gap, out.Pron = none-fit, word-fit, -pron
	return out
}

// Possessive tells how a possessive ’s after toks[i..j] would read, in
// nats, in two parts. fit: how much likelier ’s is after the span than on
// its own — high after a name or a noun phrase, low after a determiner
// and adjective ("a more vertical position"). gain: how much likelier the
// words after the span read with ’s before them than as they stand —
// high where the span is a possessor that lost its ’s ("until Daniel
// Bernoulli death"), low before a verb ("Daniel Bernoulli died"). Their
// sum is how much likelier the whole reads with ’s, net of how common ’s
// is; the gain alone tells a lost possessor from a subject, which the fit
// cannot (both are names). Both 0 at the end of the text, and from a
// model whose tags have no possessive.
func (m *Model) Possessive(text string, toks []model.Token, i, j int) (fit, gain float64) {
	if i < 0 || j < i || j+1 >= len(toks) || m.clitic == nil {
		return 0, 0
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	lo, hi := max(0, i-m.p.Context), min(len(toks), j+1+m.p.Context)
	s.observe(m, text, toks, lo, hi)
	before, right := s.obs[:j+1-lo], s.obs[j+1-lo:]
	kept, with := &s.pass[0], &s.pass[1]
	kept.start(m)
	sl := kept.run(before)
	with.fork(kept)
	as := kept.run(right) - sl
	with.step(m.clitic)
	sc := with.score()
	return sc - sl - m.cliticSelf, with.run(right) - sc - as
}

// Profile returns, for each token of toks[lo:hi], how much likelier it is
// after the tokens before it in that range than on its own: log P(word |
// words before) − log P(word). The first is the word alone (about 0).
func (m *Model) Profile(text string, toks []model.Token, lo, hi int) []float64 {
	out := m.Factors(text, toks, lo, hi)
	for k, f := range out {
		out[k] = math.Log(f)
	}
	return out
}

// Factors returns Profile's values before their logs: for each token of
// toks[lo:hi], P(word | words before) / P(word). A reader of a few
// tokens' values takes the logs of those it reads: a log for every token
// was a fifth of the pass, and detection reads about one token in ten.
func (m *Model) Factors(text string, toks []model.Token, lo, hi int) []float64 {
	lo, hi = max(0, lo), min(len(toks), hi)
	if lo >= hi {
		return nil
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.pass[0].start(m)
	return s.factors(m, text, toks, lo, hi, make([]float64, 0, hi-lo))
}

// factors steps s.pass[0] over toks[lo:hi] and appends each token's
// factor to out. Each token's tags are looked up as the pass reaches it
// and dropped once stepped (the pass keeps its own copy of the last
// tags): a 20 MB article's tags held at once were half a gigabyte of
// garbage, and listing even a block of them first wrote a slice a token.
func (s *scratch) factors(m *Model, text string, toks []model.Token, lo, hi int, out []float64) []float64 {
	p := &s.pass[0]
	s.words.use(m)
	for k := lo; k < hi; k++ {
		s.buf = s.buf[:0]
		out = append(out, p.step(s.tagsOf(m, text, toks, k)))
	}
	return out
}
