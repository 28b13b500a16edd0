package templated

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isLower(c byte) bool  { return c >= 'a' && c <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool { return isLower(c) || isUpper(c) }

// tokenAround returns the run of non-space bytes containing text[i].
func tokenAround(text string, i int) (int, int) {
	s, e := i, i
	for s > 0 && !isSpaceByte(text[s-1]) {
		s--
	}
	for e < len(text) && !isSpaceByte(text[e]) {
		e++
	}
	return s, e
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// looksLikeAddress reports whether a token is a web or mail address or a
// file name, where glued punctuation is normal.
func looksLikeAddress(tok string) bool {
	if !strings.ContainsAny(tok, ":@/.") {
		return false // every sign below needs one of these; most words have none
	}
	l := strings.ToLower(tok)
	if strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.Contains(l, "@") || strings.Contains(l, "/") {
		return true
	}
	for _, tld := range []string{".com", ".org", ".net", ".gov", ".edu", ".co.", ".io", ".uk", ".html", ".ly", ".tv"} {
		if strings.Contains(l, tld) {
			return true
		}
	}
	return false
}

// wordBefore returns the letters and inner dots just before offset i.
func wordBefore(text string, i int) string {
	k := i
	for k > 0 && (isLetter(text[k-1]) || text[k-1] == '.') {
		k--
	}
	return strings.TrimLeft(text[k:i], ".")
}

// isDottedAcronym reports "U.S", "U.K", "e.g" (single letters between dots).
func isDottedAcronym(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if len(p) != 1 {
			return false
		}
	}
	return true
}

// findMissingSpaces reports commas and full stops glued to the next word.
//
// A full stop glued to a capitalised word ("conflict.This") is also what a
// scraper leaves when it joins a page's paragraphs without a space, so on
// its own it is no sign of a spinner: such glue is reported only when the
// same article also glues a comma or a full stop inside a sentence, which
// joined paragraphs never do.
func findMissingSpaces(c *collector, text string) int {
	n := 0
	type glue struct{ start, end int }
	var boundary []glue // "conflict.This": held until other glue is seen
	marks := newByteFinder(text, ',', '.')
	for i := 1; ; i++ {
		if i = marks.next(i); i+1 >= len(text) {
			break
		}
		p := text[i]
		prev, next := text[i-1], text[i+1]
		if !isLetter(prev) || !isLetter(next) {
			continue // numbers (1,000 3.5), spaced punctuation, quotes
		}
		ts, te := tokenAround(text, i)
		if looksLikeAddress(text[ts:te]) {
			continue
		}
		if p == '.' {
			w := wordBefore(text, i)
			switch {
			case isDottedAcronym(w) || len(w) == 1:
				// "U.S.involvement" is glued; "U.S." / "J.R.R." / "e.g." are not.
				if !isLower(next) || !lowerWordAt(text, i+1, 3) {
					continue
				}
			case isUpper(next) && isLower(prev) && len(w) >= 3 && strings.ToLower(w) == w:
				// "conflict.This": a sentence boundary, see above.
				boundary = append(boundary, glue{wordStart(text, i), wordEnd(text, i+1)})
				continue
			default:
				continue // "Node.JS", "ASP.NET", "example.com"
			}
		} else if !isLower(next) && !isUpper(next) {
			continue
		}
		start, end := wordStart(text, i), wordEnd(text, i+1)
		if w := wordBefore(text, i); isDottedAcronym(w) {
			start = i - len(w) // quote "U.S.involvement" whole
		}
		c.add(ruleMissingSpace, start, end, fmt.Sprintf("no space after %q", string(p)), "")
		n++
	}
	if n > 0 {
		for _, g := range boundary {
			c.add(ruleMissingSpace, g.start, g.end, `no space after "."`, "")
			n++
		}
	}
	return n
}

// lowerWordAt reports whether a lower-case word of at least min letters starts at i.
func lowerWordAt(text string, i, min int) bool {
	k := i
	for k < len(text) && isLower(text[k]) {
		k++
	}
	return k-i >= min && (k == len(text) || !isLetter(text[k]))
}

func wordStart(text string, i int) int {
	for i > 0 && isLetter(text[i-1]) {
		i--
	}
	return i
}

func wordEnd(text string, i int) int {
	for i < len(text) && isLetter(text[i]) {
		i++
	}
	return i
}

// nonInitialAbbrev lists words whose full stop rarely ends a sentence.
var nonInitialAbbrev = map[string]bool{
	"a.m": true, "p.m": true, "etc": true, "e.g": true, "i.e": true, "vs": true, "cf": true,
	"approx": true, "no": true, "mr": true, "mrs": true, "ms": true, "dr": true, "st": true,
	"inc": true, "ltd": true, "co": true, "jr": true, "sr": true, "al": true, "ca": true, "op": true, "cit": true,
	// Company forms and titles that stand before a name or a verb in
	// agency copy ("Nippon Steel Corp. said", "Gov. Ron DeSantis").
	"corp": true, "bros": true, "gov": true, "sen": true, "rep": true, "gen": true, "col": true, "lt": true,
	"capt": true, "sgt": true, "prof": true, "rev": true, "hon": true, "dept": true, "govt": true, "ft": true, "mt": true,
}

// findLowerCaseStarts reports sentences that begin with a lower-case word:
// after ". " / "! " / "? " or at the start of a line (list bullets
// stripped). Ellipses, abbreviations, table rows and lower-case brand names
// (iPhone, eBay) are skipped.
func findLowerCaseStarts(c *collector, text string) int {
	n := 0
	report := func(i int) {
		end := wordEnd(text, i)
		w := text[i:end]
		if len(w) < 2 || strings.ToLower(w) != w {
			return // "iPhone", "eBay", single letters ("a)", "x")
		}
		if end < len(text) && (text[end] == '.' || text[end] == ')' || text[end] == '-' || text[end] == '@' || text[end] == '_') {
			return // "e.g.", "a)", "pre-", handles
		}
		c.add(ruleLowerCaseStart, i, end, fmt.Sprintf("sentence starts in lower case (%q)", w), "")
		n++
	}
	prevLine := "" // the last non-blank line before this one
	prevFurniture := false
	prevOpens := true // whether prevLine follows a finished sentence, a blank line or nothing
	lastBlank := true
	lineStart := 0
	for lineStart < len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		trimmed := strings.TrimSpace(line)
		bullet := strings.HasPrefix(trimmed, "-") || strings.HasPrefix(trimmed, "*") || strings.HasPrefix(trimmed, "•")
		if trimmed != "" && !strings.Contains(line, "|") && !looksLikeAddress(firstToken(line)) {
			// A line starting in lower case is a sentence start only after a
			// finished sentence or a heading; lists and wrapped or cut lines
			// ("Jamaica's\n\nstormed to …") are not.
			k := len(line) - len(strings.TrimLeft(line, " \t"))
			if !bullet && k < len(line) && isLower(line[k]) && !prevFurniture &&
				(endsSentence(prevLine) || prevOpens && isHeading(prevLine) && strings.Count(trimmed, " ") >= 2) {
				report(lineStart + k)
			}
			// After a full stop inside the line ("! " and "? " end titles
			// such as "Mamma Mia! with", so only full stops count).
			for i := 1; i+2 < len(line); i++ {
				k := strings.IndexByte(line[i:], '.')
				if k < 0 {
					break
				}
				if i += k; i+2 >= len(line) {
					break
				}
				if line[i+1] != ' ' || !isLower(line[i+2]) {
					continue
				}
				w := wordBefore(line, i)
				if line[i-1] == '.' || nonInitialAbbrev[strings.ToLower(w)] || len(w) == 1 || isDottedAcronym(w) {
					continue
				}
				if !isLetter(line[i-1]) && line[i-1] != ')' && line[i-1] != '"' {
					continue
				}
				ts, te := tokenAround(line, i)
				if looksLikeAddress(line[ts:te]) {
					continue
				}
				report(lineStart + i + 2)
			}
		}
		if trimmed != "" {
			// A heading stands after a finished sentence or a blank line; a
			// title-case fragment after a line cut mid-sentence is a link
			// or a name the page set on its own line ("An\nLA Times poll\nshows").
			prevOpens = lastBlank || endsSentence(prevLine) || prevLine == ""
			prevLine = trimmed
			prevFurniture = c.doc != nil && c.doc.InFurniture(lineStart)
		}
		lastBlank = trimmed == ""
		lineStart = lineEnd + 1
	}
	return n
}

