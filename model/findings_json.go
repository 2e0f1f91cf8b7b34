package model

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// The findings are encoded by hand, not by encoding/json's reflection:
// on a JSON Lines dataset, encoding them cost detection a tenth of its
// time, most of it reflection and its buffers. The bytes are those
// encoding/json writes with HTML escaping off (TestAppendFindingIsJSON
// compares the two on random findings).

// appendFinding appends ff as compact JSON.
func appendFinding(b []byte, ff *fileFinding) ([]byte, error) {
	if math.IsNaN(ff.Confidence) || math.IsInf(ff.Confidence, 0) {
		return b, fmt.Errorf("finding %q: confidence %v is not a JSON number", ff.ID, ff.Confidence)
	}
	b = append(b, `{"id":`...)
	b = appendJSONString(b, ff.ID)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(ff.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(ff.End), 10)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, ff.Text)
	b = append(b, `,"category":`...)
	b = appendJSONString(b, string(ff.Category))
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, ff.Rule)
	b = append(b, `,"confidence":`...)
	b = appendJSONFloat(b, ff.Confidence)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, ff.Message)
	b = append(b, `,"proposals":`...)
	if ff.Proposals == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, p := range ff.Proposals {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"text":`...)
			b = appendJSONString(b, p.Text)
			if p.Note != "" {
				b = append(b, `,"note":`...)
				b = appendJSONString(b, p.Note)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if ff.Original != nil {
		b = append(b, `,"original":`...)
		b = appendJSONString(b, *ff.Original)
	}
	return append(b, '}'), nil
}

// appendFindingsHead appends the findings file's head, its schema and
// document, as a compact JSON object.
func appendFindingsHead(b []byte, d fileDocument) []byte {
	b = append(b, `{"schema":`...)
	b = appendJSONString(b, FindingsSchema)
	b = append(b, `,"document":{"id":`...)
	b = appendJSONString(b, d.ID)
	b = append(b, `,"path":`...)
	b = appendJSONString(b, d.Path)
	b = append(b, `,"sha256":`...)
	b = appendJSONString(b, d.SHA256)
	b = append(b, `,"length":`...)
	b = strconv.AppendInt(b, int64(d.Length), 10)
	if d.Text != nil {
		b = append(b, `,"text":`...)
		b = appendJSONString(b, *d.Text)
	}
	return append(b, '}', '}')
}

// jsonPlain marks the ASCII bytes a JSON string holds as they are:
// printable, not a quotation mark or backslash.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json
// writes one with HTML escaping off: short escapes for the quotation
// mark, backslash and \b \f \n \r \t, \u00XX for other control bytes,
// \ufffd for each byte of invalid UTF-8, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	return append(appendJSONText(b, s), '"')
}

// appendJSONText appends s as it stands inside a JSON string,
// appendJSONString's quotation marks left out.
func appendJSONText(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(b, s[start:]...)
}

// appendJSONFloat appends f (finite) as encoding/json writes a float64:
// the shortest decimal that reads back as f, in exponent form below 1e-6
// and from 1e21, the exponent without a leading zero.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
