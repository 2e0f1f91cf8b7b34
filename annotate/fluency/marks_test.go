package fluency

import (
	"strings"
	"testing"

	"corefix/model"
)

// A profile resumed from a mark is the whole pass's, to the bit: the
// values ProfileMarks hands out, and ProfileFrom from each of its marks
// to any end, are those of one Profile over the text.
func TestProfileFromMarks(t *testing.T) {
	m := Default()
	var b strings.Builder
	for b.Len() < 40000 {
		b.WriteString("The committee said that they Democrats the election in Paris . Sessions bowed to intense political pressure and recused himself ; ")
	}
	text := b.String()
	toks := model.Tokenize(text)
	want := m.Profile(text, toks, 0, len(toks))
	const every = 700
	var got []float64
	marks := m.ProfileMarks(text, toks, every, func(lo int, vals []float64) {
		if lo != len(got) {
			t.Fatalf("a stretch from token %d after %d values", lo, len(got))
		}
		got = append(got, vals...)
	})
	if len(marks) != (len(toks)+every-1)/every || len(got) != len(want) {
		t.Fatalf("%d marks and %d values for %d tokens", len(marks), len(got), len(toks))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("ProfileMarks token %d = %v, want %v", k, got[k], want[k])
		}
	}
	for n, k := range marks {
		lo := n * every
		for _, hi := range []int{lo + 1, lo + every + 13, len(toks) + 5} {
			out := m.ProfileFrom(text, toks, k, lo, hi, []float64{-1})
			end := min(hi, len(toks))
			if len(out) != 1+end-lo || out[0] != -1 {
				t.Fatalf("ProfileFrom(mark %d, %d, %d): %d values after the one given, want %d", n, lo, hi, len(out)-1, end-lo)
			}
			for i, v := range out[1:] {
				if v != want[lo+i] {
					t.Fatalf("ProfileFrom(mark %d) token %d = %v, want %v", n, lo+i, v, want[lo+i])
				}
			}
		}
	}
}
