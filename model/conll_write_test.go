package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// writeSample is two documents that use what the CoNLL writers must get
// right: tags, spacing, paragraphs and types (d1); mentions of different
// clusters opening together, a one-word mention closing a longer one's
// word; then no tags, no sentences, no id, ids that cannot be written, a
// cluster's mentions nested in its own and one starting on the word
// another of the same cluster ends on (the second document).
func writeSample() []*CorefDocument {
	tok := func(form, upos, xpos string, space bool) CorefToken {
		return CorefToken{Form: form, UPOS: upos, XPOS: xpos, SpaceAfter: space}
	}
	d1 := &CorefDocument{
		ID: "d1", Genre: "news",
		Tokens: []CorefToken{
			tok("Ann", "PROPN", "NNP", false), tok("'s", "PART", "POS", true), tok("dog", "NOUN", "NN", true),
			tok("saw", "VERB", "VBD", true), tok("it", "PRON", "PRP", false), tok(".", "PUNCT", ".", true),
			tok("The", "DET", "DT", true), tok("dog", "NOUN", "NN", true), tok("and", "CCONJ", "CC", true),
			tok("Ann", "PROPN", "NNP", true), tok("left", "VERB", "VBD", false), tok(".", "PUNCT", ".", true),
		},
		Sentences:  []TokenSpan{{0, 6}, {6, 12}},
		Paragraphs: []TokenSpan{{0, 6}, {6, 12}},
		Clusters: []CorefCluster{
			{ID: "1", Type: "person", Mentions: []TokenSpan{{0, 1}, {9, 10}}},
			{ID: "2", Type: "animal", Mentions: []TokenSpan{{0, 3}, {4, 5}, {6, 8}}},
			{ID: "3", Type: "group", Mentions: []TokenSpan{{6, 10}}},
		},
	}
	d2 := &CorefDocument{
		Tokens: []CorefToken{tok("a", "", "", true), tok("b", "", "", true), tok("c", "", "", true), tok("d", "", "", true), tok("e", "", "", false)},
		Clusters: []CorefCluster{
			{ID: "x-y", Mentions: []TokenSpan{{0, 3}, {0, 5}, {2, 4}}},
			{ID: "x-y", Mentions: []TokenSpan{{2, 3}}},
		},
	}
	return []*CorefDocument{d1, d2}
}

// The expected files were written by hand from the CorefUD and OntoNotes
// layouts, not by the writers.
var (
	wantCoNLLU = []string{
		"# newdoc id = d1\n# global.Entity = eid-etype\n# meta::genre = news\n" +
			"# newpar\n# sent_id = d1-1\n# text = Ann's dog saw it.\n" +
			"1\tAnn\t_\tPROPN\tNNP\t_\t_\t_\t_\tEntity=(1-person)(2-animal|SpaceAfter=No\n" +
			"2\t's\t_\tPART\tPOS\t_\t_\t_\t_\t_\n" +
			"3\tdog\t_\tNOUN\tNN\t_\t_\t_\t_\tEntity=2)\n" +
			"4\tsaw\t_\tVERB\tVBD\t_\t_\t_\t_\t_\n" +
			"5\tit\t_\tPRON\tPRP\t_\t_\t_\t_\tEntity=(2-animal)|SpaceAfter=No\n" +
			"6\t.\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n\n" +
			"# newpar\n# sent_id = d1-2\n# text = The dog and Ann left.\n" +
			"1\tThe\t_\tDET\tDT\t_\t_\t_\t_\tEntity=(2-animal(3-group\n" +
			"2\tdog\t_\tNOUN\tNN\t_\t_\t_\t_\tEntity=2)\n" +
			"3\tand\t_\tCCONJ\tCC\t_\t_\t_\t_\t_\n" +
			"4\tAnn\t_\tPROPN\tNNP\t_\t_\t_\t_\tEntity=3)(1-person)\n" +
			"5\tleft\t_\tVERB\tVBD\t_\t_\t_\t_\tSpaceAfter=No\n" +
			"6\t.\t_\tPUNCT\t.\t_\t_\t_\t_\t_\n\n",
		"# newdoc\n# global.Entity = eid-etype\n" +
			"# sent_id = 1\n# text = a b c d e\n" +
			"1\ta\t_\t_\t_\t_\t_\t_\t_\tEntity=(e1(e1\n" +
			"2\tb\t_\t_\t_\t_\t_\t_\t_\t_\n" +
			"3\tc\t_\t_\t_\t_\t_\t_\t_\tEntity=e1)(e1(e2)\n" +
			"4\td\t_\t_\t_\t_\t_\t_\t_\tEntity=e1)\n" +
			"5\te\t_\t_\t_\t_\t_\t_\t_\tEntity=e1)|SpaceAfter=No\n\n",
	}
	wantCoNLL2012 = []string{
		"#begin document (d1); part 000\n" +
			"d1  0  0  Ann   NNP  *  -  -  -  -  *  (0)|(1\n" +
			"d1  0  1  's    POS  *  -  -  -  -  *  -\n" +
			"d1  0  2  dog   NN   *  -  -  -  -  *  1)\n" +
			"d1  0  3  saw   VBD  *  -  -  -  -  *  -\n" +
			"d1  0  4  it    PRP  *  -  -  -  -  *  (1)\n" +
			"d1  0  5  .     .    *  -  -  -  -  *  -\n\n" +
			"d1  0  0  The   DT   *  -  -  -  -  *  (1|(2\n" +
			"d1  0  1  dog   NN   *  -  -  -  -  *  1)\n" +
			"d1  0  2  and   CC   *  -  -  -  -  *  -\n" +
			"d1  0  3  Ann   NNP  *  -  -  -  -  *  2)|(0)\n" +
			"d1  0  4  left  VBD  *  -  -  -  -  *  -\n" +
			"d1  0  5  .     .    *  -  -  -  -  *  -\n\n" +
			"#end document\n",
		"#begin document (); part 000\n" +
			"-  0  0  a  -  *  -  -  -  -  *  (0|(0\n" +
			"-  0  1  b  -  *  -  -  -  -  *  -\n" +
			"-  0  2  c  -  *  -  -  -  -  *  0)|(0|(1)\n" +
			"-  0  3  d  -  *  -  -  -  -  *  0)\n" +
			"-  0  4  e  -  *  -  -  -  -  *  0)\n\n" +
			"#end document\n",
	}
)

