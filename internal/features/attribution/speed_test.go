package attribution

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil/checktext"
)

// speedTexts are the texts the fast paths are checked on: seeds, this
// package's fixtures, awkward text of our own and the evaluation articles.
func speedTexts(t *testing.T) []string {
	return checktext.Texts(t, checktext.Sources{
		Globs: []string{filepath.Join("testdata", "*.txt"), filepath.Join("testdata", "*", "*.txt")},
		Extra: []string{
			"In an İNTERVİEW with the paper:\nA: Yes.\nIn an InterVIEW, THE LARGEſT crowd.\nThe ſtrongest. The moſt \u212aey record-high all-time low.",
			"interview\xffinterview inter\xc4view intervie\u212a The BIGGEST, the most popular, ALL-TIME HIGH, record levels",
		},
	})
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

// lowerContainsInterview is strings.Contains(strings.ToLower(s),
// "interview"), by firstInterviewEnd.
func lowerContainsInterview(s string) bool { return firstInterviewEnd(s) >= 0 }
