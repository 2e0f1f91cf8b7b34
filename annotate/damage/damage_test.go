package damage

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"corefix/model"
)

// tinyCoNLLU is a hand-written document; the expected outputs below were
// worked out by hand from it. Word indices, for following the drift:
//
//	0 Jeff 1 Sessions 2 said 3 he 4 met 5 the 6 Russian 7 envoy 8 . 9 The
//	10 envoy 11 and 12 his 13 aide 14 denied 15 it 16 . 17 " 18 I 19 did
//	20 nothing 21 , 22 " 23 Sessions 24 said 25 . 26 The 27 Sessions
//	28 camp 29 agreed 30 .
//
// Sessions (1): [0,2) [3,4) [18,19) [23,24) [27,28); the envoy (2): [5,8)
// [9,11) [12,13).
const tinyCoNLLU = `# newdoc id = tiny
# meta::genre = news
1	Jeff	Jeff	PROPN	NNP	_	_	_	_	Entity=(1
2	Sessions	Sessions	PROPN	NNP	_	_	_	_	Entity=1)
3	said	say	VERB	VBD	_	_	_	_	_
4	he	he	PRON	PRP	_	_	_	_	Entity=(1)
5	met	meet	VERB	VBD	_	_	_	_	_
6	the	the	DET	DT	_	_	_	_	Entity=(2
7	Russian	Russian	ADJ	JJ	_	_	_	_	_
8	envoy	envoy	NOUN	NN	_	_	_	_	Entity=2)|SpaceAfter=No
9	.	.	PUNCT	.	_	_	_	_	_

1	The	the	DET	DT	_	_	_	_	Entity=(2
2	envoy	envoy	NOUN	NN	_	_	_	_	Entity=2)
3	and	and	CCONJ	CC	_	_	_	_	_
4	his	his	PRON	PRP$	_	_	_	_	Entity=(2)
5	aide	aide	NOUN	NN	_	_	_	_	_
6	denied	deny	VERB	VBD	_	_	_	_	_
7	it	it	PRON	PRP	_	_	_	_	SpaceAfter=No
8	.	.	PUNCT	.	_	_	_	_	_

1	"	"	PUNCT	` + "``" + `	_	_	_	_	SpaceAfter=No
2	I	I	PRON	PRP	_	_	_	_	Entity=(1)
3	did	do	VERB	VBD	_	_	_	_	_
4	nothing	nothing	PRON	NN	_	_	_	_	SpaceAfter=No
5	,	,	PUNCT	,	_	_	_	_	SpaceAfter=No
6	"	"	PUNCT	''	_	_	_	_	_
7	Sessions	Sessions	PROPN	NNP	_	_	_	_	Entity=(1)
8	said	say	VERB	VBD	_	_	_	_	SpaceAfter=No
9	.	.	PUNCT	.	_	_	_	_	_

1	The	the	DET	DT	_	_	_	_	_
2	Sessions	Sessions	PROPN	NNP	_	_	_	_	Entity=(1)
3	camp	camp	NOUN	NN	_	_	_	_	_
4	agreed	agree	VERB	VBD	_	_	_	_	SpaceAfter=No
5	.	.	PUNCT	.	_	_	_	_	_
`

