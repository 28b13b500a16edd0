package people

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind separates words from punctuation.
type tokenKind uint8

const (
	wordToken tokenKind = iota
	punctToken
	possessiveToken // "'s" or "’s" split off a word
)

// token is one word or punctuation mark of the text.
type token struct {
	Start, End int
	Text       string
	Kind       tokenKind
	// LineBreak is set when a line break separates this token from the
	// previous one.
	LineBreak bool
}

func (t token) isWord() bool { return t.Kind == wordToken }

// capitalised reports whether the token starts with an upper-case letter.
func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// allCaps reports whether every letter of the token is upper case and it
// has at least two letters ("NATO", "IDF").
func (t token) allCaps() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// tokenize splits text into words and punctuation. Inner apostrophes and
// hyphens stay inside words ("al-Sisi", "O'Brien"); a possessive "'s" is
// its own token; dotted abbreviations ("U.S.", "Dr.", "J.") keep their dots.
func tokenize(text string) []token {
	var out []token
	i := 0
	lineBreak := false
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				lineBreak = true
			}
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, token{Start: i, End: i + n, Text: text[i : i+n], Kind: punctToken, LineBreak: lineBreak})
			lineBreak = false
			i += n
			continue
		}
		s := i
		i = scanWord(text, i)
		// possessive
		w := text[s:i]
		kind := wordToken
		if pe := possessiveSuffix(w); pe > 0 {
			out = append(out, token{Start: s, End: s + pe, Text: w[:pe], Kind: wordToken, LineBreak: lineBreak})
			lineBreak = false
			s += pe
			kind = possessiveToken
		}
		out = append(out, token{Start: s, End: i, Text: text[s:i], Kind: kind, LineBreak: lineBreak})
		lineBreak = false
	}
	return out
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '‑' {
			if j := i + n; j < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					i = j
					continue
				}
			}
			break
		}
		if r == '.' {
			// Keep the dot of an abbreviation: "U.S.", "Dr.", "J.".
			w := text[start:i]
			if isDottedWord(w, text, i) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// isDottedWord decides whether the full stop at dot belongs to word w.
func isDottedWord(w, text string, dot int) bool {
	if _, ok := lex.honorifics[w+"."]; ok {
		return true
	}
	switch strings.ToLower(w) {
	case "jr", "sr", "st", "inc", "co", "corp", "ltd", "mt":
		return true
	}
	// single capital initial or the letters of "U.S." / "U.S.A."
	last := w
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		last = w[k+1:]
	}
	if utf8.RuneCountInString(last) == 1 {
		r, _ := utf8.DecodeRuneInString(last)
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// possessiveSuffix returns the byte length of w before a final "'s"/"’s"
// (or a bare apostrophe after s, "officials'"), or 0.
func possessiveSuffix(w string) int {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}
