package align

import "hash/maphash"

// interner gives each distinct token text an ID, 0, 1, 2… in order of
// first sight: an open-addressing table of IDs into texts. A 1 MB pair
// has two hundred thousand tokens and a few tens of thousands of
// distinct ones; a map[string]int32 spent a fifth of the time before the
// diff growing and probing.
type interner struct {
	seed  maphash.Seed
	slots []int32 // ID+1 of the text hashed there, 0 when empty
	texts []string
}

func newInterner(tokens int) *interner {
	n := 1024
	for n < tokens/2 {
		n *= 2
	}
	return &interner{seed: maphash.MakeSeed(), slots: make([]int32, n)}
}

// id returns s's ID, giving it the next one if s is new.
func (in *interner) id(s string) int32 {
	mask := uint64(len(in.slots) - 1)
	for h := maphash.String(in.seed, s) & mask; ; h = (h + 1) & mask {
		v := in.slots[h]
		if v == 0 {
			break
		}
		if in.texts[v-1] == s {
			return v - 1
		}
	}
	id := int32(len(in.texts))
	in.texts = append(in.texts, s)
	if 2*len(in.texts) > len(in.slots) {
		in.grow()
	} else {
		in.put(id)
	}
	return id
}

// put places ID id in the first free slot of its text's probe sequence.
func (in *interner) put(id int32) {
	mask := uint64(len(in.slots) - 1)
	h := maphash.String(in.seed, in.texts[id]) & mask
	for in.slots[h] != 0 {
		h = (h + 1) & mask
	}
	in.slots[h] = id + 1
}

// grow doubles the table and places every ID again.
func (in *interner) grow() {
	in.slots = make([]int32, 2*len(in.slots))
	for id := range in.texts {
		in.put(int32(id))
	}
}
