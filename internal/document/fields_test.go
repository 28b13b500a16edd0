package document_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestCountFieldsMatchesFields checks the in-place word count against
// strings.Fields on every line of the test texts and on awkward spacing.
func TestCountFieldsMatchesFields(t *testing.T) {
	lines := []string{"", " ", "a", " a  b\tc\u00a0d\u2003e\u0085f \xff g ", "\v\f\r\n", strings.Repeat("w ", 100)}
	for _, text := range texts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, l := range lines {
		want := len(strings.Fields(l))
		for _, limit := range []int{1, 5, 17, 21, 71, 1 << 20} {
			if got := document.CountFields(l, limit); got != min(want, limit) {
				t.Fatalf("CountFields(%.40q, %d) = %d, want %d", l, limit, got, min(want, limit))
			}
		}
	}
}

// furnitureLines are lines a prefilter must not misjudge: every line of
// the test texts and furniture of each shape, in awkward cases.
func furnitureLines(t testing.TB) []string {
	lines := []string{"© 2025 Example News", "(c) 2024", "(C)\t2024", "COPYRIGHT 2025", "All Rights Reserved.",
		"Do Not Sell or Share My Personal Information", "Privacy Policy", "Terms of Service", "Cookie Settings",
		"3 MIN READ", "2 min read", "Reading Time: 4 minutes", "all rightſ reserved", "\u212aookie policy", "coo\u212aie settings",
		"Copyright notice", "copyrighted", "5 minutes read"}
	for _, text := range texts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	return lines
}

// TestFurniturePrefiltersNeverMiss checks that the substring prefilters
// reject no line their pattern matches.
func TestFurniturePrefiltersNeverMiss(t *testing.T) {
	for _, l := range furnitureLines(t) {
		checkPrefilters(t, l)
	}
}

func checkPrefilters(t *testing.T, l string) {
	if document.MatchLegal(l) && !document.MayMatchLegal(l) {
		t.Fatalf("legal prefilter rejects %q, which the pattern matches", l)
	}
	if document.MatchReading(l) && !document.MayMatchReading(l) {
		t.Fatalf("reading-time prefilter rejects %q, which the pattern matches", l)
	}
}

func FuzzFurniturePrefilters(f *testing.F) {
	for _, l := range furnitureLines(f) {
		f.Add(l)
	}
	f.Fuzz(checkPrefilters)
}
