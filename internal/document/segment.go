package document

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Paragraphs returns the article's paragraphs. A paragraph is a non-blank
// line, except in hard-wrapped text (most lines end mid-sentence), where it is
// a block of lines between blank lines.
func (d *Document) Paragraphs() []Span {
	d.segOnce.Do(d.segment)
	return d.paragraphs
}

// Sentences returns the article's sentences in order. Sentences never cross
// paragraph boundaries.
func (d *Document) Sentences() []Span {
	d.segOnce.Do(d.segment)
	return d.sentences
}

// SentenceAt returns the index of the sentence containing offset, or -1.
func (d *Document) SentenceAt(offset int) int {
	ss := d.Sentences()
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > offset })
	if i < len(ss) && ss[i].Start <= offset {
		return i
	}
	return -1
}

// ParagraphAt returns the index of the paragraph containing offset, or -1.
func (d *Document) ParagraphAt(offset int) int {
	ps := d.Paragraphs()
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > offset })
	if i < len(ps) && ps[i].Start <= offset {
		return i
	}
	return -1
}

func (d *Document) segment() {
	lines := d.Lines()
	var nonBlank, wrapped int
	for _, l := range lines {
		t := strings.TrimSpace(d.Text[l.Start:l.End])
		if t == "" {
			continue
		}
		nonBlank++
		if !endsSentence(t) && len(t) > 40 {
			wrapped++
		}
	}
	hardWrapped := nonBlank > 3 && wrapped*2 > nonBlank
	var paras []Span
	cur := Span{-1, -1}
	for _, l := range lines {
		s, e := trimSpan(d.Text, l.Start, l.End)
		if s >= e {
			if cur.Start >= 0 {
				paras = append(paras, cur)
				cur = Span{-1, -1}
			}
			continue
		}
		if !hardWrapped {
			paras = append(paras, Span{s, e})
			continue
		}
		if cur.Start < 0 {
			cur = Span{s, e}
		} else {
			cur.End = e
		}
	}
	if cur.Start >= 0 {
		paras = append(paras, cur)
	}
	d.paragraphs = paras
	for _, p := range paras {
		d.sentences = splitSentences(d.Text, p, d.sentences)
	}
}

func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '"', '”', ':', '’', '\'', ')', '|':
		return true
	}
	return false
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true, "rep": true,
	"sen": true, "gov": true, "rev": true, "hon": true, "pres": true, "supt": true, "cmdr": true,
	"adm": true, "maj": true, "insp": true, "no": true, "vs": true, "etc": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "a.m": true,
	"p.m": true, "approx": true, "dept": true, "est": true, "fig": true, "mt": true, "ft": true,
}

// splitSentences appends the sentences of paragraph p to out. A sentence ends
// at . ! or ? (with any closing quotes or brackets) followed by a space and
// an upper-case letter, digit or opening quote, or at a full stop glued to a
// capitalised word ("tensions.This"), a paraphrase-tool artifact.
func splitSentences(text string, p Span, out []Span) []Span {
	start := p.Start
	i := p.Start
	for i < p.End {
		// Only ASCII . ! ? end a sentence, and no byte of a multi-byte
		// sequence is ASCII: step bytewise to the next candidate.
		if !sentenceStop[text[i]] {
			i++
			continue
		}
		r := rune(text[i])
		j := i + 1
		for j < p.End { // more terminal punctuation and closing quotes
			r2, n2 := utf8.DecodeRuneInString(text[j:p.End])
			if strings.ContainsRune(".!?\"”’')]", r2) {
				j += n2
				continue
			}
			break
		}
		if j >= p.End {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j:p.End])
		boundary := false
		if unicode.IsSpace(next) {
			k := j
			for k < p.End {
				r3, n3 := utf8.DecodeRuneInString(text[k:p.End])
				if !unicode.IsSpace(r3) {
					break
				}
				k += n3
			}
			if k < p.End {
				r3, _ := utf8.DecodeRuneInString(text[k:p.End])
				if unicode.IsUpper(r3) || unicode.IsDigit(r3) || strings.ContainsRune("\"“‘'([", r3) {
					boundary = r != '.' || !isAbbreviation(text, start, i)
				}
			}
		} else if r == '.' && unicode.IsUpper(next) && j == i+1 {
			// "conflict.This": glued full stop after a lower-case word of 3+ letters.
			w := lastWord(text, start, i)
			boundary = len(w) >= 3 && strings.ToLower(w) == w && !isAbbreviation(text, start, i)
		}
		if boundary {
			s, e := trimSpan(text, start, j)
			if s < e {
				out = append(out, Span{s, e})
			}
			start = j
		}
		i = j
	}
	s, e := trimSpan(text, start, p.End)
	if s < e {
		out = append(out, Span{s, e})
	}
	return out
}

