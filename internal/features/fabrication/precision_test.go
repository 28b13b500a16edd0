package fabrication

import (
	"sort"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/testutil"
)

// TestHumanPrecision runs over every human-written article of the eval set
// (2004–2019 news, undated, so only date-free checks run) and reports the
// share of articles in which anyone is called contradicted or
// unverifiable, with the names. Real reporting should almost never be
// flagged: the aim is under 1%, and the test fails above 2%.
func TestHumanPrecision(t *testing.T) {
	arts := evalset.Filter(testutil.News(t), "", "human")
	if len(arts) == 0 {
		t.Skip("no human articles")
	}
	env := defaultEnv(t)
	flagged := 0
	var examples []string
	for _, a := range arts {
		res := analyze(t, a.ID, a.Text, "", env)
		var bad []string
		for _, e := range res.Entities {
			if e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable {
				bad = append(bad, string(e.Status)+": "+e.Name+" ("+e.Role+")")
			}
		}
		if len(bad) > 0 {
			flagged++
			examples = append(examples, a.ID+": "+strings.Join(bad, "; "))
		}
	}
	sort.Strings(examples)
	share := float64(flagged) / float64(len(arts))
	t.Logf("human articles with a contradicted or unverifiable person: %d of %d (%.2f%%)", flagged, len(arts), 100*share)
	for _, e := range examples {
		t.Log("  " + e)
	}
	// For contrast (no assertion: machine articles need not name anyone).
	var machine []evalset.Article
	if !testing.Short() {
		machine = evalset.Filter(testutil.News(t), "", "machine")
	}
	mFlagged := 0
	for _, a := range machine {
		res := analyze(t, a.ID, a.Text, "", env)
		for _, e := range res.Entities {
			if e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable {
				mFlagged++
				break
			}
		}
	}
	if len(machine) > 0 {
		t.Logf("machine articles with a contradicted or unverifiable person: %d of %d (%.2f%%)", mFlagged, len(machine), 100*float64(mFlagged)/float64(len(machine)))
	}
	if share > 0.02 {
		t.Errorf("%.2f%% of human articles flagged, want under 2%% (aim: 1%%)", 100*share)
	}
}
