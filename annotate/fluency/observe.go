package fluency

import (
	"strings"

	"corefix/annotate/lexicon"
)

// observe returns the likely tags of word w, written after the word prev
// ("" at the start of a text). The result points into the model, or into
// buf when it mixes two lists; it must not be changed.
func (m *Model) observe(w, prev string, buf *[]cand) []cand {
	k := Key(w)
	if r, ok := m.words[k]; ok {
		return m.list(r)
	}
	// A hyphenated compound ("well-known", "all-girl"): EWT splits these,
	// so its last part says most about how the whole is used.
	if i := strings.LastIndexByte(k, '-'); i > 0 && i < len(k)-1 {
		return m.observe(k[i+1:], "-", buf)
	}
	lower := strings.ToLower(k)
	if r, ok := m.words[lower]; ok && lower != k {
		// A known word capitalised: at a sentence start (or all in
		// capitals) it is that word; in mid-sentence maybe a name.
		if afterBoundary(prev) || lexicon.AllCaps(k) {
			return m.list(r)
		}
		return m.mix(m.list(r), m.guess.cands(k), buf)
	}
	return m.guess.cands(k)
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
