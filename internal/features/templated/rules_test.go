package templated

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// TestRuleExamplesTrigger: the example `copydesk explain` prints must
// trigger its rule (TP009 needs a headline and TP010 a batch: tested apart).
func TestRuleExamplesTrigger(t *testing.T) {
	for _, r := range Analyzer.Rules {
		if r.ID == ruleTitleAbsent {
			continue
		}
		if r.Since != "0.1.0" || r.Title == "" || r.Doc == "" || r.Dimension != analysis.Templated {
			t.Errorf("%s: incomplete documentation", r.ID)
		}
		res, err := analysis.Run(document.New(r.ID, r.Example), []*analysis.Analyzer{Analyzer}, nil)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range res.Findings {
			found = found || f.Rule == r.ID
		}
		if !found {
			t.Errorf("%s example %q does not trigger it: %+v", r.ID, r.Example, res.Findings)
		}
	}
}
