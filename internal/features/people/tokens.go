package people

import (
	"strings"
	"sync"
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
	lower      string // Text in lower case, made once: the lists are keyed by it
	Kind       tokenKind
	// LineBreak is set when a line break separates this token from the
	// previous one.
	LineBreak bool
}

func (t token) isWord() bool { return t.Kind == wordToken }

// capitalised reports whether the token starts with an upper-case letter.
func (t token) capitalised() bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return 'A' <= t.Text[0] && t.Text[0] <= 'Z'
	}
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
	return tokenizeInto(make([]token, 0, len(text)/5), text)
}

// tokenBuffers recycles token slices between documents (a 4 KB article
// makes some 40 KB of tokens): Find's result keeps no token.
var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// tokenizeInto is tokenize appending to out.
func tokenizeInto(out []token, text string) []token {
	low, aligned := lowerAligned(text)
	lowerOf := func(s, e int) string {
		if aligned {
			return low[s:e]
		}
		return strings.ToLower(text[s:e])
	}
	i := 0
	lineBreak := false
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII: the same tests as below, without the tables.
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				if c == '\n' {
					lineBreak = true
				}
				i++
				continue
			case !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'):
				out = append(out, token{Start: i, End: i + 1, Text: text[i : i+1], lower: text[i : i+1], Kind: punctToken, LineBreak: lineBreak})
				lineBreak = false
				i++
				continue
			}
			goto word
		}
		if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			if r == '\n' {
				lineBreak = true
			}
			i += n
			continue
		} else if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, token{Start: i, End: i + n, Text: text[i : i+n], lower: lowerOf(i, i+n), Kind: punctToken, LineBreak: lineBreak})
			lineBreak = false
			i += n
			continue
		}
	word:
		s := i
		i = scanWord(text, i)
		// possessive
		w := text[s:i]
		kind := wordToken
		if pe := possessiveSuffix(w); pe > 0 {
			out = append(out, token{Start: s, End: s + pe, Text: w[:pe], lower: lowerOf(s, s+pe), Kind: wordToken, LineBreak: lineBreak})
			lineBreak = false
			s += pe
			kind = possessiveToken
		}
		out = append(out, token{Start: s, End: i, Text: text[s:i], lower: lowerOf(s, i), Kind: kind, LineBreak: lineBreak})
		lineBreak = false
	}
	return out
}

// lowerAligned lower-cases the whole text at once, rune by rune as
// strings.ToLower does, so each token's lower-case form is a slice of it
// instead of an allocation of its own. It reports false when some rune
// changes its encoded length (or the text is not valid UTF-8): then the
// offsets no longer line up and tokens are lowered one by one.
func lowerAligned(text string) (string, bool) {
	b := make([]byte, len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			return "", false
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != n {
			return "", false
		}
		utf8.EncodeRune(b[i:], l)
		i += n
	}
	return string(b), true
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		if c := text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++
			continue
		}
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
	if ok := lex.honorificSet.has(w + "."); ok {
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
	if w == "" || w[len(w)-1] != 's' && w[len(w)-1] != 'S' {
		return 0
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}
