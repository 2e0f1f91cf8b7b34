package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exportSample is an annotation of a text with ’ (3 bytes) before the
// spans and a span across a line break, decided every way.
func exportSample(t *testing.T) *Annotation {
	t.Helper()
	text := "Trump’s aide said they Democrats supposed to win.\nSessions Sessions reporters\ttoday é."
	doc := NewDocument("../news/1", "", text)
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		return i, i + len(s)
	}
	var fs []Finding
	for _, m := range []struct {
		text string
		cat  Category
	}{{"Democrats", Overwrite}, {"win.\nSessions", Other}, {"Sessions reporters", Overwrite}, {"é", Quote}} {
		s, e := at(m.text)
		if m.text == "Sessions reporters" {
			s, e = strings.LastIndex(text, "Sessions reporters"), strings.LastIndex(text, "Sessions reporters")+len(m.text)
		}
		fs = append(fs, Finding{Start: s, End: e, Category: m.cat, Confidence: 0.9, Proposals: []Proposal{{Text: "were"}}})
	}
	a, err := NewAnnotation(doc, fs, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	a.Annotator = "ann"
	for _, err := range []error{a.Accept(0, 0), a.Edit(2, "Sessions told\treporters \"now\""), a.Reject(3), a.SetNote(3, "fine\nreally")} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestBratRoundTrip(t *testing.T) {
	a := exportSample(t)
	s := a.Span(2)
	s.Rule, s.Message = "repeated-token", "a word is repeated"
	s.Proposals = []Proposal{{Text: "Sessions ▢"}, {Text: "Sessions"}}
	a.spans.set(2, s)
	ann, err := BratAnn(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(ann), "\n") {
		t.Errorf(".ann does not end with a newline:\n%q", ann)
	}
	text := []rune(a.Doc.Text) // brat slices the .txt by code points
	lines := strings.Split(strings.TrimSuffix(string(ann), "\n"), "\n")
	if len(lines) != 3*a.Len() {
		t.Fatalf("BratAnn wrote %d lines for %d spans:\n%s", len(lines), a.Len(), ann)
	}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		switch line[0] {
		case '#':
			if len(f) != 3 || !strings.HasPrefix(f[1], "AnnotatorNotes T") {
				t.Errorf("line %d %q: not an AnnotatorNotes line", i+1, line)
			}
			continue
		case 'A':
			want := fmt.Sprintf("A%d\tStatus T%d %s", i/3+1, i/3+1, a.Span(i/3).Status)
			if line != want {
				t.Errorf("line %d %q, want %q", i+1, line, want)
			}
			continue
		}
		if len(f) != 3 {
			t.Fatalf("line %d %q: %d tab-separated fields, want 3", i+1, line, len(f))
		}
		typ, offs, _ := strings.Cut(f[1], " ")
		var parts []string
		for _, frag := range strings.Split(offs, ";") {
			se := strings.Fields(frag)
			s, _ := strconv.Atoi(se[0])
			e, _ := strconv.Atoi(se[1])
			parts = append(parts, string(text[s:e]))
		}
		if got := strings.Join(parts, " "); got != f[2] {
			t.Errorf("line %d %q: offsets slice the text to %q, want %q", i+1, line, got, f[2])
		}
		if want := string(a.Span(i / 3).Category); typ != want {
			t.Errorf("line %d: type %q, want %q", i+1, typ, want)
		}
	}
	want := "T2\tother 45 49;50 58\twin. Sessions\n"
	if !strings.Contains(string(ann), want) {
		t.Errorf("span across the line break: want %q in\n%s", want, ann)
	}
	for _, note := range []string{
		"#1\tAnnotatorNotes T1\tstatus: accepted; replacement: \"were\"; confidence: 0.9; proposals: \"were\"\n",
		"#3\tAnnotatorNotes T3\tstatus: edited; replacement: \"Sessions told\\treporters \\\"now\\\"\"; rule: repeated-token; " +
			"confidence: 0.9; proposals: \"Sessions ▢\" | \"Sessions\"; message: \"a word is repeated\"\n",
		"#4\tAnnotatorNotes T4\tstatus: rejected; note: \"fine\\nreally\"; confidence: 0.9; proposals: \"were\"\n",
		"#2\tAnnotatorNotes T2\tstatus: pending; confidence: 0.9; proposals: \"were\"\n",
	} {
		if !strings.Contains(string(ann), note) {
			t.Errorf("want note %q in\n%s", note, ann)
		}
	}
}

