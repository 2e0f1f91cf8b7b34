package model

import (
	"strings"
	"testing"
)

// TestPlaceRoundTrip: the place is written with the focus by id and read
// back as it was; a file without one has none; an unknown id focuses
// nothing; a top outside the text is an error naming the field.
func TestPlaceRoundTrip(t *testing.T) {
	a := newTestAnnotation(t)
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"resume"`) {
		t.Errorf("an annotation without a place writes one:\n%s", data)
	}
	a.Place = &Place{Focus: 1, Filter: "pending", Order: "confidence", Top: 34}
	data, err = a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `"resume": {
    "focus": "f0002",
    "filter": "pending",
    "order": "confidence",
    "top": 34
  }`; !strings.Contains(string(data), want) {
		t.Errorf("place written as\n%s\nwant\n%s", data, want)
	}
	b, err := ParseAnnotation(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.Place == nil || *b.Place != *a.Place {
		t.Errorf("place read back as %+v, want %+v", b.Place, a.Place)
	}
	for _, tt := range []struct {
		from, to string
		want     *Place
		err      string
	}{
		{`"focus": "f0002"`, `"focus": "m009"`, &Place{Focus: -1, Filter: "pending", Order: "confidence", Top: 34}, ""},
		{`"top": 34`, `"top": 48`, nil, "resume: top 48 outside the text (length 47)"},
	} {
		b, err := ParseAnnotation([]byte(strings.Replace(string(data), tt.from, tt.to, 1)))
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: err %v, want %q", tt.to, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.to, err)
		case *b.Place != *tt.want:
			t.Errorf("%s: place %+v, want %+v", tt.to, b.Place, tt.want)
		}
	}
}
