package fluency

import "math/bits"

// slotWeights holds the slot model's weights by key for Odds, which
// reads some two dozen of them a call: an open-addressing table of
// uint32 keys found by one multiplication and a short probe, where a Go
// map hashed each key (a sixth of Odds). Key 0 marks an empty slot; no
// feature has it (every key's top byte is its kind, from 1).
type slotWeights struct {
	keys  []uint32
	vals  []float64
	shift uint // 32 − log2 of the table's size
}

// newSlotWeights returns the table of w, at most half full.
func newSlotWeights(w map[uint32]float64) slotWeights {
	size := 1 << bits.Len(uint(2*len(w)))
	t := slotWeights{keys: make([]uint32, size), vals: make([]float64, size), shift: uint(32 - bits.TrailingZeros(uint(size)))}
	for k, v := range w {
		i := t.home(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (size - 1)
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

// home is where the probe for key k starts.
func (t *slotWeights) home(k uint32) int { return int((k * 0x9e3779b1) >> t.shift) }

// get returns the weight of key k, 0 for a key without one (as the map's
// zero value).
func (t *slotWeights) get(k uint32) float64 {
	mask := len(t.keys) - 1
	for i := t.home(k); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}
