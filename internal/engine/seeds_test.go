package engine

import (
	"context"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

// seedArticles reads testdata/seeds/cases.jsonl (text and date of the five
// articles the project started from).
func seedArticles(t *testing.T) []evalset.Article {
	t.Helper()
	var out []evalset.Article
	for _, c := range testutil.SeedCases(t) {
		out = append(out, evalset.Article{ID: c.ID, Label: "machine", Text: c.Text, Date: c.Date})
	}
	if len(out) != 5 {
		t.Fatalf("want 5 seeds, got %d", len(out))
	}
	return out
}

// TestSeedsRankAndFail: 002 (real people, real quotes, only SEO chrome) is
// the least suspicious of the five; 001 (three invented officials) has the
// highest fabrication score; 000, 003 and 004 fail at the default
// thresholds.
func TestSeedsRankAndFail(t *testing.T) {
	seeds := seedArticles(t)
	m, err := score.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	env, err := NewEnv(m)
	if err != nil {
		t.Fatal(err)
	}
	results, err := Analyze(context.Background(), seeds, env)
	if err != nil {
		t.Fatal(err)
	}
	scorer := score.Scorer(m)
	th := scorer.DefaultThresholds()
	byID := map[string]*analysis.Result{}
	// Ranks compare the unrounded overall probability: all five are
	// generated, and rounded scores of 100 would tie.
	overall := map[string]float64{}
	for i, res := range results {
		scorer.Score(res, th)
		id := seeds[i].ID[:3]
		byID[id] = res
		a := m.Assess(res, th.Fail)
		overall[id] = a.Overall
		t.Logf("%s fitted %.5f overall %.5f dims %v floored %v", id, a.Fitted, a.Overall, a.Dimensions, a.Floored)
		t.Logf("%s overall %3d %-4s %+v", id, res.Score, res.Verdict, res.Dimensions)
	}
	for id, res := range byID {
		if id != "002" && overall[id] <= overall["002"] {
			t.Errorf("seed %s overall %.6f is not above 002's %.6f", id, overall[id], overall["002"])
		}
		if id != "001" && res.Dimensions.Fabrication >= byID["001"].Dimensions.Fabrication {
			t.Errorf("seed %s fabrication %d is not below 001's %d", id, res.Dimensions.Fabrication, byID["001"].Dimensions.Fabrication)
		}
	}
	for _, id := range []string{"000", "003", "004"} {
		if byID[id].Verdict != analysis.VerdictFail {
			t.Errorf("seed %s: verdict %s (score %d, fail at %d), want fail", id, byID[id].Verdict, byID[id].Score, th.Fail)
		}
	}
}