func TestEncodeCoNLL(t *testing.T) {
	docs := writeSample()
	var u, c []byte
	for i, d := range docs {
		got, err := EncodeCoNLLU(d)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantCoNLLU[i], string(got)); diff != "" {
			t.Errorf("CoNLL-U of document %d (-want +got):\n%s", i, diff)
		}
		u = append(u, got...)
		if got, err = EncodeCoNLL2012(d); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(wantCoNLL2012[i], string(got)); diff != "" {
			t.Errorf("CoNLL-2012 of document %d (-want +got):\n%s", i, diff)
		}
		c = append(c, got...)
	}
	// Read back, the two documents of one file are the documents written:
	// everything in CoNLL-U, where a document without paragraphs is one
	// and the ids that could not be written are numbered…
	back, err := ParseCoNLLU(u, "w.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := writeSample()
	want[1].ID = "w"
	want[1].Sentences, want[1].Paragraphs = []TokenSpan{{0, 5}}, []TokenSpan{{0, 5}}
	want[1].Clusters[0].ID, want[1].Clusters[1].ID = "e1", "e2"
	if diff := cmp.Diff(want, back); diff != "" {
		t.Errorf("CoNLL-U read back (-want +got):\n%s", diff)
	}
	// … and in CoNLL-2012 the words, tags, sentences and clusters, with
	// clusters numbered and one space after every word but the last.
	docs2012, err := ParseClusters(c, "w.conll", ClustersAuto)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs2012 {
		w := want[i]
		w.Paragraphs, w.Genre, w.Tokens = nil, "", slices.Clone(w.Tokens)
		for j := range w.Tokens {
			w.Tokens[j].UPOS, w.Tokens[j].SpaceAfter = "", j < len(w.Tokens)-1
		}
		for j := range w.Clusters {
			w.Clusters[j].ID, w.Clusters[j].Type = string(rune('0'+j)), ""
		}
		if diff := cmp.Diff(w, d.CorefDocument); diff != "" {
			t.Errorf("CoNLL-2012 document %d read back (-want +got):\n%s", i, diff)
		}
	}
}

