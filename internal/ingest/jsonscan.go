package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// A JSON Lines line is decoded by a one-pass scanner instead of
// encoding/json: encoding/json validates the whole line once per
// Unmarshal, and splitting known fields from pass-through ones took four
// passes over every article's text (about 30 MB/s). The scanner checks
// the same grammar (FuzzJSONL compares the two) and leaves the member
// values raw; only the fields copydesk reads are unquoted.

// jsonMember is one member of an object: its decoded key and raw value.
type jsonMember struct {
	key string
	raw []byte
	off int // raw's byte offset in the line
}

// maxJSONDepth bounds nesting like encoding/json does, so a line of ten
// million '[' cannot exhaust the stack.
const maxJSONDepth = 10000

var errNotObject = errors.New("not a JSON object")

// scanObject validates b as exactly one JSON object (with surrounding
// whitespace) and returns its members in order.
func scanObject(b []byte) ([]jsonMember, error) {
	s := jsonScanner{b: b}
	s.space()
	if s.i >= len(b) {
		return nil, errors.New("unexpected end of JSON input")
	}
	if b[s.i] != '{' {
		if err := s.value(0); err != nil {
			return nil, err
		}
		return nil, errNotObject
	}
	s.i++
	members := make([]jsonMember, 0, 12)
	s.space()
	if s.peek() == '}' {
		s.i++
	} else {
		for {
			s.space()
			if s.peek() != '"' {
				return nil, s.fail("object key")
			}
			start := s.i
			if err := s.str(); err != nil {
				return nil, err
			}
			key, err := unquoteJSON(b[start:s.i])
			if err != nil {
				return nil, err
			}
			s.space()
			if s.peek() != ':' {
				return nil, s.fail("':' after object key")
			}
			s.i++
			s.space()
			vstart := s.i
			if err := s.value(1); err != nil {
				return nil, err
			}
			members = append(members, jsonMember{key: key, raw: b[vstart:s.i], off: vstart})
			s.space()
			switch s.peek() {
			case ',':
				s.i++
				continue
			case '}':
				s.i++
			default:
				return nil, s.fail("',' or '}' after object value")
			}
			break
		}
	}
	s.space()
	if s.i < len(b) {
		return nil, s.fail("end of line after the object")
	}
	return members, nil
}

type jsonScanner struct {
	b []byte
	i int
}

func (s *jsonScanner) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) fail(want string) error {
	if s.i >= len(s.b) {
		return errors.New("unexpected end of JSON input")
	}
	return fmt.Errorf("invalid character %s looking for %s at column %d", strconv.QuoteRune(rune(s.b[s.i])), want, s.i+1)
}

