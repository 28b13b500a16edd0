package attribution

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

// runArticle runs the people and attribution analyzers on one text through
// the real driver, and returns the article result and attribution's own.
func runArticle(tb testing.TB, id, text string) (*analysis.Result, *Result) {
	tb.Helper()
	var got *Result
	capture := &analysis.Analyzer{
		Name:     "capture",
		Requires: []*analysis.Analyzer{Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			got, _ = pass.ResultOf[Analyzer].(*Result)
			return nil, nil
		},
	}
	order, err := analysis.Order([]*analysis.Analyzer{capture})
	if err != nil {
		tb.Fatal(err)
	}
	res, err := analysis.Run(document.New(id, text), order, &analysis.Env{})
	if err != nil {
		tb.Fatal(err)
	}
	if got == nil {
		tb.Fatal("attribution returned no result")
	}
	return res, got
}

// TestHumanPrecision measures how often each AT rule fires at warning or
// above on the human articles of the eval TEST split; real news should
// almost never trip them. The table is in README.md.
func TestHumanPrecision(t *testing.T) {
	arts := evalset.Filter(testutil.News(t), "test", "human")
	if len(arts) == 0 {
		t.Skip("no human test articles")
	}
	fired := map[string]int{}
	examples := map[string][]string{}
	for _, a := range arts {
		res, _ := runArticle(t, a.ID, a.Text)
		seen := map[string]bool{}
		for _, f := range res.Findings {
			if f.Dimension != analysis.Attribution || seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			fired[f.Rule]++
			if len(examples[f.Rule]) < 8 {
				examples[f.Rule] = append(examples[f.Rule], a.ID+": "+f.Text)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n| rule | severity | articles (of %d) | share |\n|---|---|---|---|\n", len(arts))
	for _, r := range rules {
		fmt.Fprintf(&b, "| %s | %s | %d | %.1f%% |\n", r.ID, r.Severity, fired[r.ID], 100*float64(fired[r.ID])/float64(len(arts)))
	}
	t.Log(b.String())
	ids := make([]string, 0, len(examples))
	for id := range examples {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("%s examples: %q", id, examples[id])
	}
	for _, r := range rules {
		share := float64(fired[r.ID]) / float64(len(arts))
		if r.Severity >= analysis.Warning && share > 0.02 {
			t.Errorf("%s fires on %.1f%% of human test articles (limit 2%%)", r.ID, 100*share)
		}
	}
}
