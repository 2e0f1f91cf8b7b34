package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestScanChunksAgree checks that cutting a dataset into chunks (blank
// lines, CRLF endings, a last line without newline) indexes exactly what
// one sequential reader does.
func TestScanChunksAgree(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		switch i % 7 {
		case 3:
			b.WriteString("\n") // blank lines are skipped but counted
		case 5:
			b.WriteString(`{"id":"r` + strings.Repeat("x", i) + `","text":"’ crlf"}` + "\r\n")
			continue
		}
		b.WriteString(`{"id":"r` + strings.Repeat("x", i) + `","text":"` + strings.Repeat("a’", i) + `"}` + "\n")
	}
	b.WriteString(`{"id":"last","text":"no newline"}`)
	path := filepath.Join(t.TempDir(), "d.jsonl")
	os.WriteFile(path, []byte(b.String()), 0o644)
	one, sum1, err := scanDataset(path, 1)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, r := range one {
		if got := string(data[r.offset : r.offset+int64(r.length)]); !strings.HasPrefix(got, `{"id":"`+r.id+`"`) {
			t.Fatalf("row %s: bytes at its offset are %q", r.id, got)
		}
	}
	for _, n := range []int{2, 3, 7, 50} {
		rows, sum, err := scanChunksForTest(path, n)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, one) || sum != sum1 {
			t.Errorf("%d chunks: %d rows (hash %s…), one reader: %d rows (hash %s…)", n, len(rows), sum[:8], len(one), sum1[:8])
		}
	}
}

// TestScanErrorsAcrossChunks checks line numbers of errors found in a
// later chunk and duplicates split between chunks.
func TestScanErrorsAcrossChunks(t *testing.T) {
	var b strings.Builder
	for i := range 100 {
		b.WriteString(`{"id":"r` + strings.Repeat("x", i) + `","text":"t"}` + "\n")
	}
	good := b.String()
	dir := t.TempDir()
	for _, tt := range []struct{ add, want string }{
		{`{"id":"r","text":"again"}`, `:101: duplicate id "r" (first on line 1)`},
		{`{"id":"bad"`, `:101: `},
	} {
		path := filepath.Join(dir, "d.jsonl")
		os.WriteFile(path, []byte(good+tt.add+"\n"), 0o644)
		for _, n := range []int{1, 4} {
			_, _, err := scanChunksForTest(path, n)
			if err == nil || !strings.Contains(err.Error(), path+tt.want) {
				t.Errorf("%d chunks, last line %s: error %v, want %q", n, tt.add, err, path+tt.want)
			}
		}
	}
}

// scanChunksForTest forces n chunks on a small file by lowering the
// minimum chunk size.
func scanChunksForTest(path string, n int) ([]indexRow, string, error) {
	return scanChunks(path, n, 1)
}
