package score

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// TestProfileTextSumsInIDOrder checks ProfileText bit for bit against
// Profile over the sorted n-gram ids, on single sentences (few known
// n-grams: the sorted-positions sum) and whole articles (many: the bit-set
// walk). Both must add the weights in id order, or a score's last digit
// could change.
func TestProfileTextSumsInIDOrder(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	lx := m.Lexical
	for _, text := range testutil.SeedTexts(t) {
		doc := document.New("t", text)
		texts := []string{text, ""}
		for _, s := range doc.Sentences() {
			texts = append(texts, doc.Slice(s))
		}
		for _, s := range texts {
			if got, want := lx.ProfileText(s), lx.Profile(ngramIDs(s, lx.Buckets)); got != want {
				t.Fatalf("ProfileText(%.60q) = %v, Profile = %v", s, got, want)
			}
		}
	}
}
