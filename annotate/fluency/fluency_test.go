package fluency

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"corefix/model"
)

// words splits s at spaces.
func words(s string) []string { return strings.Fields(s) }

// upos returns the model's UPOS tags of a sentence, space-separated.
func upos(m *Model, s string) string {
	var out []string
	for _, t := range m.Tags(words(s)) {
		u, _ := m.Names(t)
		out = append(out, u)
	}
	return strings.Join(out, " ")
}

func TestDefaultTags(t *testing.T) {
	m := Default()
	if m.NumTags() < 40 {
		t.Fatalf("%d tags, want the UD/PTB pairs of EWT", m.NumTags())
	}
	for _, c := range []struct{ in, want string }{
		{"They lost the election .", "PRON VERB DET NOUN PUNCT"},
		{"She said he plans to submit a supplement .", "PRON VERB PRON VERB PART VERB DET NOUN PUNCT"},
		// Unseen words: guessed from their shape and ending.
		{"The zorblatts were quickly flimbered .", "DET NOUN AUX ADV VERB PUNCT"},
		// Curly apostrophes read as straight ones.
		{"He did n’t say it .", "PRON AUX PART VERB PRON PUNCT"},
	} {
		if got := upos(m, c.in); got != c.want {
			t.Errorf("%q: got %s, want %s", c.in, got, c.want)
		}
	}
	if !m.Known("election") || m.Known("zorblatts") {
		t.Error("Known: election is in EWT, zorblatts is not")
	}
}

// tagOf returns the likeliest tag of word w after prev.
func tagOf(m *Model, w, prev string) string {
	var buf []cand
	u, x := m.Names(m.observe(w, prev, &buf)[0].tag)
	return u + "/" + x
}

func TestObserveShapes(t *testing.T) {
	m := Default()
	for _, c := range []struct{ w, prev, want string }{
		{"the", "of", "DET/DT"},               // seen
		{"Their", "overplaying", "PRON/PRP$"}, // seen with its capital (at sentence starts)
		{"Democrats", "they", "PROPN/NNPS"},   // seen with its capital
		{"n’t", "did", "PART/RB"},             // curly apostrophe read straight
		{"’s", "Trump", "PART/POS"},           // the same
		{"co-founder", "the", "NOUN/NN"},      // hyphenated: its last part
		{"re-elected", "was", "VERB/VBN"},     // the same
		{"anti-Americanism", "of", "NOUN/NN"}, // the same, unseen
		{"Pressure", ".", "NOUN/NN"},          // the same at a sentence start: the word
		{"PRESSURE", "the", "NOUN/NN"},        // all capitals: the word
		{"Zorblattville", "in", "PROPN/NNP"},  // unseen capitalised
		{"zorblatts", "the", "NOUN/NNS"},      // unseen, by its ending
		{"flimbering", "was", "VERB/VBG"},     // the same
		{"zorbly", "very", "ADV/RB"},          // the same
		{"zorbification", "the", "NOUN/NN"},   // the same
		{"1,204", "the", "NUM/CD"},            // digits
		{"1990s", "the", "NOUN/NNS"},          // digits, then letters
	} {
		if got := tagOf(m, c.w, c.prev); got != c.want {
			t.Errorf("%q after %q: likeliest %s, want %s", c.w, c.prev, got, c.want)
		}
	}
}

// A known word capitalised in mid-sentence may be a name; at a sentence
// start it is the word.
func TestObserveCapitalised(t *testing.T) {
	m := Default()
	name := func(prev string) float32 {
		var buf []cand
		for _, c := range m.observe("Pressure", prev, &buf) {
			if u, _ := m.Names(c.tag); u == "PROPN" {
				return c.p
			}
		}
		return 0
	}
	if mid, start := name("the"), name("."); mid < 0.05 || start != 0 {
		t.Errorf("P(PROPN | Pressure) = %v after 'the', %v after '.': want ≥ 0.05 and 0", mid, start)
	}
}

