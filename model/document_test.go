package model

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOffsetsTable(t *testing.T) {
	// Expected code point offsets are what Python's len(text[:i]) gives.
	tests := []struct {
		name    string
		text    string
		bytePos int
		runePos int
	}{
		{"ascii", "abc def", 4, 4},
		{"after curly apostrophe", "Trump ’s x", 10, 8}, // ’ is 3 bytes
		{"inside wide rune counts as its start", "a’b", 2, 1},
		{"emoji", "👍 ok", 5, 2},
		{"cjk", "漢字 x", 7, 3},
		{"combining", "e\u0301x", 3, 2},
		{"end", "’’", 6, 2},
		{"start", "’x", 0, 0},
	}
	for _, tt := range tests {
		d := NewDocument("t", "", tt.text)
		if got := d.RuneOffset(tt.bytePos); got != tt.runePos {
			t.Errorf("%s: RuneOffset(%d) of %q = %d, want %d", tt.name, tt.bytePos, tt.text, got, tt.runePos)
		}
		if tt.name == "inside wide rune counts as its start" {
			continue
		}
		if got, err := d.ByteOffset(tt.runePos); err != nil || got != tt.bytePos {
			t.Errorf("%s: ByteOffset(%d) of %q = %d, %v; want %d", tt.name, tt.runePos, tt.text, got, err, tt.bytePos)
		}
	}
}

// The rune index reads ASCII eight bytes at a time: a wide rune at every
// place within and across those eight counts as one code point.
func TestRuneOffsetsAtEveryAlignment(t *testing.T) {
	for k := range 20 {
		for _, wide := range []string{"é", "漢", "👩", "\xff"} {
			text := strings.Repeat("a", k) + wide + strings.Repeat("b", 19-k) + wide + "c"
			d := NewDocument("a", "", text)
			cp := 0
			for b := range text {
				if got := d.RuneOffset(b); got != cp {
					t.Fatalf("%q: RuneOffset(%d) = %d, want %d", text, b, got, cp)
				}
				cp++
			}
			if d.RuneCount() != cp {
				t.Fatalf("%q: RuneCount = %d, want %d", text, d.RuneCount(), cp)
			}
		}
	}
}

func TestOffsetsRoundTripEveryPosition(t *testing.T) {
	text := readSeed(t) + "漢字 👩‍💻 e\u0301 עברית"
	d := NewDocument("seed", "", text)
	if d.RuneCount() != utf8.RuneCountInString(text) {
		t.Fatalf("RuneCount = %d, want %d", d.RuneCount(), utf8.RuneCountInString(text))
	}
	cp := 0
	for b := range text { // b walks rune starts
		if got := d.RuneOffset(b); got != cp {
			t.Fatalf("RuneOffset(%d) = %d, want %d", b, got, cp)
		}
		if got, _ := d.ByteOffset(cp); got != b {
			t.Fatalf("ByteOffset(%d) = %d, want %d", cp, got, b)
		}
		cp++
	}
	if _, err := d.ByteOffset(cp + 1); err == nil {
		t.Errorf("ByteOffset past the end: no error")
	}
}

// TestSeedOffsetsMatchPython checks against values computed with Python
// (len(text[:i]) on the seed, which contains ’, 3 bytes in UTF-8), and
// against the hand-made gold file, whose offsets are Python code points.
func TestSeedOffsetsMatchPython(t *testing.T) {
	d := NewDocument("seed", "", readSeed(t))
	if d.RuneCount() != 9896 || len(d.Text) != 9974 {
		t.Fatalf("seed is %d code points / %d bytes, want 9896 / 9974", d.RuneCount(), len(d.Text))
	}
	// The last "Sessions": Python text.rindex("Sessions") == 9329.
	b, _ := d.ByteOffset(9329)
	if got := d.Text[b : b+8]; got != "Sessions" || b != 9403 {
		t.Errorf("code point 9329 is byte %d (%q), want byte 9403 \"Sessions\"", b, got)
	}
	data, err := os.ReadFile("../testdata/cnn-sessions.gold-dev.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Spans []struct {
			Start, End int
			Text       string
		}
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Spans) < 20 {
		t.Fatalf("gold has %d spans", len(gold.Spans))
	}
	for _, s := range gold.Spans {
		lo, _ := d.ByteOffset(s.Start)
		hi, _ := d.ByteOffset(s.End)
		if got := d.Text[lo:hi]; got != s.Text {
			t.Errorf("gold [%d,%d) slices to %q, want %q", s.Start, s.End, got, s.Text)
		}
	}
}

func TestIDFromPath(t *testing.T) {
	tests := []struct{ give, want string }{
		{"testdata/cnn-sessions.txt", "cnn-sessions"},
		{"x.orig.txt", "x.orig"},
		{"noext", "noext"},
		{"-", "stdin"},
		{".hidden", ".hidden"},
	}
	for _, tt := range tests {
		if got := IDFromPath(tt.give); got != tt.want {
			t.Errorf("IDFromPath(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestHash(t *testing.T) {
	// sha256 of "abc", the FIPS 180-2 test vector.
	if got := NewDocument("", "", "abc").SHA256(); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("SHA256(abc) = %s", got)
	}
}

// A long text is hashed without a copy of it: the hash is written with
// `detect`'s first findings and with every save, when the text's
// detection or annotation is most of the heap.
func TestHashCopiesNoText(t *testing.T) {
	text := strings.Repeat("Sessions told reporters . ", 1<<16) // 1.6 MB
	want := fmt.Sprintf("%x", sha256.Sum256([]byte(text)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := HashText(text)
	runtime.ReadMemStats(&after)
	if got != want {
		t.Errorf("HashText = %s, want %s", got, want)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("HashText of %d bytes allocated %d bytes", len(text), n)
	}
}

func readSeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
