package detect

import "testing"

// TestWordFilter: every hash added is reported, and a hash on a bit no
// added hash set is not.
func TestWordFilter(t *testing.T) {
	var f wordFilter
	added := []uint64{wordHash("Sessions"), wordHash("schools"), 0, 1<<63 | 5}
	for _, h := range added {
		f.add(h)
	}
	for _, h := range added {
		if !f.mayHave(h) {
			t.Errorf("hash %#x added but not reported", h)
		}
	}
	if f.mayHave(1<<62 | 7) {
		t.Error("a hash on a clear bit is reported")
	}
}
