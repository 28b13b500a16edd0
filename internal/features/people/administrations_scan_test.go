package people

import (
	"regexp"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil/checktext"
)

// administrationPattern is the specification findAdministrations
// implements by hand.
var administrationPattern = regexp.MustCompile(`\b([A-Z][\p{L}'’-]+?)(?:['’]s)?\s+(administration|government|presidency|cabinet)\b`)

func checkAdministrationScan(t *testing.T, text string) {
	t.Helper()
	var got [][]int
	for _, g := range findAdministrations(text) {
		got = append(got, []int{g.Start, g.End, g.NameStart, g.NameEnd})
	}
	checktext.SameMatches(t, text, got, administrationPattern.FindAllStringSubmatchIndex(text, -1))
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
	for _, s := range checktext.Jumbled(1, 2, 20000, pieces) {
		checkAdministrationScan(t, s)
	}
	for _, a := range evalset.News(t) {
		checkAdministrationScan(t, a.Text)
	}
}
