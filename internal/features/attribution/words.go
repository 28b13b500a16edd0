package attribution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/copydesk/copydesk/internal/document"
)

// words indexes the main text's words for the clause grammar.
type words struct {
	text  string
	spans []document.Span
	// lows memoises lower(i) of words with non-ASCII bytes: the clause
	// grammar asks for the same word's lower-case form many times. ASCII
	// words need no memo: their form is a slice of lowText.
	lows     map[int]string
	nonASCII []uint64 // bit i: word i has a non-ASCII byte; nil when none has
	lowText  string   // text with ASCII capitals lower-cased
	// interviewEnd caches firstInterviewEnd of the document's text.
	interviewEnd   int
	interviewKnown bool
}

func newWords(doc *document.Document) *words {
	end := doc.MainEnd()
	w := &words{text: doc.Text[:end]}
	ws := doc.Words()
	// Words are in text order: keep those up to the first ending past the
	// main text. The slice is capped so an append could never write into
	// the document's cache.
	k := sort.Search(len(ws), func(i int) bool { return ws[i].End > end })
	w.spans = ws[:k:k]
	// One ASCII-lower-cased copy of the text serves every ASCII word's
	// lower(i), where strings.ToLower would allocate per capitalised word.
	low := make([]byte, len(w.text))
	var high byte
	for i := 0; i < len(w.text); i++ {
		c := w.text[i]
		high |= c
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	w.lowText = unsafe.String(unsafe.SliceData(low), len(low)) // low is never written again
	if high >= utf8.RuneSelf {
		w.nonASCII = make([]uint64, (k+63)/64)
		for i, sp := range w.spans {
			if !isASCII(w.text[sp.Start:sp.End]) {
				w.nonASCII[i/64] |= 1 << (i % 64)
			}
		}
	}
	return w
}

func (w *words) n() int            { return len(w.spans) }
func (w *words) word(i int) string { return w.text[w.spans[i].Start:w.spans[i].End] }
func (w *words) lower(i int) string {
	sp := w.spans[i]
	if w.nonASCII == nil || w.nonASCII[i/64]&(1<<(i%64)) == 0 {
		return w.lowText[sp.Start:sp.End] // strings.ToLower is byte-wise on ASCII
	}
	word := w.text[sp.Start:sp.End]
	if low, ok := w.lows[i]; ok {
		return low
	}
	if w.lows == nil {
		w.lows = map[int]string{}
	}
	low := strings.ToLower(word)
	w.lows[i] = low
	return low
}
func (w *words) start(i int) int       { return w.spans[i].Start }
func (w *words) end(i int) int         { return w.spans[i].End }
func (w *words) slice(a, b int) string { return w.text[w.spans[a].Start:w.spans[b].End] }

// gap is the text between word i-1 and word i (from the text start for i=0).
func (w *words) gap(i int) string {
	s := 0
	if i > 0 {
		s = w.spans[i-1].End
	}
	return w.text[s:w.spans[i].Start]
}

// at returns the index of the first word starting at or after offset.
func (w *words) at(offset int) int {
	return sort.Search(len(w.spans), func(i int) bool { return w.spans[i].Start >= offset })
}

// capitalised reports whether word i starts with an upper-case letter.
func (w *words) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(w.word(i))
	return unicode.IsUpper(r)
}

// bare strips a possessive ending: "Trump’s" -> "Trump".
func bare(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

func possessive(s string) bool { return bare(s) != s }

// clauseBreak reports whether punctuation in gap separates clauses.
func clauseBreak(gap string) bool { return strings.ContainsAny(gap, ",;:.!?\"“”()[]—–|\n") }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
