package templated

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestQuoteIndexMatchesInsideQuote checks the per-paragraph index against
// the direct count at every offset of texts mixing straight and curly
// quotation marks across paragraphs.
func TestQuoteIndexMatchesInsideQuote(t *testing.T) {
	texts := []string{
		"He said \"this is fine\" and left.\n\nShe wrote “an open quote that never closes.\n\nPlain paragraph with no marks.",
		"“Nested \"straight\" inside curly” then after.\n\n\"Odd \" count \" here.\n\n”Closed first“ then open.",
		"",
		"No marks at all in this one paragraph.",
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"word ", "\"", "“", "”", "\n\n", "\n", "’", "é ", ". "}
	for range 200 {
		var b strings.Builder
		for range 60 {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		doc := document.New("t", text)
		c := &collector{doc: doc}
		for off := 0; off <= len(text); off++ {
			if got, want := c.insideQuote(off), insideQuote(doc, off); got != want {
				t.Fatalf("%q at %d: index says %v, count says %v", text, off, got, want)
			}
		}
	}
}

// insideQuote is the direct count the quote index must agree with: it
// reports whether off lies between quotation marks in its
// paragraph (an odd number of quote marks precede it, or a quotation opened
// with a curly mark is still open).
func insideQuote(doc *document.Document, off int) bool {
	p := doc.ParagraphAt(off)
	if p < 0 {
		return false
	}
	seg := doc.Text[doc.Paragraphs()[p].Start:off]
	straight := strings.Count(seg, "\"")
	open, closed := strings.Count(seg, "“"), strings.Count(seg, "”")
	return straight%2 == 1 || open > closed
}
