package templated

import "testing"

// The variant index answers what comparing every pair answers.
func TestVariantIndexMatchesPairwise(t *testing.T) {
	forms := []string{"Starmer", "Starmr", "Star", "Zelensky", "Zelenskky", "Zel", "Biden", "Bidens", "B", "Obama", "Ó", "Óscar", "Mr"}
	names := make([]nameMention, len(forms))
	for i, f := range forms {
		names[i] = nameMention{form: f}
	}
	v := newVariantIndex(names)
	for gi := range names {
		if got, want := v.of(gi), variantOfAnotherScan(names, gi); got != want {
			t.Errorf("%q: index says %v, pairwise %v", forms[gi], got, want)
		}
	}
}
