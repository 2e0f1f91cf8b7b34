package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"corefix/model"
)

func TestWriteMarked(t *testing.T) {
	text := "Sessions Sessions reporters . It The real story a hunt"
	at := strings.Index(text, "The real story")
	fs := []model.Finding{
		{Start: 9, End: 17, Category: model.Overwrite},
		{Start: at, End: at + len("The real story"), Category: model.Quote},
	}
	var plain strings.Builder
	if err := WriteMarked(&plain, text, fs, nil); err != nil {
		t.Fatal(err)
	}
	want := "Sessions [[Sessions]]{overwrite} reporters . It [[The real story]]{quote} a hunt"
	if got := plain.String(); got != want {
		t.Errorf("plain markers:\n got %q\nwant %q", got, want)
	}
	byBackground := map[bool]string{}
	for _, dark := range []bool{true, false} {
		var coloured strings.Builder
		if err := WriteMarked(&coloured, text, fs, NewStyles(dark)); err != nil {
			t.Fatal(err)
		}
		got := coloured.String()
		if !strings.Contains(got, "\x1b[") {
			t.Errorf("dark=%v: colour output has no escape sequences: %q", dark, got)
		}
		if want := "Sessions Sessions{overwrite} reporters . It The real story{quote} a hunt"; ansi.Strip(got) != want {
			t.Errorf("dark=%v: colour output without escapes = %q, want %q", dark, ansi.Strip(got), want)
		}
		byBackground[dark] = got
	}
	// A light terminal gets its own colours: dark-background ones wash out.
	if byBackground[true] == byBackground[false] {
		t.Errorf("light and dark backgrounds are drawn alike: %q", byBackground[true])
	}
}
