package model

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind tells words, numbers and punctuation apart.
type TokenKind uint8

// MaxText is the longest text Tokenize takes, in bytes: Token's offsets
// are 32 bits. Detecting a text takes about fifteen times its size in
// memory, so no text that fits a machine comes near it.
const MaxText = math.MaxInt32

// Token kinds.
const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens or dots (U.S., don't)
	Number                  // digits, with inner separators (2,017 or 3.5)
	Punct                   // any other non-space character, one per token
)

// Token is a slice of the document text: [Start, End) in bytes. The
// offsets are 32 bits: the detectors hold a token for every four or five
// bytes of a text, and at 12 bytes a token instead of 24 a 20 MB
// article's tokens take 48 MB less. A text is under 2 GB (MaxText).
type Token struct {
	Start, End int32
	Kind       TokenKind
}

// Text returns the token's text in doc.
func (t Token) Text(doc string) string { return doc[t.Start:t.End] }

// Tokens returns the document's tokens, computed once.
func (d *Document) Tokens() []Token {
	d.tokOnce.Do(func() { d.tokens = Tokenize(d.Text) })
	return d.tokens
}

// Tokenize splits text into words, numbers and punctuation marks.
//
// Clitics are split off the way news corpora tokenise them: "Trump’s" gives
// "Trump" + "’s" and "didn’t" gives "did" + "n’t", so text that was already
// tokenised with spaces around them (as the seed is) and text that was not
// give the same tokens. Offsets are bytes; invalid UTF-8 bytes become
// one-byte punctuation tokens, so tokenising never fails on a text of
// up to MaxText bytes (it panics on a longer one, whose offsets a Token
// cannot hold).
func Tokenize(text string) []Token {
	if len(text) > MaxText {
		panic(fmt.Sprintf("model.Tokenize: a text of %d bytes, over MaxText", len(text)))
	}
	n := len(text)/5 + 1
	if len(text) >= countedTokens {
		n = countTokens(text)
	}
	toks, _ := tokenize(make([]Token, 0, n), text, 0, math.MaxInt)
	return toks
}

// countedTokens is the shortest text whose tokens Tokenize counts
// before it makes their slice. Below, room for a token every five bytes
// is a guess that rarely grows; a long text's slice is held through its
// whole analysis, and the guess left 4.6 MB unused at 20 MB (a token
// every 5.5 bytes), in both of the editor's peaks: its detection's last
// region and its mentions' analysis. Counting first reads the text twice
// (85 ms more at 20 MB); a copy of the right size would hold both slices
// at once, where the mentions' analysis peaks.
const countedTokens = 1 << 20

// countTokens returns the number of tokens in text, tokenising it in
// blocks into one buffer.
func countTokens(text string) int {
	buf := make([]Token, 0, 1<<12)
	n := 0
	for i := 0; i < len(text); {
		buf, i = tokenize(buf[:0], text, i, cap(buf))
		n += len(buf)
	}
	return n
}

// tokenize appends to toks the tokens of text from byte i, which starts
// a token or the spaces before one, until the end or until toks holds
// stop tokens or more; it returns them and where it stopped.
func tokenize(toks []Token, text string, i, stop int) ([]Token, int) {
	for i < len(text) && len(toks) < stop {
		// ASCII spaces and words, nearly all of an English text, are
		// told apart by one table lookup.
		switch asciiClass[text[i]] {
		case asciiSpace:
			i++
			continue
		case asciiDigit, asciiLetter:
			// Most words are ASCII letters and digits up to a space
			// or a mark that joins nothing: taken here, in one loop.
			j, seen := i, uint8(0)
			for j < len(text) && asciiClass[text[j]]&(asciiDigit|asciiLetter) != 0 {
				seen |= asciiClass[text[j]]
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf && !joins(rune(text[j])) {
				kind := Number
				if seen&asciiLetter != 0 {
					kind = Word
				}
				toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: kind})
				i = j
				continue
			}
			end, kind, plain := scanWord(text, i)
			if plain {
				toks = append(toks, Token{Start: int32(i), End: int32(end), Kind: kind})
			} else {
				toks = appendWord(toks, text, i, end, kind)
			}
			i = end
			continue
		}
		r, size := decode(text, i)
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			end, kind, _ := scanWord(text, i)
			toks = appendWord(toks, text, i, end, kind)
			i = end
		case isApostrophe(r) && i+size < len(text) && clitic(text[i+size:]) > 0:
			// A clitic standing alone after a space: "Trump ’s".
			end := i + size + clitic(text[i+size:])
			toks = append(toks, Token{Start: int32(i), End: int32(end), Kind: Word})
			i = end
		default:
			toks = append(toks, Token{Start: int32(i), End: int32(i + size), Kind: Punct})
			i += size
		}
	}
	return toks, i
}

