package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// jsonWant is what encoding/json writes for v with HTML escaping off,
// without the Encoder's newline: the bytes the hand encoder must match.
func jsonWant(t *testing.T, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// randomJSONText is a string of pieces that JSON escapes or keeps:
// quotation marks, backslashes, every control byte, HTML's <>&, U+2028
// and U+2029, invalid and truncated UTF-8, wide and combining runes.
func randomJSONText(r *rand.Rand) string {
	pieces := []string{"a", "The Democrats", " ", `"`, `\`, "<", ">", "&", "’s", "漢字", "e\u0301", "👍",
		"\u2028", "\u2029", "\u2027", "\u202a", "\xff", "\xe2\x80", "\xed\xa0\x80", "\x7f", "\u0080", "\ufffd"}
	var b []byte
	for n := r.IntN(12); n > 0; n-- {
		if r.IntN(4) == 0 {
			b = append(b, byte(r.IntN(0x20)))
		} else {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
	}
	return string(b)
}

// randomJSONFloat is a confidence-like value or one at the edges of
// encoding/json's formats: around 1e-6 and 1e21, tiny, huge, negative.
func randomJSONFloat(r *rand.Rand) float64 {
	switch r.IntN(6) {
	case 0:
		return float64(r.IntN(101)) / 100
	case 1:
		return r.Float64()
	case 2:
		return []float64{0, math.Copysign(0, -1), 1e-6, 9.999999e-7, 1e21, 9.99999e20, 1e-9, 5e-324, math.MaxFloat64, -1e-7, -2e22}[r.IntN(11)]
	default:
		return math.Float64frombits(r.Uint64()&^(0x7ff<<52) | uint64(r.IntN(0x7ff))<<52) // finite, any exponent
	}
}

// The hand encoder writes exactly encoding/json's bytes for a finding and
// a findings head, whatever their strings and numbers hold.
func TestAppendFindingIsJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 7))
	for range 5000 {
		ff := fileFinding{ID: randomJSONText(r), Start: r.IntN(1 << 20), End: r.IntN(1 << 30), Text: randomJSONText(r),
			Category: Category(randomJSONText(r)), Rule: randomJSONText(r), Confidence: randomJSONFloat(r),
			Message: randomJSONText(r)}
		switch r.IntN(3) {
		case 0:
			ff.Proposals = []Proposal{}
		case 1:
			for n := 1 + r.IntN(3); n > 0; n-- {
				ff.Proposals = append(ff.Proposals, Proposal{Text: randomJSONText(r), Note: randomJSONText(r)})
			}
		}
		if r.IntN(2) == 0 {
			o := randomJSONText(r)
			ff.Original = &o
		}
		got, err := appendFinding(nil, &ff)
		if err != nil {
			t.Fatal(err)
		}
		if want := jsonWant(t, ff); string(got) != want {
			t.Fatalf("finding %+v:\n got %s\nwant %s", ff, got, want)
		}
		d := fileDocument{ID: randomJSONText(r), Path: randomJSONText(r), SHA256: randomJSONText(r), Length: r.IntN(1 << 40)}
		if r.IntN(2) == 0 {
			text := randomJSONText(r)
			d.Text = &text
		}
		head := findingsHead{Schema: FindingsSchema, Document: d}
		if got, want := string(appendFindingsHead(nil, d)), jsonWant(t, head); got != want {
			t.Fatalf("head %+v:\n got %s\nwant %s", head, got, want)
		}
	}
}

// A confidence JSON cannot hold is an error, as encoding/json's is.
func TestAppendFindingRefusesNaN(t *testing.T) {
	for _, c := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := appendFinding(nil, &fileFinding{ID: "f1", Confidence: c}); err == nil {
			t.Errorf("confidence %v: no error", c)
		}
	}
}

// writeJSONText writes what encoding/json writes inside a string, piece
// by piece: a piece ends before a rune that starts there, inside a run of
// bytes no rune holds, or wherever the random texts put its end.
func TestWriteJSONTextIsJSON(t *testing.T) {
	edge := strings.Repeat("a", jsonChunk-1)
	texts := []string{
		edge + "漢字" + edge + "👍" + edge, // wide runes across a piece's end
		edge + "\xe2\x80" + edge,        // a truncated one
		edge + "\u2028" + edge + "\xed\xa0\x80\"",
		strings.Repeat("\x80", 3*jsonChunk+5), // no rune starts at all
	}
	r := rand.New(rand.NewPCG(5, 9))
	for range 20 {
		var b strings.Builder
		for b.Len() < 3*jsonChunk {
			b.WriteString(randomJSONText(r))
		}
		texts = append(texts, b.String())
	}
	for k, text := range texts {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		writeJSONText(w, text)
		w.Flush()
		got, want := `"`+out.String()+`"`, jsonWant(t, text)
		if got != want {
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Errorf("text %d (%d bytes): %d bytes written, encoding/json %d; first difference at byte %d: %q, want %q",
				k, len(text), len(got), len(want), at, got[at:min(at+20, len(got))], want[at:min(at+20, len(want))])
		}
	}
}