// surprise returns Surprise at the token that starts s's part after "|".
func surprise(m *Model, s string) float64 {
	k := len(strings.Fields(s[:strings.Index(s, "|")]))
	s = strings.Replace(s, "| ", "", 1)
	return m.Surprise(s, model.Tokenize(s), k)
}

// bracketed returns s without its brackets, its tokens, and the first
// and last token of the part that was in brackets.
func bracketed(s string) (text string, toks []model.Token, i, j int) {
	i = len(strings.Fields(s[:strings.Index(s, "[")]))
	j = i + len(strings.Fields(s[strings.Index(s, "[")+1:strings.Index(s, "]")])) - 1
	text = strings.NewReplacer("[", "", "]", "").Replace(s)
	return text, model.Tokenize(text), i, j
}

// span returns the Span signals of the part of s in brackets.
func span(m *Model, s string) Span {
	text, toks, i, j := bracketed(s)
	return m.Span(text, toks, i, j)
}

// The damage of the problem statement reads as less fluent than the text
// it replaced, at the same junction.
func TestSignalsOnDamage(t *testing.T) {
	m := Default()
	for _, c := range []struct{ broken, clean string }{
		{"everyone thought they | Democrats supposed to win", "everyone thought they | were supposed to win"},
		{"are overplaying their | The Democrats .", "are overplaying their | hand ."},
		{"They | The Democrats the election and now", "They | lost the election and now"},
		{"more accurate in President Donald Trump | responses to lawmakers", "more accurate in his | responses to lawmakers"},
		{"Sessions Sessions | reporters .", "Sessions told | reporters ."},
	} {
		b, g := surprise(m, c.broken), surprise(m, c.clean)
		if b <= g || b <= 0 {
			t.Errorf("surprise at %q = %.2f, want above 0 and above %q's %.2f", c.broken, b, c.clean, g)
		}
	}
	for _, c := range []struct{ broken, clean string }{
		{"everyone thought they [Democrats] supposed to win", "everyone thought [the Democrats] were supposed to win"},
		{"They [The Democrats] the election and now", "The election was won by [The Democrats] and now"},
		{"It [The real story] a total witch hunt !", "It is [the real story] of a witch hunt !"},
	} {
		b, g := span(m, c.broken), span(m, c.clean)
		if b.In+b.Out <= g.In+g.Out || b.Gap <= g.Gap || b.Drop <= g.Drop {
			t.Errorf("span signals of %q = %+v, want each above %q's %+v", c.broken, b, c.clean, g)
		}
	}
}

// A correct substitution stands where a pronoun stood: one fits there,
// and none fits where a copy overwrote a verb.
func TestPronoun(t *testing.T) {
	m := Default()
	for _, c := range []struct{ broken, correct string }{
		{"They [The Democrats] the election and now", "Later [the Democrats] lost the election and now"},
		{"everyone thought they [Democrats] supposed to win", "everyone thought [the Democrats] were supposed to win"},
		{"Sessions said he [he] to submit a supplement", "Sessions said [Jeff Sessions] plans to submit a supplement"},
	} {
		b, g := span(m, c.broken), span(m, c.correct)
		if b.Pron <= g.Pron {
			t.Errorf("Pron of %q = %.2f, want above %q's %.2f", c.broken, b.Pron, c.correct, g.Pron)
		}
	}
}

