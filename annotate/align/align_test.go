package align

import (
	"encoding/json"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"corefix/model"
)

// want is one expected finding: its text in the resolved document, its
// category, whether it counts as broken, and its first proposals.
type want struct {
	text      string
	category  model.Category
	broken    bool
	proposals []string
	original  string
}

func align(t *testing.T, orig, res string) []model.Finding {
	t.Helper()
	doc := model.NewDocument("res", "", res)
	fs, err := Align(model.NewDocument("orig", "", orig), doc)
	if err != nil {
		t.Fatalf("Align(%q, %q): %v", orig, res, err)
	}
	if err := model.ValidateFindings(len(doc.Text), fs, true); err != nil {
		t.Fatalf("on %q: %v", doc.Text, err)
	}
	return fs
}

func TestAlignClasses(t *testing.T) {
	tests := []struct {
		name      string
		orig, res string
		want      []want
	}{
		{
			name: "identical texts",
			orig: "Sessions said he would go .",
			res:  "Sessions said he would go .",
		},
		{
			name: "correct substitution at a mention",
			orig: "Jeff Sessions arrived . Later he said nothing .",
			res:  "Jeff Sessions arrived . Later Jeff Sessions said nothing .",
			want: []want{{text: "Jeff Sessions", category: model.Substitution, proposals: []string{"he"}, original: "he"}},
		},
		{
			name: "possessive lost",
			orig: "Jeff Sessions arrived with his lawyer .",
			res:  "Jeff Sessions arrived with Jeff Sessions lawyer .",
			want: []want{{text: "Jeff Sessions", category: model.Possessive, broken: true,
				proposals: []string{"his", "Jeff Sessions's"}, original: "his"}},
		},
		{
			// A pronoun representative is the resolver's choice of name,
			// not a mention that lost its ’s: listed only.
			name: "possessive replaced by a pronoun representative",
			orig: "We left Herat early . The team drove from Herat to their home .",
			res:  "We left Herat early . The team drove from Herat to we home .",
			want: []want{{text: "we", category: model.Substitution, proposals: []string{"their"}, original: "their"}},
		},
		{
			// A pronoun representative in another case over a subject
			// pronoun: whatever the entity, the sentence no longer reads.
			name: "subject pronoun given a possessive one",
			orig: "Our team met . Later we said nothing .",
			res:  "Our team met . Later our said nothing .",
			want: []want{{text: "our", category: model.Other, broken: true, proposals: []string{"we"}, original: "we"}},
		},
		{
			// "I" given a name before a verb only the first person takes.
			name: "first person verb left behind",
			orig: "Frank Messina wrote : I 'm a fan of the team .",
			res:  "Frank Messina wrote : Frank Messina 'm a fan of the team .",
			want: []want{{text: "Frank Messina", category: model.Other, broken: true, proposals: []string{"I"}, original: "I"}},
		},
		{
			// "I" given a name before an open-class present verb: the
			// tagger names "want" a verb no third person singular takes.
			name: "first person present verb left behind",
			orig: "Isabel Ruiz spoke . Above all , I want to inspire people .",
			res:  "Isabel Ruiz spoke . Above all , Isabel Ruiz want to inspire people .",
			want: []want{{text: "Isabel Ruiz", category: model.Other, broken: true, proposals: []string{"I"}, original: "I"}},
		},
		{
			// The same name before a past verb agrees: a substitution.
			name: "first person past verb",
			orig: "Isabel Ruiz spoke . Above all , I wanted to inspire people .",
			res:  "Isabel Ruiz spoke . Above all , Isabel Ruiz wanted to inspire people .",
			want: []want{{text: "Isabel Ruiz", category: model.Substitution, proposals: []string{"I"}, original: "I"}},
		},
		{
			// A pronoun given a pronoun that never takes the verb after
			// it, whatever the entity.
			name: "pronoun before a verb it never takes",
			orig: "Mitchell Roberts called . So we 're reading the letter .",
			res:  "Mitchell Roberts called . So I 're reading the letter .",
			want: []want{{text: "I", category: model.Other, broken: true, proposals: []string{"we"}, original: "we"}},
		},
		{
			// A nationality adjective in place of "our" reads as a
			// modifier: listed, not flagged.
			name: "possessive replaced by a nationality adjective",
			orig: "Korean films are popular . We love our cinema .",
			res:  "Korean films are popular . We love Korean cinema .",
			want: []want{{text: "Korean", category: model.Possessive, proposals: []string{"our"}, original: "our"}},
		},
		{
			// A first name with the same ending is a mention that lost
			// its ’s.
			name: "possessive replaced by a first name ending like a nationality",
			orig: "Brian arrived . We read his book .",
			res:  "Brian arrived . We read Brian book .",
			want: []want{{text: "Brian", category: model.Possessive, broken: true, proposals: []string{"his"}, original: "his"}},
		},
		{
			name: "possessive written the document's way",
			orig: "Trump ’s aide met Sessions and his lawyer .",
			res:  "Trump ’s aide met Sessions and Sessions lawyer .",
			want: []want{{text: "Sessions", category: model.Possessive, broken: true,
				proposals: []string{"his", "Sessions ’s"}}},
		},
		{
			name: "drift of three tokens onto a negation",
			orig: "Attorney General Jeff Sessions met the ambassador twice . He did not mention the meetings .",
			res:  "Attorney General Jeff Sessions met the ambassador twice . He did Attorney General Jeff Sessions mention the meetings .",
			want: []want{{text: "Attorney General Jeff Sessions", category: model.Overwrite, broken: true,
				proposals: []string{"not"}, original: "not"}},
		},
		{
			// Three substitutions side by side: each slice is as long as
			// the mention it was meant for, and those mentions stand just
			// before ("Greenbox", "Greenbox VR", "the Green team").
			name: "side by side substitutions cut by their mentions",
			orig: "Fans cheered the Green team . Greenbox VR demo : photo by Ann Lee . Displays of charity at event pleased the crowd .",
			res:  "Fans cheered the Green team . Greenbox VR demo : photo by Ann Lee Greenbox Greenbox VR the Green team pleased the crowd .",
			want: []want{
				{text: "Greenbox", category: model.Overwrite, broken: true, proposals: []string{"."}},
				{text: "Greenbox VR", category: model.Overwrite, broken: true, proposals: []string{"Displays of"}},
				{text: "the Green team", category: model.Overwrite, broken: true, proposals: []string{"charity at event"}},
			},
		},
		{
			// No mention starts with a conjunction: the slice began
			// after the mention it was meant for.
			name: "drift onto a conjunction",
			orig: "The iodine levels fell sharply because people eat less bread .",
			res:  "The iodine levels fell sharply The iodine levels eat less bread .",
			want: []want{{text: "The iodine levels", category: model.Overwrite, broken: true,
				proposals: []string{"because people"}, original: "because people"}},
		},
		{
			// Myers matches the representative's "the" with the one of
			// the replaced phrase; the representative is one element.
			name: "representative's article not matched apart",
			orig: "Crews met at the old harbour . Work began in order to enlarge the mosque and ease crowds .",
			res:  "Crews met at the old harbour . Work began in order to the old harbour and ease crowds .",
			want: []want{{text: "the old harbour", category: model.Substitution,
				proposals: []string{"enlarge the mosque"}, original: "enlarge the mosque"}},
		},
		{
			// The one-token representative "Google" matched the
			// "Google" it overwrote: re-paired side by side.
			name: "one-token representative matched where it overwrote",
			orig: "Texas student Ahmed Mohamed built a clock . Google invited him to their Google Science Fair .",
			res:  "Texas student Ahmed Mohamed built a clock . Google invited him to their Texas student Ahmed Mohamed Google Fair .",
			want: []want{
				{text: "Texas student Ahmed Mohamed", category: model.Substitution, proposals: []string{"Google"}, original: "Google"},
				{text: "Google", category: model.Substitution, proposals: []string{"Science"}, original: "Science"},
			},
		},
		{
			// The same two substitutions side by side twice: the
			// recurring insertion is two representatives, not one.
			name: "recurring pair of representatives",
			orig: "The Los Angeles police held the Scientology defector . Whitmore stated Montalvo left . They claimed Montalvo was held .",
			res:  "The Los Angeles police held the Scientology defector . Whitmore Los Angeles Scientology defector left . They Los Angeles Scientology defector was held .",
			want: []want{
				{text: "Los Angeles", category: model.Substitution, proposals: []string{"stated"}},
				{text: "Scientology defector", category: model.Substitution, proposals: []string{"Montalvo"}},
				{text: "Los Angeles", category: model.Substitution, proposals: []string{"claimed"}},
				{text: "Scientology defector", category: model.Substitution, proposals: []string{"Montalvo"}},
			},
		},
		{
			// The one-token representative "organization" matched the
			// word it overwrote, leaving a deletion on either side.
			name: "one-token representative between two deletions",
			orig: "The organization sued Montalvo . It praised him once . He took drives from the Scientology organization after leaving .",
			res:  "The organization sued Montalvo . organization praised him once . He took drives from the organization leaving .",
			want: []want{
				{text: "organization", category: model.Substitution, proposals: []string{"It"}},
				{text: "the organization", category: model.Overwrite, broken: true,
					proposals: []string{"the Scientology organization after", "organization after"}},
			},
		},
		{
			// Two representatives side by side, the first one's article
			// matched with the original's "the": the run of the
			// original after that article is a representative.
			name: "article matched at the start of two representatives",
			orig: "The Australian woman cleaned the engine room . The Church sued her for misrepresenting her experiences with the Church .",
			res:  "The Australian woman cleaned the engine room . The Church sued her for misrepresenting the engine room Australian woman Church .",
			want: []want{
				{text: "the engine room", category: model.Overwrite, broken: true, proposals: []string{"her experiences with"}},
				{text: "Australian woman", category: model.Substitution, proposals: []string{"the"}},
			},
		},
		{
			name: "first person inside a quotation",
			orig: `The Democrats said : " We lost the election . "`,
			res:  `The Democrats said : " The Democrats lost the election . "`,
			want: []want{{text: "The Democrats", category: model.Quote, broken: true,
				proposals: []string{"We", "We [The Democrats]"}}},
		},
		{
			name: "third person inside a quotation is only listed",
			orig: `Attorney General Jeff Sessions spoke . Trump said : " Jeff Sessions is an honest man . "`,
			res:  `Attorney General Jeff Sessions spoke . Trump said : " Attorney General Jeff Sessions is an honest man . "`,
			want: []want{{text: "Attorney General Jeff Sessions", category: model.Quote, proposals: []string{"Jeff Sessions"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := align(t, tt.orig, tt.res)
			if len(fs) != len(tt.want) {
				t.Fatalf("Align(%q, %q) gave %d findings %+v, want %d", tt.orig, tt.res, len(fs), fs, len(tt.want))
			}
			for i, w := range tt.want {
				checkWant(t, tt.res, fs[i], w)
			}
		})
	}
}

func checkWant(t *testing.T, res string, f model.Finding, w want) {
	t.Helper()
	if got := res[f.Start:f.End]; got != w.text {
		t.Errorf("finding text %q, want %q", got, w.text)
	}
	if f.Category != w.category {
		t.Errorf("%q: category %s, want %s", w.text, f.Category, w.category)
	}
	if broken := f.Confidence >= model.BrokenThreshold; broken != w.broken {
		t.Errorf("%q: confidence %v, want broken=%v", w.text, f.Confidence, w.broken)
	}
	for k, p := range w.proposals {
		if k >= len(f.Proposals) || f.Proposals[k].Text != p {
			t.Errorf("%q: proposals %+v, want %q at %d", w.text, f.Proposals, p, k)
		}
	}
	if w.original != "" && (f.Original == nil || *f.Original != w.original) {
		t.Errorf("%q: Original %v, want %q", w.text, f.Original, w.original)
	}
}

// A drifting pipeline: "They" (one token) is replaced in place, then every
// later substitution lands further right as two-token mentions shrink the
// list. Both broken substitutions must be found with the lost words, the
// punctuation included.
func TestAlignDrift(t *testing.T) {
	orig := "The Democrats expected to win . Everyone thought they were supposed to win . " +
		"They lost the election . Sean Spicer said . If nothing else , the White House was pleased ."
	res := "The Democrats expected to win . Everyone thought they The Democrats supposed to win . " +
		"They The Democrats the election . Sean Spicer said White House spokesman Sean Spicer If nothing else , " +
		"the White House was pleased ."
	fs := align(t, orig, res)
	wants := map[string]want{
		"they The Democrats": {text: "they The Democrats", category: model.Overwrite, broken: true,
			proposals: []string{"they were", "The Democrats were"}},
		"They The Democrats": {text: "They The Democrats", category: model.Overwrite, broken: true,
			proposals: []string{"They lost", "The Democrats lost"}},
		"White House spokesman Sean Spicer": {text: "White House spokesman Sean Spicer", category: model.Overwrite,
			broken: true, proposals: []string{"."}, original: "."},
	}
	for _, f := range fs {
		w, ok := wants[res[f.Start:f.End]]
		if !ok {
			t.Errorf("unexpected finding %q (%s)", res[f.Start:f.End], f.Category)
			continue
		}
		checkWant(t, res, f, w)
		delete(wants, w.text)
	}
	for text := range wants {
		t.Errorf("no finding for %q", text)
	}
}

// In a drifting article (two full stops overwritten first), a slice that
// is not its representative's mention drifted even where a correct
// substitution could have stood.
func TestAlignDriftingClasses(t *testing.T) {
	const origStart = "Colette Heald led the study . She spoke . Then she smiled . "
	const resStart = "Colette Heald led the study . She spoke Colette Heald Then she smiled Colette Heald "
	tests := []struct {
		name      string
		orig, res string
		want      want
	}{
		{
			// The whole mention stands just before the slice, which is
			// only part of it: drift of one token.
			name: "mention kept just before",
			orig: "The study focuses on ozone .",
			res:  "The the study on ozone .",
			want: want{text: "The the study", category: model.Overwrite, broken: true,
				proposals: []string{"The study focuses", "the study focuses"}},
		},
		{
			// "him" cannot name the doctors' treatments.
			name: "pronoun of another number",
			orig: "Her parents avoided all conventional treatments . Her sister pleaded with him to stop .",
			res:  "Her parents avoided all conventional treatments . Her sister pleaded with conventional treatments to stop .",
			want: want{text: "conventional treatments", category: model.Overwrite, broken: true,
				proposals: []string{"him"}, original: "him"},
		},
		{
			// "it" names no person: a role noun heading the
			// representative makes it one, name or no name.
			name: "it replaced by a person",
			orig: "Ana Diaz , the club coach , spoke . The final was hard but it went well .",
			res:  "Ana Diaz , the club coach , spoke . The final was hard but Ana Diaz , the club coach went well .",
			want: want{text: "Ana Diaz , the club coach", category: model.Overwrite, broken: true,
				proposals: []string{"it"}, original: "it"},
		},
		{
			// "they" names no one person, even one whose name is unknown.
			name: "they replaced by one person",
			orig: "Lu Wen , coach of the team , was calm . The players were nervous but they played well .",
			res:  "Lu Wen , coach of the team , was calm . The players were nervous but Lu Wen , coach of the team played well .",
			want: want{text: "Lu Wen , coach of the team", category: model.Overwrite, broken: true,
				proposals: []string{"they"}, original: "they"},
		},
		{
			// "she" names a person, not a lower-case thing.
			name: "pronoun for a person replaced by a thing",
			orig: "The iodine shortage worries doctors . If a woman is pregnant , she needs more iodine .",
			res:  "The iodine shortage worries doctors . If a woman is pregnant , the iodine shortage needs more iodine .",
			want: want{text: "the iodine shortage", category: model.Overwrite, broken: true,
				proposals: []string{"she"}, original: "she"},
		},
		{
			// A person word, WordNet's too, is no thing: "she" may name
			// a chemist (a correct substitution, listed only).
			name: "pronoun for a person replaced by a role noun",
			orig: "A chemist studied the shortage . If a woman is pregnant , she needs more iodine .",
			res:  "A chemist studied the shortage . If a woman is pregnant , a chemist needs more iodine .",
			want: want{text: "a chemist", category: model.Substitution,
				proposals: []string{"she"}, original: "she"},
		},
		{
			// The slice took the ’s of a possessor after the mention.
			name: "possessive clitic swallowed",
			orig: "Nurses praised the Warhol donor program at Warhol 's old studio .",
			res:  "Nurses praised the Warhol donor program at the Warhol donor program old studio .",
			want: want{text: "the Warhol donor program", category: model.Overwrite, broken: true,
				proposals: []string{"Warhol 's"}, original: "Warhol 's"},
		},
		{
			// The slice starts with the representative's head and goes
			// on in lower case: shifted off the mention "Safety Four".
			name: "slice starting with the representative's head",
			orig: "Level Four is the top grade . Safety Four labs are rare .",
			res:  "Level Four is the top grade . Safety Level Four are rare .",
			want: want{text: "Level Four", category: model.Overwrite, broken: true,
				proposals: []string{"Four labs"}, original: "Four labs"},
		},
		{
			// A name orders its words freely: a correct substitution.
			name: "name sharing the representative's head first",
			orig: "South Korea won . Korea Republic fans cheered .",
			res:  "South Korea won . South Korea fans cheered .",
			want: want{text: "South Korea", category: model.Substitution,
				proposals: []string{"Korea Republic"}, original: "Korea Republic"},
		},
		{
			// A mention takes in a name whole: a slice between two
			// capitalised words of one name was cut by the drift.
			name: "slice inside a name",
			orig: "The Space Shuttle Atlantis flew . Crowds came to the Kennedy Space Center today .",
			res:  "The Space Shuttle Atlantis flew . Crowds came to the Kennedy Space Shuttle Atlantis Center today .",
			want: want{text: "Space Shuttle Atlantis", category: model.Overwrite, broken: true,
				proposals: []string{"Space"}, original: "Space"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := resStart + tt.res
			fs := align(t, origStart+tt.orig, res)
			if len(fs) != 3 {
				t.Fatalf("got %d findings %+v, want 3", len(fs), fs)
			}
			checkWant(t, res, fs[2], tt.want)
		})
	}
}

// Edits that only insert or only delete still yield non-empty spans
// attached to a kept neighbour.
func TestAlignEdges(t *testing.T) {
	tests := []struct {
		name, orig, res, text, first string
	}{
		{"deletion", "Malaysia 's Prime Minister spoke .", "Malaysia Prime Minister spoke .", "Malaysia", "Malaysia 's"},
		{"insertion", "The Rohingya fled .", "The Rohingya , a stateless minority , fled .", "Rohingya , a stateless minority ,", "Rohingya"},
		{"deletion at the start", "Well , they left .", ", they left .", ",", "Well ,"},
		// The deletion ", Tuscany" sits after the word, not "Tuscany ," after the comma.
		{"deletion next to the word", "Schools in Pisa , Tuscany , pay .", "Schools in Pisa , pay .", "Pisa", "Pisa , Tuscany"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := align(t, tt.orig, tt.res)
			if len(fs) != 1 || tt.res[fs[0].Start:fs[0].End] != tt.text || fs[0].Proposals[0].Text != tt.first {
				t.Fatalf("Align(%q, %q) = %+v, want one finding on %q proposing %q", tt.orig, tt.res, fs, tt.text, tt.first)
			}
		})
	}
}

func TestAlignRefusesWrongPairing(t *testing.T) {
	gum := readTestdata(t, "GUM_news_stampede.orig.txt") +
		` Trump 's aide said : " We did n't know . " Sessions 's lawyer 's office declined .`
	other := "In other news , the city council voted on Tuesday to expand the bus network to three new suburbs , " +
		"a plan that officials say will cost about twelve million dollars over five years and that critics " +
		"describe as too little , too late for commuters who have waited a decade for better service ."
	tests := []struct {
		name, orig, res, msg string
	}{
		{"another article", other, gum, "align"},
		{"hyphens joined", strings.ReplaceAll(gum, " - ", "-"), gum, "spacing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := Align(model.NewDocument("orig", "o.txt", tt.orig), model.NewDocument("res", "r.txt", tt.res))
			if err == nil {
				t.Fatalf("Align gave %d findings and no error, want a pairing error", len(fs))
			}
			if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q: want one line mentioning %q", err, tt.msg)
			}
		})
	}
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "align", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Curly against straight quotes and apostrophes is not a difference: a
// representative spelt "Vava’u" written over "Vava'u" changed no word,
// and texts whose quotes were normalised apart align word for word.
func TestAlignIgnoresQuoteStyle(t *testing.T) {
	gum := readTestdata(t, "GUM_news_stampede.orig.txt") +
		` Trump 's aide said : " We did n't know . " Sessions 's lawyer 's office declined .`
	curly := strings.NewReplacer("'", "’", ` " W`, ` “ W`, `. "`, `. ”`, " - ", " – ").Replace(gum)
	if curly == gum {
		t.Fatal("the test text has no quotes to change")
	}
	if fs := align(t, curly, gum); len(fs) != 0 {
		t.Errorf("quote style alone gave %d findings, first %+v", len(fs), fs[0])
	}
	orig := "Vava'u lies north . The group is green : tourists love it ."
	res := "Vava'u lies north . Vava’u is green : tourists love Vava’u ."
	for _, f := range align(t, orig, res) {
		if f.Confidence >= model.BrokenThreshold {
			t.Errorf("%q (%s) flagged broken: a correct substitution", res[f.Start:f.End], f.Category)
		}
	}
}

