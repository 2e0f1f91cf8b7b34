package model

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// readAll reads every record of data, stopping at the first error.
func readAll(r *DatasetReader) ([]*Record, error) {
	var recs []*Record
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

// A byte-order mark (Notepad and Excel write one) is accepted at the start
// of a dataset, and named in the error anywhere else.
func TestDatasetReaderByteOrderMark(t *testing.T) {
	data := "\ufeff{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"
	recs, err := readAll(NewDatasetReader(strings.NewReader(data)))
	if err != nil || len(recs) != 2 {
		t.Fatalf("dataset starting with a BOM: %d records, %v; want 2", len(recs), err)
	}
	if recs[0].Offset != 3 || string(recs[0].Raw) != `{"id":"a","text":"x"}` {
		t.Errorf("first record: offset %d, raw %q; want 3 and the JSON without the mark", recs[0].Offset, recs[0].Raw)
	}
	if !bytes.HasPrefix([]byte(data[recs[1].Offset:]), recs[1].Raw) {
		t.Errorf("second record: offset %d does not point at its line", recs[1].Offset)
	}

	// The same bytes read as a part of a dataset that starts later: the
	// mark is inside the file there, so an error that names it.
	_, err = readAll(NewDatasetReaderAt(strings.NewReader(data), 100))
	var re *RecordError
	if !errors.As(err, &re) || re.Line != 1 || !strings.Contains(err.Error(), "byte-order mark") {
		t.Errorf("a BOM inside a dataset: error %v, want line 1 naming the byte-order mark", err)
	}
	_, err = readAll(NewDatasetReader(strings.NewReader("{\"id\":\"a\",\"text\":\"x\"}\n\ufeff{\"id\":\"b\",\"text\":\"y\"}\n")))
	if !errors.As(err, &re) || re.Line != 2 || !strings.Contains(err.Error(), "byte-order mark") {
		t.Errorf("a BOM on line 2: error %v, want line 2 naming the byte-order mark", err)
	}
}
