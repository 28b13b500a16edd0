package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printable makes untrusted text (article spans, titles, file names) safe to
// print on a terminal: control characters, which could carry escape
// sequences that recolour, retitle or rewrite the screen, and bidirectional
// overrides, which reorder what the reader sees, become U+FFFD. Tabs and
// line breaks are left to the callers that lay text out.
func printable(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func unsafeRune(r rune) bool {
	if r == '\t' || r == '\n' || r == '\r' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

// printableName makes an input-derived name (article id, file path) safe
// on one line of any log: every control character, line and paragraph
// separator included, becomes U+FFFD, so a newline in a JSONL id or a file
// name can never start a line of its own (where a CI runner would read
// "::add-mask::…" as a command).
func printableName(s string) string {
	if strings.IndexFunc(s, unsafeInName) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unsafeInName(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func unsafeInName(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// PrintableName is printableName for callers outside the package (error
// messages on stderr name files too).
func PrintableName(s string) string { return printableName(s) }

// escapeBidiJSON rewrites bidirectional-control and C1 control characters
// inside encoded JSON as \uXXXX escapes. The document decodes to the same
// strings, but a JSON report printed on a terminal can no longer reorder
// or drive what it shows (encoding/json already escapes the C0 controls,
// U+2028 and U+2029, and replaces invalid UTF-8 with U+FFFD).
func escapeBidiJSON(b []byte) []byte {
	if !hasBidi(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if isBidi(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}

func isBidi(r rune) bool { return isBidiControl(r) || r >= 0x80 && r < 0xa0 }

// isBidiControl is unicode.Is(unicode.Bidi_Control, r) without the table
// search, for the encoder's scan of every character it writes (the test
// compares the two over all of Unicode).
func isBidiControl(r rune) bool {
	switch {
	case r < 0x061c:
		return false
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	}
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// hasBidi is bytes.ContainsFunc(b, isBidi), stepping over ASCII a byte at a
// time: every character isBidi matches is outside it.
func hasBidi(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if isBidi(r) {
			return true
		}
		i += n
	}
	return false
}

// EscapeJSONControls is escapeBidiJSON for the HTML report's embedded JSON.
func EscapeJSONControls(b []byte) []byte { return escapeBidiJSON(b) }
