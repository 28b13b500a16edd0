package htmlreport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

// seedResults analyses the five seed articles with the real analyzers and
// scorer, as `copydesk score` does. The seeds are all dated 2025-03-05.
func seedResults(t *testing.T) []*analysis.Result {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles in testdata/seeds (%v)", err)
	}
	analyzers, err := analysis.Order(features.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	scorer := score.Default()
	date := time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
	var out []*analysis.Result
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New(strings.TrimSuffix(filepath.Base(f), ".txt"), string(text))
		doc.Date = date
		doc.Path = f
		res, err := analysis.Run(doc, analyzers, &analysis.Env{})
		if err != nil {
			t.Fatalf("analyse %s: %v", f, err)
		}
		scorer.Score(res, scorer.DefaultThresholds())
		out = append(out, res)
	}
	return out
}

// TestBrowserSeedsReport opens the report of the seeds, analysed by the real
// detectors, and checks each article shows exactly what its result holds.
func TestBrowserSeedsReport(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	results := seedResults(t)

	var buf strings.Builder
	rep := New(&buf)
	if err := rep.Start(report.RunInfo{Version: "test", Rules: ruleIndex(t)}); err != nil {
		t.Fatal(err)
	}
	findings, people := 0, 0
	for _, res := range results {
		if err := rep.Document(res); err != nil {
			t.Fatal(err)
		}
		findings += len(res.Findings)
		people += len(res.Entities)
	}
	if err := rep.Finish(report.Summary{Articles: len(results)}); err != nil {
		t.Fatal(err)
	}
	t.Logf("seeds: %d articles, %d findings, %d people", len(results), findings, people)
	file := writeReportFile(t, "seeds.html", []byte(buf.String()))
	b.open(t, file)

	if rows := overviewRows(t, b); len(rows) != len(results) {
		t.Fatalf("overview has %d rows, want %d", len(rows), len(results))
	}
	b.screenshot(t, "seeds-overview")
	most := 0
	for i, res := range results {
		if len(res.Findings) > len(results[most].Findings) {
			most = i
		}
	}
	for i, res := range results {
		shot := ""
		if i == most {
			shot = "seeds-article"
		}
		checkArticle(t, b, res, i, i%2 == 1, shot)
	}
	b.clean(t)
}

// ruleIndex indexes the analyzers' rules for tooltips. It keeps the first of
// a duplicated ID rather than panicking as features.Rules does: duplicates
// are the registry's tests' business, not this report's.
func ruleIndex(t *testing.T) *analysis.RuleIndex {
	seen := map[string]bool{}
	var rules []analysis.Rule
	for _, a := range features.Analyzers() {
		for _, r := range a.Rules {
			if seen[r.ID] {
				t.Logf("rule %s is declared twice; the report shows the first", r.ID)
				continue
			}
			seen[r.ID] = true
			rules = append(rules, r)
		}
	}
	return analysis.NewRuleIndex(rules)
}
