package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// conllu joins word lines written with spaces between columns (easier to
// read here) into real tab-separated CoNLL-U.
func conllu(lines ...string) []byte {
	var b strings.Builder
	for _, l := range lines {
		if l != "" && !strings.HasPrefix(l, "#") {
			l = strings.Join(strings.Fields(l), "\t")
		}
		b.WriteString(l + "\n")
	}
	return []byte(b.String())
}

func TestParseCoNLLU(t *testing.T) {
	data := conllu(
		"# newdoc id = d1",
		"# global.Entity = eid-etype-head-other",
		"# meta::genre = news",
		"# sent_id = d1-1",
		"# text = Ann's dog saw it, then them.",
		"1-2 Ann's _ _ _ _ _ _ _ _",
		"1 Ann Ann PROPN NNP _ 3 nmod:poss _ Entity=(e2-animal-2(e1-person-1)",
		"2 's 's PART POS _ 1 case _ _",
		"3 dog dog NOUN NN _ 4 nsubj _ Entity=e2)",
		"4 saw see VERB VBD _ 0 root _ _",
		"4.1 saw see VERB VBD _ _ _ _ CopyOf=4",
		"5 it it PRON PRP _ 4 obj _ Entity=(e3[1/2]-thing-1-)|SpaceAfter=No",
		"6 , , PUNCT , _ 8 punct _ _",
		"7 then then ADV RB _ 8 advmod _ _",
		"8 them they PRON PRP Case=Acc|Number=Plur 4 conj _ Entity=(e3[2/2]-thing-1-)|SpaceAfter=No",
		"9 . . PUNCT . _ 4 punct _ _",
		"",
		"# newpar",
		"# newpar_block = p (1 s)",
		"# sent_id = d1-2",
		"1 He he PRON PRP Gender=Masc|Case=Nom 2 nsubj _ Entity=(e1)",
		"2 left leave VERB VBD _ 0 root _ SpaceAfter=No",
		"",
		"# newdoc id = d2",
		"# global.Entity = GRP",
		"# meta::genre = bio",
		"1 A a DET DT _ 2 det _ Entity=(7",
		"2 man man NOUN NN _ 0 root _ Entity=7)",
		"3 did do AUX VBD _ 0 root _ Entity=(8)",
		"",
	)
	docs, err := ParseCoNLLU(data, "x.conllu")
	if err != nil {
		t.Fatal(err)
	}
	tok := func(form, upos, xpos string, space bool) CorefToken {
		return CorefToken{Form: form, UPOS: upos, XPOS: xpos, SpaceAfter: space}
	}
	want := []*CorefDocument{{
		ID: "d1", Genre: "news",
		Tokens: []CorefToken{
			tok("Ann", "PROPN", "NNP", false), // inside the multiword token Ann's
			tok("'s", "PART", "POS", true),    // the multiword token's own SpaceAfter
			tok("dog", "NOUN", "NN", true),
			tok("saw", "VERB", "VBD", true), // the empty node 4.1 is no word
			tok("it", "PRON", "PRP", false),
			tok(",", "PUNCT", ",", true),
			tok("then", "ADV", "RB", true),
			{Form: "them", UPOS: "PRON", XPOS: "PRP", Case: "Acc"}, // FEATS gives the case
			tok(".", "PUNCT", ".", true),
			{Form: "He", UPOS: "PRON", XPOS: "PRP", Case: "Nom", SpaceAfter: true},
			tok("left", "VERB", "VBD", false),
		},
		Sentences:  []TokenSpan{{0, 9}, {9, 11}},
		Paragraphs: []TokenSpan{{0, 9}, {9, 11}},
		Clusters: []CorefCluster{
			{ID: "e2", Type: "animal", Mentions: []TokenSpan{{0, 3}}},
			{ID: "e1", Type: "person", Mentions: []TokenSpan{{0, 1}, {9, 10}}},
			// "it … them" is one discontinuous mention: its extent.
			{ID: "e3", Type: "thing", Mentions: []TokenSpan{{4, 8}}},
		},
	}, {
		ID: "d2", Genre: "bio",
		Tokens: []CorefToken{
			tok("A", "DET", "DT", true), tok("man", "NOUN", "NN", true), tok("did", "AUX", "VBD", true),
		},
		Sentences:  []TokenSpan{{0, 3}},
		Paragraphs: []TokenSpan{{0, 3}},
		Clusters: []CorefCluster{
			{ID: "7", Mentions: []TokenSpan{{0, 2}}},
			{ID: "8", Mentions: []TokenSpan{{2, 3}}},
		},
	}}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

func TestParseCoNLLUNoNewdoc(t *testing.T) {
	docs, err := ParseCoNLLU(conllu("1 Hi hi INTJ UH _ 0 root _ _"), "dir/talk.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "talk" || len(docs[0].Tokens) != 1 {
		t.Errorf("got %+v, want one document talk with one word", docs)
	}
}

func TestParseCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"columns", []byte("# newdoc id = a\n1\tHi\t_\n"), "x.conllu:2: a word line has 10 tab-separated columns, this one 3"},
		{"sequence", conllu("1 a _ _ _ _ _ _ _ _", "3 b _ _ _ _ _ _ _ _"), `x.conllu:2: word id "3" out of sequence (expected 2)`},
		{"no form", []byte("1\t\t_\t_\t_\t_\t_\t_\t_\t_\n"), "x.conllu:1: word 1 has no form"},
		{"range", conllu("1-3 abc _ _ _ _ _ _ _ _", "2 a _ _ _ _ _ _ _ _"), `x.conllu:2: word id "2" out of sequence (expected 1)`},
		{"bad range", conllu("2-1 ab _ _ _ _ _ _ _ _"), `x.conllu:1: bad multiword token range "2-1"`},
		{"not open", conllu("1 a _ _ _ _ _ _ _ Entity=4)"), `x.conllu:1: Entity closes "4", which is not open`},
		{"never closes", conllu("# newdoc id = a", "1 a _ _ _ _ _ _ _ Entity=(4", "", "# newdoc id = b"), `x.conllu:2: Entity "4" opens here and never closes`},
		{"never closes at the end", conllu("1 a _ _ _ _ _ _ _ _", "2 b _ _ _ _ _ _ _ Entity=(5(4"), `x.conllu:2: Entity "4" opens here and never closes`},
		{"empty bracket", conllu("1 a _ _ _ _ _ _ _ Entity=()"), `x.conllu:1: bad Entity "()": a bracket without an entity id`},
		{"no closing id", conllu("1 a _ _ _ _ _ _ _ Entity=(1))"), `x.conllu:1: bad Entity "(1))": expected ENTITY) at ")"`},
		{"missing part", conllu("1 a _ _ _ _ _ _ _ Entity=(1[1/2])"), `x.conllu:1: discontinuous mention of entity "1" starts here and misses its last part`},
		{"utf-8", []byte("1\ta\xff\t_\t_\t_\t_\t_\t_\t_\t_\n"), "x.conllu: not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCoNLLU(tc.data, "x.conllu")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestParseCorefJSONL(t *testing.T) {
	data := `{"id": "a", "genre": "news", "text": "Ann’s dog  barked.\n", "tokens": [[0, 3], [3, 5], [6, 9], [11, 17], [17, 18]],` +
		` "clusters": [[[2, 2]], [[0, 0], [0, 2]]], "cluster_types": ["animal", "person"], "sentences": [[0, 4]], "title": "ignored"}` + "\n\n" +
		`{"id": "b", "text": "Hi", "tokens": [[0, 2]], "clusters": []}` + "\n"
	docs, err := ParseCorefJSONL([]byte(data), "g.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []*CorefDocument{{
		ID: "a", Genre: "news",
		Tokens: []CorefToken{
			{Form: "Ann"}, {Form: "’s", SpaceAfter: true}, {Form: "dog", SpaceAfter: true},
			{Form: "barked"}, {Form: ".", SpaceAfter: true},
		},
		Sentences: []TokenSpan{{0, 5}},
		Clusters: []CorefCluster{
			{ID: "0", Type: "animal", Mentions: []TokenSpan{{2, 3}}},
			{ID: "1", Type: "person", Mentions: []TokenSpan{{0, 1}, {0, 3}}},
		},
	}, {ID: "b", Tokens: []CorefToken{{Form: "Hi"}}}}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

