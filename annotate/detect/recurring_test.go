package detect

import (
	"slices"
	"strings"
	"testing"

	"corefix/model"
)

func TestRecurring(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"copies that fit", "Attorney General Jeff Sessions spoke . Later , Attorney General Jeff Sessions said no .", nil},
		{"determiner before copy", "A group of Afghan teenagers won . The participation of this A group of Afghan teenagers shows progress .",
			[]string{"A group of Afghan teenagers"}},
		{"copy before a sentence", "Spokesman Sean Spicer spoke . Spicer said Spokesman Sean Spicer If nothing else , it helps .",
			[]string{"Spokesman Sean Spicer"}},
		{"copy touching a noun after drift", drifting + "The panel met Attorney General Jeff Sessions reporters later .",
			[]string{"Democrats", "Attorney General Jeff Sessions"}},
		{"lone name wedged after drift", drifting + "Indonesia spoke . Indonesia agreed . The Malaysian navy Indonesia patrols .",
			[]string{"Democrats", "Indonesia"}},
		{"caption after drift", drifting + "Photo : Jane Doe . The crowd cheered . Photo : Jane Doe .",
			[]string{"Democrats"}},
		{"credit line in mid-text after drift", drifting + "The crowd cheered . Photo : Jane Doe The band played . Photo : Jane Doe The crowd left .",
			[]string{"Democrats"}},
		{"name without its credit label after drift", drifting + "The crowd cheered Jane Doe . The band played Jane Doe the crowd left .",
			[]string{"Democrats", "Jane Doe"}},
		{"title before a name after drift", drifting + "Prime Minister Alan Jones spoke . It was backed by Prime Minister Boris Jones .",
			[]string{"Democrats"}},
		{"prepositional object after drift", drifting + "The mayor spoke of the city council . Funds came from the city council , she said .",
			[]string{"Democrats"}},
		{"copy after a preposition touching a noun", drifting + "The mayor spoke of the city council . Funds came from the city council budget cuts .",
			[]string{"Democrats", "the city council"}},
		{"confirmed copy after an auxiliary", drifting + "Polls said the seat was Democrats to win .",
			[]string{"Democrats", "Democrats"}},
		{"confirmed copy after a verb", drifting + "Polls said the seat favoured Democrats in May .",
			[]string{"Democrats"}},
		{"confirmed name as a modifier", drifting + "Polls said the seat was Democrats territory .",
			[]string{"Democrats"}},
		{"unconfirmed name after an auxiliary", drifting + "Polls said the seat was Republicans to win . Republicans agreed .",
			[]string{"Democrats"}},
		{"common phrase shown drifting", drifting + "The mayor drafted the budget . Critics said they the budget the plan . Officials cut the budget today .",
			[]string{"Democrats", "the budget", "the budget"}},
		{"common phrase never shown drifting", drifting + "The mayor drafted the budget . Critics said the budget failed . Officials cut the budget today .",
			[]string{"Democrats"}},
		{"lone name shown misfitting", drifting + "Smith spoke . Reporters asked Smith He smiled . Critics were Smith to leave .",
			[]string{"Democrats", "Smith", "Smith"}},
		{"lone noun shown at a lower-case sentence start", drifting + "The council met . council said no . Voters were council to decide .",
			[]string{"Democrats", "council"}},
		{"lone noun never shown drifting", drifting + "The council met . The council said no . Voters were council to decide .",
			[]string{"Democrats"}},
		{"longer name opening a sentence after drift", drifting + "Space Shuttle Discovery flew . Space Shuttle Endeavour flew too .",
			[]string{"Democrats"}},
		{"same phrase touching a noun after drift", drifting + "Space Shuttle Discovery flew . Crowds saw Space Shuttle the next day .",
			[]string{"Democrats", "Space Shuttle"}},
		{"noun before a common phrase after drift", drifting + "Reporters covered the trip . Critics said the team the trip was long .",
			[]string{"Democrats", "the trip"}},
		{"noun before a common phrase without drift", "Reporters covered the trip . Critics said the team the trip was long .", nil},
		{"same copy without drift", "Attorney General Jeff Sessions spoke on Thursday . The panel met Attorney General Jeff Sessions reporters later .", nil},
		{"first mention is the writer's", "The panel met Attorney General Jeff Sessions reporters later . Attorney General Jeff Sessions left .", nil},
	}
	// The table pins the hand rules (Recurring without a copy scorer); in
	// a drifting document the copy scorer, whose output moves with
	// retraining, has its own tests (copyscore_test.go) and is measured on
	// the gold by the lab (docs/lab.md).
	for _, tt := range tests {
		if got := brokenTexts(Recurring{}, tt.give); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Recurring on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzRecurring(f *testing.F) {
	fuzzDetector(f, Recurring{}, "A group of teens won . this A group of teens", "X Y said X Y If it")
}

func TestDriftingBy(t *testing.T) {
	for _, c := range []struct {
		n, toks int
		want    bool
	}{
		{3, 900, true},   // three oddities at 3.3 per 1,000
		{3, 1100, false}, // three spread over a long article
		{2, 250, true},   // two in a short article: 8 per 1,000
		{2, 700, false},  // two in a longer one: a quirk of style
		{1, 100, false},  // one odd pair is never enough
		{10, 2000, true}, // many in a long article
		{0, 0, false},    // nothing
		{2, 501, false},  // just under the dense rate
		{2, 500, true},   // at it
		{2, 480, true},   // two in 480 tokens
	} {
		if got := shippedRules().driftingBy(c.n, c.toks); got != c.want {
			t.Errorf("driftingBy(%d, %d) = %v, want %v", c.n, c.toks, got, c.want)
		}
	}
}

func TestLostStop(t *testing.T) {
	for _, c := range []struct {
		text string
		at   string // the word judged
		want bool
	}{
		{"Rain flooded the old bridge The storm began at night .", "The", true},
		{"They reached the harbour A boat was waiting .", "A", true},
		{"Police met the mayor His office declined .", "His", true},
		{"On Friday The Times reported the vote .", "The", false}, // a title
		{"She read it . The storm began .", "The", false},         // a real sentence start
		{"He said \" The storm began \" .", "The", false},         // a quotation opens
		{"Rain flooded the old bridge the storm began .", "the", false},
		{"Rain flooded the bridge The .", "The", false}, // nothing follows it
	} {
		a := Analyze(model.NewDocument("t", "", c.text))
		at := -1
		for i := range a.toks {
			if a.text(i) == c.at {
				at = i
			}
		}
		if got := a.lostStop(at); got != c.want {
			t.Errorf("lostStop(%q in %q) = %v, want %v", c.at, c.text, got, c.want)
		}
	}
}

// TestCutShort: a representative longer than a mention may be, repeated
// whole, is cut at the same place every time and goes on with the same
// words; a cut copy that goes on otherwise is judged by its fit.
func TestCutShort(t *testing.T) {
	long := "a hybrid organization that is a company focused on achieving a good for all"
	text := long + " was founded . Later , " + long + " grew . Then " + long + " hired staff . Now " +
		long + " thrives . Still " + strings.Replace(long, "a good for all", "profit", 1) + " grew ."
	a := Analyze(model.NewDocument("t", "", text))
	var cut map[string]string
	var got []bool
	for _, m := range a.mentions() {
		if m.j-m.i+1 == a.rules().Limits.MaxMention.Value {
			got = append(got, a.cutShort(m, &cut))
		}
	}
	if want := []bool{false, true, true, true, false}; !slices.Equal(got, want) {
		t.Errorf("cutShort of the mentions cut at max-mention = %v, want %v", got, want)
	}
}
