package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The samples in testdata/clusters are one passage of a GUM news article
// (GUM_news_imprisoned, CC BY 2.5 text, CC BY 4.0 annotations) in each
// format: the CoNLL-U lines as GUM has them, and the same clusters
// written as AllenNLP JSON, fastcoref character offsets and CoNLL-2012.
const clusterSamples = "../testdata/clusters"

// parisClusters are the clusters of the passage with two mentions or
// more, as the text writes them; read by hand from the CoNLL-U.
var parisClusters = [][]string{
	{"Valeska Paris, an Australian woman and former Scientologist", "her", "Paris", "her", "her", "she", "She", "she",
		"her", "Paris", "she", "a teenager", "Paris", "her", "her", "she"},
	{"the Church of Scientology", "Scientology", "The Church of Scientology's", "the church's"},
	{"the Scientology - owned cruise ship, Freewinds", "The Church of Scientology's cruise ship Freewinds", "the ship"},
	{"her parents", "they"},
}

func TestClusterSamples(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(clusterSamples, "paris.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file   string
		format ClusterFormat
	}{
		{"paris.conllu", ClustersCoNLLU},
		{"paris.allennlp.json", ClustersTokens},
		{"paris.fastcoref.json", ClustersOffsets},
		{"paris.conll", ClustersCoNLL2012},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(clusterSamples, tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f, err := detectClusterFormat(data); err != nil || f != tc.format && !(f == ClustersTokens && tc.format == ClustersOffsets) {
				t.Errorf("detected %q (%v), want %q", f, err, tc.format)
			}
			docs, err := ReadClusterFile(path, ClustersAuto)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("%d documents, want 1", len(docs))
			}
			ct, err := docs[0].Match(string(text), "paris.txt", path)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(parisClusters, mentionTexts(ct)); diff != "" {
				t.Errorf("clusters (-want +got):\n%s", diff)
			}
			// Whatever the format, the words are the text's, spaced as it is.
			if own, ok := docs[0].OwnText(); ok && tc.format == ClustersCoNLLU && strings.Join(strings.Fields(own), " ") != strings.Join(strings.Fields(string(text)), " ") {
				t.Errorf("CoNLL-U words spaced by SpaceAfter:\n%s\nwant the text's", own)
			}
		})
	}
}

// mentionTexts is the text of every mention of a cluster of two or more.
func mentionTexts(ct *CorefText) [][]string {
	var out [][]string
	for _, c := range ct.Doc.Clusters {
		if len(c.Mentions) < 2 {
			continue
		}
		var ms []string
		for _, m := range c.Mentions {
			ms = append(ms, ct.Text[ct.Words[m.Start].Start:ct.Words[m.End-1].End])
		}
		out = append(out, ms)
	}
	return out
}

