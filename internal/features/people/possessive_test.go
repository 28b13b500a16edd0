package people

import (
	"strings"
	"testing"
)

// possessiveSuffixReference is the plain form possessiveSuffix must match.
func possessiveSuffixReference(w string) int {
	if w == "" || w[len(w)-1] != 's' && w[len(w)-1] != 'S' {
		return 0
	}
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

func TestPossessiveSuffixMatchesReference(t *testing.T) {
	parts := []string{"", "a", "s", "S", "'", "’", "\x80", "\x99", "\xe2", "Trump", "officials"}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				w := a + b + c
				if got, want := possessiveSuffix(w), possessiveSuffixReference(w); got != want {
					t.Fatalf("possessiveSuffix(%q) = %d, reference %d", w, got, want)
				}
			}
		}
	}
}
