package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Tokens is the article's words as every analyzer reads them, built once
// on first use: the word spans of Words, each word's lower-case form and
// one 64-bit hash per word. Analyzers used to lower-case and hash the same
// words each on their own; reading them here makes that one pass.
//
// It holds no pointer per word: the lower-case forms are slices of one
// buffer (the text lower-cased in place when that keeps every offset, see
// Lower), the hashes one array.
type Tokens struct {
	words  []Span
	low    string   // Text lower-cased and aligned with it, or ""
	lowBuf string   // when low is "": every word's lower form, end to end
	lowEnd []int32  // … and where word i's ends (it starts at lowEnd[i-1])
	hashes []uint64 // per word: WordHash of its lower form
}

// Tokens returns the document's token view. It is the document's own,
// made once: callers read it and do not change it.
func (d *Document) Tokens() *Tokens {
	d.tokOnce.Do(d.buildTokens)
	return d.tokens
}

func (d *Document) buildTokens() {
	t := &Tokens{words: d.Words()}
	low, aligned := d.Lower()
	if aligned {
		t.low = low
	} else {
		// Rare (invalid UTF-8, or a letter such as 'İ' whose lower case is
		// longer or shorter): each word lower-cased on its own.
		buf := make([]byte, 0, len(d.Text))
		t.lowEnd = make([]int32, len(t.words))
		for i, w := range t.words {
			buf = appendToLower(buf, d.Text[w.Start:w.End])
			t.lowEnd[i] = int32(len(buf))
		}
		t.lowBuf = unsafe.String(unsafe.SliceData(buf), len(buf)) // buf is never written again
	}
	t.hashes = make([]uint64, len(t.words))
	for i := range t.words {
		t.hashes[i] = WordHash(t.Lower(i))
	}
	d.tokens = t
}

// Len is the number of words.
func (t *Tokens) Len() int { return len(t.words) }

// Words is the word spans, Document.Words.
func (t *Tokens) Words() []Span { return t.words }

// Lower is word i lower-cased, exactly strings.ToLower of its text.
func (t *Tokens) Lower(i int) string {
	if t.lowEnd == nil {
		w := t.words[i]
		return t.low[w.Start:w.End]
	}
	from := int32(0)
	if i > 0 {
		from = t.lowEnd[i-1]
	}
	return t.lowBuf[from:t.lowEnd[i]]
}

// Hash is WordHash(t.Lower(i)).
func (t *Tokens) Hash(i int) uint64 { return t.hashes[i] }

// Hashes is every word's Hash, in word order. Do not modify it.
func (t *Tokens) Hashes() []uint64 { return t.hashes[:len(t.hashes):len(t.hashes)] }

// WordHash is the 64-bit FNV-1a hash of a lower-cased word with each
// curly apostrophe (’) read as a straight one, so "don’t" and "don't"
// hash alike: the key repetition and template checks match words by.
// Tables that must tell the two apart compare the lower forms as well.
func WordHash(low string) uint64 {
	h := uint64(fnvOffset64)
	for i := 0; i < len(low); i++ {
		c := low[i]
		if c == 0xE2 && i+2 < len(low) && low[i+1] == 0x80 && low[i+2] == 0x99 { // ’
			c = '\''
			i += 2
		}
		h ^= uint64(c)
		h *= fnvPrime64
	}
	return h
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// Lower returns Text lower-cased exactly as strings.ToLower does and true
// when that keeps every byte offset (no rune changes its encoded length
// and the text is valid UTF-8, as in practically every article): the
// lower-case form of any span s is then Lower()[s.Start:s.End]. Otherwise
// it returns "" and false, and callers lower-case what they need on their
// own. It is made once and shared, so the text is lower-cased once however
// many analyzers read it.
func (d *Document) Lower() (string, bool) {
	d.lowerOnce.Do(func() {
		b, ok := lowerAligned(d.Text)
		if ok {
			d.lower = unsafe.String(unsafe.SliceData(b), len(b)) // b is never written again
		}
		d.lowerOK = ok
	})
	return d.lower, d.lowerOK
}

// lowerAligned lower-cases text rune by rune as strings.ToLower does, and
// reports false when some rune changes its encoded length or the text is
// not valid UTF-8 (strings.ToLower writes U+FFFD for an invalid byte).
func lowerAligned(text string) ([]byte, bool) {
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
			return nil, false
		}
		l := unicode.ToLower(r)
		if utf8.RuneLen(l) != n {
			return nil, false
		}
		utf8.EncodeRune(b[i:], l)
		i += n
	}
	return b, true
}

// appendToLower appends strings.ToLower(s) to b.
func appendToLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b, strings.ToLower(s[i:])...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