func TestClusterShapes(t *testing.T) {
	const text = "Ann met Bob. She liked him.\n"
	want := [][]string{{"Ann", "She"}, {"Bob", "him"}}
	for _, tc := range []struct{ name, file, data string }{
		{"AllenNLP document", "a.json", `{"document": ["Ann", "met", "Bob", ".", "She", "liked", "him", "."], "clusters": [[[0, 0], [4, 4]], [[2, 2], [6, 6]]]}`},
		{"pretty printed", "a.json", "{\n  \"document\": [\"Ann\", \"met\", \"Bob\", \".\", \"She\", \"liked\", \"him\", \".\"],\n  \"clusters\": [\n    [[0, 0], [4, 4]],\n    [[2, 2], [6, 6]]\n  ]\n}\n"},
		{"tokens as words", "a.json", `{"tokens": ["Ann", "met", "Bob", ".", "She", "liked", "him", "."], "clusters": [[[4, 4], [0, 0]], [[2, 2], [6, 6]]]}`},
		{"e2e sentences", "a.jsonl", `{"doc_key": "nw_0", "sentences": [["Ann", "met", "Bob", "."], ["She", "liked", "him", "."]], "clusters": [[[0, 0], [4, 4]], [[2, 2], [6, 6]]]}`},
		{"spaCy line breaks", "a.json", `{"document": ["Ann", "met", "Bob", ".", " ", "She", "liked", "him", ".", "\n"], "clusters": [[[0, 0], [5, 5]], [[2, 2], [7, 7]]]}`},
		{"GUM ranges", "a.jsonl", `{"id": "x", "text": "Ann met Bob . She liked him .", "tokens": [[0, 3], [4, 7], [8, 11], [12, 13], [14, 17], [18, 23], [24, 27], [28, 29]], "clusters": [[[0, 0], [4, 4]], [[2, 2], [6, 6]]]}`},
		{"offsets", "a.json", `{"clusters": [[[0, 3], [13, 16]], [[8, 11], [23, 26]]]}`},
		{"bare offsets", "a.json", `[[[0, 3], [13, 16]], [[8, 11], [23, 26]]]`},
		{"offsets with spaces", "a.json", `{"clusters": [[[0, 4], [12, 16]], [[7, 11], [22, 26]]]}`},
		{"array of documents", "a.json", `[{"clusters": [[[0, 3], [13, 16]], [[8, 11], [23, 26]]]}]`},
		{"CoNLL-2012 OntoNotes", "a.conll", "#begin document (nw/x); part 000\n" +
			"nw/x 0 0 Ann NNP * - - - - * (0)\nnw/x 0 1 met VBD * - - - - * -\nnw/x 0 2 Bob NNP * - - - - * (1)\nnw/x 0 3 /. . * - - - - * -\n\n" +
			"nw/x 0 0 She PRP * - - - - * (0)\nnw/x 0 1 liked VBD * - - - - * -\nnw/x 0 2 him PRP * - - - - * (1)\nnw/x 0 3 . . * - - - - * -\n\n#end document\n"},
		{"CoNLL GUM columns", "a.conll", "# begin document \n0\tAnn\t(1)\n1\tmet\t_\n2\tBob\t(2)\n3\t.\t_\n4\tShe\t(1)\n5\tliked\t_\n6\thim\t(2)\n7\t.\t_\n# end document\n"},
		{"CoNLL four columns", "a.conll", "#begin document x\nx 0 Ann (1)\nx 1 met -\nx 2 Bob (2)\nx 3 . -\nx 4 She (1)\nx 5 liked -\nx 6 him (2)\nx 7 . -\n#end document\n"},
		{"CoNLL-U", "a.conllu", "# newdoc id = x\n# text = Ann met Bob.\n1\tAnn\t_\t_\t_\t_\t_\t_\t_\tEntity=(e1)\n2\tmet\t_\t_\t_\t_\t_\t_\t_\t_\n3\tBob\t_\t_\t_\t_\t_\t_\t_\tEntity=(e2)|SpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n" +
			"1\tShe\t_\t_\t_\t_\t_\t_\t_\tEntity=(e1)\n2\tliked\t_\t_\t_\t_\t_\t_\t_\t_\n3\thim\t_\t_\t_\t_\t_\t_\t_\tEntity=(e2)|SpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ParseClusters([]byte(tc.data), tc.file, ClustersAuto)
			if err != nil {
				t.Fatal(err)
			}
			ct, err := docs[0].Match(text, "t.txt", tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, mentionTexts(ct)); diff != "" {
				t.Errorf("clusters (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClusterDocIDs(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		want             []string
	}{
		{"JSON Lines", "m.jsonl", `{"doc_key": "a", "document": ["x"], "clusters": []}` + "\n" + `{"id": "b", "document": ["y"], "clusters": []}`, []string{"a", "b"}},
		{"unnamed JSON", "m.json", `{"document": ["x"], "clusters": []}`, []string{"m"}},
		{"unnamed JSON Lines", "m.jsonl", `{"document": ["x"], "clusters": []}` + "\n" + `{"document": ["y"], "clusters": []}`, []string{"m-1", "m-2"}},
		{"CoNLL-2012 parts", "m.conll", "#begin document (bc/x); part 000\nbc/x 0 0 Hi UH * - - - - * -\n#end document\n#begin document (bc/x); part 001\nbc/x 1 0 Yo UH * - - - - * -\n#end document\n", []string{"bc/x", "bc/x_1"}},
		{"CoNLL-U", "m.conllu", "# newdoc id = d1\n1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n\n# newdoc id = d2\n1\tYo\t_\t_\t_\t_\t_\t_\t_\t_\n", []string{"d1", "d2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ParseClusters([]byte(tc.data), tc.file, ClustersAuto)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if diff := cmp.Diff(tc.want, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if _, err := FindClusterDoc(docs, tc.file, "nope"); len(docs) > 1 && (err == nil || !strings.Contains(err.Error(), `none has the id "nope"`)) {
				t.Errorf("an unknown id: %v", err)
			}
			if d, err := FindClusterDoc(docs, tc.file, "nope", docs[len(docs)-1].ID); err != nil || d != docs[len(docs)-1] {
				t.Errorf("the last id: %v", err)
			}
		})
	}
}

func TestClusterErrors(t *testing.T) {
	const text = "Ann met Bob. She liked him.\n"
	for _, tc := range []struct{ name, file, data, want string }{
		{"not clusters", "c.txt", "Ann met Bob.\n", "c.txt: not a clusters file"},
		{"bad JSON", "c.json", "{\"document\": [\"Ann\"],\n \"clusters\": [[[0, 0]]]]}", "c.json:1: invalid JSON at line 2, column"},
		{"JSON Lines line", "c.jsonl", `{"document": ["a"], "clusters": []}` + "\n" + `{"document": ["a"], "clusters": [[[0, 1]]]}`, "c.jsonl:2: cluster 0, mention 0: [0 1] is not [first, last] token of the 1"},
		{"mention outside", "c.json", `{"doc_key": "d", "document": ["Ann", "met"], "clusters": [[[0, 0], [3, 4]]]}`, `c.json:1: document "d": cluster 0, mention 1: [3 4] is not [first, last] token of the 2`},
		{"backwards", "c.json", `{"clusters": [[[5, 2]]]}`, "c.json:1: cluster 0, mention 0: [5 2] is not [start, end) of code points"},
		{"tokens type", "c.json", `{"tokens": [1, 2], "clusters": []}`, `c.json:1: "tokens" is neither a list of words nor`},
		{"ranges without text", "c.json", `{"tokens": [[0, 3]], "clusters": []}`, `c.json:1: "tokens" are code point ranges but there is no "text"`},
		{"not an object", "c.json", `{"clusters": []}` + "\n" + `"hello"`, "c.json:2: a JSON clusters document is an object or an array"},
		{"empty", "c.json", "  \n", "c.json: not a clusters file"},
		{"no document", "c.conll", "#begin document (x); part 000\n#end document\n#begin document (y); part 000\n", ""},
		{"CoNLL-2012 unclosed", "c.conll", "#begin document (x); part 000\nx 0 0 Ann NNP * - - - - * (3\nx 0 1 met VBD * - - - - * -\n#end document\n", `c.conll:2: Entity "3" opens here and never closes`},
		{"CoNLL-2012 stray close", "c.conll", "#begin document (x); part 000\nx 0 0 Ann NNP * - - - - * 3)\n", `c.conll:2: Entity closes "3", which is not open`},
		{"CoNLL-2012 short line", "c.conll", "#begin document (x); part 000\nAnn (1)\n", "c.conll:2: a word line has at least 3 columns"},
		{"CoNLL-2012 before begin", "c.conll", "x 0 0 Ann NNP * - - - - * -\n#begin document (x); part 000\n", ""},
		{"CoNLL-U columns", "c.conllu", "# newdoc id = x\n1\tAnn\t_\n", "c.conllu:2: a word line has 10 tab-separated columns, this one 3"},
		{"binary", "c.json", "{\x00}", "c.json: binary data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs, err := ParseClusters([]byte(tc.data), tc.file, ClustersAuto)
			if tc.want == "" {
				// Inputs a format tolerates: they must load or fail, not panic.
				if err == nil && len(docs) == 0 {
					t.Error("no documents and no error")
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line starting %q", err, tc.want)
			}
		})
	}
	// A word that does not fit the text: the first one, by number and
	// place, and nothing is returned.
	docs, err := ParseClusters([]byte(`{"doc_key": "d", "document": ["Ann", "met", "Bill", "."], "clusters": []}`), "c.json", ClustersAuto)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := docs[0].Match(text, "t.txt", "c.json")
	if want := `c.json: word 3 "Bill" of document "d" does not fit t.txt at line 1, column 9, which reads "Bob. She liked him."`; err == nil || err.Error() != want || ct != nil {
		t.Errorf("mismatch: %v, want %s", err, want)
	}
	off, _ := ParseClusters([]byte(`{"clusters": [[[0, 3], [27, 40]]]}`), "o.json", ClustersAuto)
	if _, err := off[0].Match(text, "t.txt", "o.json"); err == nil || !strings.HasPrefix(err.Error(), `o.json: document "o", cluster 0, mention 1: [27, 40) is outside t.txt (28 code points)`) {
		t.Errorf("offsets outside the text: %v", err)
	}
	sp, _ := ParseClusters([]byte(`{"clusters": [[[0, 3], [12, 13]]]}`), "o.json", ClustersAuto)
	if _, err := sp[0].Match(text, "t.txt", "o.json"); err == nil || !strings.Contains(err.Error(), "holds only white space") {
		t.Errorf("a mention of white space: %v", err)
	}
}

// TestClusterWordForms: words written the CoNLL-2012 way, or with other
// quotes than the text's, still fit; so do words the text writes without
// spaces between them.
func TestClusterWordForms(t *testing.T) {
	const text = "“Don’t go (now),” Sessions’s aide said."
	forms := []string{"``", "Do", "n't", "go", "-LRB-", "now", "-RRB-", ",", "''", "Sessions", "'s", "aide", "said", "/."}
	data, _ := json.Marshal(map[string]any{"document": forms, "clusters": [][][2]int{{{9, 10}, {11, 11}}}})
	docs, err := ParseClusters(data, "f.json", ClustersTokens)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := docs[0].Match(text, "t.txt", "f.json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ct.Words {
		got = append(got, text[w.Start:w.End])
	}
	want := []string{"“", "Do", "n’t", "go", "(", "now", ")", ",", "”", "Sessions", "’s", "aide", "said", "."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
	if !ct.Doc.Tokens[2].SpaceAfter || ct.Doc.Tokens[1].SpaceAfter || ct.Doc.Tokens[1].Form != "Do" {
		t.Errorf("spacing read from the text: %+v", ct.Doc.Tokens[:3])
	}
}

// TestRecordClusters: a dataset line's clusters count its original when
// it has one, else its text.
func TestRecordClusters(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       [][]string
	}{
		{"offsets of the original", `{"id": "a", "text": "Ann met Bob. Ann liked Bob.", "original": "Ann met Bob. She liked him.", "clusters": [[[0, 3], [13, 16]], [[8, 11], [23, 26]]]}`,
			[][]string{{"Ann", "She"}, {"Bob", "him"}}},
		{"words of the text", `{"id": "b", "text": "Ann met Bob . She liked him .", "document": ["Ann", "met", "Bob", ".", "She", "liked", "him", "."], "clusters": [[[0, 0], [4, 4]]]}`,
			[][]string{{"Ann", "She"}}},
		{"none", `{"id": "c", "text": "x"}`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := ParseRecord([]byte(tc.line))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := rec.ClusterDoc()
			if err != nil || (doc == nil) != (tc.want == nil) {
				t.Fatalf("clusters %v, error %v", doc, err)
			}
			if doc == nil {
				return
			}
			text := rec.Text
			if rec.Original != nil {
				text = *rec.Original
			}
			ct, err := doc.Match(text, "line", "line")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, mentionTexts(ct)); diff != "" {
				t.Errorf("clusters (-want +got):\n%s", diff)
			}
		})
	}
	rec, _ := ParseRecord([]byte(`{"id": "d", "text": "ab", "clusters": [[[0, 9]]]}`))
	if _, err := rec.ClusterDoc(); err == nil || err.Error() != `record "d": cluster 0, mention 0: [0 9] is not [start, end) of code points inside the text (2 code points)` {
		t.Errorf("offsets outside the text: %v", err)
	}
}
