package report

import (
	"strings"
	"unicode"
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
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}
