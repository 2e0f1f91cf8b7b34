package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"corefix/model"
)

// TestReviewRefusesWhatItCannotResume: the editor reads a saved
// annotation after its first frame. One it cannot resume — made for
// another text, damaged, or with a journal that goes on another file —
// still ends corefix with one line naming the file and the problem and
// exit status 1, and every file stays as it was.
func TestReviewRefusesWhatItCannotResume(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T, text, ann string)
		want  string
	}{
		{"other text", func(t *testing.T, text, _ string) { appendTo(t, text, "One more sentence.\n") },
			"news.corefix.json was made for a different text than news.txt"},
		{"damaged", func(t *testing.T, _, ann string) {
			data, err := os.ReadFile(ann)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ann, data[:len(data)/2], 0o644); err != nil {
				t.Fatal(err)
			}
		}, "news.corefix.json: truncated JSON"},
		{"journal", func(t *testing.T, _, ann string) {
			appendTo(t, model.JournalPath(ann), `{"schema":"`+model.JournalSchema+`","generation":0,"base":"`+strings.Repeat("0", 64)+`"}`+"\n")
		}, "news.corefix.json.journal: goes on generation 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			text := article(t, dir)
			tc.spoil(t, text, saveReview(t, text))
			before := dirFiles(t, dir)
			tm := startTerminal(t, dir, 80, 24, "review", "news.txt")
			status, ok := tm.wait(20 * time.Second)
			if !ok {
				t.Fatalf("corefix still running; the screen:\n%s", tm.screen())
			}
			refused(t, tm, status, tc.want)
			unchanged(t, dir, before)
		})
	}
}

// TestReviewRefusesAPairDetectRefuses: exact mode refuses a text and an
// "original" that is another article, and the editor, which aligns them
// after its first frame, ends with detect's one line and exit status 1
// before anything can be decided; nothing is written, and an annotation
// saved earlier (here a text-only review of the same text, made without
// that original) stays as it was. q is typed only when the editor is
// still open after a while: it used to wait there, the error in its
// footer, and q then saved an annotation without spans.
func TestReviewRefusesAPairDetectRefuses(t *testing.T) {
	want := "other.orig.txt does not look like the original of news.txt: only "
	for _, saved := range []bool{false, true} {
		t.Run(fmt.Sprintf("saved=%v", saved), func(t *testing.T) {
			dir := t.TempDir()
			text := article(t, dir)
			other, err := os.ReadFile("../../testdata/gum/drift/GUM_news_afghan.orig.txt")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "other.orig.txt"), other, 0o644); err != nil {
				t.Fatal(err)
			}
			if saved {
				saveReview(t, text)
			}
			before := dirFiles(t, dir)
			tm := startTerminal(t, dir, 80, 24, "review", "--original", "other.orig.txt", "news.txt")
			status, ok := tm.wait(5 * time.Second)
			if !ok {
				tm.typeKeys("q")
				if status, ok = tm.wait(20 * time.Second); !ok {
					t.Fatalf("corefix still running after q; the screen:\n%s", tm.screen())
				}
			}
			refused(t, tm, status, want)
			unchanged(t, dir, before)
		})
	}
}

// saveReview saves a text-only review of the article at text, its
// detector's findings all pending, beside it, and returns its path.
func saveReview(t *testing.T, text string) string {
	t.Helper()
	doc, err := model.ReadDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	fs, _ := findings(doc, nil)
	a, err := model.NewAnnotation(doc, fs, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	ann := model.AnnotationPath(text)
	if err := model.SaveAnnotation(ann, a); err != nil {
		t.Fatal(err)
	}
	return ann
}

// refused checks that corefix ended with exit status 1 and one line on
// stderr starting with want.
func refused(t *testing.T, tm *terminal, status int, want string) {
	t.Helper()
	errOut := tm.stderr.String()
	if status != exitFailure || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "corefix: "+want) {
		t.Errorf("exit %d, stderr %q; want 1 and one line starting %q", status, errOut, "corefix: "+want)
	}
}

// unchanged checks that dir holds the files of before, byte for byte,
// and no other (but the lock file, which the editor makes and removes).
func unchanged(t *testing.T, dir string, before map[string][]byte) {
	t.Helper()
	after := dirFiles(t, dir)
	delete(after, ".news.corefix.json.lock")
	if len(after) != len(before) {
		t.Errorf("files %v after, %v before", slices.Sorted(maps.Keys(after)), slices.Sorted(maps.Keys(before)))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
	}
}

// appendTo appends s to the file at path, making it when missing.
func appendTo(t *testing.T, path, s string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = f.WriteString(s)
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		t.Fatal(err)
	}
}

// dirFiles is every file of dir by name, with its bytes.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}