func TestEncodeCoNLLErrors(t *testing.T) {
	doc := func(change func(d *CorefDocument)) *CorefDocument {
		d := writeSample()[0]
		change(d)
		return d
	}
	for _, tc := range []struct {
		name          string
		doc           *CorefDocument
		conllu, conll string // the error's start; "" when that writer takes it
	}{
		{"crossing", doc(func(d *CorefDocument) { d.Clusters[1].Mentions = []TokenSpan{{0, 3}, {1, 4}} }),
			`cluster "2": mentions [1, 4) and [0, 3) cross`, `cluster "2": mentions [1, 4) and [0, 3) cross`},
		{"outside", doc(func(d *CorefDocument) { d.Clusters[0].Mentions = []TokenSpan{{11, 13}} }),
			`cluster "1": mention [11, 13) is not a range of the 12 words`, `cluster "1": mention [11, 13) is not a range of the 12 words`},
		{"empty mention", doc(func(d *CorefDocument) { d.Clusters[0].Mentions = []TokenSpan{{3, 3}} }),
			`cluster "1": mention [3, 3) is not a range`, `cluster "1": mention [3, 3) is not a range`},
		{"space in a word", doc(func(d *CorefDocument) { d.Tokens[2].Form = "hot dog" }), "", `word 3 "hot dog" holds white space`},
		{"tab in a word", doc(func(d *CorefDocument) { d.Tokens[2].Form = "hot\tdog" }), `word 3 "hot\tdog" holds white space or a control character`, `word 3 "hot\tdog" holds`},
		{"line break in a word", doc(func(d *CorefDocument) { d.Tokens[2].Form = "hot\ndog" }), `word 3 "hot\ndog" holds`, `word 3 "hot\ndog" holds`},
		{"empty word", doc(func(d *CorefDocument) { d.Tokens[0].Form = "" }), "word 1 is empty", "word 1 is empty"},
		{"space in a tag", doc(func(d *CorefDocument) { d.Tokens[0].XPOS = "N P" }), `word 1: tag "N P" holds`, `word 1: tag "N P" holds`},
		{"type", doc(func(d *CorefDocument) { d.Clusters[0].Type = "per-son" }), `cluster "1": type "per-son" holds one of`, ""},
		{"id with a space", doc(func(d *CorefDocument) { d.ID = "my doc" }), "", `document id "my doc" holds white space`},
		{"id with a bracket", doc(func(d *CorefDocument) { d.ID = "doc(1)" }), "", `document id "doc(1)" holds one of "();"`},
		{"id of a comment", doc(func(d *CorefDocument) { d.ID = "#1" }), "", `document id "#1" starts with #`},
		{"id with a line break", doc(func(d *CorefDocument) { d.ID = "a\nb" }), `document id "a\nb" holds`, `document id "a\nb" holds`},
		{"id with edge spaces", doc(func(d *CorefDocument) { d.ID = " a" }), `document id " a" starts or ends with white space`, `document id " a" holds`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, w := range []struct {
				format string
				encode func(*CorefDocument) ([]byte, error)
				want   string
			}{{"CoNLL-U", EncodeCoNLLU, tc.conllu}, {"CoNLL-2012", EncodeCoNLL2012, tc.conll}} {
				out, err := w.encode(tc.doc)
				switch {
				case w.want == "" && err != nil:
					t.Errorf("%s: %v", w.format, err)
				case w.want != "" && (err == nil || !strings.HasPrefix(err.Error(), w.want) || out != nil):
					t.Errorf("%s: error %v, want %q and no output", w.format, err, w.want)
				}
			}
		})
	}
}

