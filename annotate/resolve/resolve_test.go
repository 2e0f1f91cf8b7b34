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
		// GUM: "most Eegimaa speakers", a name used as a modifier inside a
		// mention around it, is kept: "most the Gújjolaay Eegimaa speakers"
		// does not read, and the name already names.
		{"modifier inside a larger mention kept", "{1 The/DT Gújjolaay/NNP Eegimaa/NNP} is spoken . Today {2 most/JJS {1 Eegimaa/NNP} speakers/NNS} live in {1 its/PRP$} towns .",
			"The Gújjolaay Eegimaa is spoken . Today most Eegimaa speakers live in the Gújjolaay Eegimaa 's towns .", Options{}},
		{"modifier untagged", "{1 the Pittsburgh Pirates} won . The only other {2 {1 Pirates} player} scored .",
			"the Pittsburgh Pirates won . The only other Pirates player scored .", Options{}},
		// GUM's typo "for Winning shall be it's reward", tagged PRP$: a
		// possessive by its tag, so it gets ’s like "its".
		{"possessive by tag whatever its spelling", "{1 The/DT Mets/NNPS} play . Winning/NN shall/MD be/VB {1 it's/PRP$} reward/NN .",
			"The Mets play . Winning shall be the Mets' reward .", Options{}},
		// A clause mention cut at its comma left "Have": a representative
		// starting with a verb is not a name, so the next usable mention is.
		{"clause not a representative", "{1 Have/VB fun/NN ,/, win/VB} ./. We/PRP chose/VBD {1 the/DT motto/NN} ./. {1 It/PRP} works/VBZ ./.",
			"Have fun , win . We chose the motto . The motto works .", Options{}},
		{"cut representative needs its noun", "{1 the/DT region/NN 's/POS primary/JJ political/JJ ,/, cultural/JJ center/NN} grew/VBD . {1 Phoenix/NNP} is/VBZ hot/JJ . {1 It/PRP} is/VBZ big/JJ .",
			"the region 's primary political , cultural center grew . Phoenix is hot . Phoenix is big .", Options{}},
		{"list after a colon not repeated", "{1 3 local nightclubs : L'instant , Caraibes and Latin Club} . {1 They} are close .",
			"3 local nightclubs : L'instant , Caraibes and Latin Club . 3 local nightclubs are close .", Options{}},
		{"first person not a representative", "He said : \" {1 my attorney} wrote . \" {1 He} did .",
			"He said : \" my attorney wrote . \" He did .", Options{}},
		{"later indefinite is a predicate", "{1 He} was {1 an undistinguished student} . {1 He} left .",
			"He was an undistinguished student . He left .", Options{}},
		{"a name beats a description", "{1 An/DT undistinguished/JJ student/NN} ,/, {1 he/PRP} played/VBD ./. {1 Byron/NNP} left/VBD ./. {1 He/PRP} wrote/VBD ./.",
			"An undistinguished student , Byron played . Byron left . Byron wrote .", Options{}},
		{"a description only after a name", "{1 The job} was big . I did {1 the work} and {1 it} paid .",
			"The job was big . I did the work and the job paid .", Options{}},
		{"a name already names", "{1 Valeska Paris} sailed . {1 Paris} left and {1 the woman} slept .",
			"Valeska Paris sailed . Paris left and Valeska Paris slept .", Options{}},
		{"event verb kept", "{1 Ann} {2 left/VBD} . {2 The/DT departure/NN} hurt/VBD . {2 It/PRP} did/VBD .",
			"Ann left . The departure hurt . The departure did .", Options{}},
		{"pro-adverb kept", "{1 Mazirat} is small . It was wonderful {1 there} .",
			"Mazirat is small . It was wonderful there .", Options{}},
		{"a name keeps its capital inside a sentence", "We thank {1 For Inspiration and Recognition of Science} . Then {1 it} won .",
			"We thank For Inspiration and Recognition of Science . Then For Inspiration and Recognition of Science won .", Options{}},
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
		"Paris was born in Switzerland but Valeska Paris' parents moved Valeska Paris to the United Kingdom when Valeska Paris was six so her parents could be closer to the Church of Scientology's headquarters. Valeska Paris joined the Sea Org aged 14. In 1995, at age seventeen, Valeska Paris was told to disconnect from Valeska Paris' mother.\n\n" +
		"Paris claims Valeska Paris was first sent to the Scientology - owned cruise ship aged eighteen for two weeks as a teenager but ended up spending twelve years there. Paris also claims that Valeska Paris' passport was taken away from Valeska Paris and Valeska Paris was forced to work in the engine room.\n"
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
