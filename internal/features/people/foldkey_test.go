package people

import (
	"testing"

	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// TestSurnameIndexKeepsEveryNamesake checks the surname index's key
// against the match it stands in front of: two surnames namematch calls
// one must share a key, or the index would hide a namesake.
func TestSurnameIndexKeepsEveryNamesake(t *testing.T) {
	words := []string{"Smith", "smith", "SMITH", "Zelensky", "Zelenskyy", "Zelenskiy", "Von der Leyen", "von der Leyen",
		"Leyen", "Witkoff", "Witkof", "al-Rashid", "Al-Rashid", "Rashid", "Lee", "LEE", "O'Neill", "ONeill", "Müller", "Mueller", ""}
	joined := 0
	for _, a := range words {
		for _, b := range words {
			if namematch.SameSurname(a, b) {
				joined++
				if surnameKey(a) != surnameKey(b) {
					t.Errorf("%q and %q are one surname but index under %q and %q", a, b, surnameKey(a), surnameKey(b))
				}
			}
		}
	}
	if joined <= len(words) {
		t.Errorf("only %d pairs joined: the check tested nothing beyond identity", joined)
	}
}
