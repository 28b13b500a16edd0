package fabrication

import (
	"regexp"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
	"github.com/copydesk/copydesk/internal/testutil/checktext"
)

// administrationPattern is the specification findAdministrations
// implements by hand.
var administrationPattern = regexp.MustCompile(`\b([A-Z][a-z]+)(?:-[A-Z][a-z]+)?\s+(administration|Administration|White House|presidency|government|Government|cabinet)\b`)

func checkAdministrationScan(t *testing.T, text string) {
	t.Helper()
	var got [][]int
	for _, g := range findAdministrations(text) {
		got = append(got, []int{g.Start, g.End, g.NameStart, g.NameEnd, g.NounStart, g.End})
	}
	checktext.SameMatches(t, text, got, administrationPattern.FindAllStringSubmatchIndex(text, -1))
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
	for _, s := range checktext.Jumbled(3, 4, 20000, pieces) {
		checkAdministrationScan(t, s)
	}
	for _, a := range testutil.News(t) {
		checkAdministrationScan(t, a.Text)
	}
}
