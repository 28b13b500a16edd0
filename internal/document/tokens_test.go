package document_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// tokenTexts adds to texts the cases where lower-casing moves offsets
// (invalid UTF-8, 'İ' and the Kelvin sign change length) and curly
// apostrophes, which WordHash reads as straight ones.
func tokenTexts(t testing.TB) []string {
	return append(texts(t),
		"İstanbul’s MAYOR said: don’t. Don't \xff bad byte.",
		"The \u212a scale, ÉCOLE Ünïcode and O’Brien’s",
		"plain ascii only, DOTTED U.S. words",
	)
}

// checkTokens compares the token view of text with the word spans lowered
// and hashed one by one, as the analyzers did before sharing it.
func checkTokens(t *testing.T, text string) {
	d := document.New("t", text)
	tk := d.Tokens()
	ws := d.Words()
	if tk.Len() != len(ws) || len(tk.Hashes()) != len(ws) {
		t.Fatalf("%d tokens, %d hashes for %d words", tk.Len(), len(tk.Hashes()), len(ws))
	}
	for i, w := range ws {
		word := text[w.Start:w.End]
		want := strings.ToLower(word)
		if got := tk.Lower(i); got != want {
			t.Fatalf("Lower(%d) of %q = %q, want %q", i, word, got, want)
		}
		key := strings.ReplaceAll(want, "’", "'")
		h := uint64(14695981039346656037)
		for k := 0; k < len(key); k++ {
			h = (h ^ uint64(key[k])) * 1099511628211
		}
		if tk.Hash(i) != h {
			t.Fatalf("Hash(%d) of %q differs from FNV-1a of %q", i, word, key)
		}
	}
	if low, ok := d.Lower(); ok && low != strings.ToLower(text) {
		t.Fatalf("Lower differs from strings.ToLower for %.60q", text)
	}
}

func TestTokensMatchWordsLowered(t *testing.T) {
	for _, text := range tokenTexts(t) {
		checkTokens(t, text)
	}
}

func TestLowerNotAlignedWhenLengthsChange(t *testing.T) {
	for _, text := range []string{"İstanbul", "bad \xff byte", "\u212a"} {
		if _, ok := document.New("t", text).Lower(); ok {
			t.Errorf("Lower(%q) reported aligned", text)
		}
	}
	if low, ok := document.New("t", "ÉCOLE O’Brien").Lower(); !ok || low != "école o’brien" {
		t.Errorf("Lower = %q, %v; want aligned école o’brien", low, ok)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range tokenTexts(f) {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}
