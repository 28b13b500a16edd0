package boilerplate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// maxWholeLineBytes bounds the lines line and prefix patterns apply to:
// "Posted by admin" opens a short line, not a paragraph that happens to
// start alike. Longer lines are checked for an opening label only.
const maxWholeLineBytes = 240

// lineHead is the part of a line the line patterns look at: all of it, or
// the first maxWholeLineBytes (cut at a character boundary) of a long line,
// which can only match by its opening (labels, prefixes).
func lineHead(line string) string {
	if len(line) <= maxWholeLineBytes {
		return line
	}
	cut := maxWholeLineBytes
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	return line[:cut]
}

// matchNormLine checks one line against the line, label and prefix
// patterns, given norm, normalizeLine(lineHead(l.text)), which
// scanDocument computes once per line and reuses.
func (lx *lexicon) matchNormLine(l textLine, norm string) (candidate, bool) {
	if c, ok := lx.matchNormLineAs(l, norm); ok {
		return c, ok
	}
	// "🔍 Key Points", "2. Background": the same heading behind an emoji or
	// a list number.
	if t := trimListMarkers(norm); t != norm {
		return lx.matchNormLineAs(l, t)
	}
	return candidate{}, false
}

func (lx *lexicon) matchNormLineAs(l textLine, norm string) (candidate, bool) {
	long := len(l.text) > maxWholeLineBytes
	if norm == "" {
		return candidate{}, false
	}
	if id, ok := lx.lines[norm]; ok && !long {
		return candidate{rule: id, start: l.start, end: l.end,
			message: fmt.Sprintf("line %q is template chrome, not reporting", l.text)}, true
	}
	if id, ok := lx.runs[norm]; ok && !long {
		return candidate{rule: id, start: l.start, end: l.end, besideChrome: true,
			message: fmt.Sprintf("line %q is template chrome beside other chrome, not reporting", l.text)}, true
	}
	if head, ok := labelHead(norm, l.text); ok {
		if id, ok := lx.labels[head]; ok {
			end := l.start + labelEnd(l.text, len(strings.Fields(head)))
			return candidate{rule: id, start: l.start, end: end,
				message: fmt.Sprintf("line opens with the template label %q", strings.TrimSpace(l.text[:end-l.start]))}, true
		}
	}
	if !long {
		for _, p := range lx.prefixes {
			if strings.HasPrefix(norm, p.text) && boundaryAfter(norm, len(p.text), p.text) {
				return candidate{rule: p.rule, start: l.start, end: l.end,
					message: fmt.Sprintf("line opens with %q", p.text)}, true
			}
		}
	}
	return candidate{}, false
}

// labelHead returns the text before a line's first label separator (":" or a
// spaced dash), or the whole line when the original ends in a colon or dash
// ("Tags:", "Article –").
func labelHead(norm, orig string) (string, bool) {
	cut := -1
	if i := strings.IndexByte(norm, ':'); i > 0 {
		cut = i
	}
	if i := strings.Index(norm, " -"); i > 0 && (cut < 0 || i < cut) && (i+2 == len(norm) || norm[i+2] == ' ') {
		cut = i
	}
	if cut > 0 {
		return strings.TrimSpace(norm[:cut]), true
	}
	o := strings.TrimRight(orig, " *_")
	if strings.HasSuffix(o, ":") || strings.HasSuffix(o, "–") || strings.HasSuffix(o, "—") || strings.HasSuffix(o, " -") {
		return norm, true
	}
	return "", false
}

// labelEnd returns the byte offset in line just past its first n words and
// the separator that follows them ("Summary –" of "Summary – The …").
func labelEnd(line string, n int) int {
	i := 0
	for i < len(line) && strings.ContainsRune("#*_>•· ", rune(line[i])) {
		i++
	}
	for w := 0; w < n && i < len(line); w++ {
		for i < len(line) && line[i] != ' ' && line[i] != ':' {
			i++
		}
		if w < n-1 {
			for i < len(line) && line[i] == ' ' {
				i++
			}
		}
	}
	for i < len(line) {
		r, sz := utf8.DecodeRuneInString(line[i:])
		if r == ' ' || r == ':' || r == '-' || r == '–' || r == '—' || r == '*' || r == '_' {
			i += sz
			continue
		}
		break
	}
	return len(strings.TrimRight(line[:i], " "))
}

// boundaryAfter reports whether s[:i] ends a word: the pattern ends in a
// non-word character, or s continues with one.
func boundaryAfter(s string, i int, pat string) bool {
	if r, _ := utf8.DecodeLastRuneInString(pat); !isWordRune(r) {
		return true
	}
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// matchPhrases finds listed phrases anywhere in doc with one Aho–Corasick
// pass (ASCII case folded in the automaton, so offsets are Text's), and
// widens each to its sentence so the editor sees what to cut.
func (lx *lexicon) matchPhrases(doc *document.Document) []candidate {
	var out []candidate
	text := doc.Text
	lx.matcher.Each(text, func(s, e, pat int) bool {
		p := lx.phrases[pat]
		if !wordBoundary(text, s, e) {
			return true
		}
		ws, we := widenToSentence(doc, s, e)
		out = append(out, candidate{rule: p.rule, start: ws, end: we,
			message: fmt.Sprintf("contains %q", text[s:e])})
		return true
	})
	return out
}

// wordBoundary reports whether text[s:e] neither starts nor ends inside a word.
func wordBoundary(text string, s, e int) bool {
	if first, _ := utf8.DecodeRuneInString(text[s:e]); isWordRune(first) && s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); isWordRune(r) {
			return false
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(text[s:e]); isWordRune(last) && e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); isWordRune(r) {
			return false
		}
	}
	return true
}

// maxWidenedSpan caps how far a phrase finding grows to its sentence.
const maxWidenedSpan = 400

// widenToSentence returns the sentence holding [s,e), or [s,e) extended to
// the end of the following word when the sentence is unreasonably long.
func widenToSentence(doc *document.Document, s, e int) (int, int) {
	if i := doc.SentenceAt(s); i >= 0 {
		sent := doc.Sentences()[i]
		if sent.End >= e && sent.Len() <= maxWidenedSpan {
			return sent.Start, sent.End
		}
	}
	text := doc.Text
	j := e
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) {
		r, sz := utf8.DecodeRuneInString(text[k:])
		if !isWordRune(r) && r != '\'' && r != '’' {
			break
		}
		k += sz
	}
	if k > j {
		return s, k
	}
	return s, e
}
