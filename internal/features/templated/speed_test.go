package templated

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

// speedTexts are the articles the allocation-free shortcuts are checked on:
// seeds, this package's fixtures and awkward words of our own.
func speedTexts(t *testing.T) []string {
	var out []string
	for _, glob := range []string{
		filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"),
		filepath.Join("testdata", "*.txt"),
	} {
		paths, _ := filepath.Glob(glob)
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	out = append(out, "Children’S CHILDREN'S Élodie’s it’s IT'S s' 's a b U.S. co-op ÇA naïve İstanbul \xff\xfeBad bytes “quoted” \"x\" – ”")
	for _, a := range evalset.News(t) {
		out = append(out, a.Title+"\n"+a.Text)
	}
	return out
}

// TestFastKeysMatchReference checks that the allocation-free word keys,
// hashes, stems and quote test agree with the plain definitions they
// replace, on every word of real and awkward text.
func TestFastKeysMatchReference(t *testing.T) {
	for _, text := range speedTexts(t) {
		for _, w := range document.WordSpans(text, 0, len(text), nil) {
			word := text[w.Start:w.End]
			if got, want := string(appendWordKey(nil, word)), wordKey(word); got != want {
				t.Fatalf("appendWordKey(%q) = %q, want %q", word, got, want)
			}
			if got, want := wordHash(word), fnv64(wordKey(word)); got != want {
				t.Fatalf("wordHash(%q) differs from fnv64(wordKey)", word)
			}
			if got, want := stemKey(word), packStem(stem(word)); got != want {
				t.Fatalf("stemKey(%q) = %x, want %x (stem %q)", word, got, want, stem(word))
			}
		}
		doc := document.New("t", text)
		for _, s := range doc.Sentences() {
			sent := doc.Slice(s)
			if got, want := hasQuoteMark(sent), strings.ContainsAny(sent, "\"“”"); got != want {
				t.Fatalf("hasQuoteMark(%q) = %v, want %v", sent, got, want)
			}
		}
	}
}

func packStem(s string) uint64 {
	k := uint64(len(s)) << 40
	for i := 0; i < len(s); i++ {
		k |= uint64(s[i]) << (8 * i)
	}
	return k
}
