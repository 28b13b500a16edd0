package coverage

import (
	"strings"
	"unicode"
)

// gap marks where a quotation leaves words out: an ellipsis or an
// editor's bracket ("[the president]", "[...]"). Words on either side
// must appear in order in the reference, with anything between them.
const gap = "\x00"

// quoteWords normalises a quotation for comparison: curly and straight
// quotation marks and apostrophes made one, dashes and other punctuation
// dropped, case folded, and every ellipsis or bracketed insertion turned
// into a gap marker.
func quoteWords(s string) []string {
	var b strings.Builder
	depth := 0
	for i, r := range s {
		switch {
		case r == '[':
			if depth == 0 {
				b.WriteString(" " + gap + " ")
			}
			depth++
			continue
		case r == ']':
			if depth > 0 {
				depth--
			}
			continue
		case depth > 0:
			continue
		case r == '…':
			b.WriteString(" " + gap + " ")
			continue
		case r == '.' && strings.HasPrefix(s[i:], ".."):
			b.WriteString(" " + gap + " ")
			continue
		case r == '.' && i > 0 && s[i-1] == '.':
			continue
		case r == '’' || r == '‘' || r == '\'' || r == 'ʼ':
			// An apostrophe inside a word stays part of it ("what's").
			b.WriteByte('\'')
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteByte(' ')
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		w = strings.Trim(w, "'")
		if w == "" {
			continue
		}
		if w == gap && (len(out) == 0 || out[len(out)-1] == gap) {
			continue // a gap at the start, or two in a row, is one
		}
		out = append(out, w)
	}
	for len(out) > 0 && out[len(out)-1] == gap {
		out = out[:len(out)-1]
	}
	return out
}

// contentLen counts the words of a normalised quote, gaps left out.
func contentLen(ws []string) int {
	n := 0
	for _, w := range ws {
		if w != gap {
			n++
		}
	}
	return n
}

// segments splits normalised words at gaps.
func segments(ws []string) [][]string {
	var out [][]string
	start := 0
	for i, w := range ws {
		if w == gap {
			if i > start {
				out = append(out, ws[start:i])
			}
			start = i + 1
		}
	}
	if start < len(ws) {
		out = append(out, ws[start:])
	}
	return out
}

// containsVerbatim reports whether every segment of q appears, in order
// and word for word, in ref: the quotation is the reference's words, with
// at most its elisions marked.
func containsVerbatim(ref, q []string) bool {
	segs := segments(q)
	if len(segs) == 0 {
		return false
	}
	at := 0
	for _, seg := range segs {
		i := index(ref[at:], seg)
		if i < 0 {
			return false
		}
		at += i + len(seg)
	}
	return true
}

func index(hay, needle []string) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j, w := range needle {
			if !sameWord(hay[i+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// sameWord compares two normalised words up to spelling (spellingKey).
func sameWord(a, b string) bool { return a == b || spellingKey(a) == spellingKey(b) }

// spellingKey folds spellings that are one word in quotation: British and
// American endings ("honoured"/"honored", "behaviour"/"behavior",
// "organise"/"organize") and apostrophes ("it's" written "its"). A
// rewrite that only respells a quote has not altered it.
func spellingKey(w string) string {
	if w == gap {
		return w
	}
	w = strings.ReplaceAll(w, "'", "")
	if len(w) > 5 {
		for _, end := range []string{"our", "ours", "oured", "ouring", "ourite", "ourable"} {
			if strings.HasSuffix(w, end) {
				w = w[:len(w)-len(end)] + "or" + end[3:]
				break
			}
		}
		for _, end := range []string{"ise", "ised", "ises", "ising", "isation", "iser", "isers", "yse", "ysed"} {
			if strings.HasSuffix(w, end) {
				z := strings.Replace(end, "s", "z", 1)
				w = w[:len(w)-len(end)] + z
				break
			}
		}
	}
	return w
}
