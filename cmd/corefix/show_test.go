package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestShowPipedUsesMarkers(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"show", "../../testdata/cnn-sessions.txt"}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("show exit %d: %s", code, errOut.String())
	}
	got := out.String()
	if strings.Contains(got, "\x1b[") {
		t.Error("piped show output has escape sequences")
	}
	if !strings.Contains(got, "[[") || !strings.Contains(got, "]]{") {
		t.Errorf("piped show output has no [[…]]{category} markers: %.200q", got)
	}
	// Without the markers the text is the article, unchanged.
	plain := got
	for _, cut := range []string{"[[", "]]{overwrite}", "]]{possessive}", "]]{antecedent}", "]]{quote}", "]]{other}", "]]{substitution}"} {
		plain = strings.ReplaceAll(plain, cut, "")
	}
	if !strings.HasPrefix(plain, "  ( CNN ) President Donald Trump") || strings.Contains(plain, "[[") {
		t.Errorf("marker-free output differs from the article: %.200q", plain)
	}
}

func TestShowNeedsOneFile(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"show"}, strings.NewReader(""), &out, &errOut); code != exitUsage {
		t.Errorf("show without FILE: exit %d, want %d", code, exitUsage)
	}
}
