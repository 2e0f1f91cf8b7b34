package model

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// LineIndex maps byte offsets to 1-based line and column (in code
// points), the way go/token derives positions from offsets.
type LineIndex struct {
	text   string
	starts []int // byte offset of each line start
}

// NewLineIndex indexes the line starts of doc.
func NewLineIndex(doc *Document) *LineIndex {
	starts := []int{0}
	for i := 0; ; {
		j := strings.IndexByte(doc.Text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &LineIndex{text: doc.Text, starts: starts}
}

// Position returns the line and column of byte offset off.
func (l *LineIndex) Position(off int) (line, col int) {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(l.text[l.starts[i]:off]) + 1
}
