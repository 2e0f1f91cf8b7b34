package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// bigAnnotation builds a ~5 MB article: the fixture's article repeated as
// paragraphs, with the fixture's ten spans in every copy (about 5,000).
func bigAnnotation(b *testing.B) *model.Annotation {
	b.Helper()
	small := fixture(b)
	text := small.Doc.Text
	copies := 5<<20/(len(text)+1) + 1
	var sb strings.Builder
	var fs []model.Finding
	for c := 0; c < copies; c++ {
		off := sb.Len()
		sb.WriteString(text)
		sb.WriteByte('\n')
		for _, s := range small.Spans() {
			f := s.Finding
			f.ID = ""
			f.Start += off
			f.End += off
			fs = append(fs, f)
		}
	}
	a, err := model.NewAnnotation(model.NewDocument("big", "", sb.String()), fs, model.FromDetector)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// firstFrame is the work from having the annotation to the first screen.
func firstFrame(a *model.Annotation) *Model {
	m := New(a, displayOnly("bench.corefix.json"), Options{}) // never saved here
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	return m
}

func BenchmarkFirstFrameSample(b *testing.B) {
	a := fixture(b)
	for b.Loop() {
		firstFrame(a)
	}
}

func BenchmarkFirstFrame5MB(b *testing.B) {
	a := bigAnnotation(b)
	b.SetBytes(int64(len(a.Doc.Text)))
	for b.Loop() {
		firstFrame(a)
	}
}

// BenchmarkKey5MB measures a key press to the next frame (Update + View)
// on the 5 MB article, after the first frame.
func BenchmarkKey5MB(b *testing.B) {
	a := bigAnnotation(b)
	for _, bm := range []struct {
		name string
		keys []string // pressed in turn, one per iteration
	}{
		{"next", []string{"n"}},
		{"prev", []string{"p"}},
		{"scroll", []string{"j"}},
		{"pagedown", []string{"pgdown"}},
		{"end-home", []string{"end", "home"}},
		{"accept-undo", []string{"1", "u"}}, // both re-wrap around the span and start a save
		{"filter", []string{"f"}},
	} {
		b.Run(bm.name, func(b *testing.B) {
			m := firstFrame(a)
			i := 0
			for b.Loop() {
				m.Update(keyMsg(bm.keys[i%len(bm.keys)]))
				m.saving = false // the save Cmd is not run here; let the next decision snapshot again
				_ = m.View()
				i++
			}
		})
	}
}
