package fluency

import (
	"strings"
	"testing"

	"corefix/model"
)

// A profile made a stretch at a time is the whole pass's, to the bit:
// FactorsFrom from ProfileStart, then from each mark it returns, to any
// end, gives the values of one Factors over the text, and the same again
// from a mark it returned earlier.
func TestFactorsFromMarks(t *testing.T) {
	m := Default()
	var b strings.Builder
	for b.Len() < 40000 {
		b.WriteString("The committee said that they Democrats the election in Paris . Sessions bowed to intense political pressure and recused himself ; ")
	}
	text := b.String()
	toks := model.Tokenize(text)
	want := m.Factors(text, toks, 0, len(toks))
	const every = 700
	var got []float64
	marks := []Mark{m.ProfileStart()}
	for lo := 0; lo < len(toks); lo += every {
		var next Mark
		got, next = m.FactorsFrom(text, toks, marks[len(marks)-1], lo, lo+every, got)
		marks = append(marks, next)
	}
	if len(got) != len(want) {
		t.Fatalf("%d values for %d tokens", len(got), len(toks))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("stretch by stretch, token %d = %v, want %v", k, got[k], want[k])
		}
	}
	for n, k := range marks[:len(marks)-1] {
		lo := n * every
		for _, hi := range []int{lo + 1, lo + every + 13, len(toks) + 5} {
			out, _ := m.FactorsFrom(text, toks, k, lo, hi, []float64{-1})
			end := min(hi, len(toks))
			if len(out) != 1+end-lo || out[0] != -1 {
				t.Fatalf("FactorsFrom(mark %d, %d, %d): %d values after the one given, want %d", n, lo, hi, len(out)-1, end-lo)
			}
			for i, v := range out[1:] {
				if v != want[lo+i] {
					t.Fatalf("FactorsFrom(mark %d) token %d = %v, want %v", n, lo+i, v, want[lo+i])
				}
			}
		}
	}
}
