package detect

import (
	"slices"
	"testing"

	"corefix/model"
)

func TestPossessive(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string // span, then the first proposal
	}{
		{"after a preposition", "President Donald Trump spoke . He was more accurate in President Donald Trump responses .",
			[]string{"President Donald Trump", "his"}},
		{"plural", "Teams from Morocco and Iran came . Officials checked Teams from Morocco and Iran robots at the border .",
			[]string{"Teams from Morocco and Iran", "their"}},
		{"female", "Australian woman Jane Doe left . The church took Australian woman Jane Doe passport .",
			[]string{"Australian woman Jane Doe", "her"}},
		{"subject and verb", "Texas student Ahmed Mohamed spoke . Texas student Ahmed Mohamed wants a clock .", nil},
		{"compound", "The United States agreed . Officials closed the United States border .", nil},
		{"reporting verb", "Senator Bob Smith spoke . Aides said Senator Bob Smith plans to resign .", nil},
		{"kin", "Australian woman Jane Doe left . Police met Australian woman Jane Doe and Australian woman Jane Doe father .",
			[]string{"Australian woman Jane Doe", "her"}},
		{"head of a subject", "Senator Bob Smith spoke . Aides said that Senator Bob Smith office was closed .",
			[]string{"Senator Bob Smith", "his"}},
		{"plural of people", "Muslims pray daily . Pilgrims travel during Muslims lifetimes .", []string{"Muslims", "their"}},
		{"plural head", "Young women in Ohio met . Officials checked Young women in Ohio passports .", []string{"Young women in Ohio", "their"}},
		{"adverb before the verb", "Senator Bob Smith spoke . Then Senator Bob Smith later said no .", nil},
		{"own after a plural word", "Many schools joined . Pupils at schools voted . Teachers in schools agreed . Teachers run schools own flag talks .",
			[]string{"schools", "their"}},
		{"own in a recurring phrase", "the local residents met . They asked the local residents own lawyers and paid for the local residents own doctors .",
			[]string{"the local residents", "their", "the local residents", "their"}},
		{"plural word after a preposition", "Some manufacturers agreed . Other manufacturers refused . Iodine is in manufacturers products now .",
			[]string{"manufacturers", "their"}},
		{"plural word seen twice", "Many farmers met . Prices rose in farmers markets .", []string{"farmers", "their"}},
		{"plural word seen once before", "Prices rose in farmers markets . Many farmers met .", nil},
		{"plural word first seen", "Salt is in manufacturers products . Some manufacturers agreed . Other manufacturers refused .", nil},
		{"own as a verb", "Many farmers met . Some farmers sold . Most farmers own land .", nil},
		{"possessive inside a plural phrase", "both her parents met . The court blamed both her parents and said both her parents put both her parents social life first .",
			[]string{"both her parents", "their"}},
		{"plural before a plural noun", "Teams from Iran met . Judges checked bolts and Teams from Iran robots .",
			[]string{"Teams from Iran", "their"}},
		{"plural before a quantity", "Young fans came . Many of which Young fans thousands of times made .", nil},
		{"object before a plural noun", "Senator Bob Smith ran . Jane Doe defeated Senator Bob Smith opponents .",
			[]string{"Senator Bob Smith", "his"}},
		{"reported subject before a verb", "Senator Bob Smith ran . Aides said Senator Bob Smith wins .", nil},
		{"a speaker before a noun", "Smith said no . It is one of Smith main goals .", []string{"Smith", "his"}},
		{"an acronym speaker before a noun", "ACME said no . It is one of ACME main goals .", []string{"ACME", "its"}},
		{"a titled name before a noun", "Prime Minister Jo Zarb spoke . Taxes are one of Zarb main goals .", []string{"Zarb", "his"}},
		{"a place before a noun", "Texas grew . It is one of Texas main goals .", nil},
		// The pronouns the resolver left say who a name is.
		{"a speaker the pronouns call female", "Smith said she would stay . It is one of Smith main goals .", []string{"Smith", "her"}},
		{"a titled name the pronouns call female", "Prime Minister Jo Zarb spoke and she left . Taxes are one of Zarb main goals .", []string{"Zarb", "her"}},
		{"votes across the sentence end do not count", "Smith said no . She left . It is one of Smith main goals .", []string{"Smith", "his"}},
		{"a bare noun with its clitic", "The daughter 's eczema grew . They changed daughter 's clothes and washed daughter 's soup , and daughter 's skin healed .",
			[]string{"daughter 's", "her", "daughter 's", "her", "daughter 's", "her"}},
		// A nephew is a person (WordNet), so "his".
		{"a bare noun with its clitic after a conjunction", "The nephew 's cough grew . Doctors saw nephew 's fever and nephew 's rash , and treated nephew 's cough .",
			[]string{"nephew 's", "his", "nephew 's", "his", "nephew 's", "his"}},
		{"a bare noun with its clitic after a predeterminer", "The nephew 's cough grew . It took nephew 's sleep and nephew 's voice , and all nephew 's strength .",
			[]string{"nephew 's", "his", "nephew 's", "his", "nephew 's", "his"}},
		{"a bare noun at a sentence start", "The daughter 's eczema grew . daughter 's skin healed . daughter 's eyes cleared . daughter 's hair grew .", nil},
		{"people with a clitic", "The people 's vote came . They heard people 's views and read people 's letters on people 's rights .", nil},
		{"place before a verb", "North Korea spoke . Today , North Korea military has moved .", nil},
		{"an adverb after the phrase", "salt and water mix . Nobody tested salt and water together .", nil},
		{"an adjective before a noun", "Young women from Ohio came . They sang in Young women from Ohio first concert .", []string{"Young women from Ohio", "their"}},
		{"an indefinite phrase copied", "We bought a small boat . Rain filled a small boat , and a small boat sank . Nobody praised a small boat sturdiness .",
			[]string{"a small boat", "its"}},
		{"an indefinite subject copied", "We bought a small boat . Rain filled a small boat . Sadly , a small boat engine failed .",
			[]string{"a small boat", "its"}},
		{"an indefinite phrase before a negation", "We bought a small boat . Rain filled a small boat and a small boat engine wo n't start .",
			[]string{"a small boat", "its"}},
		{"an indefinite phrase twice", "She scored a late goal . He scored a late goal kick .", nil},
		{"an indefinite phrase before a verb", "We bought a small boat . Rain filled a small boat . Then a small boat sinks .", nil},
		{"object of an -ing verb before a plural noun", "Senator Bob Smith ran . Critics kept mocking Senator Bob Smith speeches .",
			[]string{"Senator Bob Smith", "his"}},
		{"a participle as an adjective", "Army Navy played . We met the two retired Army Navy veterans .", nil},
		{"inside a name with of", "Young women from Ohio met . He won the Medal of Young women from Ohio award .", nil},
		{"of after a common noun", "Young women from Ohio met . He won the votes of Young women from Ohio teachers .",
			[]string{"Young women from Ohio", "their"}},
		{"a place or thing before a plural noun", "ancient Rome fell . Scholars study ancient Rome . They wrote about ancient Rome temples .", nil},
		{"a speaker before a plural noun", "Zed Quorn said no . Buyers of Zed Quorn books complained .",
			[]string{"Zed Quorn", "his"}},
		{"object before a noun-or-verb", "Zed Quorn spoke . Aides wanted to voice Zed Quorn support for the plan .",
			[]string{"Zed Quorn", "his"}},
		{"object before a bare infinitive", "Zed Quorn spoke . Aides wanted to help Zed Quorn support the plan .", nil},
		{"object of an unknown verb after a subject", "Zed Quorn spoke . They sew Zed Quorn costume by hand .",
			[]string{"Zed Quorn", "his"}},
		{"an unknown word after a noun", "Zed Quorn spoke . We liked the old design Zed Quorn logo .", nil},
		{"a causative verb before an object", "Zed Quorn spoke . Aides were making Zed Quorn final speech short .",
			[]string{"Zed Quorn", "his"}},
		{"a bare female phrase as an object", "Irish woman spoke . Police detained Irish woman for hours and then freed Irish woman .",
			[]string{"Irish woman", "her", "Irish woman", "her"}},
		{"a female name as an object", "Jane Roe spoke . Police detained Jane Roe for hours .", nil},
		{"a bare male phrase as an object", "Irish man spoke . Police detained Irish man for hours .", nil},
		{"a bare female phrase as a subject", "Irish woman spoke . Later , Irish woman left .", nil},
		{"a copied relative before a noun", "Bob said his uncle was selling his uncle entire farm .", []string{"his uncle", "his"}},
		{"a copied relative before a relative", "She left her aunt . She met her aunt ex-husband later .", []string{"her aunt", "her"}},
		{"a relative first seen", "Bob sold his uncle entire farm . Then his uncle left .", nil},
		{"a relative and its verb", "Bob met his uncle . Later his uncle fought in the war .", nil},
		{"a relative of unknown sex", "Bob met his cousin . He sold his cousin entire farm .", nil},
		{"respective after a coordination", "Red Team met . Blue Team met . Red Team won . Blue Team lost . Fans waited on Red Team and Blue Team respective gates .",
			[]string{"Red Team and Blue Team", "their"}},
		{"respective after a determiner", "Red Team met . Red Team flew . Fans waited at the respective gates .", nil},
		{"an ordinal after a name", "Red Rover sailed . Red Rover docked . Crowds cheered , Red Rover 12th voyage over .",
			[]string{"Red Rover", "his"}},
		{"an ordinal after a determiner", "Red Rover sailed . Red Rover docked . It was the 12th voyage .", nil},
		{"a cardinal after a name", "Apollo Crew flew . Apollo Crew 11 members landed .", nil},
		{"own after a relative clause", "People Zed Quorn trained met . People Zed Quorn trained won . Coaches praised People Zed Quorn trained own tactics .",
			[]string{"People Zed Quorn trained", "their"}},
		{"a representative longer than a mention", "Doctor Zed Quorn , Director of the National Survey of Rural Health spoke . Few heeded Doctor Zed Quorn , Director of the National Survey of Rural Health . Officials ignored Doctor Zed Quorn , Director of the National Survey of Rural Health urgent calls .",
			[]string{"Doctor Zed Quorn , Director of the National Survey of Rural Health", "his"}},
		{"a long representative before its own words", "Doctor Zed Quorn , Director of the National Survey of Rural Health spoke . Few heeded Doctor Zed Quorn , Director of the National Survey of Rural Health .", nil},
		{"a capitalised word before the mention", "Coach praised defender Zed Quorn . Fans saw defender Zed Quorn . Referees booked him for English defender Zed Quorn bad foul .",
			[]string{"English defender Zed Quorn", "his"}},
		{"a capitalised word opening the sentence", "Coach praised defender Zed Quorn . Fans saw defender Zed Quorn . Later defender Zed Quorn left .", nil},
		{"a person before an -ing word and a noun", "Mayor Jane Roe spoke . Aides cheered Mayor Jane Roe . Few listened to Mayor Jane Roe closing remarks .",
			[]string{"Mayor Jane Roe", "her"}},
		{"a person before an -ing clause", "Mayor Jane Roe spoke . Aides cheered Mayor Jane Roe . Few agreed with Mayor Jane Roe closing the park .", nil},
		{"a plural head before an apposition", "Old folk songs , such as Zed Ballads survive . Critics studied Old folk songs , such as Zed Ballads rhythm .",
			[]string{"Old folk songs , such as Zed Ballads", "their"}},
		{"a titled name with an apposition", "Professor Zed Quorn , head of the survey team spoke . Few heeded Professor Zed Quorn , head of the survey team urgent calls .",
			[]string{"Professor Zed Quorn , head of the survey team", "his"}},
		{"a long phrase with a preposition", "the head of the local clinic spoke . Officials praised the head of the local clinic efforts .",
			[]string{"the head of the local clinic", "its"}},
		{"a proper name with of after the", "the Museum of Modern Art opened . Visitors went to the Museum of Modern Art website .", nil},
		{"a double object", "Zed Quorn spoke . Officials gave Zed Quorn the option .", nil},
		{"a determiner phrase as a compound", "the company grew . Staff met the company president .", nil},
		{"a time word before a clause", "the court met . On Monday the court ruled .", nil},
		{"a copied representative with its clitic", "Zed Quorn 's paintings sold . Critics say Zed Quorn 's was shy . Fans praised Zed Quorn 's work and studied Zed Quorn 's life .",
			[]string{"Zed Quorn 's", "he", "Zed Quorn 's", "his", "Zed Quorn 's", "his"}},
		{"a copied representative after a comma or a clausal word", "Zed Quorn 's paintings sold . Critics say Zed Quorn 's was shy , Zed Quorn 's work odd , as Zed Quorn 's life was .",
			[]string{"Zed Quorn 's", "he", "Zed Quorn 's", "his", "Zed Quorn 's", "his"}},
		{"a copied representative after a determiner", "Zed Quorn 's paintings sold . Critics say Zed Quorn 's was shy . The Zed Quorn 's style is bold .",
			[]string{"Zed Quorn 's", "he"}},
		{"a copied representative as an object", "Zed Quorn 's paintings sold . Critics say Zed Quorn 's was shy . Fans met Zed Quorn 's in Paris .",
			[]string{"Zed Quorn 's", "he", "Zed Quorn 's", "him"}},
		{"a copied female representative as an object", "the aunt 's house burned . Later the aunt 's was ill . Nurses took the aunt 's to town .",
			[]string{"the aunt 's", "she", "the aunt 's", "her"}},
		{"a possessive before its object without copies", "Zed Quorn 's paintings sold . Fans met Zed Quorn 's agent in Paris .", nil},
		{"a writer's repeated possessive", "Zed Quorn 's paintings sold . Fans praised Zed Quorn 's work and studied Zed Quorn 's life .", nil},
		{"a copied representative before its verb", "Zed Quorn 's paintings sold . Critics say Zed Quorn 's was shy . Later Zed Quorn 's left .",
			[]string{"Zed Quorn 's", "he"}}, // "was" is no "has" or "is": a subject; "’s left" may be "has left"
		{"a counted phrase", "10 boats sank . Three of 10 boats sailors swam .", nil},
		{"a word ordinal before a noun", "Zed Quorn won . This was Zed Quorn first victory .", []string{"Zed Quorn", "his"}},
		{"a superlative before a noun", "Zed Quorn sang . Fans loved Zed Quorn greatest hits .", []string{"Zed Quorn", "his"}},
		{"a word ordinal as an adverb", "Zed Quorn won . Later Zed Quorn first visits Paris .", nil},
		{"a time word after last", "Zed Quorn won . Fans met Zed Quorn last week .", nil},
		{"an apostrophe alone before a finite verb", "Galois ' paper was lost . Galois said he was ill . Later Galois ' did not reply .",
			[]string{"Galois '", "he"}},
		{"a copied possessive subject the pronouns call female", "Quorn 's house burned . Later Quorn 's was ill and she stayed home .",
			[]string{"Quorn 's", "she"}},
		{"’s that may be is or has", "Zed Quorn 's paintings sold . Zed Quorn 's been ill , and Zed Quorn 's not well .", nil},
	}
	for _, tt := range tests {
		doc := model.NewDocument("t", "", tt.give)
		var got []string
		for _, f := range (Possessive{}).Detect(doc) {
			if f.Confidence >= model.BrokenThreshold {
				got = append(got, tt.give[f.Start:f.End], f.Proposals[0].Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Possessive on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func TestCliticStyle(t *testing.T) {
	tests := []struct{ give, want string }{
		{"Trump ’s campaign", " ’s"},
		{"Trump 's campaign", " 's"},
		{"Trump’s campaign", "’s"},
		{"no clitics here", "'s"}, // no evidence: plain ASCII, as typed
	}
	for _, tt := range tests {
		a := Analyze(model.NewDocument("t", "", tt.give))
		if got := a.cliticStyle(); got != tt.want {
			t.Errorf("cliticStyle(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func FuzzPossessive(f *testing.F) {
	fuzzDetector(f, Possessive{}, "Jane Doe left . in Jane Doe house", "A B of C D . for A B of C D cars",
		"Bob Smith spoke . that Bob Smith office was", "Jane Doe and Jane Doe father",
		"his father was taking his father entire family", "Irish woman left . freed Irish woman .",
		"Zed Quorn 's art . Zed Quorn 's was . in Zed Quorn 's life")
}
