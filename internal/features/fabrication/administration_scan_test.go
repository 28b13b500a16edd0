package fabrication

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
)

// administrationPattern is the specification findAdministrations
// implements by hand.
var administrationPattern = regexp.MustCompile(`\b([A-Z][a-z]+)(?:-[A-Z][a-z]+)?\s+(administration|Administration|White House|presidency|government|Government|cabinet)\b`)

func checkAdministrationScan(t *testing.T, text string) {
	t.Helper()
	want := administrationPattern.FindAllStringSubmatchIndex(text, -1)
	got := findAdministrations(text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d matches, the pattern finds %d (%v)", text, len(got), len(want), want)
	}
	for i, m := range want {
		g := got[i]
		if g.start != m[0] || g.end != m[1] || g.nameStart != m[2] || g.nameEnd != m[3] || g.nounStart != m[4] || g.end != m[5] {
			t.Fatalf("%q: match %d = %+v, the pattern gives %v", text, i, g, m)
		}
	}
}

func TestAdministrationScanMatchesPattern(t *testing.T) {
	for _, s := range []string{
		"the Biden administration", "the Biden-Harris administration", "Aaa-Bbb-Ccc administration", "xAaa-Bbb administration",
		"ABiden government", "the Trump White House", "White House administration", "Biden Government administration",
		"Biden governments", "Biden\n\tcabinet.", "Biden  presidency_", "Obama-biden administration", "-Biden administration",
	} {
		checkAdministrationScan(t, s)
	}
	pieces := []string{"Biden", "biden", "Harris", "A", "B", "x", "_", "1", "-", " ", "  ", "\n", "\t", "\r", "é", "É",
		"administration", "Administration", "White House", "White", "House", "presidency", "government", "Government", "cabinet",
		"governments", ".", "'s", "\xff"}
	r := rand.New(rand.NewPCG(3, 4))
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
