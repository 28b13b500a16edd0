package attribution

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

// speedTexts are the texts the fast paths are checked on: seeds, this
// package's fixtures, awkward text of our own and the evaluation articles.
func speedTexts(t *testing.T) []string {
	var out []string
	for _, glob := range []string{
		filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"),
		filepath.Join("testdata", "*.txt"),
		filepath.Join("testdata", "*", "*.txt"),
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
	out = append(out,
		"In an İNTERVİEW with the paper:\nA: Yes.\nIn an InterVIEW, THE LARGEſT crowd.\nThe ſtrongest. The moſt \u212aey record-high all-time low.",
		"interview\xffinterview inter\xc4view intervie\u212a The BIGGEST, the most popular, ALL-TIME HIGH, record levels")
	for _, a := range evalset.News(t) {
		out = append(out, a.Text)
	}
	return out
}

// TestFastPathsMatchReference checks the transcript-introduction test and
// the superlative guard against the plain definitions they replace.
func TestFastPathsMatchReference(t *testing.T) {
	for _, text := range speedTexts(t) {
		cache := newWords(document.New("t", text))
		for off := 0; off <= len(text); {
			want := strings.Contains(strings.ToLower(text[:off]), "interview")
			if got := lowerContainsInterview(text[:off]); got != want {
				t.Fatalf("lowerContainsInterview(%q) = %v, want %v", text[:off], got, want)
			}
			if got := cache.interviewBefore(text, off); got != want {
				t.Fatalf("interviewBefore(%q) = %v, want %v", text[:off], got, want)
			}
			for _, max := range []int{3, 7} {
				line := text[off:]
				if nl := strings.IndexByte(line, '\n'); nl >= 0 {
					line = line[:nl]
				}
				if got := fieldsOver(line, max); got != (len(strings.Fields(line)) > max) {
					t.Fatalf("fieldsOver(%q, %d) = %v", line, max, got)
				}
			}
			next := strings.IndexAny(text[off:], "\n:İ")
			if next < 0 {
				break
			}
			off += next + 1
		}
		doc := document.New("t", text)
		w := newWords(doc)
		for i := 0; i < w.n(); i++ {
			if got, want := w.lower(i), strings.ToLower(w.word(i)); got != want {
				t.Fatalf("lower(%q) = %q, want %q", w.word(i), got, want)
			}
		}
		var buf []byte
		for _, s := range doc.Sentences() {
			sent := doc.Slice(s)
			if !superlativeKeyword(sent, &buf) && superlativeRE.MatchString(sent) {
				t.Fatalf("superlativeKeyword(%q) false but the expression matches", sent)
			}
		}
	}
}