func TestDecidedLeavesOutPending(t *testing.T) {
	a := exportSample(t)
	d := a.Decided()
	var got []Status
	for _, s := range d.Spans() {
		got = append(got, s.Status)
	}
	if want := []Status{Accepted, Edited, Rejected}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Decided spans %v, want %v", got, want)
	}
	if d.CorrectedText() != a.CorrectedText() || a.Len() != 4 {
		t.Errorf("Decided changed the corrected text or the annotation (%d spans)", a.Len())
	}
}

func TestBratConfDeclaresCategoriesAndStatus(t *testing.T) {
	conf := string(BratConf())
	for _, c := range Categories {
		if !strings.Contains(conf, "\n"+string(c)+"\n") {
			t.Errorf("annotation.conf lacks %s:\n%s", c, conf)
		}
	}
	if want := "\nStatus\tArg:<ENTITY>, Value:pending|accepted|edited|rejected\n"; !strings.HasSuffix(conf, want[1:]) || !strings.Contains(conf, want) {
		t.Errorf("annotation.conf does not end declaring the Status attribute %q:\n%s", want, conf)
	}
}

// TestBratVisualDrawsEveryType keeps visual.conf in step with the
// categories and statuses: a colour for each, a glyph per status.
func TestBratVisualDrawsEveryType(t *testing.T) {
	vis := string(BratVisual())
	for _, c := range Categories {
		if !strings.Contains(vis, "\n"+string(c)+"\tbgColor:#") || !strings.Contains(vis, "\n"+string(c)+" | ") {
			t.Errorf("visual.conf has no label or colour for %s", c)
		}
	}
	_, drawing, ok := strings.Cut(vis, "\nStatus\t")
	glyphs, _, _ := strings.Cut(strings.TrimPrefix(drawing, "glyph:"), ",")
	if !ok || len(strings.Split(glyphs, "|")) != len(Statuses) {
		t.Errorf("visual.conf draws Status with glyphs %q, want one per status (%d)", glyphs, len(Statuses))
	}
	if !strings.HasSuffix(vis, "\n") {
		t.Error("visual.conf does not end with a newline")
	}
}

func TestExportLineKeepsUnknownFields(t *testing.T) {
	a := exportSample(t)
	text, _ := json.Marshal(a.Doc.Text)
	line := []byte(`{"meta": {"source":"cnn", "score": 1.0e0, "tags":["a" ,"b"]}, "id":"../news/1", "text":` + string(text) + `, "x":"\u00e9"}`)
	out, err := ExportLine(line, a)
	if err != nil {
		t.Fatal(err)
	}
	prefix := line[:len(line)-1]
	if !strings.HasPrefix(string(out), string(prefix)) {
		t.Errorf("export changed the input fields:\n got %s\nwant prefix %s", out, prefix)
	}
	var got struct {
		Annotations []struct {
			Start, End int
			Text       string
			Status     Status
		}
		CorrectedText string `json:"corrected_text"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("export is not JSON: %v\n%s", err, out)
	}
	if got.CorrectedText != a.CorrectedText() {
		t.Errorf("corrected_text = %q, want %q", got.CorrectedText, a.CorrectedText())
	}
	runes := []rune(a.Doc.Text)
	for _, s := range got.Annotations {
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("annotation [%d,%d) %q does not slice the text (code points)", s.Start, s.End, s.Text)
		}
	}
	if len(got.Annotations) != a.Len() || strings.Contains(string(out), "\n") {
		t.Errorf("want %d annotations on one line, got %d:\n%s", a.Len(), len(got.Annotations), out)
	}
	// Without a dataset line the record is built from the annotation.
	out, err = ExportLine(nil, a)
	if err != nil || !strings.HasPrefix(string(out), `{"id":"../news/1","text":"Trump’s`) {
		t.Errorf("ExportLine(nil) = %.60s, %v", out, err)
	}
}
