package model

import (
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Most dataset lines are an object of string fields "id" and "text" (and
// maybe "original"), nothing else: for such a line reading the fields
// directly costs a fraction of encoding/json's reflection and the copies
// it makes (its decoding was a tenth of detection's time on a JSON Lines
// dataset). Any other line, valid or not, is left to encoding/json, whose
// reading and error messages stay the reference: the plain reading
// accepts only what encoding/json reads the same way
// (TestPlainRecordIsJSON compares the two).

// plainRecord is what parsePlain reads from a line.
type plainRecord struct {
	id, text, original *string
}

// parsePlain reads raw (valid UTF-8) when it is an object whose members
// are "id", "text" and "original", each at most once, spelt exactly so
// and unescaped, with string values; ok is false for any other line.
func parsePlain(raw []byte) (rec plainRecord, ok bool) {
	i := skipJSONSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return rec, false
	}
	i = skipJSONSpace(raw, i+1)
	for first := true; ; first = false {
		if i >= len(raw) {
			return rec, false
		}
		if raw[i] == '}' && first {
			i++
			break
		}
		// A member: its name, a colon, a string.
		end := plainKeyEnd(raw, i)
		if end < 0 {
			return rec, false
		}
		var field **string
		switch string(raw[i+1 : end-1]) {
		case "id":
			field = &rec.id
		case "text":
			field = &rec.text
		case "original":
			field = &rec.original
		default:
			return rec, false
		}
		if *field != nil {
			return rec, false // a repeated name: encoding/json keeps the last
		}
		i = skipJSONSpace(raw, end)
		if i >= len(raw) || raw[i] != ':' {
			return rec, false
		}
		i = skipJSONSpace(raw, i+1)
		s, next, ok := plainString(raw, i)
		if !ok {
			return rec, false
		}
		*field = &s
		i = skipJSONSpace(raw, next)
		if i < len(raw) && raw[i] == ',' {
			i = skipJSONSpace(raw, i+1)
			continue
		}
		if i < len(raw) && raw[i] == '}' {
			i++
			break
		}
		return rec, false
	}
	return rec, skipJSONSpace(raw, i) == len(raw)
}

// skipJSONSpace returns the index of the first byte from i on that is not
// JSON white space.
func skipJSONSpace(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	return i
}

// plainKeyEnd returns the index after the string starting at raw[i] when
// it holds only printable ASCII without escapes, else -1.
func plainKeyEnd(raw []byte, i int) int {
	if i >= len(raw) || raw[i] != '"' {
		return -1
	}
	for j := i + 1; j < len(raw); j++ {
		switch c := raw[j]; {
		case c == '"':
			return j + 1
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			return -1
		}
	}
	return -1
}

// plainString decodes the JSON string starting at raw[i] (raw is valid
// UTF-8) as encoding/json does, returning the index after it; ok is false
// where the string is not valid JSON.
func plainString(raw []byte, i int) (s string, next int, ok bool) {
	if i >= len(raw) || raw[i] != '"' {
		return "", 0, false
	}
	start := i + 1
	j := start
	for j < len(raw) && raw[j] != '"' && raw[j] != '\\' && raw[j] >= ' ' {
		j++
	}
	if j < len(raw) && raw[j] == '"' {
		return string(raw[start:j]), j + 1, true // no escapes: most strings
	}
	b := make([]byte, j-start, len(raw)-start)
	copy(b, raw[start:j])
	for j < len(raw) {
		c := raw[j]
		switch {
		case c == '"':
			return string(b), j + 1, true
		case c < ' ':
			return "", 0, false
		case c != '\\':
			b = append(b, c)
			j++
			continue
		}
		if j+1 >= len(raw) {
			return "", 0, false
		}
		switch e := raw[j+1]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(raw, j+2)
			if r < 0 {
				return "", 0, false
			}
			j += 6
			if utf16.IsSurrogate(r) {
				// A pair decodes to one rune; a lone half is U+FFFD
				// (and what follows it is read on its own).
				if r2 := hex4(raw, j+2); j+1 < len(raw) && raw[j] == '\\' && raw[j+1] == 'u' && r2 >= 0 {
					if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
						b = utf8.AppendRune(b, dec)
						j += 6
						continue
					}
				}
				r = unicode.ReplacementChar
			}
			b = utf8.AppendRune(b, r)
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}

// hex4 returns the value of the four hex digits at raw[i:], or -1.
func hex4(raw []byte, i int) rune {
	if i < 0 || i+4 > len(raw) {
		return -1
	}
	var r rune
	for _, c := range raw[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
