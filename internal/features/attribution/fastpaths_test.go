package attribution

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestContainsKeywordMatchesLiteralSearch checks the one-pass keyword
// search against searching for each of superlativeKeywords in turn, on
// texts glued from the keywords, their fragments and noise.
func TestContainsKeywordMatchesLiteralSearch(t *testing.T) {
	pieces := []string{"st", "most", " ", "most ", "record", "recor", "all-tim", "all-time", "fastes", "fastest",
		"worst", "wor", "s", "t", "e", "larg", "est", "deadli", "lowest", "x"}
	for _, k := range superlativeKeywords {
		pieces = append(pieces, string(k))
	}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b []byte
		for range rng.Intn(8) {
			b = append(b, pieces[rng.Intn(len(pieces))]...)
		}
		want := false
		for _, k := range superlativeKeywords {
			want = want || bytes.Contains(b, k)
		}
		if got := containsKeyword(b); got != want {
			t.Fatalf("containsKeyword(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestKeyFilterNeverRejectsAKey checks the verb and evidence filters pass
// every key of their lists.
func TestKeyFilterNeverRejectsAKey(t *testing.T) {
	for k := range lex.verbs {
		if !lex.verbFilter.mayHave(k) {
			t.Errorf("verb filter rejects %q", k)
		}
	}
	for k := range impersonal.evidence {
		if !impersonal.evidenceFilter.mayHave(k) {
			t.Errorf("evidence filter rejects %q", k)
		}
	}
}

// fastPathTexts are this package's fixtures and some awkward quoting.
func fastPathTexts(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	var out []string
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return append(out,
		"“The pair,” she said, “will go.” Then \"another\" and “unclosed.\n\n“Continued here,” he said.",
		"Q: Who?\nA: “Me,” said Ann. \"Odd \" marks \" here\n\nNaïve Élodie’s CAFÉ said “yes”.")
}

// TestQuoteMaskMatchesLinearScan checks the merged-interval quote mask
// against the per-quotation test it replaces, at every offset.
func TestQuoteMaskMatchesLinearScan(t *testing.T) {
	for _, text := range fastPathTexts(t) {
		doc := document.New("t", text)
		qs := findQuotes(doc)
		mask := quoteMask(qs)
		for off := -1; off <= len(text)+1; off++ {
			want := false
			for _, q := range qs {
				if q.Kind != QALine && off >= q.InnerStart && off < q.InnerEnd && !(off >= q.GapStart && off < q.GapEnd) {
					want = true
					break
				}
			}
			if got := mask(off); got != want {
				t.Fatalf("offset %d of %.60q: mask %v, want %v", off, text, got, want)
			}
		}
	}
}

// TestLowerMatchesToLower checks words.lower against strings.ToLower on
// every word, ASCII or not.
func TestLowerMatchesToLower(t *testing.T) {
	for _, text := range fastPathTexts(t) {
		w := newWords(document.New("t", text))
		for i := 0; i < w.n(); i++ {
			for range 2 { // the second call reads the memo
				if got, want := w.lower(i), strings.ToLower(w.word(i)); got != want {
					t.Fatalf("lower(%q) = %q, want %q", w.word(i), got, want)
				}
			}
		}
	}
}
