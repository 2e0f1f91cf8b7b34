package fluency

import (
	"strings"

	"corefix/annotate/lexicon"
)

// observe returns the likely tags of word w, written after the word prev
// ("" at the start of a text). The result points into the model, or into
// buf when it mixes two lists; it must not be changed.
func (m *Model) observe(w, prev string, buf *[]cand) []cand {
	return m.resolve(m.lookup(w), prev, buf)
}

// lookup is where a word's tags are, whatever word comes before it: one
// list of the model's (b empty), or for a capitalised known word two
// lists, the lower-case word's (a) and the guess for the capitalised form
// (b), which mid-sentence are mixed (it may be a name) and after a
// boundary are a alone.
type lookup struct{ a, b candRange }

// lookup finds the tags of word w.
func (m *Model) lookup(w string) lookup {
	k := Key(w)
	if r, ok := m.words[k]; ok {
		return lookup{a: r}
	}
	// A hyphenated compound ("well-known", "all-girl"): EWT splits these,
	// so its last part says most about how the whole is used, read as
	// after the hyphen, a boundary (afterBoundary("-")).
	if i := strings.LastIndexByte(k, '-'); i > 0 && i < len(k)-1 {
		return lookup{a: m.lookup(k[i+1:]).a}
	}
	lower := strings.ToLower(k)
	if r, ok := m.words[lower]; ok && lower != k {
		// A known word capitalised: at a sentence start (or all in
		// capitals) it is that word; in mid-sentence maybe a name.
		if lexicon.AllCaps(k) {
			return lookup{a: r}
		}
		return lookup{a: r, b: m.guess.cands(k)}
	}
	return lookup{a: m.guess.cands(k)}
}

// resolve returns the tags l locates for a word after prev, mixing them
// into buf when l holds two lists and prev is not a boundary.
func (m *Model) resolve(l lookup, prev string, buf *[]cand) []cand {
	if l.b.n == 0 || afterBoundary(prev) {
		return m.list(l.a)
	}
	return m.mix(m.list(l.a), m.list(l.b), buf)
}

// mix returns CapMix·a + (1−CapMix)·b, pruned like a word's tags, in buf.
func (m *Model) mix(a, b []cand, buf *[]cand) []cand {
	start := len(*buf)
	list := (*buf)[start:]
	for _, c := range a {
		list = addTag(list, c.tag, float32(m.p.CapMix)*c.p)
	}
	for _, c := range b {
		list = addTag(list, c.tag, float32(1-m.p.CapMix)*c.p)
	}
	list = m.prune(list)
	*buf = append((*buf)[:start], list...)
	return (*buf)[start:len(*buf):len(*buf)]
}