// lastWord returns the letters (and inner dots) immediately before offset end.
func lastWord(text string, floor, end int) string {
	k := end
	for k > floor {
		r, n := utf8.DecodeLastRuneInString(text[floor:k])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k -= n
	}
	return text[k:end]
}

func isAbbreviation(text string, floor, dot int) bool {
	w := lastWord(text, floor, dot)
	if w == "" {
		return false
	}
	lw := strings.ToLower(strings.TrimPrefix(w, "."))
	if abbreviations[lw] {
		return true
	}
	// Single capital initial ("John F. Kennedy") or dotted acronym ("U.S").
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	return strings.Contains(lw, ".") && len(lw) <= 5
}

// Words returns every word of the text: runs of letters and digits, with
// inner apostrophes, hyphens and dots between letters ("U.S.", "don't",
// "long-standing") kept inside the word.
func (d *Document) Words() []Span {
	d.wordOnce.Do(func() {
		d.words = WordSpans(d.Text, 0, len(d.Text), nil)
	})
	return d.words
}

// WordSpans appends the words of text[start:end] to out.
func WordSpans(text string, start, end int, out []Span) []Span {
	fresh := out == nil && end > start
	if fresh {
		// News averages about six bytes a word: one allocation for the
		// callers that pass nil, rather than a doubling series.
		out = make([]Span, 0, (end-start)/5+1)
	}
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIWordByte(c) {
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:end])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += n
				continue
			}
		}
		s := i
		for i < end {
			c := text[i]
			if c < utf8.RuneSelf {
				if isASCIIWordByte(c) {
					i++
					continue
				}
				if (c == '\'' || c == '-' || c == '.') && i+1 < end && isASCIIWordByte(text[i+1]) && (c != '.' || isUpperByte(text[i+1]) && isUpperByte(text[i-1])) {
					i++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(text[i:end])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				i += n
				continue
			}
			if r == '’' && i+n < end && isASCIIWordByte(text[i+n]) {
				i += n
				continue
			}
			break
		}
		out = append(out, Span{s, i})
	}
	if fresh && len(out) == 0 {
		return nil // as without the pre-allocation
	}
	return out
}

func isASCIIWordByte(c byte) bool { return asciiWordByte[c] }

// Byte tables for the segmentation loops, which look at every byte of
// every article: one load instead of a chain of comparisons.
var (
	sentenceStop  [256]bool // . ! ?
	asciiWordByte [256]bool // a-z A-Z 0-9
)

func init() {
	for _, c := range ".!?" {
		sentenceStop[c] = true
	}
	for c := 0; c < 256; c++ {
		asciiWordByte[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
}

func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// WordsIn returns the words of Words() that lie wholly inside s. For a
// sentence or paragraph span this is exactly WordSpans(d.Text, s.Start,
// s.End, nil) (segmentation never cuts a word), without segmenting again or
// allocating. The slice shares the document's cache: do not modify it.
func (d *Document) WordsIn(s Span) []Span {
	ws := d.Words()
	i := sort.Search(len(ws), func(i int) bool { return ws[i].Start >= s.Start })
	j := i
	for j < len(ws) && ws[j].End <= s.End {
		j++
	}
	return ws[i:j:j]
}

// WordCount is the number of words in the main text (page chrome excluded).
// Words are in text order, so it is the index of the first word at or after
// the main text's end: a binary search, cheap for every analyzer to call.
func (d *Document) WordCount() int {
	end := d.MainEnd()
	ws := d.Words()
	return sort.Search(len(ws), func(i int) bool { return ws[i].Start >= end })
}
