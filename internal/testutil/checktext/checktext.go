// Package checktext gathers the texts an optimised fast path is checked on
// against the plain definition it replaces: the seeds, a package's own
// fixtures, awkward text the package writes for its edge cases and the
// labelled evaluation articles.
//
// It lives apart from testutil because it imports evalset, which imports
// testutil.
package checktext

import (
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
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
	for _, a := range evalset.News(tb) {
		if s.Titled {
			out = append(out, a.Title+"\n"+a.Text)
		} else {
			out = append(out, a.Text)
		}
	}
	return out
}