func parseDoc(t *testing.T, conllu string) *model.CorefDocument {
	t.Helper()
	docs, err := model.ParseCoNLLU([]byte(conllu), "tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return docs[0]
}

// span is a gold span as the tests write it: category, the resolved text
// there, and the original words.
type span struct{ cat, text, orig string }

func gold(res *Result) []span {
	var out []span
	for _, g := range res.Gold {
		out = append(out, span{string(g.Category), res.Resolved[g.Start:g.End], g.Original})
	}
	return out
}

// checkDamage damages doc and compares the resolved text and the gold
// with what was worked out by hand.
func checkDamage(t *testing.T, doc *model.CorefDocument, cfg Config, resolved string, want []span) {
	t.Helper()
	res, err := Damage(doc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Resolved != resolved {
		t.Errorf("resolved:\n%s\nwant:\n%s", res.Resolved, resolved)
	}
	if diff := cmp.Diff(want, gold(res), cmp.AllowUnexported(span{})); diff != "" {
		t.Errorf("gold (-want +got):\n%s", diff)
	}
}

const (
	jeff  = "Jeff Sessions"
	envoy = "the Russian envoy"
	ow    = "overwrite"
	sub   = "substitution"
)

func TestDamageTiny(t *testing.T) {
	with := func(c Config, f func(*Config)) Config { f(&c); return c }
	reversed := func(d *model.CorefDocument) { slices.Reverse(d.Clusters) } // the envoy before Sessions
	for _, tc := range []struct {
		name     string
		cfg      Config
		edit     func(*model.CorefDocument)
		resolved string
		gold     []span
	}{{
		// The envoy's two-word mention shortens the list: "his" lands on
		// "aide". Sessions' one-word mentions shorten nothing.
		name:     "seed bug",
		cfg:      SeedBug(),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and his the Russian envoy denied it . " Jeff Sessions did nothing , " Jeff Sessions said . The Jeff Sessions camp agreed .`,
		gold: []span{{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {ow, envoy, "aide"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {sub, jeff, "Sessions"}},
	}, {
		// corefix's own resolver: the pronouns replaced where they stand,
		// "his" with ’s; the quotation's "I", the description "The
		// envoy" and the shorter "Sessions" kept. Nothing is broken.
		name:     "correct",
		cfg:      Config{Resolver: Correct, Order: FirstMention},
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . The envoy and the Russian envoy 's aide denied it . " I did nothing , " Sessions said . The Sessions camp agreed .`,
		gold:     []span{{sub, jeff, "he"}, {sub, "the Russian envoy 's", "his"}},
	}, {
		name:     "seed bug, prose spacing",
		cfg:      with(SeedBug(), func(c *Config) { c.Prose = true }),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy. the Russian envoy and his the Russian envoy denied it. "Jeff Sessions did nothing," Jeff Sessions said. The Jeff Sessions camp agreed.`,
		gold: []span{{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {ow, envoy, "aide"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {sub, jeff, "Sessions"}},
	}, {
		// Capped at one word, "The envoy" stays and "his" is replaced where
		// it stands: a lost possessive.
		name:     "cap 1",
		cfg:      with(SeedBug(), func(c *Config) { c.MaxLen = 1 }),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . The envoy and the Russian envoy aide denied it . " Jeff Sessions did nothing , " Jeff Sessions said . The Jeff Sessions camp agreed .`,
		gold: []span{{sub, jeff, "he"}, {"possessive", envoy, "his"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {sub, jeff, "Sessions"}},
	}, {
		// The envoy first: every later Sessions mention lands one word right.
		name:     "model order",
		cfg:      with(SeedBug(), func(c *Config) { c.Order = FileOrder }),
		edit:     reversed,
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and his the Russian envoy denied it . " I Jeff Sessions nothing , " Sessions Jeff Sessions . The Sessions Jeff Sessions agreed .`,
		gold: []span{{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {ow, envoy, "aide"},
			{ow, jeff, "did"}, {ow, jeff, "said"}, {ow, jeff, "camp"}},
	}, {
		name:     "naive resolver",
		cfg:      NaiveResolver(),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and the Russian envoy aide denied it . " Jeff Sessions did nothing , " Jeff Sessions said . The Jeff Sessions camp agreed .`,
		gold: []span{{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {"possessive", envoy, "his"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {sub, jeff, "Sessions"}},
	}, {
		// "his" goes to the nearest singular noun of another entity before
		// it, Jeff Sessions; "he" has none (only Sessions himself before it).
		name:     "wrong antecedent",
		cfg:      with(SeedBug(), func(c *Config) { c.WrongAntecedent = 1 }),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and Jeff Sessions aide denied it . " Jeff Sessions did nothing , " Jeff Sessions said . The Jeff Sessions camp agreed .`,
		gold: []span{{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {"antecedent", jeff, "his"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {sub, jeff, "Sessions"}},
	}, {
		// One cluster: the envoy's three-word first mention is replaced too
		// and everything after it drifts by two, then three.
		name:     "merged",
		cfg:      with(SeedBug(), func(c *Config) { c.Merge = 1 }),
		resolved: `Jeff Sessions said Jeff Sessions met Jeff Sessions . The envoy Jeff Sessions aide denied Jeff Sessions . " I did nothing Jeff Sessions " Sessions said . Jeff Sessions Sessions camp agreed Jeff Sessions`,
		gold: []span{{sub, jeff, "he"}, {"antecedent", jeff, envoy}, {ow, jeff, "and his"},
			{ow, jeff, "it"}, {ow, jeff, ","}, {ow, jeff, "The"}, {ow, jeff, "."}},
	}, {
		// In prose, words written over punctuation that clung to a
		// neighbour ("nothing|,|\"", "agreed|.") get spaces, which belong
		// to their gold span; words over words keep the source's spacing
		// ("Jeff Sessions." over "envoy.", "it.").
		name:     "merged, prose",
		cfg:      with(SeedBug(), func(c *Config) { c.Merge, c.Prose = 1, true }),
		resolved: `Jeff Sessions said Jeff Sessions met Jeff Sessions. The envoy Jeff Sessions aide denied Jeff Sessions. "I did nothing Jeff Sessions " Sessions said. Jeff Sessions Sessions camp agreed Jeff Sessions`,
		gold: []span{{sub, jeff, "he"}, {"antecedent", jeff, envoy}, {ow, jeff, "and his"},
			{ow, jeff, "it"}, {ow, " " + jeff + " ", ","}, {ow, jeff, "The"}, {ow, " " + jeff, "."}},
	}, {
		// Only the pronouns stay linked: "he" represents, "I" becomes "he".
		name:     "pronoun-only cluster",
		cfg:      with(SeedBug(), func(c *Config) { c.PronounOnly = 1 }),
		resolved: `Jeff Sessions said he met the Russian envoy . the Russian envoy and his the Russian envoy denied it . " he did nothing , " Sessions said . The Sessions camp agreed .`,
		gold:     []span{{sub, envoy, "The envoy"}, {ow, envoy, "aide"}, {"quote", "he", "I"}},
	}, {
		// The envoy's mentions lose their determiners (its representative
		// is "Russian envoy"); "Sessions" takes in "The" before it and so
		// overwrites it.
		name:     "boundaries",
		cfg:      with(SeedBug(), func(c *Config) { c.Boundary = 1 }),
		resolved: `Jeff Sessions said Jeff Sessions met the Russian envoy . The Russian envoy and Russian envoy aide denied it . " Jeff Sessions did nothing , " Jeff Sessions said . Jeff Sessions camp agreed .`,
		gold: []span{{sub, jeff, "he"}, {"other", "Russian envoy", "envoy"}, {"possessive", "Russian envoy", "his"},
			{"quote", jeff, "I"}, {sub, jeff, "Sessions"}, {ow, jeff, "The Sessions"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseDoc(t, tinyCoNLLU)
			if tc.edit != nil {
				tc.edit(doc)
			}
			checkDamage(t, doc, tc.cfg, tc.resolved, tc.gold)
		})
	}
}

func TestDamageTinyOriginal(t *testing.T) {
	doc := parseDoc(t, tinyCoNLLU)
	for prose, want := range map[bool]string{
		false: `Jeff Sessions said he met the Russian envoy . The envoy and his aide denied it . " I did nothing , " Sessions said . The Sessions camp agreed .`,
		true:  `Jeff Sessions said he met the Russian envoy. The envoy and his aide denied it. "I did nothing," Sessions said. The Sessions camp agreed.`,
	} {
		res, err := Damage(doc, Config{Resolver: InPlace, Order: FirstMention, Prose: prose})
		if err != nil {
			t.Fatal(err)
		}
		if res.Original != want {
			t.Errorf("prose %v: original\n%s\nwant\n%s", prose, res.Original, want)
		}
	}
}

// TestDamageSplit: Sessions' five mentions are cut after the second or
// the third (the seed decides); either way the second half's first
// mention represents it and overwrites a word after the others.
func TestDamageSplit(t *testing.T) {
	doc := parseDoc(t, tinyCoNLLU)
	cfg := SeedBug()
	cfg.Split = 1
	want := map[string][]span{
		// cut after "he": "I" represents the rest
		`Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and his the Russian envoy denied it . " I did nothing , " Sessions I . The Sessions I agreed .`: {
			{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {ow, envoy, "aide"}, {ow, "I", "said"}, {ow, "I", "camp"}},
		// cut after "I": the fourth mention "Sessions" represents the fifth
		`Jeff Sessions said Jeff Sessions met the Russian envoy . the Russian envoy and his the Russian envoy denied it . " Jeff Sessions did nothing , " Sessions said . The Sessions Sessions agreed .`: {
			{sub, jeff, "he"}, {sub, envoy, "The envoy"}, {ow, envoy, "aide"}, {"quote", jeff, "I"}, {ow, "Sessions", "camp"}},
	}
	seen := map[string]bool{}
	for seed := range uint64(20) {
		cfg.Seed = seed
		res, err := Damage(doc, cfg)
		if err != nil {
			t.Fatal(err)
		}
		g, ok := want[res.Resolved]
		if !ok {
			t.Fatalf("seed %d: resolved\n%s\nis neither cut", seed, res.Resolved)
		}
		if diff := cmp.Diff(g, gold(res), cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("seed %d: gold (-want +got):\n%s", seed, diff)
		}
		seen[res.Resolved] = true
	}
	if len(seen) != 2 {
		t.Errorf("20 seeds gave %d of the 2 cuts", len(seen))
	}
}

// nestedCoNLLU: "her dad" (2) holds "her" (1). Words: 0 Ann 1 met 2 her
// 3 dad 4 . 5 Her 6 dad 7 left 8 .
const nestedCoNLLU = `# newdoc id = nested
1	Ann	Ann	PROPN	NNP	_	_	_	_	Entity=(1)
2	met	meet	VERB	VBD	_	_	_	_	_
3	her	her	PRON	PRP$	_	_	_	_	Entity=(2(1)
4	dad	dad	NOUN	NN	_	_	_	_	Entity=2)
5	.	.	PUNCT	.	_	_	_	_	_

1	Her	her	PRON	PRP$	_	_	_	_	Entity=(2(1)
2	dad	dad	NOUN	NN	_	_	_	_	Entity=2)
3	left	leave	VERB	VBD	_	_	_	_	_
4	.	.	PUNCT	.	_	_	_	_	_
`

func TestDamageNested(t *testing.T) {
	for _, tc := range []struct {
		name     string
		nested   bool
		order    Order
		resolved string
		gold     []span
	}{
		// The enclosing "Her dad" wins over "Her" whatever the order.
		{"enclosing wins", false, FileOrder, "Ann met Ann dad . her dad left .",
			[]span{{"possessive", "Ann", "her"}, {sub, "her dad", "Her dad"}}},
		// Slots, the dad's cluster written first: Ann's then takes the
		// slot of "Her", and "dad" (emptied by "Her dad") is gone.
		{"nested, inner last", true, FileOrder, "Ann met Ann dad . Ann left .",
			[]span{{"possessive", "Ann", "her"}, {ow, "Ann", "Her dad"}}},
		// Slots, Ann's cluster first: "Her dad" overwrites Ann's slot.
		{"nested, outer last", true, FirstMention, "Ann met Ann dad . her dad left .",
			[]span{{"possessive", "Ann", "her"}, {sub, "her dad", "Her dad"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseDoc(t, nestedCoNLLU)
			slices.Reverse(doc.Clusters) // file order: the dad (2) first
			checkDamage(t, doc, Config{Resolver: InPlace, Order: tc.order, Nested: tc.nested}, tc.resolved, tc.gold)
		})
	}
}

// TestDamageStrictAndSharedGold: the shared gold files count a pronoun
// representative as keeping a possessive and never look at a
// representative's own ’s; the default does.
func TestDamageStrictAndSharedGold(t *testing.T) {
	// Words: 0 Kim 1 's 2 team 3 won 4 . 5 Kim 6 said 7 they 8 won 9 . 10 him
	// Kim (1): [0,2) [5,6) [10,11) "Kim 's", "Kim", "him"; the team (2):
	// [0,3) [7,8) "Kim 's team", "their".
	const doc = `# newdoc id = poss
1	Kim	Kim	PROPN	NNP	_	_	_	_	Entity=(2(1
2	's	's	PART	POS	_	_	_	_	Entity=1)
3	team	team	NOUN	NN	_	_	_	_	Entity=2)
4	won	win	VERB	VBD	_	_	_	_	_
5	.	.	PUNCT	.	_	_	_	_	_

1	Kim	Kim	PROPN	NNP	_	_	_	_	Entity=(1)
2	said	say	VERB	VBD	_	_	_	_	_
3	their	their	PRON	PRP$	_	_	_	_	Entity=(2)
4	won	win	VERB	VBD	_	_	_	_	_
5	.	.	PUNCT	.	_	_	_	_	_
6	him	he	PRON	PRP	_	_	_	_	Entity=(1)
`
	for _, tc := range []struct {
		shared bool
		gold   []span
	}{
		{false, []span{{"other", "Kim 's", "Kim"}, {"possessive", "Kim 's team", "their"}, {"other", "Kim 's", "him"}}},
		{true, []span{{sub, "Kim 's", "Kim"}, {"possessive", "Kim 's team", "their"}, {sub, "Kim 's", "him"}}},
	} {
		cfg := NaiveResolver()
		cfg.SharedGold = tc.shared
		res, err := Damage(parseDoc(t, doc), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.gold, gold(res), cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("shared %v: gold (-want +got):\n%s", tc.shared, diff)
		}
	}
}

func TestDamageBadConfig(t *testing.T) {
	doc := parseDoc(t, tinyCoNLLU)
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Resolver: "x", Order: FirstMention}, `unknown resolver "x"`},
		{Config{Resolver: Shrink, Order: "x"}, `unknown cluster order "x"`},
		{Config{Resolver: Shrink, Order: FirstMention, MaxLen: -1}, "mention length cap -1 is negative"},
		{Config{Resolver: Shrink, Order: FirstMention, Nested: true}, "nested applies to the inplace resolver only"},
		{Config{Resolver: Shrink, Order: FirstMention, Merge: 1.5}, "rate merge = 1.5 is not in [0, 1]"},
		{Config{Resolver: Correct, Order: FirstMention, PronounOnly: 0.5}, "the correct resolver takes the gold clusters as they are"},
	} {
		if _, err := Damage(doc, tc.cfg); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.cfg, err, tc.want)
		}
	}
	untagged := parseDoc(t, tinyCoNLLU)
	for i := range untagged.Tokens {
		untagged.Tokens[i].XPOS = ""
	}
	cfg := SeedBug()
	cfg.WrongAntecedent = 0.5
	if _, err := Damage(untagged, cfg); err == nil || !strings.Contains(err.Error(), "part-of-speech tags") {
		t.Errorf("wrong antecedents without tags: %v", err)
	}
}

// TestDamageCaps: the cap decides which of Kim's mentions are replaced.
func TestDamageCaps(t *testing.T) {
	// A first mention "Kim", then mentions 1, 2, 3, 4, 5 and 6 words long, each
	// then "sat .".
	var b strings.Builder
	b.WriteString("# newdoc id = caps\n")
	phrases := []string{"Kim", "Kim", "Dr Kim", "the Dr Kim", "the good Dr Kim", "the very good Dr Kim", "the very good old Dr Kim"}
	for _, p := range phrases {
		ws := strings.Fields(p)
		for i, w := range ws {
			ent := "_"
			switch {
			case len(ws) == 1:
				ent = "Entity=(1)"
			case i == 0:
				ent = "Entity=(1"
			case i == len(ws)-1:
				ent = "Entity=1)"
			}
			fmt.Fprintf(&b, "%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", i+1, w, ent)
		}
		fmt.Fprintf(&b, "%d\tsat\t_\t_\t_\t_\t_\t_\t_\t_\n%d\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n", len(ws)+1, len(ws)+2)
	}
	doc := parseDoc(t, b.String())
	for cap, want := range map[int]int{1: 1, 2: 2, 3: 3, 5: 5, 0: 6} {
		cfg := NaiveResolver()
		cfg.MaxLen = cap
		res, err := Damage(doc, cfg)
		if err != nil {
			t.Fatal(err)
		}
		// The first later mention is "Kim" itself: no change, no gold.
		if got := len(res.Gold) + 1; got != want {
			t.Errorf("cap %d: %d mentions replaced, want %d", cap, got, want)
		}
	}
}

// TestDamageQuoteEndsWithParagraph: a quotation left open (a stray mark)
// ends with its paragraph, so first person in the next one is no quote.
func TestDamageQuoteEndsWithParagraph(t *testing.T) {
	const doc = `# newdoc id = q
1	Kim	Kim	PROPN	NNP	_	_	_	_	Entity=(1)
2	said	say	VERB	VBD	_	_	_	_	_
3	"	"	PUNCT	` + "``" + `	_	_	_	_	_
4	hi	hi	INTJ	UH	_	_	_	_	_
5	.	.	PUNCT	.	_	_	_	_	_

# newpar
1	I	I	PRON	PRP	_	_	_	_	Entity=(1)
2	left	leave	VERB	VBD	_	_	_	_	_
`
	for _, tc := range []struct {
		doc  string
		want string
	}{{doc, sub}, {strings.Replace(doc, "# newpar\n", "", 1), "quote"}} {
		checkDamage(t, parseDoc(t, tc.doc), NaiveResolver(), `Kim said " hi . Kim left`, []span{{tc.want, "Kim", "I"}})
	}
}

// agreeCoNLLU: an interview answer in the first person, outside any
// quotation, one verb form that agrees only with "I" ("have": no tags
// needed, the words decide).
const agreeCoNLLU = `# newdoc id = agree
# meta::genre = interview
1	Frank	Frank	PROPN	NNP	_	_	_	_	Entity=(1
2	Messina	Messina	PROPN	NNP	_	_	_	_	Entity=1)
3	writes	write	VERB	VBZ	_	_	_	_	_
4	poems	poem	NOUN	NNS	_	_	_	_	SpaceAfter=No
5	.	.	PUNCT	.	_	_	_	_	_

1	I	I	PRON	PRP	_	_	_	_	Entity=(1)
2	have	have	VERB	VBP	_	_	_	_	_
3	peace	peace	NOUN	NN	_	_	_	_	SpaceAfter=No
4	.	.	PUNCT	.	_	_	_	_	_

1	I	I	PRON	PRP	_	_	_	_	Entity=(1)
2	was	be	AUX	VBD	_	_	_	_	_
3	there	there	ADV	RB	_	_	_	_	SpaceAfter=No
4	.	.	PUNCT	.	_	_	_	_	_
`

// TestDamageAgreement: a name written over "I" before "have" leaves the
// verb disagreeing, which is damage; before "was" it reads right. The
// shared gold files' classification does not look at verbs.
func TestDamageAgreement(t *testing.T) {
	const frank = "Frank Messina"
	for _, tc := range []struct {
		cfg  Config
		want []span
	}{
		{NaiveResolver(), []span{{"other", frank, "I"}, {sub, frank, "I"}}},
		{sharedGold(NaiveResolver()), []span{{sub, frank, "I"}, {sub, frank, "I"}}},
	} {
		res, err := Damage(parseDoc(t, agreeCoNLLU), tc.cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := gold(res); !slices.Equal(got, tc.want) {
			t.Errorf("shared %v: gold %q, want %q (text %q)", tc.cfg.SharedGold, got, tc.want, res.Resolved)
		}
	}
}
