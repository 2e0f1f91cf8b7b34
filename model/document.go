package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Document is one article: its text exactly as read, where it came from, and
// derived data (hash, tokens, offset tables) computed once.
type Document struct {
	// ID names the document in output files, e.g. "cnn-sessions".
	ID string
	// Path is where the text was read from ("-" for stdin, "" if embedded).
	Path string
	// Text is the document text, byte for byte as read.
	Text string

	once   sync.Once
	sum    string
	wide   []wideRune // multi-byte runes in text order, for offset conversion
	nRunes int

	tokOnce sync.Once
	tokens  []Token
}

// wideRune records a rune that takes more than one byte in UTF-8: its code
// point index and the number of extra bytes before it (excluding itself).
type wideRune struct {
	cp      int // code point index of this rune
	extraLo int // extra bytes (len-1 of each wide rune) before this rune
	size    int // UTF-8 length of this rune
}

// NewDocument returns a document for text. It does not validate the text;
// use ValidateText for user input.
func NewDocument(id, path, text string) *Document {
	return &Document{ID: id, Path: path, Text: text}
}

// IDFromPath derives a document id from a file name: the base name without
// its extensions ("data/x.orig.txt" gives "x.orig", "a.txt" gives "a").
func IDFromPath(path string) string {
	base := filepath.Base(path)
	if ext := filepath.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." || base == "/" || base == "-" {
		return "stdin"
	}
	return base
}

// SHA256 is the hex SHA-256 of the UTF-8 text, as in docs/formats.md.
func (d *Document) SHA256() string {
	d.index()
	return d.sum
}

// RuneCount is the document length in code points (the "length" field).
func (d *Document) RuneCount() int {
	d.index()
	return d.nRunes
}

// HashText returns the hex SHA-256 of s.
func HashText(s string) string {
	// The text goes through a small buffer: sha256.Sum256([]byte(s))
	// copied it whole, which for a long article (`detect` writes the
	// hash with its first findings) was 20 MB more at the peak of its
	// detection.
	h := sha256.New()
	var buf [hashChunk]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

// hashChunk is how many bytes of a text HashText copies at a time.
const hashChunk = 16 << 10

func (d *Document) index() {
	d.once.Do(func() {
		d.sum = HashText(d.Text)
		extra := 0
		cp := 0
		for i := 0; i < len(d.Text); {
			// Eight ASCII bytes at a time, nearly all of an English text.
			if i+8 <= len(d.Text) && asciiEight(d.Text[i:]) {
				i += 8
				cp += 8
				continue
			}
			c := d.Text[i]
			if c < utf8.RuneSelf {
				i++
				cp++
				continue
			}
			_, size := utf8.DecodeRuneInString(d.Text[i:])
			if size > 1 {
				d.wide = append(d.wide, wideRune{cp: cp, extraLo: extra, size: size})
				extra += size - 1
			}
			i += size
			cp++
		}
		d.nRunes = cp
	})
}

// asciiEight reports whether the first eight bytes of s are ASCII (the
// compiler reads them as one word).
func asciiEight(s string) bool {
	_ = s[7]
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0
}

// RuneOffset converts a byte offset to a code point offset. A byte offset
// inside a multi-byte rune counts as that rune's start.
func (d *Document) RuneOffset(b int) int {
	d.index()
	if b <= 0 {
		return 0
	}
	if b >= len(d.Text) {
		return d.nRunes
	}
	// Find the last wide rune starting before b.
	i := sort.Search(len(d.wide), func(i int) bool {
		w := d.wide[i]
		return w.cp+w.extraLo >= b
	}) - 1
	if i < 0 {
		return b
	}
	w := d.wide[i]
	start := w.cp + w.extraLo
	if b < start+w.size {
		return w.cp
	}
	return b - w.extraLo - (w.size - 1)
}

// ByteOffset converts a code point offset to a byte offset. It reports an
// error when cp is outside [0, RuneCount].
func (d *Document) ByteOffset(cp int) (int, error) {
	d.index()
	if cp < 0 || cp > d.nRunes {
		return 0, fmt.Errorf("offset %d outside the text (length %d)", cp, d.nRunes)
	}
	// Wide runes strictly before cp add their extra bytes.
	i := sort.Search(len(d.wide), func(i int) bool { return d.wide[i].cp >= cp })
	if i == 0 {
		return cp, nil
	}
	w := d.wide[i-1]
	return cp + w.extraLo + w.size - 1, nil
}