// Spacing around punctuation and clitics is not a difference: the
// tokeniser splits "Islam's" and "Islam 's" alike.
func TestAlignIgnoresPunctuationSpacing(t *testing.T) {
	gum := readTestdata(t, "GUM_news_stampede.orig.txt")
	plain := strings.NewReplacer(" ,", ",", " .", ".", " 's", "'s").Replace(gum)
	if fs := align(t, plain, gum); len(fs) != 0 {
		t.Errorf("untokenised original: %d findings, want none: %+v", len(fs), fs)
	}
}

// goldFile is the part of a gold annotation file the tests read: broken
// spans with their original words, and correct substitutions.
type goldFile struct {
	Spans []struct {
		Start, End  int
		Replacement *string
	}
	Neutral []struct{ Start, End int }
}

// On a real article rewritten by the drifting pipeline every broken span
// is found and the first proposal restores the gold words; on the same
// article rewritten by a correct resolver, no correct substitution is
// flagged as broken.
func TestAlignGold(t *testing.T) {
	orig := model.NewDocument("orig", "", readTestdata(t, "GUM_news_stampede.orig.txt"))
	for _, name := range []string{"drift-GUM_news_stampede", "clean-GUM_news_stampede"} {
		t.Run(name, func(t *testing.T) {
			doc := model.NewDocument(name, "", readTestdata(t, name+".txt"))
			var gold goldFile
			if err := json.Unmarshal([]byte(readTestdata(t, name+".gold.json")), &gold); err != nil {
				t.Fatal(err)
			}
			fs, err := Align(orig, doc)
			if err != nil {
				t.Fatal(err)
			}
			bytes := func(cp int) int {
				b, err := doc.ByteOffset(cp)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			for _, g := range gold.Spans {
				start, end := bytes(g.Start), bytes(g.End)
				if !fixedBy(doc.Text, start, end, *g.Replacement, fs) {
					t.Errorf("gold span %q (original %q): no broken finding whose first proposal restores it",
						doc.Text[start:end], *g.Replacement)
				}
			}
			for _, n := range gold.Neutral {
				start, end := bytes(n.Start), bytes(n.End)
				for _, f := range fs {
					if f.Start < end && start < f.End && f.Confidence >= model.BrokenThreshold && !overlapsAny(f, gold, bytes) {
						t.Errorf("correct substitution %q flagged broken: %+v", doc.Text[start:end], f)
					}
				}
			}
		})
	}
}

// fixedBy reports whether a broken finding overlaps [start,end) and its
// first proposal, applied, gives the text with want in that span (on the
// union of both spans, spaces normalised, as score.py compares).
func fixedBy(text string, start, end int, want string, fs []model.Finding) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, f := range fs {
		if f.Confidence < model.BrokenThreshold || f.End <= start || end <= f.Start || len(f.Proposals) == 0 {
			continue
		}
		lo, hi := min(start, f.Start), max(end, f.End)
		if norm(text[lo:start]+want+text[end:hi]) == norm(text[lo:f.Start]+f.Proposals[0].Text+text[f.End:hi]) {
			return true
		}
	}
	return false
}