func TestParseCorefJSONLErrors(t *testing.T) {
	line := func(fields string) string { return `{"id": "a", "text": "a b", ` + fields + "}\n" }
	for _, tc := range []struct {
		name, data, want string
	}{
		{"json", `{"id": "a", "text": ]}` + "\n", "g.jsonl:1: invalid JSON at column 21"},
		{"no id", `{"text": "x"}` + "\n", `g.jsonl:1: no "id"`},
		{"duplicate", line(`"tokens": [[0, 1]]`) + line(`"tokens": [[0, 1]]`), `g.jsonl:2: duplicate id "a"`},
		{"token type", line(`"tokens": [["0", 1]]`), `g.jsonl:1: record "a": "tokens" is neither a list of words nor of [start, end] code point ranges`},
		{"token outside", line(`"tokens": [[0, 1], [2, 4]]`), `g.jsonl:1: record "a": token 1 [2 4] is not [start, end] after the previous token and inside the text (3 code points)`},
		{"overlap", line(`"tokens": [[0, 2], [1, 3]]`), `g.jsonl:1: record "a": token 1 [1 3]`},
		{"uncovered text", line(`"tokens": [[2, 3]]`), `g.jsonl:1: record "a": text "a " before token 0 belongs to no token`},
		{"mention", line(`"tokens": [[0, 1], [2, 3]], "clusters": [[[0, 0], [1, 2]]]`), `g.jsonl:1: record "a": cluster 0, mention 1: [1 2] is not [first, last] token of the 2`},
		{"types", line(`"tokens": [[0, 1]], "clusters": [[[0, 0]]], "cluster_types": []`), `g.jsonl:1: record "a": 0 cluster_types for 1 clusters`},
		{"sentence", line(`"tokens": [[0, 1]], "sentences": [[1, 0]]`), `g.jsonl:1: record "a": sentence 0: [1 0] is not`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCorefJSONL([]byte(tc.data), "g.jsonl")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadCorefFileKinds(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(txt, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCorefFile(txt); err == nil || err.Error() != txt+": not a coreference file (want .conllu or .jsonl)" {
		t.Errorf("a .txt file: %v", err)
	}
	if _, err := ReadCorefFile(filepath.Join(dir, "none.conllu")); err == nil || !strings.Contains(err.Error(), "none.conllu") {
		t.Errorf("a missing file: %v", err)
	}
}

// TestGUMFullMatchesOntoGUM reads the shared GUM data when it is on this
// machine: the 108 CoNLL-U documents of six genres, and the news ones must
// give the words and clusters of the JSON Lines release of the same
// articles (the same OntoGUM clusters).
func TestGUMFullMatchesOntoGUM(t *testing.T) {
	const shared = "/work/shared/data" // the project's shared material, where this machine keeps it
	paths, _ := filepath.Glob(filepath.Join(shared, "gum-full/conllu/*.conllu"))
	if len(paths) == 0 {
		t.Skip("no shared GUM data on this machine")
	}
	jsonl, err := ReadCorefFile(filepath.Join(shared, "gum/gum-news-ontogum.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*CorefDocument{}
	for _, d := range jsonl {
		byID[d.ID] = d
	}
	genres := map[string]int{}
	compared := 0
	for _, p := range paths {
		docs, err := ReadCorefFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			genres[d.Genre]++
			j := byID[d.ID]
			if j == nil {
				continue
			}
			compared++
			if len(d.Tokens) != len(j.Tokens) {
				t.Fatalf("%s: %d words, JSON Lines %d", d.ID, len(d.Tokens), len(j.Tokens))
			}
			for i := range d.Tokens {
				if d.Tokens[i].Form != j.Tokens[i].Form {
					t.Fatalf("%s: word %d %q, JSON Lines %q", d.ID, i, d.Tokens[i].Form, j.Tokens[i].Form)
				}
			}
			if diff := cmp.Diff(mentionSets(j), mentionSets(d)); diff != "" {
				t.Errorf("%s: clusters (-jsonl +conllu):\n%s", d.ID, diff)
			}
		}
	}
	want := map[string]int{"academic": 18, "bio": 20, "court": 9, "interview": 19, "news": 24, "voyage": 18}
	if diff := cmp.Diff(want, genres); diff != "" {
		t.Errorf("documents per genre (-want +got):\n%s", diff)
	}
	if compared != 24 {
		t.Errorf("compared %d news documents with the JSON Lines, want 24", compared)
	}
}

// mentionSets is a document's clusters as a set of mention lists, to
// compare clusters whatever their ids and order.
func mentionSets(d *CorefDocument) map[TokenSpan][]TokenSpan {
	m := map[TokenSpan][]TokenSpan{}
	for _, c := range d.Clusters {
		m[c.Mentions[0]] = c.Mentions
	}
	return m
}
