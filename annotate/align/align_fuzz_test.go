package align

import (
	"math/rand"
	"strings"
	"testing"

	"corefix/model"
)

// FuzzAlign edits a text at random, the way pipelines and people do
// (replace a run by a phrase of the text, delete, insert, change a
// character), and checks Align never panics and keeps the findings
// contract: in bounds, non-empty, sorted, non-overlapping. Refusing the
// pairing is allowed.
func FuzzAlign(f *testing.F) {
	gum := readTestdata(f, "GUM_news_stampede.orig.txt")
	f.Add(gum, int64(1), uint8(10))
	f.Add(gum, int64(2), uint8(80))
	f.Add(`He said : " We won . " They lost the election .`, int64(3), uint8(3))
	f.Add("", int64(4), uint8(2))
	f.Add("’s ’s . . “ ” \xff", int64(5), uint8(5))
	// One frequent token everywhere: long joined hunks, slow searches.
	f.Add(gum[:len(gum)/3]+strings.Repeat(" the", 3000), int64(6), uint8(200))
	f.Fuzz(func(t *testing.T, orig string, seed int64, edits uint8) {
		res := mutate(orig, rand.New(rand.NewSource(seed)), int(edits))
		doc := model.NewDocument("res", "", res)
		fs, err := Align(model.NewDocument("orig", "", orig), doc)
		if err != nil {
			return
		}
		if err := model.ValidateFindings(len(doc.Text), fs, true); err != nil {
			t.Fatalf("on %q: %v", doc.Text, err)
		}
	})
}

// mutate applies n random edits to the words of s.
func mutate(s string, r *rand.Rand, n int) string {
	words := strings.Fields(s)
	pool := append([]string{"he", "his", "their", ".", ",", `"`, "’s", "The Democrats", "Jeff Sessions"}, words...)
	for ; n > 0; n-- {
		at := 0
		if len(words) > 0 {
			at = r.Intn(len(words))
		}
		switch r.Intn(4) {
		case 0: // replace a run by a phrase
			end := min(len(words), at+1+r.Intn(3))
			words = append(words[:at], append([]string{pool[r.Intn(len(pool))]}, words[end:]...)...)
		case 1: // delete
			if at < len(words) {
				words = append(words[:at], words[at+1:]...)
			}
		case 2: // insert
			words = append(words[:at], append([]string{pool[r.Intn(len(pool))]}, words[at:]...)...)
		case 3: // change a character
			if at < len(words) && len(words[at]) > 0 {
				b := []byte(words[at])
				b[r.Intn(len(b))] = byte(r.Intn(256))
				words[at] = string(b)
			}
		}
	}
	return strings.Join(words, " ")
}
