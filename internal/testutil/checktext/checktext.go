// Package checktext gathers the texts an optimised fast path is checked on
// against the plain definition it replaces: the seeds, a package's own
// fixtures, awkward text the package writes for its edge cases and the
// labelled evaluation articles.
//
// It lives apart from testutil because it imports evalset, which imports
// testutil.
package checktext

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// Sources says which texts to gather besides the seed articles.
type Sources struct {
	// Globs name the package's own fixture files, relative to the
	// package directory; directories they match are passed over.
	Globs []string
	// Extra are texts written for the fast path's edge cases.
	Extra []string
	// Titled gives each evaluation article as its title, a newline and
	// its text (for checks that see the headline); otherwise text alone.
	Titled bool
}

// Texts are the seed articles, the files of s.Globs, s.Extra and the
// evaluation articles, in that order. Like evalset.News it skips the test
// when ../shared is absent.
func Texts(tb testing.TB, s Sources) []string {
	tb.Helper()
	out := testutil.ReadFiles(tb, append([]string{filepath.Join(testutil.SeedsDir(), "*.txt")}, s.Globs...)...)
	out = append(out, s.Extra...)
	for _, a := range testutil.News(tb) {
		if s.Titled {
			out = append(out, a.Title+"\n"+a.Text)
		} else {
			out = append(out, a.Text)
		}
	}
	return out
}

// Jumbled returns n texts, each 1 to 12 of pieces in a random order drawn
// from a generator seeded with seed1 and seed2, so a run is repeatable: a
// package picks pieces that stress its fast path's edges (names, the words
// it looks for, white space, broken UTF-8) and checks each text against the
// plain definition.
func Jumbled(seed1, seed2 uint64, n int, pieces []string) []string {
	r := rand.New(rand.NewPCG(seed1, seed2))
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// SameMatches fails tb unless got, a fast path's matches in text, are the
// want of a regular expression's FindAllStringSubmatchIndex: as many, and
// each got[i] the start of want[i] (a fast path may leave off the groups it
// has no use for).
func SameMatches(tb testing.TB, text string, got, want [][]int) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("%q: %d matches, the pattern finds %d (%v)", text, len(got), len(want), want)
	}
	for i, m := range want {
		if len(got[i]) > len(m) || !slices.Equal(got[i], m[:len(got[i])]) {
			tb.Fatalf("%q: match %d = %v, the pattern gives %v", text, i, got[i], m)
		}
	}
}