func TestSignalEdges(t *testing.T) {
	m := Default()
	text := "They lost the election ."
	toks := model.Tokenize(text)
	if m.Surprise(text, toks, 0) != 0 || m.Surprise(text, toks, len(toks)) != 0 {
		t.Error("Surprise at either end of the text must be 0")
	}
	if s := m.Span(text, toks, 0, 1); s.Drop != 0 || s.Gap != 0 || s.Pron != 0 || s.In != 0 {
		t.Errorf("a span at the start has no left context: Drop, Gap, Pron and In are 0, got %+v", s)
	}
	if s := m.Span(text, toks, 3, 1); s != (Span{}) {
		t.Errorf("an empty span: %+v, want zero", s)
	}
	p := m.Profile(text, toks, -5, 99)
	if len(p) != len(toks) || p[2] <= 0 {
		t.Errorf("Profile = %v: one value a token, and 'the' after 'lost' likelier than alone", p)
	}
	// The same window gives the same values whatever the pool holds.
	if a, b := m.Surprise(text, toks, 2), m.Surprise(text, toks, 2); a != b {
		t.Errorf("Surprise not repeatable: %v, %v", a, b)
	}
}

// The model is shared between goroutines: each gets the values one alone
// gets (go test -race checks nothing is written).
func TestConcurrent(t *testing.T) {
	m := Default()
	text := "everyone thought they Democrats supposed to win . They The Democrats the election"
	toks := model.Tokenize(text)
	want := make([]Span, len(toks))
	for k := range toks {
		want[k] = m.Span(text, toks, k, min(k+1, len(toks)-1))
	}
	errs := make(chan string, 4)
	for range 4 {
		go func() {
			for k := range toks {
				if got := m.Span(text, toks, k, min(k+1, len(toks)-1)); got != want[k] {
					errs <- fmt.Sprintf("token %d: %+v, alone %+v", k, got, want[k])
					return
				}
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

// corpus is a tiny tagged corpus for the format tests.
var corpus = [][]Word{
	{{"They", "PRON", "PRP"}, {"lost", "VERB", "VBD"}, {"the", "DET", "DT"}, {"election", "NOUN", "NN"}, {".", "PUNCT", "."}},
	{{"We", "PRON", "PRP"}, {"won", "VERB", "VBD"}, {"the", "DET", "DT"}, {"vote", "NOUN", "NN"}, {"’s", "PART", "POS"}, {".", "PUNCT", "."}},
}

var settings = Settings{MinTag: 2, MinWord: 1, MinTrigram: 1, Params: Params{
	Rare: 10, Suffix: 3, Smooth: 10, Known: 1, Prune: 0.01, Cands: 4, Trim: 0.2, CapMix: 0.5, Context: 3, Owned: 2},
	Probes: []string{"it", "they"}}

func write(t *testing.T, s Settings) []byte {
	t.Helper()
	var c Counter
	for _, d := range corpus {
		c.Add(d)
	}
	var b bytes.Buffer
	if err := c.Write(&b, s, []string{"test corpus"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteParse(t *testing.T) {
	data := write(t, settings)
	if !bytes.Equal(data, write(t, settings)) {
		t.Error("Write is not deterministic")
	}
	for _, want := range []string{
		Schema + "\n# test corpus\n",
		"param\tcontext\t3\n",
		"probe\tit\tthey\n",
		// PART/POS was seen once: below the tag cut, it joins the
		// commonest tag (DET/DT, 0), as no kept tag shares its XPOS or
		// UPOS; the curly apostrophe is written straight.
		"tag\t0\tDET\tDT\t3\n",
		"word\t's\t0:1\n",
		"tri\t2\t4\t0\t2\n", // PRP VBD DT
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("data file lacks %q:\n%s", want, data)
		}
	}
	if bytes.Contains(data, []byte("\nbi\t3\t2\t")) {
		t.Errorf("a bigram across documents (. We):\n%s", data)
	}
	m, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.NumTags() != 5 || m.p != settings.Params {
		t.Errorf("parsed %d tags and %+v, want 5 and %+v", m.NumTags(), m.p, settings.Params)
	}
	for t1 := 0; t1 <= m.NumTags(); t1++ {
		for t2 := 0; t2 <= m.NumTags(); t2++ {
			if t1 < m.NumTags() && t2 == m.NumTags() {
				continue
			}
			var sum float64
			n := m.NumTags()
			for _, p := range m.trans[(t1*(n+1)+t2)*n : (t1*(n+1)+t2+1)*n] {
				sum += float64(p)
			}
			if sum < 0.999 || sum > 1.001 {
				t.Errorf("P(· | %d, %d) sums to %v", t1, t2, sum)
			}
		}
	}
}

func TestParseRefuses(t *testing.T) {
	good := string(write(t, settings))
	for _, c := range []struct{ name, data, want string }{
		{"schema", strings.Replace(good, Schema, "corefix.fluency/v0", 1), "first line"},
		{"missing param", strings.Replace(good, "param\tcands\t4\n", "", 1), "param cands is missing"},
		{"unknown param", strings.Replace(good, "param\tcands\t4\n", "param\tcandz\t4\n", 1), "unknown param"},
		{"bad param", strings.Replace(good, "param\tprune\t0.01\n", "param\tprune\t2\n", 1), "prune and trim in [0, 1)"},
		{"tag order", strings.Replace(good, "tag\t0\t", "tag\t7\t", 1), "out of order"},
		{"undefined tag", strings.Replace(good, "tri\t2\t4\t0\t2\n", "tri\t2\t4\t9\t2\n", 1), "tag 9 is not defined"},
		{"bad count", strings.Replace(good, "tri\t2\t4\t0\t2\n", "tri\t2\t4\t0\tx\n", 1), "not a count"},
		{"bad word", strings.Replace(good, "word\t's\t0:1\n", "word\t's\t0-1\n", 1), "TAG:COUNT"},
		{"not a record", good + "wurd\tx\t0:1\n", "not a record"},
		{"no probes", strings.Replace(good, "probe\tit\tthey\n", "", 1), "no probe words"},
		{"probes twice", good + "probe\tit\n", "probe twice"},
		{"bad owned", good + "owned\tlost\tx\n", "not a count"},
		{"owned past the word's count", good + "owned\tlost\t2\n", "more than the word's count, 1"},
	} {
		_, err := Parse([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error saying %q", c.name, err, c.want)
		}
	}
	bad := settings
	bad.Params.Cands = 0
	var c Counter
	if err := c.Write(&bytes.Buffer{}, bad, nil); err == nil {
		t.Error("Write accepted cands 0")
	}
	bad = settings
	bad.Probes = []string{"it", ""}
	if err := c.Write(&bytes.Buffer{}, bad, nil); err == nil {
		t.Error("Write accepted an empty probe word")
	}
	if err := c.Write(&bytes.Buffer{}, settings, nil); err == nil {
		t.Error("Write accepted an empty corpus")
	}
}

// possessive returns Possessive for the part of s in brackets.
func possessive(m *Model, s string) (fit, gain float64) {
	text, toks, i, j := bracketed(s)
	return m.Possessive(text, toks, i, j)
}

// A possessor that lost its ’s makes the words after it read better with
// it, a subject before its verb worse; a name takes ’s well either way, a
// determiner and adjective before a noun do not.
func TestPossessive(t *testing.T) {
	m := Default()
	for _, c := range []struct{ lost, whole string }{
		{"carried the grudge until [Daniel Bernoulli] death in 1782", "carried the grudge until [Daniel Bernoulli] died in 1782"},
		{"In [the younger John Edleston] memory he composed", "In [the younger John Edleston] he found a friend"},
		{"was written for [Antonín Dvořák] first opera", "was written by [Antonín Dvořák] in Prague"},
	} {
		lf, lg := possessive(m, c.lost)
		_, wg := possessive(m, c.whole)
		if lg <= 0 || lg <= wg {
			t.Errorf("gain of %q = %.2f, want above 0 and above %q's %.2f", c.lost, lg, c.whole, wg)
		}
		if lf <= 0 {
			t.Errorf("fit of the name in %q = %.2f, want above 0", c.lost, lf)
		}
	}
	if fit, _ := possessive(m, "by adopting [a more] vertical position of the femur"); fit >= 0 {
		t.Errorf("fit of an adjective's determiner = %.2f, want below 0", fit)
	}
	if fit, gain := possessive(m, "the end [.]"); fit != 0 || gain != 0 {
		t.Errorf("Possessive at the end of the text = %.2f, %.2f, want 0, 0", fit, gain)
	}
}

// A pronoun in the case its slot wants reads better than one in another;
// the right one swapped for the wrong one reads worse.
func TestSwap(t *testing.T) {
	m := Default()
	swap := func(text string, toks []model.Token, i, j int, word string) float64 {
		var g [1]float64
		m.Swap(text, toks, i, j, []string{word}, g[:])
		return g[0]
	}
	for _, c := range []struct{ text, word string }{
		{"it is incumbent on me to note that [me] have published in journals", "I"},
		{"this method gives [we] a natural control over the data", "us"},
		{"the calls for replication that [our] identified in the literature", "we"},
		{"as soon as you found [you] cautiously moving forward", "yourself"},
	} {
		text, toks, i, j := bracketed(c.text)
		if g := swap(text, toks, i, j, c.word); g <= 1 {
			t.Errorf("Swap(%q → %q) = %.2f, want above 1", c.text, c.word, g)
		}
	}
	text, toks, i, j := bracketed("on me to note that [I] have published in journals")
	if g := swap(text, toks, i, j, "me"); g >= 0 {
		t.Errorf("Swap of a right subject for its object form = %.2f, want below 0", g)
	}
	gains := []float64{7, 7}
	if m.Swap(text, toks, -1, 0, []string{"me", "my"}, gains); gains[0] != 0 || gains[1] != 0 {
		t.Errorf("Swap outside the text = %v, want 0s", gains)
	}
}

// Swapping several words at once gives each the value it gets alone, to
// the bit: the span and its context read once serve every word.
func TestSwapTogetherIsAlone(t *testing.T) {
	m := Default()
	words := []string{"I", "me", "my", "", "Democrats", "zorblatts", "their"}
	for _, line := range []string{
		"on me to note that [I] have published in journals",
		"[They] the election and now",
		"everyone thought [they Democrats] supposed to win .",
		"the end [.]",
	} {
		text, toks, i, j := bracketed(line)
		together := make([]float64, len(words))
		m.Swap(text, toks, i, j, words, together)
		for k, w := range words {
			var alone [1]float64
			m.Swap(text, toks, i, j, []string{w}, alone[:])
			if math.Float64bits(alone[0]) != math.Float64bits(together[k]) {
				t.Errorf("%q → %q: %v together, %v alone", line, w, together[k], alone[0])
			}
		}
	}
}

// Profile looks up each token's tags as its pass reaches it, mixed
// lists (a known word capitalised mid-sentence) in a buffer it reuses:
// its values are those of one pass over all the tags looked up first,
// and a window that starts mid-text reads its first word alone.
func TestProfileAsLookedUp(t *testing.T) {
	m := Default()
	var b strings.Builder
	for b.Len() < 50000 {
		b.WriteString("The committee said that They Democrats the Election in Paris , Will Sessions said . ")
	}
	text := b.String()
	toks := model.Tokenize(text)
	check := func(lo, hi int) {
		got := m.Profile(text, toks, lo, hi)
		var s scratch
		s.observe(m, text, toks, lo, hi)
		p := &s.pass[0]
		p.start(m)
		if len(got) != len(s.obs) {
			t.Fatalf("Profile(%d, %d): %d values, want %d", lo, hi, len(got), len(s.obs))
		}
		for k, c := range s.obs {
			if want := math.Log(p.step(c)); got[k] != want {
				t.Fatalf("Profile(%d, %d) token %d = %v, want %v (one pass)", lo, hi, lo+k, got[k], want)
			}
		}
	}
	check(0, len(toks))
	check(4093, 8197)
}
