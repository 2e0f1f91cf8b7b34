package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"corefix/model"
)

// minChunk is the smallest part of a dataset worth a goroutine of its own.
const minChunk int64 = 1 << 20

// indexRow is one record's entry in the index.
type indexRow struct {
	id     string
	offset int64
	length int
	line   int
	sha256 string // of the record's text
}

// chunk is a run of whole lines of the dataset: [start,end) in bytes,
// with lineBase lines before it.
type chunk struct {
	start, end int64
	lineBase   int
}

// scanDataset reads the dataset at path into index rows, in file order,
// and returns the SHA-256 of the bytes read. Decoding JSON is most of the
// cost of a first open, so the file is cut at line boundaries into up to
// workers chunks decoded in parallel, each with the ordinary
// DatasetReader; one sequential pass before that hashes the file and finds
// the cuts. Errors name the file and the line.
func scanDataset(path string, workers int) ([]indexRow, string, error) {
	return scanChunks(path, workers, minChunk)
}

// scanChunks is scanDataset with chunks of at least least bytes (tests
// cut small files into several).
func scanChunks(path string, workers int, least int64) ([]indexRow, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	n := max(1, min(workers, int(st.Size()/least)))
	chunks, sum, err := planChunks(f, st.Size(), n)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	rows := make([][]indexRow, len(chunks))
	errs := make([]error, len(chunks))
	var wg sync.WaitGroup
	for i, c := range chunks {
		wg.Go(func() { rows[i], errs[i] = scanChunk(f, c) })
	}
	wg.Wait()
	var all []indexRow
	first := make(map[string]int) // id → line; the readers only see their own chunk
	for i := range chunks {
		if errs[i] != nil {
			return nil, "", fmt.Errorf("%s:%w", path, errs[i]) // the earliest bad line
		}
		for _, r := range rows[i] {
			if prev, dup := first[r.id]; dup {
				return nil, "", fmt.Errorf("%s:%w", path, &model.RecordError{Line: r.line,
					Err: fmt.Errorf("duplicate id %q (first on line %d)", r.id, prev)})
			}
			first[r.id] = r.line
		}
		all = append(all, rows[i]...)
	}
	return all, sum, nil
}

// planChunks cuts the file into up to n chunks of about equal size, each
// starting at a line, then hashes the whole file in one pass, counting
// the lines before each cut on the way.
func planChunks(f *os.File, size int64, n int) ([]chunk, string, error) {
	cuts := []int64{0}
	for i := 1; i < n; i++ {
		c, err := lineStartFrom(f, int64(i)*size/int64(n))
		if err != nil {
			return nil, "", err
		}
		if c > cuts[len(cuts)-1] && c < size {
			cuts = append(cuts, c)
		}
	}
	chunks := make([]chunk, len(cuts))
	h := sha256.New()
	buf := make([]byte, 1<<20)
	var pos int64
	lines, next := 0, 0 // next: the first cut not yet reached
	for {
		k, err := f.ReadAt(buf, pos)
		block := buf[:k]
		h.Write(block)
		for ; next < len(cuts) && cuts[next] <= pos+int64(k); next++ {
			chunks[next] = chunk{start: cuts[next], lineBase: lines + bytes.Count(block[:cuts[next]-pos], []byte("\n"))}
		}
		lines += bytes.Count(block, []byte("\n"))
		pos += int64(k)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", err
		}
	}
	for i := range chunks {
		chunks[i].end = pos // the file may have grown since Stat: read it all
		if i+1 < len(chunks) {
			chunks[i].end = chunks[i+1].start
		}
	}
	return chunks, hex.EncodeToString(h.Sum(nil)), nil
}

// lineStartFrom is the offset just after the first newline at or after
// off, or the end of the file.
func lineStartFrom(f *os.File, off int64) (int64, error) {
	buf := make([]byte, 64<<10)
	for {
		k, err := f.ReadAt(buf, off)
		if i := bytes.IndexByte(buf[:k], '\n'); i >= 0 {
			return off + int64(i) + 1, nil
		}
		off += int64(k)
		if errors.Is(err, io.EOF) {
			return off, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// scanChunk decodes the records of one chunk.
func scanChunk(f *os.File, c chunk) ([]indexRow, error) {
	r := model.NewDatasetReaderAt(io.NewSectionReader(f, c.start, c.end-c.start), c.start)
	var rows []indexRow
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		var re *model.RecordError
		if errors.As(err, &re) {
			return nil, &model.RecordError{Line: c.lineBase + re.Line, Err: re.Err}
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, indexRow{id: rec.ID, offset: rec.Offset, length: len(rec.Raw),
			line: c.lineBase + rec.Line, sha256: model.HashText(rec.Text)})
	}
}