// endsSentence reports whether a line ends with sentence punctuation.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"”’') ")
	return line != "" && strings.ContainsRune(".!?", rune(line[len(line)-1]))
}

// isHeading reports a short title-case line without final punctuation
// ("Closing Remarks").
func isHeading(line string) bool {
	f := strings.Fields(line)
	if len(f) < 2 || len(f) > 12 || endsSentence(line) || danglingWords[f[len(f)-1]] {
		return false
	}
	capital := 0
	for _, w := range f {
		if isUpper(w[0]) {
			capital++
		}
	}
	return capital*10 >= len(f)*6
}

// danglingWords end a line cut mid-sentence, never a heading ("The
// National Weather Service had").
var danglingWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true, "but": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "that": true,
	"which": true, "who": true, "had": true, "has": true, "have": true, "is": true, "was": true, "were": true,
	"are": true, "be": true, "will": true, "would": true, "said": true,
}

func firstToken(line string) string {
	line = strings.TrimLeft(line, " \t")
	if i := strings.IndexAny(line, " \t"); i >= 0 {
		return line[:i]
	}
	return line
}

// silentH lists h-words that take "an" (silent h).
var silentH = []string{"hour", "honest", "honor", "honour", "heir", "herb"}

// consonantSoundVowel lists vowel-letter word starts pronounced with a consonant
// sound ("a university", "a one-off", "a European").
var consonantSoundVowel = []string{"uni", "use", "usu", "uti", "ure", "uri", "uro", "ura", "ubiq", "uga", "uk", "ut", "uv", "uz",
	"eu", "ewe", "one", "once", "ouija", "u-", "u.", "usa", "ufo"}

