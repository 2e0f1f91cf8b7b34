package detect

// wordFilter is a set of word hashes as 256 bits: a word whose bit is
// clear is surely not in it, so a loop over every token asks a map only
// for the few words whose bit is set.
type wordFilter [4]uint64

// add puts the word hash h in the filter.
func (f *wordFilter) add(h uint64) { f[h>>62] |= 1 << (h & 63) }

// mayHave reports whether h may be in the filter.
func (f *wordFilter) mayHave(h uint64) bool { return f[h>>62]&(1<<(h&63)) != 0 }
