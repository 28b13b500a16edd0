package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span excerpts are cut to fit one terminal line: the head says where the
// span starts, the tail where it ends, and an ellipsis replaces the middle.
const (
	excerptMax  = 80 // longest excerpt shown whole, in code points
	excerptHead = 52
	excerptTail = 22
)

// excerpt renders a span for a one-line message: runs of whitespace
// (including line breaks) collapse to one space, and spans longer than
// excerptMax keep their head and tail around an ellipsis, cut at word
// boundaries where one is near. Control characters are made printable.
func excerpt(span string) string {
	s := printable(strings.Join(strings.Fields(span), " "))
	if utf8.RuneCountInString(s) <= excerptMax {
		return s
	}
	r := []rune(s)
	head := string(r[:excerptHead])
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i > excerptHead/2 {
		head = head[:i]
	}
	tail := string(r[len(r)-excerptTail:])
	if i := strings.IndexFunc(tail, unicode.IsSpace); i >= 0 && i < len(tail)/2 {
		tail = tail[i+1:]
	}
	return strings.TrimSpace(head) + " … " + strings.TrimSpace(tail)
}

// quoteSpan is a span's excerpt in typographic quotes, which stay
// unambiguous when the span itself contains straight quotes (most quotes do).
func quoteSpan(span string) string { return "“" + excerpt(span) + "”" }

// plural returns "1 article" or "3 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return itoa(n) + " " + noun + "s"
}
