package fluency

import (
	"math"
	"strings"

	"corefix/model"
)

// The possessive slot. A resolver that writes a bare name for "his"
// ("until Daniel Bernoulli death") leaves a possessive determiner's slot
// filled by a noun phrase with no ’s; one that writes it for "him" ("gave
// Daniel Bernoulli books") fills an object's. Which of the two a slot was
// is in the words around it, not in what fills it, and clean text says
// how those words read around each: in the treebank every personal
// pronoun is one or the other (PRP$ "his", PRP "he", "him"). Slot is a
// logistic model of that choice, learned from EWT's pronouns (corefix-lab
// possessive-slot), over the tags of the word before the slot and the
// three after it, how often a possessive precedes the word after it
// (Owned), and how the words after read with ’s before them (the gain of
// Possessive) — the tags read with the slot filled by one name, so a
// pronoun in training and a noun phrase in a damaged text are read alike.

// SlotWindow is the words around a slot: two before it, the slot, three
// after; "" where the text has none. The slot itself is read as
// SlotWord, whatever fills it.
type SlotWindow [6]string

// SlotWord is the name every slot is read as.
const SlotWord = "Smith"

// slotAt is the index of the slot in a SlotWindow.
const slotAt = 2

// SlotFeature is one feature of a window: its key and value.
type SlotFeature struct {
	Key   uint32
	Value float64
}

// The kinds of feature, the top byte of a key; the bytes below name the
// tags, the tags' UPOS or a bucket (slotKey).
const (
	slotBias      = iota + 1
	slotTag       // a window word's tag: position, tag
	slotUPOS      // a window word's UPOS: position, upos
	slotAfterPair // the UPOS of the two words after the slot
	slotAround    // the UPOS of the words either side of the slot
	slotAfterRun  // the UPOS of the three words after the slot
	slotOwned     // Owned of the word after the slot (a fifth of it)
	slotOwnedNat  // Owned of the word after, rounded down to whole nats
	slotCapital   // the word after starts with a capital
	slotOwnedNext // Owned of the second word after the slot (a fifth)
	slotGain      // Possessive's gain after the slot (a third)
	slotHead      // the first noun after the slot: its position, and none
	slotHeadOwned // Owned of that noun (a fifth)
	slotKinds
)

// slotNone stands for the tag of a word the window lacks.
const slotNone = 0xff

func slotKey(kind, a, b, c int) uint32 {
	return uint32(kind)<<24 | uint32(a&0xff)<<16 | uint32(b&0xff)<<8 | uint32(c&0xff)
}

// ownedNatMin and ownedNatMax bound slotOwnedNat's buckets.
const ownedNatMin, ownedNatMax = -8, 8

// Slot is the possessive-slot model over a fluency Model. Its weights are
// nil in a Slot made to list features for training (NewSlot).
type Slot struct {
	m        *Model
	upos     []uint8  // the UPOS index of every tag
	uposName []string // the UPOS of each index
	noun     []bool   // whether each tag is a noun's (NOUN, PROPN)
	weights  map[uint32]float64
	table    slotWeights // the weights as Odds reads them
}

// NewSlot returns the features of the possessive slot over m, with no
// weights: what corefix-lab possessive-slot trains.
func NewSlot(m *Model) *Slot {
	s := &Slot{m: m, upos: make([]uint8, len(m.tags)), noun: make([]bool, len(m.tags))}
	index := map[string]uint8{}
	for t, p := range m.tags {
		s.noun[t] = p.upos == "NOUN" || p.upos == "PROPN"
		k, ok := index[p.upos]
		if !ok {
			k = uint8(len(s.uposName))
			index[p.upos] = k
			s.uposName = append(s.uposName, p.upos)
		}
		s.upos[t] = k
	}
	return s
}

// WindowAt returns the window around the slot toks[i..j] of text.
func WindowAt(text string, toks []model.Token, i, j int) SlotWindow {
	var w SlotWindow
	for k, t := range [...]int{i - 2, i - 1, -1, j + 1, j + 2, j + 3} {
		if t >= 0 && t < len(toks) {
			w[k] = toks[t].Text(text)
		}
	}
	return w
}

// Features appends the features of window w to dst, where gain is how
// much likelier the words after the slot read with ’s before them
// (Possessive's gain).
func (s *Slot) Features(w SlotWindow, gain float64, dst []SlotFeature) []SlotFeature {
	return s.features(w, gain, s.m.Owned(w[slotAt+1]), dst)
}

