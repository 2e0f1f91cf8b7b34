package detect

import (
	"slices"
	"testing"
)

func TestLowerStart(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"pronoun after drift", drifting + "The team won . we not one of the nations .", []string{"we"}},
		{"recurring phrase after drift", drifting + "Critics met the panel . Critics left . the panel security firm said .", []string{"the panel"}},
		{"without drift", "The team won . we not one of the nations .", nil},
		{"list label", drifting + "Freedom and the world . b) Refusing to act .", nil},
		{"capitalised", drifting + "The team won . We were there .", nil},
	}
	for _, tt := range tests {
		if got := brokenTexts(LowerStart{}, tt.give); !slices.Equal(got, tt.want) {
			t.Errorf("%s: LowerStart on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzLowerStart(f *testing.F) {
	fuzzDetector(f, LowerStart{}, "he he . we not", "they Democrats . his he . the x . the x y", ". a")
}