// scanWord reads a word or number starting at i. Inner joiners (apostrophe,
// hyphen, dot, comma between digits) are kept when a word rune follows.
// plain reports that the word is ASCII letters and digits only, so it has
// no clitic to split off.
func scanWord(text string, i int) (end int, kind TokenKind, plain bool) {
	var seen uint8 // the ASCII classes read
	plain = true
	j := i
	for j < len(text) {
		// Plain ASCII letters and digits, most of any word, in one
		// tight loop.
		for j < len(text) {
			c := asciiClass[text[j]]
			if c&(asciiDigit|asciiLetter) == 0 {
				break
			}
			seen |= c
			j++
		}
		if j == len(text) {
			break
		}
		r, size := decode(text, j)
		if isWordRune(r) {
			if !unicode.IsDigit(r) {
				seen |= asciiLetter
			}
			j += size
			plain = false
			continue
		}
		if j+size < len(text) && joins(r) {
			next, _ := decode(text, j+size)
			if isWordRune(next) && (r != ',' || unicode.IsDigit(next)) {
				j += size
				plain = false
				continue
			}
			// "U.S." keeps its final dot when dots already join its letters.
			if r == '.' && isAbbrev(text[i:j]) {
				j += size
				plain = false
				continue
			}
		}
		if r == '.' && j+size == len(text) && isAbbrev(text[i:j]) {
			j += size
			plain = false
		}
		break
	}
	kind = Number
	if seen&asciiLetter != 0 {
		kind = Word
	}
	return j, kind, plain
}

// appendWord appends the word [start,end), splitting off a trailing clitic
// (’s, n’t, ’re, ’ve, ’ll, ’d, ’m) so "Trump’s" tokenises like "Trump ’s".
func appendWord(toks []Token, text string, start, end int, kind TokenKind) []Token {
	// Most words have no apostrophe: look for its first byte (' or the
	// lead byte of ’) before decoding anything.
	if strings.IndexByte(text[start+1:end], '\'') < 0 && strings.IndexByte(text[start+1:end], apostropheLead) < 0 {
		return append(toks, Token{Start: int32(start), End: int32(end), Kind: kind})
	}
	for k := start + 1; k < end; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if isApostrophe(r) {
			if n := clitic(text[k+size : end]); n > 0 && k+size+n == end {
				cut := k
				if n == 1 && (text[k+size] == 't' || text[k+size] == 'T') && k-1 >= start && (text[k-1] == 'n' || text[k-1] == 'N') {
					cut = k - 1 // "did|n’t"
				}
				if cut > start {
					toks = append(toks, Token{Start: int32(start), End: int32(cut), Kind: kind})
					return append(toks, Token{Start: int32(cut), End: int32(end), Kind: Word})
				}
			}
		}
		k += size
	}
	return append(toks, Token{Start: int32(start), End: int32(end), Kind: kind})
}

// clitic returns the byte length of a clitic suffix (after the apostrophe)
// at the start of s when the suffix ends there, or 0.
func clitic(s string) int {
	for _, c := range []string{"s", "S", "t", "T", "re", "ve", "ll", "d", "m", "RE", "VE", "LL", "D", "M"} {
		if len(s) >= len(c) && s[:len(c)] == c {
			if len(s) == len(c) {
				return len(c)
			}
			r, _ := utf8.DecodeRuneInString(s[len(c):])
			if !isWordRune(r) {
				return len(c)
			}
		}
	}
	return 0
}

// isAbbrev reports whether w looks like a dotted abbreviation ("U.S", "D.C").
func isAbbrev(w string) bool {
	dots, letters := 0, 0
	for _, r := range w {
		switch {
		case r == '.':
			dots++
		case unicode.IsLetter(r):
			letters++
		default:
			return false
		}
	}
	return dots > 0 && letters <= dots+1
}

// decode returns the rune at byte i and its size, reading ASCII (nearly
// all of an English text) without a call into utf8.
func decode(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// apostropheLead is the first byte of ’ (U+2019) in UTF-8.
const apostropheLead = 0xE2

// ASCII byte classes (asciiClass): bit flags, so a word's letters and
// digits can be gathered with one or.
const (
	asciiSpace  = 1 << iota // the ASCII runes unicode.IsSpace accepts
	asciiDigit              // 0-9
	asciiLetter             // a-z, A-Z
)

// asciiClass classifies each byte; bytes from 0x80 up (parts of longer
// runes) and other ASCII are 0. Looked up instead of asking unicode's
// tables.
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = asciiLetter
		case '0' <= c && c <= '9':
			t[c] = asciiDigit
		case unicode.IsSpace(rune(c)):
			t[c] = asciiSpace
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(asciiDigit|asciiLetter) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func joins(r rune) bool {
	return isApostrophe(r) || r == '-' || r == '.' || r == ',' || r == '&'
}
