package boilerplate

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// analyze runs the boilerplate analyzer alone over text.
func analyze(t testing.TB, id, text string) *analysis.Result {
	t.Helper()
	doc := document.New(id, text)
	res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// covered reports whether a boilerplate finding spans text[start:end].
func covered(res *analysis.Result, start, end int) *analysis.Finding {
	for i, f := range res.Findings {
		if f.Dimension == analysis.Boilerplate && f.Start <= start && f.End >= end {
			return &res.Findings[i]
		}
	}
	return nil
}

// TestSeeds checks every boilerplate expectation of testdata/seeds/cases.jsonl
// is covered by a boilerplate finding in that seed.
func TestSeeds(t *testing.T) {
	n := 0
	for _, c := range testutil.SeedCases(t) {
		n++
		res := analyze(t, c.ID, c.Text)
		for _, want := range c.Expect.Boilerplate {
			i := strings.Index(c.Text, want)
			if i < 0 {
				t.Errorf("%s: expectation %q is not in the text", c.ID, want)
				continue
			}
			if fd := covered(res, i, i+len(want)); fd == nil {
				t.Errorf("%s: no boilerplate finding covers %q", c.ID, want)
			} else {
				t.Logf("%s: %q ← %s %s", c.ID, want, fd.Rule, fd.Message)
			}
		}
		for _, fd := range res.Findings {
			t.Logf("%s: %s %s line %d %q", c.ID, fd.Rule, fd.Severity, fd.Line, trimQuote(fd.Text))
		}
	}
	if n != 5 {
		t.Errorf("read %d seeds, want 5", n)
	}
}

func trimQuote(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