// value skips one JSON value, checking its syntax.
func (s *jsonScanner) value(depth int) error {
	if depth > maxJSONDepth {
		return errors.New("exceeded max depth")
	}
	switch c := s.peek(); {
	case c == '"':
		return s.str()
	case c == '{':
		s.i++
		s.space()
		if s.peek() == '}' {
			s.i++
			return nil
		}
		for {
			s.space()
			if s.peek() != '"' {
				return s.fail("object key")
			}
			if err := s.str(); err != nil {
				return err
			}
			s.space()
			if s.peek() != ':' {
				return s.fail("':' after object key")
			}
			s.i++
			s.space()
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.space()
			switch s.peek() {
			case ',':
				s.i++
			case '}':
				s.i++
				return nil
			default:
				return s.fail("',' or '}' after object value")
			}
		}
	case c == '[':
		s.i++
		s.space()
		if s.peek() == ']' {
			s.i++
			return nil
		}
		for {
			s.space()
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.space()
			switch s.peek() {
			case ',':
				s.i++
			case ']':
				s.i++
				return nil
			default:
				return s.fail("',' or ']' after array element")
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return s.fail("beginning of value")
}

func (s *jsonScanner) literal(word string) error {
	for k := 0; k < len(word); k++ {
		if s.i >= len(s.b) || s.b[s.i] != word[k] {
			return s.fail("literal " + word)
		}
		s.i++
	}
	return nil
}

// number skips -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *jsonScanner) number() error {
	if s.peek() == '-' {
		s.i++
	}
	switch c := s.peek(); {
	case c == '0':
		s.i++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		return s.fail("digit in numeric literal")
	}
	if s.peek() == '.' {
		s.i++
		if !isDigit(s.peek()) {
			return s.fail("digit after decimal point")
		}
		s.digits()
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.i++
		if c := s.peek(); c == '+' || c == '-' {
			s.i++
		}
		if !isDigit(s.peek()) {
			return s.fail("digit in exponent")
		}
		s.digits()
	}
	return nil
}

func (s *jsonScanner) digits() {
	for s.i < len(s.b) && isDigit(s.b[s.i]) {
		s.i++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// str skips a string literal, checking escapes and rejecting raw control
// characters.
func (s *jsonScanner) str() error {
	s.i++ // opening quote
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return nil
		case c == '\\':
			s.i++
			switch s.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				s.i++
				for k := 0; k < 4; k++ {
					if !isHex(s.peek()) {
						return s.fail("hexadecimal digit in \\u escape")
					}
					s.i++
				}
			default:
				return s.fail("escape character in string")
			}
		case c < 0x20:
			return s.fail("end of string (control character in string)")
		default:
			s.i++
		}
	}
	return errors.New("unexpected end of JSON input")
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unquoteJSON decodes a string literal already checked by str. Like
// encoding/json, an unpaired surrogate or invalid UTF-8 becomes U+FFFD.
func unquoteJSON(raw []byte) (string, error) {
	return unquoteJSONAnchored(raw, nil)
}

// escapeAnchors records, while a JSON string is unquoted, where its text
// meets the input again after each escape, so positions in the text map to
// columns of the raw line (a "\n" escape is two columns, "\u00e9" six).
type escapeAnchors struct {
	line    int32
	col     int32 // the raw line's column of the next body byte
	anchors []document.Anchor
}

// unquoteJSONAnchored is unquoteJSON; with ea set it also appends an
// anchor after every escape (the first anchor, at 0, is the caller's).
func unquoteJSONAnchored(raw []byte, ea *escapeAnchors) (string, error) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", errors.New("not a JSON string")
	}
	body := raw[1 : len(raw)-1]
	if bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		return string(body), nil
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		k := bytes.IndexByte(body[i:], '\\')
		if k < 0 {
			b.Write(body[i:])
			break
		}
		b.Write(body[i : i+k])
		if ea != nil {
			ea.col += int32(utf8.RuneCount(body[i : i+k]))
		}
		i += k
		esc := i
		if i+1 >= len(body) {
			return "", errors.New("truncated escape")
		}
		switch e := body[i+1]; e {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'u':
			r, ok := hex4(body[i+2:])
			if !ok {
				return "", errors.New("bad \\u escape")
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := lowSurrogate(body[i:]); ok {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						b.WriteRune(dec)
						i += 6
						ea.after(b.Len(), i-esc)
						continue
					}
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
			ea.after(b.Len(), i-esc)
			continue
		default:
			return "", errors.New("bad escape")
		}
		i += 2
		ea.after(b.Len(), i-esc)
	}
	out := b.String()
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "\uFFFD") // as encoding/json does
	}
	return out, nil
}

// after records that the text from offset on continues the raw line after
// an escape of width columns (escapes are ASCII). Nil records nothing.
func (ea *escapeAnchors) after(offset, width int) {
	if ea == nil {
		return
	}
	ea.col += int32(width)
	ea.anchors = append(ea.anchors, document.Anchor{Offset: int32(offset), Line: ea.line, Column: ea.col})
}

func lowSurrogate(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	return hex4(b[2:])
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case isDigit(c):
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
