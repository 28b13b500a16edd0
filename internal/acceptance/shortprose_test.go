package acceptance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPageWithLittleProseIsWeighedAsShort: a page that is mostly headline
// stack and photo caption (printed twice, once with its credit) carries a
// single sentence of running text. The statistics read that sentence only,
// so the page counts as short, its score is weighed toward the base and it
// cannot fail on statistics. The page is written for this test.
func TestPageWithLittleProseIsWeighedAsShort(t *testing.T) {
	caption := "The transport minister, pictured here at the reopening of the harbour bridge, speaks to reporters at the quay in Portmouth."
	page := strings.Join([]string{
		"Search", "The Coastal Courier", "Politics", "",
		"Harbour Bridge Reopens in Landmark Moment for Coastal Region's Thriving Future", "",
		"The reopening marks a pivotal milestone, underscoring the region's unwavering commitment to resilient, innovative infrastructure that fosters growth.", "",
		caption, caption + " AP/Jan Novak", "",
	}, "\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "page.txt")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runWithConfig(t, "", path)[path]
	if res == nil {
		t.Fatal("page not scored")
	}
	if res.ProseWords != 18 {
		t.Errorf("prose words %d, want 18 (the standfirst sentence alone)", res.ProseWords)
	}
	note := false
	for _, n := range res.Notes {
		note = note || strings.Contains(n, "18 words of running text")
	}
	if !note || res.Verdict == "fail" {
		t.Errorf("score %d %s, notes %q: want the short-text note and no fail", res.Score, res.Verdict, res.Notes)
	}
}
