package people

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// tokenKind separates words from punctuation.
type tokenKind uint8

const (
	wordToken tokenKind = iota
	punctToken
	possessiveToken // "'s" or "’s" split off a word
)

// token is one word or punctuation mark of the text. Its text is
// text[Start:End] of the text it was cut from (finder.tok): a token holds
// no string of its own, so an article's token array, the analyzers'
// largest allocation on a long article, is 20 bytes a token instead of 56
// and holds no pointer for the garbage collector to scan.
type token struct {
	// Start and End are byte offsets into the text. int32 is enough: Find
	// tokenizes at most maxTokenText bytes, and the pipeline caps an
	// article at a few MiB (2 GiB of text would need some 150 GB of
	// analysis memory).
	Start, End int32
	Kind       tokenKind
	// LineBreak is set when a line break separates this token from the
	// previous one.
	LineBreak bool
	// Flags the finder sets as it works (false from tokenize): inRun
	// caches finder.inRun for findNames; covered marks a token inside a
	// linked mention; inQuote a token inside double quotation marks.
	inRun, covered, inQuote bool
	// gazDone is set once gazNames holds the lengths (bit n: n words) of
	// the gazetteer entries starting here (see finder.gazAt).
	gazDone  bool
	gazNames uint32
}

// maxTokenText is the longest text tokenizeInto accepts: token offsets
// are int32.
const maxTokenText = math.MaxInt32

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// allCaps reports whether every letter of w is upper case and it has at
// least two letters ("NATO", "IDF").
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
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
	low, aligned := document.New("", text).Lower()
	toks, _ := tokenizeInto(make([]token, 0, len(text)/5), nil, text, low, aligned)
	return toks
}

// newFinder is a finder over text's tokens (for tests).
func newFinder(text string) *finder {
	f := &finder{text: text}
	low, aligned := document.New("", text).Lower()
	f.toks, f.lowers = tokenizeInto(nil, nil, text, low, aligned)
	f.low = low
	return f
}

// findScratch is one Find call's working memory, recycled between
// documents (a 4 KB article makes some 20 KB of tokens). Find's result
// keeps no token, no lower-cased form and no flag: everything here is
// dead once Find returns.
type findScratch struct {
	toks      []token
	lowers    []string // the tokens' lower forms when low is not aligned
	lineStart []bool
	matches   []nameMatch
}

var findScratches = sync.Pool{New: func() any { return new(findScratch) }}

// tokenizeInto is tokenize appending to out. low is text lower-cased and
// aligned with it (document.Lower, shared with the other analyzers) when
// aligned is set: each token's lower form is then low[Start:End].
// Otherwise lowers (appended to lowersBuf[:0]) holds each token's lower
// form. Tokens hold no lower form (nor text) of their own: a long
// article's token array was its largest cost. text must be at most
// maxTokenText bytes long.
func tokenizeInto(out []token, lowersBuf []string, text, low string, aligned bool) (toks []token, lowers []string) {
	if len(text) > maxTokenText {
		panic("people: text too long to tokenize") // Find cuts it first
	}
	out = slices.Grow(out, len(text)/4) // about one token (word or mark) in four bytes of news text: no regrowth of a long article's array
	if !aligned {
		lowers = lowersBuf[:0]
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
				out = append(out, token{Start: int32(i), End: int32(i + 1), Kind: punctToken, LineBreak: lineBreak})
				if !aligned {
					lowers = append(lowers, text[i:i+1])
				}
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
			out = append(out, token{Start: int32(i), End: int32(i + n), Kind: punctToken, LineBreak: lineBreak})
			if !aligned {
				lowers = append(lowers, strings.ToLower(text[i:i+n]))
			}
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
			out = append(out, token{Start: int32(s), End: int32(s + pe), Kind: wordToken, LineBreak: lineBreak})
			if !aligned {
				lowers = append(lowers, strings.ToLower(text[s:s+pe]))
			}
			lineBreak = false
			s += pe
			kind = possessiveToken
		}
		out = append(out, token{Start: int32(s), End: int32(i), Kind: kind, LineBreak: lineBreak})
		if !aligned {
			lowers = append(lowers, strings.ToLower(text[s:i]))
		}
		lineBreak = false
	}
	return out, lowers
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		c := text[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++
			continue
		}
		if c < utf8.RuneSelf && c != '\'' && c != '-' && c != '.' {
			break // ASCII space or punctuation: the word ends here
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
	n := len(w)
	if n == 0 || w[n-1] != 's' && w[n-1] != 'S' {
		return 0
	}
	// "'s"/"'S", then "’s"/"’S" (the curly apostrophe is three bytes),
	// each only after at least one more byte.
	if n > len("'s") && w[n-2] == '\'' {
		return n - len("'s")
	}
	if n > len("’s") && w[n-len("’s"):n-1] == "’" {
		return n - len("’s")
	}
	return 0
}
