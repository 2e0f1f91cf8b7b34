package detect

import (
	"slices"
	"strings"
	"testing"

	"corefix/model"
)

func TestAgreement(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string // span, category, first proposal
	}{
		{"quoted plural verb", `Coach Nabil Maaloul spoke . He said , " Coach Nabil Maaloul were playing well . "`,
			[]string{"Coach Nabil Maaloul", "quote", "We"}},
		{"first person", `Thomas Sam replied . " Thomas Sam am not able to go , " Thomas Sam said .`,
			[]string{"Thomas Sam", "quote", "I"}},
		{"outside a quote", "Texas student Ahmed Mohamed spoke . Later , Texas student Ahmed Mohamed think it is fine .",
			[]string{"Texas student Ahmed Mohamed", "antecedent", "I"}},
		{"agreeing verb", "Texas student Ahmed Mohamed spoke . Later , Texas student Ahmed Mohamed thinks it is fine .", nil},
		{"object of a preposition", "The Sea Org ruled . Members of the Sea Org live a strict life .", nil},
		{"plural head before a preposition", "Pregnant women in Ohio spoke . Doctors say Pregnant women in Ohio need more iodine .", nil},
		{"bare infinitive", "Senator Bob Smith spoke . Friends helped Senator Bob Smith leave the party .", nil},
		{"coordinated subject", "Indonesia spoke . Malaysia and Indonesia have a policy .", nil},
		{"object of a verb", "Physicist Ana Ruiz won . The board praised Physicist Ana Ruiz work on lasers .", nil},
		// Only "I" takes "am": wherever the phrase stands, even as the
		// writer's first mention.
		{"first person after an adverb", "Counselor Jo Roe spoke . Then Counselor Jo Roe 'm not clear on it .",
			[]string{"Counselor Jo Roe", "antecedent", "I"}},
		{"first person at a first mention", "Yes , Judge Kawashima am here . Judge Kawashima spoke .",
			[]string{"Judge Kawashima", "antecedent", "I"}},
		{"a time before am", "Shops open at 08:30 am and close at 08:30 pm .", nil},
		// Only a pronoun takes "’ve" and "’re", whatever its number.
		{"contraction after an adverb", "Biologist Nick Bos spoke . Then Biologist Nick Bos 've been working on ants .",
			[]string{"Biologist Nick Bos", "antecedent", "I"}},
		{"contraction after a plural phrase", "ABC Builders Interiors met . So ABC Builders Interiors 're required to pay .",
			[]string{"ABC Builders Interiors", "antecedent", "they"}},
		{"a modal's contraction", "England played . England could 've scored twice .", nil},
		{"a person's name that ends in s", "Matthew Collins spoke . Well , Matthew Collins 're right about that .",
			[]string{"Matthew Collins", "antecedent", "you"}},
		{"a question put to someone", "Hugh McGuire spoke . Is there a book which Hugh McGuire think stands out ?",
			[]string{"Hugh McGuire", "antecedent", "you"}},
		{"clause after a reporting verb", "Texas student Ahmed Mohamed spoke . Officials said Texas student Ahmed Mohamed think it is fine .",
			[]string{"Texas student Ahmed Mohamed", "antecedent", "I"}},
		{"a title before the name", "Judge Jim Kawashima spoke . Jim Kawashima left . Then Judge Jim Kawashima 'm not clear .",
			[]string{"Judge Jim Kawashima", "antecedent", "I"}},
		// A subject pronoun before a verb form it never takes.
		{"pronoun before a verb it never takes", "Mitchell Roberts wrote . So I 're reading the letter .",
			[]string{"I 're", "antecedent", "you 're"}},
		{"third person verb after a pronoun", "The store opened . We is talking about it .",
			[]string{"We is", "antecedent", "It is"}},
		{"first person verb after a pronoun", "Yes , he 'm reading it .", []string{"he 'm", "antecedent", "I 'm"}},
		{"coordinated pronoun", "My family and I are planning to go .", nil},
		{"object of a preposition", "Everything around you is vast .", nil},
		{"a modal before the pronoun", "Could it 've been worse ?", nil},
		{"a numeral I", "Britain and World War I is a hard subject .", nil},
		{"IT", "A few members of IT are pushing this .", nil},
	}
	for _, tt := range tests {
		doc := model.NewDocument("t", "", tt.give)
		var got []string
		for _, f := range (Agreement{}).Detect(doc) {
			if f.Confidence >= model.BrokenThreshold {
				got = append(got, tt.give[f.Start:f.End], string(f.Category), f.Proposals[0].Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Agreement on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzAgreement(f *testing.F) {
	fuzzDetector(f, Agreement{}, `" Tunisia B were here . " Tunisia B`, "X Y am . X Y are")
}

// TestQuoted checks the tokens quoted marks, a bit each, past the first
// 64 (the bits of one word).
func TestQuoted(t *testing.T) {
	text := strings.Repeat("x ", 70) + `He said " we are here " and “ they ” left .` + "\n" + `" open`
	a := Analyze(model.NewDocument("t", "", text))
	inside := a.quoted()
	var got []string
	for i := range a.toks {
		if inside.has(i) {
			got = append(got, a.text(i))
		}
	}
	if want := []string{"we", "are", "here", "they", "open"}; !slices.Equal(got, want) {
		t.Errorf("quoted tokens %q, want %q", got, want)
	}
}