// TrainingFeatures is Features of a pronoun's slot in the treebank the
// model's Owned is counted from, possessive if the pronoun was one: the
// word after the slot is read with that occurrence left out
// (Model.OwnedLeavingOut), as a word of a text the treebank lacks is.
func (s *Slot) TrainingFeatures(w SlotWindow, gain float64, possessive bool, dst []SlotFeature) []SlotFeature {
	return s.features(w, gain, s.m.OwnedLeavingOut(w[slotAt+1], possessive), dst)
}

// features is Features with owned, Owned of the word after the slot.
func (s *Slot) features(w SlotWindow, gain, owned float64, dst []SlotFeature) []SlotFeature {
	// The buffers are pooled: the detector reads a slot for most of its
	// candidates.
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.words.use(s.m)
	w[slotAt] = SlotWord
	words := sc.slotWords[:0]
	var at [len(w)]int // the index in words of each word of w, -1 for none
	for k, x := range w {
		at[k] = -1
		if x != "" {
			at[k] = len(words)
			words = append(words, x)
		}
	}
	sc.slotWords = words
	tags := sc.tagger.tag(s.m, words, &sc.words)
	tag := func(k int) (t, u int) {
		if at[k] < 0 {
			return slotNone, slotNone
		}
		t = int(tags[at[k]])
		return t, int(s.upos[t])
	}
	add := func(key uint32, v float64) { dst = append(dst, SlotFeature{key, v}) }
	add(slotKey(slotBias, 0, 0, 0), 1)
	var u [len(w)]int
	for _, k := range [...]int{1, 3, 4} {
		t, up := tag(k)
		add(slotKey(slotTag, k, t, 0), 1)
		add(slotKey(slotUPOS, k, up, 0), 1)
		u[k] = up
	}
	_, u[5] = tag(5)
	add(slotKey(slotAfterPair, u[3], u[4], 0), 1)
	add(slotKey(slotAround, u[1], u[3], 0), 1)
	add(slotKey(slotAfterRun, u[3], u[4], u[5]), 1)
	if w[3] != "" {
		add(slotKey(slotOwned, 0, 0, 0), owned/5)
		nat := min(max(int(math.Floor(owned)), ownedNatMin), ownedNatMax)
		add(slotKey(slotOwnedNat, nat-ownedNatMin, 0, 0), 1)
		if c := w[3][0]; c >= 'A' && c <= 'Z' {
			add(slotKey(slotCapital, 0, 0, 0), 1)
		}
		add(slotKey(slotGain, 0, 0, 0), gain/3)
	}
	if w[4] != "" {
		add(slotKey(slotOwnedNext, 0, 0, 0), s.m.Owned(w[4])/5)
	}
	// The noun a possessive would own may stand behind an adjective or
	// two ("his younger sister"), where the word right after the slot
	// says little of it.
	head := slotAt + 1
	for ; head < len(w); head++ {
		if t, _ := tag(head); t != slotNone && s.noun[t] {
			break
		}
	}
	add(slotKey(slotHead, head-slotAt, 0, 0), 1)
	switch {
	case head == slotAt+1:
		add(slotKey(slotHeadOwned, 0, 0, 0), owned/5)
	case head < len(w):
		add(slotKey(slotHeadOwned, 0, 0, 0), s.m.Owned(w[head])/5)
	}
	return dst
}

// SplicedGain returns Possessive's gain after words[k] replaced by
// SlotWord: how corefix-lab reads a pronoun's slot in training, as far on
// either side as Possessive reads a span of a text.
func (m *Model) SplicedGain(words []string, k int) float64 {
	lo, hi := max(0, k-m.p.Context), min(len(words), k+1+m.p.Context)
	if k+1 >= hi {
		return 0
	}
	var b strings.Builder
	for t := lo; t < hi; t++ {
		if t > lo {
			b.WriteByte(' ')
		}
		if t == k {
			b.WriteString(SlotWord)
		} else {
			b.WriteString(words[t])
		}
	}
	window := b.String()
	toks := model.Tokenize(window)
	if len(toks) != hi-lo {
		return 0 // a word the tokenizer splits: no gain to read
	}
	_, gain := m.Possessive(window, toks, k-lo, k-lo)
	return gain
}

// Odds returns the log-odds that the slot toks[i..j] of text was a
// possessive determiner's: above 0 where the words around it read more
// like "his …" than "he …" or "him …" in clean text. gain is Possessive's
// gain of the slot. 0 from a Slot with no weights.
func (s *Slot) Odds(text string, toks []model.Token, i, j int, gain float64) float64 {
	if s.weights == nil {
		return 0
	}
	var buf [24]SlotFeature
	z := 0.0
	for _, f := range s.Features(WindowAt(text, toks, i, j), gain, buf[:0]) {
		z += s.table.get(f.Key) * f.Value
	}
	return z
}
