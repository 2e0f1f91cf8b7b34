package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes bounds the part of an output file name taken from an id,
// leaving room for a hash, a collision suffix and an extension within the
// 255-byte limit of common filesystems.
const maxNameBytes = 120

// SafeNames turns document ids into file names that cannot escape the
// output directory. Ids come from datasets nobody checked, so an id is
// never used as a path: every rune other than a letter, a digit, '-', '_'
// or an inner '.' becomes '_', and a name that had to change gets a short
// hash of the real id so that "a/b" and "a_b" stay apart. Names are also
// kept distinct ignoring case, for case-insensitive filesystems.
type SafeNames struct {
	used map[string]bool // names handed out, case-folded
}

// NewSafeNames starts an empty set of names.
func NewSafeNames() *SafeNames { return &SafeNames{used: make(map[string]bool)} }

// Name returns the file name base for id (no extension), distinct from
// every name returned before. The same ids in the same order give the same
// names.
func (n *SafeNames) Name(id string) string {
	name := sanitize(id)
	if name != id {
		sum := sha256.Sum256([]byte(id))
		name += "-" + hex.EncodeToString(sum[:4])
	}
	base := name
	for k := 2; n.used[strings.ToLower(name)]; k++ {
		name = fmt.Sprintf("%s~%d", base, k)
	}
	n.used[strings.ToLower(name)] = true
	return name
}

// sanitize keeps letters, digits, '-', '_' and dots that are neither first
// nor last; replaces the rest with '_'; shortens long ids at a rune
// boundary; and defuses names Windows reserves (CON, NUL, COM1…).
func sanitize(id string) string {
	var b strings.Builder
	for i, r := range id {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_':
			b.WriteRune(r)
		case r == '.' && i > 0 && i < len(id)-1:
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= maxNameBytes {
			break
		}
	}
	s := b.String()
	for len(s) > maxNameBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	if s == "" {
		return "_"
	}
	if reservedName(s) {
		return "_" + s
	}
	return s
}

// reservedName reports Windows device names, which are special in any
// directory and with any extension.
func reservedName(s string) bool {
	stem, _, _ := strings.Cut(strings.ToUpper(s), ".")
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) &&
		stem[3] >= '0' && stem[3] <= '9'
}
