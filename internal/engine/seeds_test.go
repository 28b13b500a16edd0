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

// TestSeedsRankAndFail: all five seeds are generated and fail at the
// default thresholds; 001 (three invented officials) has the highest
// fabrication score, and 002 (real people, real quotes, SEO chrome) has
// the highest boilerplate score and none of 001's fabrication.
func TestSeedsRankAndFail(t *testing.T) {
	seeds := seedArticles(t)
	m, err := score.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	setup, err := setupFor(m)
	if err != nil {
		t.Fatal(err)
	}
	// Scored on the run path, as copydesk score scores them.
	results, err := Run(context.Background(), seeds, setup)
	if err != nil {
		t.Fatal(err)
	}
	th := m.DefaultThresholds()
	byID := map[string]*analysis.Result{}
	for i, res := range results {
		id := seeds[i].ID[:3]
		byID[id] = res
		a := m.Assess(res, th.Fail)
		t.Logf("%s fitted %.5f overall %.5f dims %v floored %v", id, a.Fitted, a.Overall, a.Dimensions, a.Floored)
		t.Logf("%s overall %3d %-4s %+v", id, res.Score, res.Verdict, res.Dimensions)
	}
	for id, res := range byID {
		if id != "002" && res.Dimensions.Boilerplate > byID["002"].Dimensions.Boilerplate {
			t.Errorf("seed %s boilerplate %d is above 002's %d", id, res.Dimensions.Boilerplate, byID["002"].Dimensions.Boilerplate)
		}
		if id != "001" && res.Dimensions.Fabrication >= byID["001"].Dimensions.Fabrication {
			t.Errorf("seed %s fabrication %d is not below 001's %d", id, res.Dimensions.Fabrication, byID["001"].Dimensions.Fabrication)
		}
	}
	if byID["002"].Dimensions.Fabrication >= byID["001"].Dimensions.Fabrication {
		t.Errorf("002 (real people) fabrication %d not below 001's", byID["002"].Dimensions.Fabrication)
	}
	for _, id := range []string{"000", "001", "002", "003", "004"} {
		if byID[id].Verdict != analysis.VerdictFail {
			t.Errorf("seed %s: verdict %s (score %d, fail at %d), want fail", id, byID[id].Verdict, byID[id].Score, th.Fail)
		}
	}
}
