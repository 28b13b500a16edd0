package people

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestTokenLowerCase checks the lower-case form cut from the lower-cased
// text is strings.ToLower of every token, including text where lowering
// changes a rune's length ("İ") or that is not valid UTF-8.
func TestTokenLowerCase(t *testing.T) {
	texts := []string{"İstanbul Mayor Ekrem İmamoğlu said", "KELVIN \u212a Straße ÆØÅ", "bad \xff UTF-8 Word", "Dr. J. R. R. Tolkien's O’Brien"}
	for _, a := range testutil.News(t) {
		texts = append(texts, a.Text)
	}
	for _, text := range texts {
		f := newFinder(text)
		for i := range f.toks {
			if want := strings.ToLower(f.tok(i)); f.lower(i) != want {
				t.Fatalf("token %q: lower %q, want %q", f.tok(i), f.lower(i), want)
			}
		}
	}
}
