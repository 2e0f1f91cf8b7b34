package model

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// randomJSONStringLiteral is a JSON string literal, usually valid: plain
// text, every escape, \u escapes of surrogate pairs and lone or broken
// halves, and now and then a raw control byte or a bad escape.
func randomJSONStringLiteral(r *rand.Rand) string {
	pieces := []string{"a", "The Democrats", " ", "’s", "漢字", "👍", `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`,
		`\u0041`, `\u00e9`, `\u2028`, `\uD83D\uDC4D`, `\ud83d\udc4d`, `\uD83D`, `\uDC4D`, `\uD83D\u0041`, `\uD83Dx`,
		`\uD83D\uD83D`, `\u0000`, `\uFFFD`}
	bad := []string{"\n", "\x01", `\x`, `\'`, `\u12`, `\uZZZZ`, `\`}
	var b strings.Builder
	b.WriteByte('"')
	for n := r.IntN(8); n > 0; n-- {
		if r.IntN(30) == 0 {
			b.WriteString(bad[r.IntN(len(bad))])
		} else {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	if r.IntN(40) > 0 {
		b.WriteByte('"')
	}
	return b.String()
}

// randomDatasetLine is a dataset line, usually a plain one (string "id",
// "text", "original"), sometimes not: other names, names that differ in
// case or are escaped, repeated names, values that are not strings,
// white space anywhere, broken syntax.
func randomDatasetLine(r *rand.Rand) string {
	names := []string{`"id"`, `"text"`, `"original"`}
	odd := []string{`"ID"`, `"Id"`, `"Text"`, `"clusters"`, `"t\u0065xt"`, `"genre"`, `id`, `""`}
	values := []string{"null", "12", "[]", `{"a": 1}`, "true", `["x"]`}
	space := []string{"", "", " ", "\t", "\r\n", "  "}
	ws := func() string { return space[r.IntN(len(space))] }
	var b strings.Builder
	b.WriteString(ws() + "{" + ws())
	for k, n := 0, r.IntN(5); k < n; k++ {
		if k > 0 {
			sep := ","
			if r.IntN(20) == 0 {
				sep = []string{";", "", ",,"}[r.IntN(3)]
			}
			b.WriteString(ws() + sep + ws())
		}
		if r.IntN(10) == 0 {
			b.WriteString(odd[r.IntN(len(odd))])
		} else {
			b.WriteString(names[r.IntN(len(names))])
		}
		b.WriteString(ws() + ":" + ws())
		if r.IntN(10) == 0 {
			b.WriteString(values[r.IntN(len(values))])
		} else {
			b.WriteString(randomJSONStringLiteral(r))
		}
	}
	end := "}"
	if r.IntN(20) == 0 {
		end = []string{"", "}}", "} x", ",}"}[r.IntN(4)]
	}
	b.WriteString(ws() + end + ws())
	return b.String()
}

// The plain reading of a line, when it takes one, is encoding/json's:
// the same fields, present or not, with the same strings.
func TestPlainRecordIsJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	plain := 0
	const lines = 20000
	for range lines {
		line := []byte(randomDatasetLine(r))
		if !utf8.Valid(line) {
			continue
		}
		got, ok := parsePlain(line)
		if !ok {
			continue
		}
		plain++
		var want struct {
			ID       *string `json:"id"`
			Text     *string `json:"text"`
			Original *string `json:"original"`
		}
		if err := json.Unmarshal(line, &want); err != nil {
			t.Fatalf("%s: read plainly, but encoding/json says %v", line, err)
		}
		for _, f := range []struct {
			name      string
			got, want *string
		}{{"id", got.id, want.ID}, {"text", got.text, want.Text}, {"original", got.original, want.Original}} {
			if (f.got == nil) != (f.want == nil) || f.got != nil && *f.got != *f.want {
				t.Fatalf("%s: %s read plainly as %s, by encoding/json as %s", line, f.name, show(f.got), show(f.want))
			}
		}
	}
	// Plain lines are a good part of them (most others repeat a name or
	// hold an odd member), and the plain reading takes them.
	if plain < lines/3 {
		t.Errorf("only %d of %d lines read plainly", plain, lines)
	}
}

// show prints an optional string.
func show(s *string) string {
	if s == nil {
		return "nothing"
	}
	return "\"" + *s + "\""
}

// Dataset lines as written by json.Marshal and by hand are read plainly;
// lines encoding/json reads in its own way are left to it.
func TestParsePlainTakes(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{`{"id":"doc000001","text":"He said \"no\".\nThey\u2019re here."}`, true},
		{` { "text" : "x" , "id" : "a" , "original" : "y\t" } `, true},
		{`{}`, true},
		{`{"id":"a","id":"b"}`, false},        // encoding/json keeps the last
		{`{"ID":"a","text":"b"}`, false},      // names match case-insensitively
		{`{"i\u0064":"a","text":"b"}`, false}, // escaped name
		{`{"id":"a","text":null}`, false},
		{`{"id":"a","clusters":[]}`, false},
		{`{"id":"a","text":"b"} x`, false},
		{`{"id":"a",}`, false},
	} {
		if _, ok := parsePlain([]byte(c.line)); ok != c.ok {
			t.Errorf("%s: read plainly %v, want %v", c.line, ok, c.ok)
		}
	}
}