// TestCoNLLSampleRoundTrip: the GUM passage's CoNLL-2012 file is written
// back byte for byte, and its CoNLL-U file read, written and read again is
// the same document, sentence by sentence as GUM's own "# text" lines
// give them.
func TestCoNLLSampleRoundTrip(t *testing.T) {
	conll, err := os.ReadFile(filepath.Join(clusterSamples, "paris.conll"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ParseClusters(conll, "paris.conll", ClustersAuto)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := EncodeCoNLL2012(docs[0].CorefDocument); err != nil || string(out) != string(conll) {
		t.Errorf("paris.conll written back (error %v):\n%s", err, cmp.Diff(string(conll), string(out)))
	}
	conllu, err := os.ReadFile(filepath.Join(clusterSamples, "paris.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	read, err := ParseCoNLLU(conllu, "paris.conllu")
	if err != nil {
		t.Fatal(err)
	}
	out, err := EncodeCoNLLU(read[0])
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseCoNLLU(out, "out.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(read, again); diff != "" {
		t.Errorf("paris.conllu read back (-read +again):\n%s", diff)
	}
	if diff := cmp.Diff(commentLines(conllu, "# text = "), commentLines(out, "# text = ")); diff != "" {
		t.Errorf("sentences (-GUM +written):\n%s", diff)
	}
}

// commentLines are the lines of data that start with prefix.
func commentLines(data []byte, prefix string) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

// TestClusterRoundTrips: the passage's clusters read from each of the
// four formats, written in each and read back onto the text, are the
// clusters read by hand, and the formats that name documents keep the id.
func TestClusterRoundTrips(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(clusterSamples, "paris.txt"))
	if err != nil {
		t.Fatal(err)
	}
	offsets := func(ct *CorefText) ([]byte, error) {
		return json.Marshal(map[string]any{"clusters": ct.OffsetClusters()})
	}
	writers := []struct {
		format ClusterFormat
		encode func(*CorefText) ([]byte, error)
	}{
		{ClustersTokens, func(ct *CorefText) ([]byte, error) { return EncodeTokenClusters(ct.Doc) }},
		{ClustersOffsets, offsets},
		{ClustersCoNLLU, func(ct *CorefText) ([]byte, error) { return EncodeCoNLLU(ct.Doc) }},
		{ClustersCoNLL2012, func(ct *CorefText) ([]byte, error) { return EncodeCoNLL2012(ct.Doc) }},
	}
	for _, file := range []string{"paris.conllu", "paris.allennlp.json", "paris.fastcoref.json", "paris.conll"} {
		docs, err := ReadClusterFile(filepath.Join(clusterSamples, file), ClustersAuto)
		if err != nil {
			t.Fatal(err)
		}
		ct, err := docs[0].Match(string(text), "paris.txt", file)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range writers {
			out, err := w.encode(ct)
			if err != nil {
				t.Fatalf("%s as %s: %v", file, w.format, err)
			}
			back, err := ParseClusters(out, "out", ClustersAuto)
			if err != nil {
				t.Fatalf("%s as %s: %v", file, w.format, err)
			}
			if w.format != ClustersOffsets && back[0].ID != ct.Doc.ID {
				t.Errorf("%s as %s: id %q, want %q", file, w.format, back[0].ID, ct.Doc.ID)
			}
			again, err := back[0].Match(string(text), "paris.txt", "out")
			if err != nil {
				t.Fatalf("%s as %s: %v", file, w.format, err)
			}
			if diff := cmp.Diff(parisClusters, mentionTexts(again)); diff != "" {
				t.Errorf("%s as %s: clusters (-want +got):\n%s", file, w.format, diff)
			}
		}
	}
}

// TestGUMFullRoundTrip writes every document of the shared GUM data, when
// it is on this machine, in both CoNLL formats and reads it back: CoNLL-U
// gives the same document, CoNLL-2012 the same words, tags, sentences
// and mentions.
func TestGUMFullRoundTrip(t *testing.T) {
	paths, _ := filepath.Glob("/work/shared/data/gum-full/conllu/*.conllu") // the project's shared material
	if len(paths) == 0 {
		t.Skip("no shared GUM data on this machine")
	}
	written := 0
	for _, p := range paths {
		docs, err := ReadCorefFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			out, err := EncodeCoNLLU(d)
			if err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
			back, err := ParseCoNLLU(out, d.ID)
			if err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
			if !reflect.DeepEqual([]*CorefDocument{d}, back) { // cmp.Diff only to say how: it is slow
				t.Fatalf("%s: CoNLL-U read back (-read +again):\n%s", d.ID, cmp.Diff([]*CorefDocument{d}, back))
			}
			if out, err = EncodeCoNLL2012(d); err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
			back2012, err := ParseClusters(out, d.ID, ClustersCoNLL2012)
			if err != nil {
				t.Fatalf("%s: %v", d.ID, err)
			}
			got := back2012[0].CorefDocument
			for i := range d.Tokens {
				if got.Tokens[i].Form != d.Tokens[i].Form || got.Tokens[i].XPOS != d.Tokens[i].XPOS {
					t.Fatalf("%s: CoNLL-2012 word %d %+v, want %+v", d.ID, i, got.Tokens[i], d.Tokens[i])
				}
			}
			if !reflect.DeepEqual(d.Sentences, got.Sentences) || len(got.Tokens) != len(d.Tokens) {
				t.Fatalf("%s: CoNLL-2012 %d words, sentences (-read +again):\n%s", d.ID, len(got.Tokens), cmp.Diff(d.Sentences, got.Sentences))
			}
			if !reflect.DeepEqual(mentionSets(d), mentionSets(got)) {
				t.Fatalf("%s: CoNLL-2012 clusters (-read +again):\n%s", d.ID, cmp.Diff(mentionSets(d), mentionSets(got)))
			}
			written++
		}
	}
	if written != 108 {
		t.Errorf("%d documents written, want the 108 of GUM", written)
	}
}
