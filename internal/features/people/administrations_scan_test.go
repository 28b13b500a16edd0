package people

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
)

// administrationPattern is the specification findAdministrations
// implements by hand.
var administrationPattern = regexp.MustCompile(`\b([A-Z][\p{L}'’-]+?)(?:['’]s)?\s+(administration|government|presidency|cabinet)\b`)

func checkAdministrationScan(t *testing.T, text string) {
	t.Helper()
	want := administrationPattern.FindAllStringSubmatchIndex(text, -1)
	got := findAdministrations(text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d matches, the pattern finds %d (%v)", text, len(got), len(want), want)
	}
	for i, m := range want {
		g := got[i]
		if g.start != m[0] || g.end != m[1] || g.leaderStart != m[2] || g.leaderEnd != m[3] {
			t.Fatalf("%q: match %d = %+v, the pattern gives %v", text, i, g, m)
		}
	}
}

func TestAdministrationScanMatchesPattern(t *testing.T) {
	for _, s := range []string{
		"the Biden administration", "Biden's government", "Biden’s  cabinet", "A's government", "Ab's government",
		"Xa's's presidency", "O'Neill-Smith administration", "éBiden administration", "xBiden administration",
		"Biden administration-Trump government", "Biden governments", "Biden government_x", "Biden\n\tgovernment.",
		"A government", " administration", "administration", "Trump’s administration’s", "Zoë administration",
	} {
		checkAdministrationScan(t, s)
	}
	pieces := []string{"Biden", "biden", "Trump", "A", "É", "é", "x", "_", "1", "'", "’", "'s", "’s", "-", " ", "  ", "\n", "\t", "\r",
		"administration", "government", "presidency", "cabinet", "governments", "Government", ".", ",", "\xff", "\xe2\x80", "Zoë", "s"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkAdministrationScan(t, b.String())
	}
	for _, a := range evalset.News(t) {
		checkAdministrationScan(t, a.Text)
	}
}
