package model

import (
	"fmt"
	"testing"
)

func TestChangesCutToTheWordsThatDiffer(t *testing.T) {
	for _, tt := range []struct {
		text, repl string
		want       string // Old→New at [Start,End), or "" for no change
	}{
		{"they Democrats", "they were", `"Democrats"→"were" [5,14)`},
		{"his he", "his book", `"he"→"book" [4,6)`},
		{"Sessions Sessions reporters", "Sessions told reporters", `"Sessions"→"told" [9,17)`},
		{"his ", "his book ", `""→"book " [4,4)`},
		{"President Donald Trump", "his", `"President Donald Trump"→"his" [0,22)`},
		{"he he", "he", `"he"→"" [3,5)`},
		{"Democrats", "Democrat", `"Democrats"→"Democrat" [0,9)`},
		{"a b c", "a c", `"b "→"" [2,4)`},
		{"the Trump", "the Trump", ""},
		{"x", "", `"x"→"" [0,1)`},
	} {
		doc := NewDocument("d", "", tt.text)
		a, err := NewAnnotation(doc, []Finding{{Start: 0, End: len(tt.text), Category: Other, Confidence: 1}}, FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.Edit(0, tt.repl); err != nil {
			t.Fatal(err)
		}
		got := ""
		if cs := a.Changes(); len(cs) == 1 {
			c := cs[0]
			got = fmt.Sprintf("%q→%q [%d,%d)", c.Old, c.New, c.Start, c.End)
			if tt.text[c.Start:c.End] != c.Old {
				t.Errorf("%q → %q: [%d,%d) is %q, not Old", tt.text, tt.repl, c.Start, c.End, tt.text[c.Start:c.End])
			}
		} else if len(cs) > 1 {
			got = fmt.Sprint(cs)
		}
		if got != tt.want {
			t.Errorf("%q → %q: %s, want %s", tt.text, tt.repl, got, tt.want)
		}
	}
}
