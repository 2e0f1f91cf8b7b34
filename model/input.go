package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
	"unsafe"
)

// MaxDocumentSize bounds one article so a wrong file (a disk image, a log)
// fails fast instead of exhausting memory.
const MaxDocumentSize = 256 << 20

// ReadDocument reads a text file into a Document. It refuses directories,
// binary data (NUL bytes) and invalid UTF-8 with an error that names the
// file and, for encoding problems, the line.
func ReadDocument(path string) (*Document, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return documentFrom(data, path)
}

// ReadDocumentFrom reads a document from r (stdin, a pipe); path is what
// the document records ("-" for stdin) and errors name.
func ReadDocumentFrom(r io.Reader, path string) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayPath(path), err)
	}
	return documentFrom(data, path)
}

func documentFrom(data []byte, path string) (*Document, error) {
	if len(data) > MaxDocumentSize {
		return nil, fmt.Errorf("%s: larger than %d MB", displayPath(path), MaxDocumentSize>>20)
	}
	if err := CheckText(data); err != nil {
		return nil, fmt.Errorf("%s: %w", displayPath(path), err)
	}
	// data is this function's own buffer, never written again: the text
	// can be it rather than a copy, which costs as much as the read (a
	// fresh 20 MB, see adviseHugePages).
	return NewDocument(IDFromPath(path), path, unsafe.String(unsafe.SliceData(data), len(data))), nil
}

// CheckText reports whether data can be a document: UTF-8 text without NUL
// bytes.
func CheckText(data []byte) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("binary data (NUL byte at line %d), not a text file", 1+bytes.Count(data[:i], []byte("\n")))
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return fmt.Errorf("not valid UTF-8 (byte 0x%02x at line %d); convert it first, e.g. iconv -f latin1 -t utf-8", data[i], 1+bytes.Count(data[:i], []byte("\n")))
	}
	return nil
}

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError already names the file
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a text file", path)
	}
	// Read into a buffer of the file's size: io.ReadAll grows from 512
	// bytes, copying a 20 MB article some forty times.
	mem := make([]byte, 0, min(st.Size(), MaxDocumentSize)+bytes.MinRead)
	adviseHugePages(mem)
	buf := bytes.NewBuffer(mem)
	_, err = buf.ReadFrom(io.LimitReader(f, MaxDocumentSize+1))
	data := buf.Bytes()
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

func displayPath(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}
