package templated

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// covered reports whether some templated finding overlaps an occurrence of
// want (case-insensitive) in text.
func covered(text, want string, fs []analysis.Finding) bool {
	lt, lw := strings.ToLower(text), strings.ToLower(want)
	for off := 0; ; {
		i := strings.Index(lt[off:], lw)
		if i < 0 {
			return false
		}
		s, e := off+i, off+i+len(lw)
		for _, f := range fs {
			if f.Dimension == analysis.Templated && f.Start < e && f.End > s {
				return true
			}
		}
		off = e
	}
}

func TestSeedsTemplatedExpectations(t *testing.T) {
	for _, c := range testutil.SeedCases(t) {
		doc := document.New(c.ID, c.Text)
		res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range c.Expect.Templated {
			if !covered(c.Text, want, res.Findings) {
				t.Errorf("seed %s: no templated finding covers %q", c.ID, want)
			}
		}
	}
}
