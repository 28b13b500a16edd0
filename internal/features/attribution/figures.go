package attribution

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// figureRE finds large or precise figures that someone must have counted:
// "over 2 million", "40%", "1,200 people", "35 per cent".
var figureRE = regexp.MustCompile(`(?i)\d[\d,.]*\s?(?:%|per ?cent\b|percent\b|million\b|billion\b|trillion\b|thousand\b|m\b|bn\b)|\b\d{1,3}(?:,\d{3})+\b`)

// superlativeRE finds superlatives that claim a measured extreme.
var superlativeRE = regexp.MustCompile(`(?i)\b(?:the (?:largest|biggest|highest|lowest|worst|deadliest|fastest|greatest|most \w+)|record[- ](?:high|low|number|levels?)|all-time (?:high|low))\b`)

// unsourcedFigureFindings reports figures and superlatives in paragraphs
// that name no source at all (no reporting clause, no quotation, no
// "according to").
func (a *articleAttribution) unsourcedFigureFindings(doc *document.Document, w *words, clauses []clause, quotes []quoteSpan) {
	sourced := map[int]bool{}
	for _, c := range clauses {
		sourced[doc.ParagraphAt(c.VerbStart)] = true
	}
	for _, q := range quotes {
		sourced[doc.ParagraphAt(q.Start)] = true
	}
	end := doc.MainEnd()
	var fold []byte // superlativeKeyword's scratch
	for _, s := range doc.Sentences() {
		if s.Start >= end {
			break
		}
		p := doc.ParagraphAt(s.Start)
		if sourced[p] {
			continue
		}
		text := doc.Text[s.Start:s.End]
		if strings.Contains(text, "|") {
			continue // table rows
		}
		var loc []int
		if strings.ContainsAny(text, "0123456789") {
			loc = figureRE.FindStringIndex(text)
		}
		if loc == nil && mayHaveSuperlative(text) && superlativeKeyword(text, &fold) {
			loc = superlativeRE.FindStringIndex(text)
		}
		if loc == nil {
			continue
		}
		a.unsourcedFigures++
		a.findings = append(a.findings, finding{ruleUnsourcedFigure, s.Start + loc[0], s.Start + loc[1],
			fmt.Sprintf("%q: no source for this figure in the paragraph", strings.TrimSpace(text[loc[0]:loc[1]]))})
	}
}

// mayHaveSuperlative is a cheap test before the superlative expression.
func mayHaveSuperlative(s string) bool {
	return strings.Contains(s, "the ") || strings.Contains(s, "The ") || strings.Contains(s, "ecord") || strings.Contains(s, "ll-time")
}

// superlativeKeywords are literals superlativeRE cannot match without: each
// alternative contains one.
var superlativeKeywords = [][]byte{[]byte("largest"), []byte("biggest"), []byte("highest"), []byte("lowest"),
	[]byte("worst"), []byte("deadliest"), []byte("fastest"), []byte("greatest"), []byte("most "), []byte("record"),
	[]byte("all-time")}

// superlativeKeyword is false only when superlativeRE cannot match s, so
// the expression (whose backtracking dominated this analyzer) runs only on
// the few sentences that might hold a superlative. Under (?i) the
// expression's letters also match their case-fold partners: ASCII capitals,
// the long s U+017F for "s" and the Kelvin sign U+212A for "k"; s is folded
// the same way (other runes to NUL) before the literal search. buf is
// reused scratch.
func superlativeKeyword(s string, buf *[]byte) bool {
	b := (*buf)[:0]
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r { // r is never ASCII here
		case 0x17F:
			b = append(b, 's')
		case 0x212A:
			b = append(b, 'k')
		default:
			b = append(b, 0)
		}
	}
	*buf = b
	return containsKeyword(b)
}

// containsKeyword reports whether b contains one of superlativeKeywords.
// All but two of them hold "st" ("most " and the "-st" words), so one
// search for "st" and a look at what precedes (or follows) each occurrence
// replaces nine searches of the sentence.
func containsKeyword(b []byte) bool {
	for i := 0; ; i++ {
		k := bytes.Index(b[i:], st)
		if k < 0 {
			break
		}
		i += k
		if i >= 2 && i+3 <= len(b) && string(b[i-2:i+3]) == "most " {
			return true
		}
		for _, kw := range stKeywords {
			if bytes.HasSuffix(b[:i+2], kw) {
				return true
			}
		}
	}
	return bytes.Contains(b, []byte("record")) || bytes.Contains(b, []byte("all-time"))
}

var (
	st = []byte("st")
	// stKeywords are the superlativeKeywords ending in "st".
	stKeywords = func() [][]byte {
		var out [][]byte
		for _, kw := range superlativeKeywords {
			if bytes.HasSuffix(kw, st) {
				out = append(out, kw)
			}
		}
		return out
	}()
)
