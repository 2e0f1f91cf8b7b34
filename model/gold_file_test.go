package model

import (
	"strings"
	"testing"
)

func TestEncodeGold(t *testing.T) {
	// "é" takes two bytes: offsets in the file are code points.
	text := "Café said Café Café the vote ."
	doc := NewDocument("d", "", text)
	spans := []GoldEdit{
		{Start: 11, End: 16, Category: Substitution, Original: "he"},
		{Start: 17, End: 22, Category: Overwrite, Original: "won"},
	}
	if got := text[spans[0].Start:spans[0].End]; got != "Café" {
		t.Fatalf("test setup: first span is %q", got)
	}
	got, err := EncodeGold(doc, spans)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
 "schema": "corefix.annotation/v1",
 "document": {
  "id": "d",
  "sha256": "` + HashText(text) + `",
  "length": 30
 },
 "spans": [
  {
   "start": 15,
   "end": 19,
   "text": "Café",
   "original": "won",
   "category": "overwrite",
   "status": "edited",
   "replacement": "won",
   "origin": "manual",
   "id": "g001"
  }
 ],
 "neutral": [
  {
   "start": 10,
   "end": 14,
   "text": "Café",
   "original": "he"
  }
 ]
}`
	if string(got) != want {
		t.Errorf("gold file:\n%s\nwant:\n%s", got, want)
	}
}

func TestEncodeGoldEmptyAndBad(t *testing.T) {
	doc := NewDocument("d", "", "a <b> c")
	got, err := EncodeGold(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "\"spans\": [],\n \"neutral\": []\n}") {
		t.Errorf("no spans must give empty lists, got\n%s", got)
	}
	for _, bad := range [][]GoldEdit{
		{{Start: 2, End: 2, Category: Overwrite}},
		{{Start: 2, End: 9, Category: Overwrite}},
		{{Start: 2, End: 5, Category: Overwrite}, {Start: 4, End: 7, Category: Overwrite}},
	} {
		if _, err := EncodeGold(doc, bad); err == nil {
			t.Errorf("spans %v: no error", bad)
		}
	}
	got, err = EncodeGold(doc, []GoldEdit{{Start: 2, End: 5, Category: Other, Original: "&"}})
	if err != nil || !strings.Contains(string(got), `"text": "<b>"`) || !strings.Contains(string(got), `"original": "&"`) {
		t.Errorf("HTML characters must be written as they are: %s, %v", got, err)
	}
}
