package people

import (
	"strings"
	"testing"
)

// TestFoldKeyMatchesEqualFold checks the surname index's key against
// strings.EqualFold, which the surname lookup used before it was indexed.
func TestFoldKeyMatchesEqualFold(t *testing.T) {
	words := []string{"Smith", "smith", "SMITH", "ſmith", "Kelvin", "\u212aelvin", "kelvin", "Müller", "MÜLLER", "müller",
		"Straße", "STRASSE", "Σίσυφος", "ΣΊΣΥΦΟΣ", "σίσυφος", "al-Rashid", "Al-Rashid", "", "\xff", "\xfe"}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("foldKey(%q) == foldKey(%q) is %v, EqualFold says %v", a, b, got, want)
			}
		}
	}
}
