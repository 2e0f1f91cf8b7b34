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
	if err := WriteMarked(&plain, text, fs, false); err != nil {
		t.Fatal(err)
	}
	want := "Sessions [[Sessions]]{overwrite} reporters . It [[The real story]]{quote} a hunt"
	if got := plain.String(); got != want {
		t.Errorf("plain markers:\n got %q\nwant %q", got, want)
	}
	var coloured strings.Builder
	if err := WriteMarked(&coloured, text, fs, true); err != nil {
		t.Fatal(err)
	}
	got := coloured.String()
	if !strings.Contains(got, "\x1b[") {
		t.Errorf("colour output has no escape sequences: %q", got)
	}
	if want := "Sessions Sessions{overwrite} reporters . It The real story{quote} a hunt"; ansi.Strip(got) != want {
		t.Errorf("colour output without escapes = %q, want %q", ansi.Strip(got), want)
	}
}
