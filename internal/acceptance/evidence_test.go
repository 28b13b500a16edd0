package acceptance

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

// runWithConfig scores paths through the pipeline as `copydesk score` does
// with the configuration yaml.
func runWithConfig(t *testing.T, yaml string, paths ...string) map[string]*analysis.Result {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	rep := &collect{docs: map[string]*analysis.Result{}}
	_, err = pipeline.Run(context.Background(), paths, ingest.Options{}, testSetup(t, cfg).Options(), rep)
	if err != nil {
		t.Fatal(err)
	}
	return rep.docs
}

// TestDisabledRulesCarryNoWeight: with every boilerplate and templated rule
// switched off in the configuration (the statistical profiles TP012 and
// TP013 included), those two dimensions sit at their base on every seed,
// and nothing is left to fail them.
func TestDisabledRulesCarryNoWeight(t *testing.T) {
	var ids []string
	for _, r := range features.Rules().All() {
		if r.Dimension == analysis.Boilerplate || r.Dimension == analysis.Templated {
			ids = append(ids, r.ID)
		}
	}
	yaml := "rules:\n  disable: [" + strings.Join(ids, ", ") + "]\n"
	seeds, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	if len(seeds) != 5 {
		t.Fatalf("found %d seeds, want 5", len(seeds))
	}
	m, _ := score.DefaultModel()
	docs := runWithConfig(t, yaml, seeds...)
	if len(docs) != 5 {
		t.Fatalf("scored %d seeds", len(docs))
	}
	for id, res := range docs {
		for _, d := range []analysis.Dimension{analysis.Boilerplate, analysis.Templated} {
			if got, base := res.Dimensions.Get(d), int(100*m.Dimensions[string(d)].Base()+0.5); got != base {
				t.Errorf("%s: %s %d with its rules disabled, want its base %d", filepath.Base(id), d, got, base)
			}
		}
		for _, f := range res.Findings {
			if f.Dimension == analysis.Boilerplate || f.Dimension == analysis.Templated {
				t.Errorf("%s: disabled rule %s still reported", filepath.Base(id), f.Rule)
			}
		}
	}
}

// TestNoFailWithoutAFindingToPointAt scores every labelled article of
// ../shared/eval (both splits of all three sets) and checks that each fail
// has a concrete finding at warning or above that the explanation names.
func TestNoFailWithoutAFindingToPointAt(t *testing.T) {
	dir := testutil.RequireShared(t)
	if testing.Short() {
		t.Skip("scores every labelled article: not in -short")
	}
	m, _ := score.DefaultModel()
	var paths []string
	for _, name := range evalset.TrainingSets {
		paths = append(paths, filepath.Join(dir, "eval", name))
	}
	docs := runWithConfig(t, "", paths...)
	fails := 0
	for id, res := range docs {
		if res.Verdict != analysis.VerdictFail {
			continue
		}
		fails++
		named := false
		for _, f := range res.Findings {
			if f.Severity >= analysis.Warning && !f.OutsideMain && !m.SignalRules()[f.Rule] &&
				strings.Contains(res.Explanation, fmt.Sprintf("(%s", f.Rule)) {
				named = true
			}
		}
		if !named && !strings.Contains(res.Explanation, "Contradicted by the knowledge base") {
			t.Errorf("%s fails (%d) with no concrete finding named in its explanation: %s", id, res.Score, res.Explanation)
		}
	}
	if fails == 0 {
		t.Error("no article failed at all: the check tested nothing")
	}
	t.Logf("%d articles scored, %d fail, each with a named finding", len(docs), fails)
}
