package kb

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNormalizedKeyMatchesNormalizeName checks the allocation-free ASCII
// key IsKnownPerson looks up against NormalizeName.
func TestNormalizedKeyMatchesNormalizeName(t *testing.T) {
	pieces := []string{"Joseph", "R.", "Biden", "Jr.", "jr", "II", "'", "-", "O'Brien", "al-", " ", "  ", ",", ".", "J.", "x", "A", "van", "der", "1", "\t", "&"}
	r := rand.New(rand.NewPCG(7, 8))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := string(appendNormalizedASCII(nil, s)), NormalizeName(s); got != want {
			t.Fatalf("appendNormalizedASCII(%q) = %q, NormalizeName %q", s, got, want)
		}
	}
}
