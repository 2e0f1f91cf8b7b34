package detect

import (
	"strings"
	"testing"

	"corefix/model"
)

func TestMerge(t *testing.T) {
	f := func(start, end int, conf float64, rule string) model.Finding {
		return model.Finding{Start: start, End: end, Confidence: conf, Rule: rule, Category: model.Other}
	}
	tests := []struct {
		name string
		give []model.Finding
		want []string // rules kept, in text order
	}{
		{"disjoint kept in text order", []model.Finding{f(10, 12, .5, "b"), f(0, 2, .5, "a")}, []string{"a", "b"}},
		{"more confident wins", []model.Finding{f(0, 5, .6, "low"), f(3, 8, .9, "high")}, []string{"high"}},
		{"tie goes to the earlier detector", []model.Finding{f(0, 5, .7, "first"), f(2, 6, .7, "second")}, []string{"first"}},
		// a-b overlap, b-c overlap, a and c do not: b wins, then a and c
		// both lose to b; with b weak, a and c both survive.
		{"chain with strong middle", []model.Finding{f(0, 4, .5, "a"), f(3, 7, .9, "b"), f(6, 9, .5, "c")}, []string{"b"}},
		{"chain with weak middle", []model.Finding{f(0, 4, .8, "a"), f(3, 7, .2, "b"), f(6, 9, .8, "c")}, []string{"a", "c"}},
		{"nested", []model.Finding{f(0, 10, .5, "outer"), f(2, 3, .6, "inner"), f(12, 13, .1, "after")}, []string{"inner", "after"}},
	}
	for _, tt := range tests {
		got := Merge(tt.give)
		var rules []string
		for i, g := range got {
			rules = append(rules, g.Rule)
			if want := "f000" + string(rune('1'+i)); g.ID != want {
				t.Errorf("%s: id %q, want %q", tt.name, g.ID, want)
			}
		}
		if len(rules) != len(tt.want) {
			t.Errorf("%s: kept %v, want %v", tt.name, rules, tt.want)
			continue
		}
		for i := range rules {
			if rules[i] != tt.want[i] {
				t.Errorf("%s: kept %v, want %v", tt.name, rules, tt.want)
				break
			}
		}
	}
}

// BenchmarkDetectRepeatedWord guards against quadratic merging: "he he he
// …" makes every finding overlap the next, one cluster as long as the text
// (180 KB took 5.9 s before the per-cluster greedy used a sorted list).
func BenchmarkDetectRepeatedWord(b *testing.B) {
	text := strings.Repeat("he ", 60000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(model.NewDocument("b", "", text))
	}
}

// TestFindingID: the IDs are fmt's "f%04d", past four digits too.
func TestFindingID(t *testing.T) {
	for n, want := range map[int]string{1: "f0001", 42: "f0042", 9999: "f9999", 10000: "f10000", 123456: "f123456"} {
		if got := findingID(n); got != want {
			t.Errorf("findingID(%d) = %q, want %q", n, got, want)
		}
	}
}
