package align

import (
	"strings"
	"testing"

	"corefix/model"
)

// A whole noun phrase replaced by a representative that recurs as a
// phrase of its own ("his death" → "Tom ’s death", the death's first
// mention) is a correct substitution; a possessor resolved alone ("his
// courage" → "Tom ’s courage") stays a possessive finding.
func TestAlignPhraseRep(t *testing.T) {
	tests := []struct {
		name      string
		orig, res string
		want      map[string]bool // a finding's text and following word → flagged
	}{
		{
			name: "representative of the whole phrase, written twice",
			orig: "Officials blamed the fire for Tom 's death . Friends mourned his death on Monday . His mother said his death was avoidable . She praised his courage .",
			res:  "Officials blamed the fire for Tom 's death . Friends mourned Tom 's death on Monday . Tom 's mother said Tom 's death was avoidable . She praised Tom 's courage .",
			want: map[string]bool{"Tom 's death on": false, "Tom 's death was": false, "Tom 's courage": true},
		},
		{
			// One more copy than the original: a possessor that
			// happens to stand before the same noun.
			name: "phrase written once more",
			orig: "Critics admired Ann 's photography . Many think her photography is bold .",
			res:  "Critics admired Ann 's photography . Many think Ann 's photography is bold .",
			want: map[string]bool{"Ann 's photography is": true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := align(t, tt.orig, tt.res)
			for text, flagged := range tt.want {
				at := strings.Index(tt.res, text)
				if at < 0 {
					t.Fatalf("%q not in the resolved text", text)
				}
				found := false
				for _, f := range fs {
					if f.Start <= at && at < f.End {
						found = true
						if got := f.Confidence >= model.BrokenThreshold; got != flagged {
							t.Errorf("finding %q at %q: confidence %v, flagged %v, want %v", tt.res[f.Start:f.End], text, f.Confidence, got, flagged)
						}
					}
				}
				if !found && flagged {
					t.Errorf("no finding at %q", text)
				}
			}
		})
	}
}