func overlapsAny(f model.Finding, gold goldFile, bytes func(int) int) bool {
	for _, g := range gold.Spans {
		if f.Start < bytes(g.End) && bytes(g.Start) < f.End {
			return true
		}
	}
	return false
}

func TestBestCuts(t *testing.T) {
	// Elsewhere in the article representative 0 replaced one-token
	// slices and representative 1 two-token ones: cuts follow the lengths
	// seen, and fall back to the short-mention prior for representatives
	// seen nowhere else.
	lengths := map[int]map[int]int{0: {1: 2}, 1: {2: 3}}
	tests := []struct {
		n    int
		reps []int
		want []int
	}{
		{3, []int{0, 1}, []int{1, 2}},
		{3, []int{1, 0}, []int{2, 1}},
		{2, []int{5, 6}, []int{1, 1}}, // unknown representatives: shortest first
		{4, []int{0, 0, 1}, []int{1, 1, 2}},
	}
	for _, tt := range tests {
		got := bestCuts(tt.n, len(tt.reps), func(k, _, l int) float64 { return lengthLogp(lengths[tt.reps[k]], l, 0.5) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("bestCuts(%d, %v) = %v, want %v", tt.n, tt.reps, got, tt.want)
		}
	}
}

func TestDriftRoom(t *testing.T) {
	tests := []struct {
		name, orig, res string
		want            []int
	}{
		{
			// One-token mentions and representatives save nothing.
			name: "nothing saved",
			orig: "Sessions spoke . He left . Then he said so .",
			res:  "Sessions spoke . Sessions left . Then Sessions said so .",
			want: []int{0, 0},
		},
		{
			// The first mention "Jeff Sessions" (replaced by itself)
			// saves one token before both; "the attorney general"
			// two more before the second.
			name: "first mention and a slice",
			orig: "Jeff Sessions spoke . Then the attorney general left . He said so .",
			res:  "Jeff Sessions spoke . Then Jeff Sessions left . Jeff Sessions said so .",
			want: []int{1, 3},
		},
	}
	for _, tt := range tests {
		a := newAlignment(model.NewDocument("o", "", tt.orig), model.NewDocument("r", "", tt.res), shipped(t))
		if got := a.driftRoom(a.substitutions()); !slices.Equal(got, tt.want) {
			t.Errorf("%s: driftRoom = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A representative whose inner word Myers matched with the overwritten
// text ("'s") is still one substitution, cut from the next one.
func TestAlignRepCutAtSharedWord(t *testing.T) {
	tests := []struct {
		name, orig, res string
		texts           []string
	}{
		{
			name:  "clitic inside the representative",
			orig:  "The city 's Water Board met . Later , Springfield 's water has never been clean .",
			res:   "The city 's Water Board met . Later , Springfield The city 's Water Board Springfield clean .",
			texts: []string{"The city 's Water Board", "Springfield"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range align(t, tt.orig, tt.res) {
				got = append(got, tt.res[f.Start:f.End])
			}
			if !slices.Equal(got, tt.texts) {
				t.Errorf("findings %q, want %q", got, tt.texts)
			}
		})
	}
}

// The diff pairs a repeated word with the wrong copy; the pipeline's
// rule (it only ever writes representatives over words) says which copy
// is kept.
func TestAlignRepeatedCopies(t *testing.T) {
	const prelude = "The mayor and the finance minister met Smith . The Daily Star covered the town . We saw the old football club . "
	tests := []struct {
		name, orig, res string
		want            map[string]string // finding text → first proposal
	}{
		{
			// "Smith" lands on the full stop just after its mention; the
			// kept "Smith" is the second copy, not the first.
			name: "representative just after its own word",
			orig: "They met in the Grand Hall . Smith had better luck there .",
			res:  "They met in the Grand Hall Smith Smith the mayor better luck there .",
			want: map[string]string{"Smith": ".", "the mayor": "had"},
		},
		{
			// A leftover "Daily" before a kept "The Daily Star" is the
			// original word: the copy is a substitution. The two side
			// by side are cut by their whole mentions: "the town" is
			// two tokens, "Star" and "Daily Star" are pieces alike.
			name: "kept copy of a name after its leftover word",
			orig: "As Lee told The Daily Star , local taxes rose .",
			res:  "As Lee told the finance minister Daily The Daily Star the town taxes rose .",
			want: map[string]string{"the finance minister": "The", "The Daily Star": "Star", "the town": ", local"},
		},
		{
			// Two representatives side by side never cut a word of the
			// corpus: "vs." was one cell of the pipeline's list.
			name: "cut between words, not inside one",
			orig: "They watched Lee vs. Park on TV .",
			res:  "They watched the finance minister Smith Park on TV .",
			want: map[string]string{"the finance minister": "Lee", "Smith": "vs."},
		},
		{
			// "was" was written over "the"; "club" is kept, and the
			// representative overwrote "was quite", not "quite" alone
			// with "the club" lost.
			name: "deleted words hold the word after a kept one",
			orig: "After that , the club was quite quiet .",
			res:  "After that , was club the old football club quiet .",
			want: map[string]string{"was": "the", "club the old football club": "club was quite"},
		},
		{
			// No leftover word: the name stays kept.
			name: "kept name after a substitution",
			orig: "As Lee told The Daily Star , she left .",
			res:  "As Lee told The Daily Star , the finance minister left .",
			want: map[string]string{"the finance minister": "she"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := prelude + tt.res
			fs := align(t, prelude+tt.orig, res)
			got := make(map[string]string)
			for _, f := range fs {
				got[res[f.Start:f.End]] = f.Proposals[0].Text
			}
			for text, first := range tt.want {
				if p, ok := got[text]; !ok || p != first {
					t.Errorf("finding %q: got proposal %q (present %v), want %q; all %v", text, p, ok, first, got)
				}
			}
		})
	}
}

// A short kept run between two differences is aligned again when a
// shortest edit script keeps a longer phrase there and explains the
// region with fewer bare insertions and deletions.
func TestReDiffShortAnchors(t *testing.T) {
	tests := []struct {
		name, orig, res string
		given, want     [][2]int // aligned token pairs before and after
	}{
		{
			// The diff anchored on the copy of "Friday" the pipeline
			// wrote later, hiding "It was the last day".
			name:  "phrase hidden by a unique word",
			orig:  "on Friday . It was the last day , and the town",
			res:   "on Smith It was the last day the mayor Friday the town",
			given: [][2]int{{0, 0}, {1, 9}, {10, 10}, {11, 11}},
			want:  [][2]int{{0, 0}, {3, 2}, {4, 3}, {5, 4}, {6, 5}, {7, 6}, {10, 10}, {11, 11}},
		},
		{
			// "his" and "12" were overwritten: "wife Ann Lee ," is the
			// kept run, not the copy "his wife Ann Lee" of the
			// representative matched with its first mention.
			name:  "kept run shifted into an insertion and a deletion",
			orig:  "and his wife Ann Lee , 12 , from",
			res:   "and Tom Lee , 40 wife Ann Lee , his wife Ann Lee , from",
			given: [][2]int{{0, 0}, {1, 9}, {2, 10}, {3, 11}, {4, 12}, {7, 13}, {8, 14}},
			want:  [][2]int{{0, 0}, {2, 5}, {3, 6}, {4, 7}, {5, 8}, {7, 13}, {8, 14}},
		},
		{
			// Two substitutions around a kept "lost": the copy of the
			// representative matches its first mention for longer, but
			// that would explain nothing better.
			name:  "representative copy beside its first mention",
			orig:  "Lee of the Green Party lost her seat",
			res:   "Lee of the new camp lost Lee of the Green Party seat",
			given: [][2]int{{0, 0}, {1, 1}, {2, 2}, {5, 5}, {7, 11}},
			want:  [][2]int{{0, 0}, {1, 1}, {2, 2}, {5, 5}, {7, 11}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAlignment(model.NewDocument("o", "", tt.orig), model.NewDocument("r", "", tt.res), shipped(t))
			for i := range a.match {
				a.match[i] = -1
			}
			for _, p := range tt.given {
				a.match[p[0]] = int32(p[1])
			}
			a.syncBack()
			a.reDiffShortAnchors()
			var got [][2]int
			for i, j := range a.match {
				if j >= 0 {
					got = append(got, [2]int{i, int(j)})
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("aligned %v, want %v", got, tt.want)
			}
		})
	}
}

// A representative can only have been pushed by what the pipeline
// rewrote before its turn (its first mention's place), left of it.
func TestDriftBound(t *testing.T) {
	orig := "Jeff Sessions spoke . The White House said so . Then the attorney general left and the press office wrote . Later she called ."
	res := "Jeff Sessions spoke . The White House said so . Then Jeff Sessions left and The White House wrote . Later she called ."
	a := newAlignment(model.NewDocument("o", "", orig), model.NewDocument("r", "", res), shipped(t))
	inv := a.inventory()
	subs := a.substitutions()
	turn := a.turns(inv)
	used := make(map[int]bool)
	var sessions, house = -1, -1
	for _, s := range subs {
		for _, r := range s.reps {
			used[r] = true
			switch a.docText(s.b1, s.b2) {
			case "Jeff Sessions":
				sessions = r
			case "The White House":
				house = r
			}
		}
	}
	if sessions < 0 || house < 0 {
		t.Fatalf("representatives not found in %+v", subs)
	}
	end := len(a.ot) - 3 // "she"
	// Sessions (first at token 0) saw only its own first mention and
	// slice; the White House (first at token 4) also everything of
	// Sessions' before it.
	b := a.newDriftBounds(subs, used, inv, turn)
	got := []int{b.bound(len(subs), sessions, end), b.bound(len(subs), house, end)}
	slack := a.rules.Split.DriftSlack.Value
	want := []int{slack + 1 + 2, slack + 1 + 2 + 2 + 2}
	if !slices.Equal(got, want) {
		t.Errorf("drift bounds = %v, want %v", got, want)
	}
}

// A one-token representative that only looks kept: the representative
// before it overwrote its original twin, and it overwrote the words
// after. A pipeline never deletes.
func TestAlignOwnWordAfterSlice(t *testing.T) {
	orig := "We met the city council . Acme said so . Then it left . Mayor Jones , Acme chief engineer , spoke ."
	res := "We met the city council . Acme said so . Then Acme left . Mayor Jones the city council Acme , spoke ."
	fs := align(t, orig, res)
	got := make(map[string]string)
	for _, f := range fs[1:] {
		got[res[f.Start:f.End]] = f.Proposals[0].Text
	}
	want := map[string]string{"the city council": ", Acme chief", "Acme": "engineer"}
	if !maps.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

func TestUnpairOwnWord(t *testing.T) {
	tests := []struct {
		name string
		m    []int32 // original → resolved symbol
		yRep []int   // representative of each resolved symbol
		want []int32
	}{
		// ", NASA Administrator File" → "[the agency] NASA": NASA was
		// written over "File".
		{"after a representative, words left over", []int32{-1, 1, -1, -1}, []int{7, 3}, []int32{-1, -1, -1, -1}},
		// "NASA said" → "NASA [the agency]": nothing before it.
		{"nothing written before", []int32{0, -1}, []int{3, 8}, []int32{0, -1}},
		// ", NASA" → "[the agency] NASA": nothing left over after it.
		{"nothing left over", []int32{-1, 1}, []int{7, 3}, []int32{-1, 1}},
		// A plain word, not a representative, stays paired.
		{"plain word", []int32{-1, 1, -1}, []int{7, -1}, []int32{-1, 1, -1}},
	}
	for _, tt := range tests {
		m := slices.Clone(tt.m)
		unpairOwnWord(m, tt.yRep)
		if !slices.Equal(m, tt.want) {
			t.Errorf("%s: unpairOwnWord(%v, %v) = %v, want %v", tt.name, tt.m, tt.yRep, m, tt.want)
		}
	}
}

// A possessive mention takes its ’s along: it counts with the shared
// words, like a leading determiner.
func TestMentionScore(t *testing.T) {
	orig := "Critics said New Zealand 's flag and the New Zealand flag differ ."
	a := newAlignment(model.NewDocument("o", "", orig), model.NewDocument("r", "", orig), shipped(t))
	words := map[string]bool{"new": true, "zealand": true}
	tests := []struct {
		start, l int
		want     float64
	}{
		{2, 3, 1},       // New Zealand 's
		{2, 4, 0.5},     // New Zealand 's flag: the ’s is not its end
		{7, 3, 1},       // the New Zealand
		{8, 3, 2.0 / 3}, // New Zealand flag
		{4, 1, 0},       // 's
	}
	for _, tt := range tests {
		if got := a.mentionScore(words, tt.start, tt.l); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("mentionScore(%q) = %v, want %v", a.origText(tt.start, tt.start+tt.l), got, tt.want)
		}
	}
}

// A mention is a whole noun phrase: a piece cut out of a longer one, or a
// phrase running past one, is not.
func TestWholePhrase(t *testing.T) {
	orig := "Yesterday the Cruise video reached New Zealand 's schools , and her mother saw it . " +
		"Members of NPP DAB 's council met FIRST Global staff ."
	a := newAlignment(model.NewDocument("o", "", orig), model.NewDocument("r", "", orig), shipped(t))
	tests := []struct {
		start, l int
		want     bool
	}{
		{1, 3, true},   // the Cruise video
		{2, 2, false},  // Cruise video: its determiner is left out
		{3, 1, false},  // video: its modifier is left out
		{1, 2, false},  // the Cruise: its noun is left out
		{5, 3, true},   // New Zealand 's
		{6, 1, false},  // Zealand: a name's last word
		{5, 2, false},  // New Zealand: its ’s is left out
		{11, 2, true},  // her mother
		{12, 1, false}, // mother: its possessive is left out
		{14, 1, true},  // it
		{8, 2, false},  // schools , : ends in a comma
		{10, 3, false}, // and her mother: starts with a conjunction
		{18, 1, true},  // NPP: two acronyms side by side are two names
		{19, 2, true},  // DAB 's
		{23, 1, false}, // FIRST: the first word of FIRST Global
	}
	for _, tt := range tests {
		if got := a.wholePhrase(tt.start, tt.l); got != tt.want {
			t.Errorf("wholePhrase(%q) = %v, want %v", a.origText(tt.start, tt.start+tt.l), got, tt.want)
		}
	}
	// The whole mention outscores a piece of it with the same share of
	// the representative's words.
	words := map[string]bool{"cruise": true, "video": true}
	if got := a.mentionBefore(words, 4, 2, 10); got != 0.8 {
		t.Errorf("mentionBefore of a two-token piece = %v, want 0.8", got)
	}
	if got := a.mentionBefore(words, 4, 3, 10); got != 1 {
		t.Errorf("mentionBefore of the whole mention = %v, want 1", got)
	}
}

// A pipeline writes its token list back with spaces, so in untokenised
// text the restored words must take in or give back the space at their
// edges: "country's military has" overwritten after "country" comes back
// as "country's", a lost full stop as "said.", and applying every first
// proposal to a whole article gives back its original byte for byte.
func TestAlignRestoresSpacing(t *testing.T) {
	const res = "North Korea said the country North Korea been placed on alert. Spicer said White House spokesman Sean Spicer If nothing else, it is fine."
	fs := align(t, "North Korea said the country's military has been placed on alert. Spicer said. If nothing else, it is fine.", res)
	var got []string
	for _, f := range fs {
		got = append(got, strconv.Quote(res[f.Start:f.End])+"→"+strconv.Quote(f.Proposals[0].Text))
	}
	// Hand-written: each span takes in the space before it, which the
	// original did not have.
	want := []string{`" North Korea"→"'s military has"`, `" White House spokesman Sean Spicer"→"."`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings %v, want %v", got, want)
	}

	// The original had a space the resolved text lacks: the restore brings it.
	fs = align(t, "the Polaroid camera revealed his process", "the Polaroid's revealed his process")
	if len(fs) != 1 || applyFirst("the Polaroid's revealed his process", fs) != "the Polaroid camera revealed his process" {
		t.Errorf("findings %+v do not restore the space before camera", fs)
	}

	untokenise := strings.NewReplacer(" ,", ",", " .", ".", " 's", "'s", " n't", "n't", " )", ")", "( ", "(").Replace
	orig := untokenise(readTestdata(t, "GUM_news_stampede.orig.txt"))
	for _, name := range []string{"drift-GUM_news_stampede.txt", "clean-GUM_news_stampede.txt"} {
		res := untokenise(readTestdata(t, name))
		if got := applyFirst(res, align(t, orig, res)); got != orig {
			t.Errorf("%s untokenised: first proposals applied differ from the original", name)
		}
	}
}

// applyFirst applies each finding's first proposal to text.
func applyFirst(text string, fs []model.Finding) string {
	var b strings.Builder
	pos := 0
	for _, f := range fs {
		b.WriteString(text[pos:f.Start])
		b.WriteString(f.Proposals[0].Text)
		pos = f.End
	}
	return b.String() + text[pos:]
}

// A long correct resolution with two slices that look like drift (a
// mention ending in a full stop, "Cal.", replaced whole: flagged for
// themselves) among many replacements does not drift: the diff leaves a
// few such slices in any long text. Its nested mention replaced clumsily
// ("the the Church of Scientology") is then a correct substitution, not
// weak drift.
func TestAlignFewStrongInLongText(t *testing.T) {
	var orig, res strings.Builder
	orig.WriteString("Joshua Norton lived in San Francisco , Cal. for years . ")
	res.WriteString("Joshua Norton lived in San Francisco , California for years . ")
	for range 20 {
		orig.WriteString("Later he wrote a decree . ")
		res.WriteString("Later Joshua Norton wrote a decree . ")
	}
	orig.WriteString("He read the Scientology propaganda . He left Oakland , Cal. at once .")
	res.WriteString("Joshua Norton read the the Church of Scientology propaganda . Joshua Norton left Oakland , California at once .")
	found := false
	for _, f := range align(t, orig.String(), res.String()) {
		if text := res.String()[f.Start:f.End]; strings.Contains(text, "Church") {
			found = true
			if f.Confidence >= model.BrokenThreshold {
				t.Errorf("%q (%s, %.2f) flagged broken in a text that does not drift", text, f.Category, f.Confidence)
			}
		}
	}
	if !found {
		t.Error("no finding on the nested mention's substitution")
	}
}

// TestAlignRepeatedText: the test articles concatenated, original and
// resolution alike, then repeated more often than the diff pairs a word
// occurrence by occurrence: no word is unique or rare then, yet the pair
// must align (it was refused, "only 0% of their tokens align"), each copy
// explained as the articles are alone but for what depends on the text
// around (a mention's earlier occurrence, now in the copy before).
func TestAlignRepeatedText(t *testing.T) {
	var orig, res strings.Builder
	for _, p := range [][2]string{
		{"gum/drift/GUM_news_afghan.orig.txt", "gum/drift/GUM_news_afghan.txt"},
		{"gum/drift/GUM_news_iodine.orig.txt", "gum/drift/GUM_news_iodine.txt"},
		{"gum/clean/GUM_news_afghan.orig.txt", "gum/clean/GUM_news_afghan.txt"},
		{"gum/clean/GUM_news_iodine.orig.txt", "gum/clean/GUM_news_iodine.txt"},
		{"align/GUM_news_stampede.orig.txt", "align/drift-GUM_news_stampede.txt"},
	} {
		for i, b := range []*strings.Builder{&orig, &res} {
			data, err := os.ReadFile(filepath.Join("..", "..", "testdata", p[i]))
			if err != nil {
				t.Fatal(err)
			}
			b.Write(data)
			b.WriteByte('\n')
		}
	}
	once, err := Align(model.NewDocument("orig", "", orig.String()), model.NewDocument("res", "", res.String()))
	if err != nil {
		t.Fatal(err)
	}
	const copies = 20 // above diff's maxRare, 16
	doc := model.NewDocument("res", "", strings.Repeat(res.String(), copies))
	fs, err := Align(model.NewDocument("orig", "", strings.Repeat(orig.String(), copies)), doc)
	if err != nil {
		t.Fatalf("%d copies of %d bytes: %v", copies, res.Len(), err)
	}
	if err := model.ValidateFindings(len(doc.Text), fs, true); err != nil {
		t.Fatal(err)
	}
	type place struct {
		start, end int
		category   model.Category
	}
	want := make(map[place]bool)
	for k := range copies {
		for _, f := range once {
			want[place{f.Start + k*res.Len(), f.End + k*res.Len(), f.Category}] = true
		}
	}
	same := 0
	for _, f := range fs {
		if want[place{f.Start, f.End, f.Category}] {
			same++
		}
	}
	if len(fs) != len(want) || same < len(want)*95/100 {
		t.Errorf("%d findings, %d of them as in one copy; want %d (%d copies of %d), at least 95%% as in one copy", len(fs), same, len(want), copies, len(once))
	}
}
