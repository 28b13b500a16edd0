package attribution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// words indexes the main text's words for the clause grammar.
type words struct {
	text  string
	spans []document.Span
	// tokens is the document's shared token view: word i here is its
	// word i, so its lower-case form is already made.
	tokens *document.Tokens
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
	w.tokens = doc.Tokens()
	return w
}

func (w *words) n() int            { return len(w.spans) }
func (w *words) word(i int) string { return w.text[w.spans[i].Start:w.spans[i].End] }

// lower is word i lower-cased (strings.ToLower); the clause grammar asks
// for the same word's form many times, and the document made it once.
func (w *words) lower(i int) string    { return w.tokens.Lower(i) }
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
