package resolve

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"corefix/model"
)

// marked reads a test document: words separated by spaces, a mention
// written "{N word word}" (N its cluster, nested as needed), a word's tag
// after a slash ("her/PRP$"). Clusters are in order of N. The text is the
// words joined by single spaces.
func marked(t *testing.T, src string) *model.CorefText {
	t.Helper()
	doc := &model.CorefDocument{ID: "t"}
	byID := map[int]*model.CorefCluster{}
	type open struct{ id, start int }
	var stack []open
	for _, f := range strings.Fields(src) {
		for strings.HasPrefix(f, "{") {
			end := len(f)
			if k := strings.IndexFunc(f[1:], func(r rune) bool { return r < '0' || r > '9' }); k >= 0 {
				end = k + 1
			}
			id, err := strconv.Atoi(f[1:end])
			if err != nil {
				t.Fatalf("bad mark %q", f)
			}
			stack = append(stack, open{id, len(doc.Tokens)})
			f = f[end:]
		}
		closes := len(f) - len(strings.TrimRight(f, "}"))
		f = strings.TrimRight(f, "}")
		if f != "" {
			form, tag, _ := strings.Cut(f, "/")
			doc.Tokens = append(doc.Tokens, model.CorefToken{Form: form, XPOS: tag, SpaceAfter: true})
		}
		for ; closes > 0; closes-- {
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			c := byID[o.id]
			if c == nil {
				c = &model.CorefCluster{ID: strconv.Itoa(o.id)}
				byID[o.id] = c
			}
			c.Mentions = append(c.Mentions, model.TokenSpan{Start: o.start, End: len(doc.Tokens)})
		}
	}
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c := byID[id]
		slices.SortFunc(c.Mentions, model.TokenSpan.Compare)
		doc.Clusters = append(doc.Clusters, *c)
	}
	var b strings.Builder
	ct := &model.CorefText{Doc: doc}
	for i, w := range doc.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		ct.Words = append(ct.Words, model.Range{Start: b.Len(), End: b.Len() + len(w.Form)})
		b.WriteString(w.Form)
	}
	ct.Text = b.String()
	return ct
}

