package templated

import (
	"testing"

	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// TestGarbledPair pins which spelling pairs count as garbled (before the
// slot and known-word checks of findGarbledNames): slips of one or two
// letters do, accepted variants of one name do not.
func TestGarbledPair(t *testing.T) {
	for _, tc := range []struct {
		g, c string
		want bool
	}{
		{"Zelenksy", "Zelensky", true},  // swapped letters
		{"Zelenskky", "Zelensky", true}, // a doubled consonant no romanisation writes
		{"Starmr", "Starmer", true},     // a dropped letter
		{"Barrioneuvo", "Barrionuevo", true},
		{"Zelenskyy", "Zelensky", false}, // transliteration
		{"Zelenskiy", "Zelensky", false},
		{"Mohamed", "Mohammed", false},
		{"Gadafi", "Gaddafi", false},
		{"José", "Jose", false}, // diacritics
		{"Al-Hasan", "Al-Hassan", false},
		{"Israeli", "Israel", false}, // demonym, plural, possessive form
		{"Smiths", "Smith", false},
		{"Sutton", "Hutton", false},    // a different first letter: a different name
		{"Rinaldi", "Ronaldo", true},   // near enough; the slot and known-word checks decide
		{"Johnston", "Johnson", true},  // likewise
		{"Clinton", "Clarkson", false}, // too far
	} {
		if got := garbledPair(tc.g, tc.c); got != tc.want {
			t.Errorf("garbledPair(%q, %q) = %v, want %v", tc.g, tc.c, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"Zelensky", "Zelenksy", 1}, {"Starmer", "Starmr", 1}, {"Greene", "Greece", 1},
		{"Ronaldo", "Rinaldi", 2}, {"", "abc", 3}, {"Łódź", "Lodz", 3},
	} {
		if got := namematch.Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("namematch.Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
