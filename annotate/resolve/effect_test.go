package resolve

import (
	"strings"
	"testing"

	"corefix/model"
)

// TestEffectApostrophePossessive: a mention ending in an apostrophe alone
// ("Galois ' death", "the players ' union") is a possessive, so a bare
// representative written over it lost one — the damage factory's gold
// and exact mode's clusters read it through Effect. A quotation's closing
// apostrophe is not one.
func TestEffectApostrophePossessive(t *testing.T) {
	for _, tc := range []struct {
		name, words string // word/XPOS, or the word alone for untagged text
		target      model.TokenSpan
		want        model.Category
	}{
		{"tagged POS", "Galois/NNP '/POS death/NN", model.TokenSpan{Start: 0, End: 2}, model.Possessive},
		{"untagged after a final s", "Galois ' death", model.TokenSpan{Start: 0, End: 2}, model.Possessive},
		{"plural possessor", "the/DT players/NNS '/POS union/NN", model.TokenSpan{Start: 0, End: 3}, model.Possessive},
		{"’s as before", "Gordon ’s death", model.TokenSpan{Start: 0, End: 2}, model.Possessive},
		{"closing quote, tagged", "Galois/NNP '/'' said/VBD", model.TokenSpan{Start: 0, End: 2}, model.Substitution},
		{"closing quote after no s", "Ann ' said", model.TokenSpan{Start: 0, End: 2}, model.Substitution},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &model.CorefDocument{}
			for _, w := range strings.Fields(tc.words + " Évariste/NNP Galois/NNP") {
				form, tag, _ := strings.Cut(w, "/")
				doc.Tokens = append(doc.Tokens, model.CorefToken{Form: form, XPOS: tag})
			}
			n := len(doc.Tokens)
			rep := model.TokenSpan{Start: n - 2, End: n}
			if got := NewWords(doc).Effect(rep, tc.target, false); got != tc.want {
				t.Errorf("%q over %v: %s, want %s", tc.words, tc.target, got, tc.want)
			}
		})
	}
}

// TestEffectPersonVerb: a name over "I" or "you" before a verb form no
// third person singular takes breaks the agreement; over "you" only a
// capitalised representative counts ("the fans have" agrees) unless tags
// say it is singular (tagged text also names open-class verbs), and a
// verb any person takes ("said") keeps it. "’ve" and "’re" lean on a
// pronoun of any person or number, so any noun phrase over it before
// them broke the text; so does a pronoun, over any mention, before a verb
// form it never takes ("you ’re" → "I ’re", "the city bus is" → "They
// is").
func TestEffectPersonVerb(t *testing.T) {
	for _, tc := range []struct {
		words   string
		mention int // how many of words the representative replaces
		rep     string
		want    model.Category
	}{
		{"I 've gone", 1, "Frank Messina", model.Other},
		{"You have received", 1, "Frank Messina", model.Other},
		{"you are right", 1, "Frank Messina", model.Other},
		{"You have received", 1, "the fans", model.Substitution},
		{"You said", 1, "Frank Messina", model.Substitution},
		{"he has gone", 1, "Frank Messina", model.Substitution},
		{"we 've played", 1, "each other", model.Other},
		{"they 're required", 1, "ABC Builders", model.Other},
		{"they ’re required", 1, "the builders", model.Other},
		{"they are required", 1, "the builders", model.Substitution},
		{"he 'll go", 1, "Frank Messina", model.Substitution},
		{"i have gone", 1, "Frank Messina", model.Other}, // web text's lower-case i
		{"you 're reading", 1, "I", model.Other},
		{"it is", 1, "We", model.Other},
		{"she is", 1, "he", model.Substitution},
		{"They is", 1, "we", model.Substitution}, // the writer's own clash
		{"Sessions is", 1, "he", model.Substitution},
		// A pronoun over a whole noun phrase before a verb it never takes.
		{"the city bus is late", 3, "They", model.Other},
		{"the city bus is late", 3, "It", model.Substitution},
		{"the city buses are late", 3, "they", model.Substitution},
		// Tagged text (word/XPOS) names the open-class present verbs and
		// the representative's number.
		{"I/PRP want/VBP to/TO", 1, "Isabel/NNP Ruiz/NNP", model.Other},
		{"I want to", 1, "Isabel Ruiz", model.Substitution}, // untagged: "want" is unknown
		{"I/PRP wanted/VBD to/TO", 1, "Isabel/NNP Ruiz/NNP", model.Substitution},
		{"you/PRP are/VBP not/RB", 1, "a/DT foreign/JJ visitor/NN", model.Other},
		{"you/PRP are/VBP not/RB", 1, "the/DT fans/NNS", model.Substitution},
		{"I/PRP say/VBP so/RB", 1, "Gerald/NNP and/CC Sherri/NNP", model.Substitution},
		{"we/PRP want/VBP more/JJR", 1, "the/DT group/NN", model.Substitution}, // "we" may stand for a group
	} {
		if got := effectOver(tc.words, tc.mention, tc.rep); got != tc.want {
			t.Errorf("%q over the first %d of %q: %s, want %s", tc.rep, tc.mention, tc.words, got, tc.want)
		}
	}
}

// effectOver is Effect of rep written over the first mention words of
// words, rep's own tokens standing after them.
func effectOver(words string, mention int, rep string) model.Category {
	doc := &model.CorefDocument{}
	for _, w := range strings.Fields(words + " " + rep) {
		form, tag, _ := strings.Cut(w, "/")
		doc.Tokens = append(doc.Tokens, model.CorefToken{Form: form, XPOS: tag})
	}
	n, r := len(doc.Tokens), len(strings.Fields(rep))
	return NewWords(doc).Effect(model.TokenSpan{Start: n - r, End: n}, model.TokenSpan{Start: 0, End: mention}, false)
}