// findWrongArticles reports "a" before a vowel sound and "an" before a
// consonant sound.
func findWrongArticles(c *collector, text string) int {
	n := 0
	as := newByteFinder(text, 'a', 'A')
	for i := 0; ; i++ {
		if i = as.next(i); i+3 >= len(text) {
			break
		}
		if i > 0 && (isLetter(text[i-1]) || text[i-1] == '\'' || text[i-1] == '-' || text[i-1] == '.' || text[i-1] >= 0x80) {
			continue
		}
		art := 1
		if text[i+1] == 'n' {
			art = 2
		}
		if i+art >= len(text) || text[i+art] != ' ' {
			continue
		}
		if text[i] == 'A' && !sentenceStart(text, i) {
			continue // "Plan A", "Grade A"
		}
		ws := i + art + 1
		we := ws
		for we < len(text) && (isLetter(text[we]) || text[we] == '-' || text[we] == '.') {
			we++
		}
		word := strings.TrimRight(text[ws:we], ".-")
		if len(word) < 2 || !isLetter(word[0]) {
			continue
		}
		if isUpper(word[0]) && (isUpper(word[1]) || strings.ContainsAny(word, ".-") && len(word) <= 4) {
			continue // acronyms: letter names decide, not spelling
		}
		if r, _ := utf8.DecodeRuneInString(text[we:]); we < len(text) && (unicode.IsDigit(r) || r >= 0x80) {
			continue
		}
		lw := strings.ToLower(word)
		vowel := strings.ContainsRune("aeiou", rune(lw[0]))
		wrong := false
		if art == 1 && vowel {
			wrong = !hasAnyPrefix(lw, consonantSoundVowel)
		} else if art == 2 && !vowel {
			wrong = lw[0] != 'h' && lw[0] != 'x' && lw[0] != 'y' // "an historic" is accepted British usage
		} else if art == 1 && lw[0] == 'h' {
			wrong = hasAnyPrefix(lw, silentH)
		}
		if !wrong {
			continue
		}
		c.add(ruleWrongArticle, i, ws+len(word), fmt.Sprintf("%q before %q", text[i:i+art], word), "")
		n++
	}
	return n
}

// byteFinder finds the next of two bytes in a text with strings.IndexByte,
// which skips the bytes between them many at a time, remembering where
// each byte next occurs.
type byteFinder struct {
	text   string
	a, b   byte
	na, nb int // next offset of a and of b; len(text) when none
}

func newByteFinder(text string, a, b byte) *byteFinder {
	return &byteFinder{text: text, a: a, b: b, na: -1, nb: -1}
}

// next returns the offset of the first a or b at or after i, or len(text).
func (f *byteFinder) next(i int) int {
	if i >= len(f.text) {
		return len(f.text)
	}
	if f.na < i {
		f.na = indexFrom(f.text, i, f.a)
	}
	if f.nb < i {
		f.nb = indexFrom(f.text, i, f.b)
	}
	return min(f.na, f.nb)
}

// indexFrom is the offset of the first c in text at or after i, or
// len(text).
func indexFrom(text string, i int, c byte) int {
	if k := strings.IndexByte(text[i:], c); k >= 0 {
		return i + k
	}
	return len(text)
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether offset i begins a sentence or line.
func sentenceStart(text string, i int) bool {
	k := i
	for k > 0 && (text[k-1] == ' ' || text[k-1] == '"' || text[k-1] == '\t') {
		k--
	}
	if k == 0 {
		return true
	}
	switch text[k-1] {
	case '\n', '.', '!', '?', ':', '-', '*':
		return true
	}
	return false
}
