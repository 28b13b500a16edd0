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

// TestLeanRanksAsProfileText: Lean, which sums in text order to skip the
// sort, agrees with ProfileText to rounding on every sentence of the news
// eval set, and picks the same most machine-like and most human-like
// sentence of every article.
func TestLeanRanksAsProfileText(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	lx := m.Lexical
	for _, a := range testutil.News(t) {
		doc := document.New(a.ID, a.Text)
		bestP, bestL, worstP, worstL := -1, -1, -1, -1
		var maxP, maxL, minP, minL float64
		for i, s := range doc.Sentences() {
			p, l := lx.ProfileText(doc.Slice(s)), lx.Lean(doc.Slice(s))
			if d := p - l; d > 1e-9 || d < -1e-9 {
				t.Fatalf("%s sentence %d: Lean %v, ProfileText %v", a.ID, i, l, p)
			}
			if bestP < 0 || p > maxP {
				bestP, maxP = i, p
			}
			if bestL < 0 || l > maxL {
				bestL, maxL = i, l
			}
			if worstP < 0 || p < minP {
				worstP, minP = i, p
			}
			if worstL < 0 || l < minL {
				worstL, minL = i, l
			}
		}
		if bestP != bestL || worstP != worstL {
			t.Fatalf("%s: Lean picks sentences %d/%d, ProfileText %d/%d", a.ID, bestL, worstL, bestP, worstP)
		}
	}
}