// Each documented choice of the resolver, on a sentence written for it.
func TestResolveChoices(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		opts            Options
	}{
		{"in place, no drift", "{1 Jeff Sessions} said {1 he} would not .",
			"Jeff Sessions said Jeff Sessions would not .", Options{}},
		{"possessive gets ’s", "{1 Trump} defended {1 his} aide .",
			"Trump defended Trump 's aide .", Options{}},
		{"’ alone after a final s", "{1 Jeff Sessions} met {1 his} lawyer .",
			"Jeff Sessions met Jeff Sessions ' lawyer .", Options{}},
		{"standing alone", "{1 Ann} said the book was {1 hers} .",
			"Ann said the book was Ann 's .", Options{}},
		{"her before a noun is possessive", "{1 Ann} lost {1 her} keys and we told {1 her} that .",
			"Ann lost Ann 's keys and we told Ann that .", Options{}},
		{"her by its tag", "{1 Ann} gave {1 her/PRP} flowers .",
			"Ann gave Ann flowers .", Options{}},
		{"reflexive kept", "{1 Sessions} recused {1 himself} .",
			"Sessions recused himself .", Options{}},
		{"relative kept", "{1 the man} {1 who} spoke left .",
			"the man who spoke left .", Options{}},
		{"first and second person kept", "{1 Sessions} said : \" {1 I} told {2 you} . \" {2 Kim} nodded .",
			"Sessions said : \" I told you . \" Kim nodded .", Options{}},
		{"pronoun first: the first name", "When {1 he} arrived , {1 Jeff Sessions} said {1 he} was tired .",
			"When Jeff Sessions arrived , Jeff Sessions said Jeff Sessions was tired .", Options{}},
		{"pronouns only: left alone", "{1 He} said {1 he} was tired .",
			"He said he was tired .", Options{}},
		{"heading not a representative", "{1 SESSIONS} . {1 Jeff Sessions} said {1 he} was tired .",
			"SESSIONS . Jeff Sessions said Jeff Sessions was tired .", Options{}},
		{"inside its own representative", "{1 Ann and {1 her} dog} left . {1 They} returned .",
			"Ann and her dog left . Ann and her dog returned .", Options{}},
		// The representative is copied as the text writes it, pronouns and all.
		{"enclosing mention wins", "{1 Ann} has a dog . {2 {1 Her} dog} barked . Then {2 it} slept .",
			"Ann has a dog . Ann 's dog barked . Then her dog slept .", Options{}},
		{"up to the first comma", "{1 Valeska Paris , a former Scientologist ,} said {1 she} left .",
			"Valeska Paris , a former Scientologist , said Valeska Paris left .", Options{}},
		{"indefinite made definite", "{1 A red car} stopped . {1 It} was old .",
			"A red car stopped . The red car was old .", Options{}},
		{"indefinite later mention kept", "{1 Paris} was sent away as {1 a teenager} .",
			"Paris was sent away as a teenager .", Options{}},
		{"longer mention kept", "{1 Norton} arrived . {1 Joshua Abraham Norton , the emperor ,} left .",
			"Norton arrived . Joshua Abraham Norton , the emperor , left .", Options{}},
		{"modifier kept", "{1 Scientology} owns the {1 Scientology} - owned ship .",
			"Scientology owns the Scientology - owned ship .", Options{}},
		{"contraction kept", "{1 The defense} said {1 they} 're ready .",
			"The defense said they 're ready .", Options{}},
		{"capital at a sentence start", "Ask {1 the ship} . {1 It} sailed .",
			"Ask the ship . The ship sailed .", Options{}},
		{"closed-class capital lowered", "{1 The report} is out . Read {1 it} now .",
			"The report is out . Read the report now .", Options{}},
		{"number by tag", "{1 The/DT pair/NN} said {1 they/PRP} were ready .",
			"The pair said they were ready .", Options{}},
		{"max length", "{1 Jeff Sessions} met {1 the senator} and {1 he} spoke .",
			"Jeff Sessions met the senator and Jeff Sessions spoke .", Options{MaxLen: 1}},
		{"pronouns only", "{1 Jeff Sessions} met {1 the senator} and {1 he} spoke .",
			"Jeff Sessions met the senator and Jeff Sessions spoke .", Options{PronounsOnly: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ct := marked(t, tc.src)
			if got := Resolve(ct, tc.opts).Text; got != tc.want {
				t.Errorf("resolved\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// The sample passage with its clusters in any of the four formats gives
// one resolution, read here word by word against the original.
func TestResolveSample(t *testing.T) {
	text, err := os.ReadFile("../../testdata/clusters/paris.txt")
	if err != nil {
		t.Fatal(err)
	}
	const want = "Valeska Paris, an Australian woman and former Scientologist, has claimed that the Church of Scientology imprisoned Valeska Paris for twelve years aboard the Scientology - owned cruise ship, Freewinds.\n\n" +
		"The Church of Scientology's cruise ship Freewinds in Bonaire.\n\n" +
		"Valeska Paris was born in Switzerland but Valeska Paris' parents moved Valeska Paris to the United Kingdom when Valeska Paris was six so her parents could be closer to the Church of Scientology's headquarters. Valeska Paris joined the Sea Org aged 14. In 1995, at age seventeen, Valeska Paris was told to disconnect from Valeska Paris' mother.\n\n" +
		"Valeska Paris claims Valeska Paris was first sent to the Scientology - owned cruise ship aged eighteen for two weeks as a teenager but ended up spending twelve years there. Valeska Paris also claims that Valeska Paris' passport was taken away from Valeska Paris and Valeska Paris was forced to work in the engine room.\n"
	for _, f := range []string{"paris.conllu", "paris.allennlp.json", "paris.fastcoref.json", "paris.conll"} {
		docs, err := model.ReadClusterFile("../../testdata/clusters/"+f, model.ClustersAuto)
		if err != nil {
			t.Fatal(err)
		}
		ct, err := docs[0].Match(string(text), "paris.txt", f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Resolve(ct, Options{}).Text; got != want {
			t.Errorf("%s: resolved\n%s\nwant\n%s", f, got, want)
		}
	}
}
