package fabrication

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// TestRulesRegisterOnce: the analyzer's and the batch check's rules
// together index without a duplicate ID, and every rule is documented.
func TestRulesRegisterOnce(t *testing.T) {
	all := append(append([]analysis.Rule{}, Analyzer.Rules...), NewBatch(nil).Rules()...)
	ix := analysis.NewRuleIndex(all) // panics on a duplicate ID
	if len(ix.All()) != 7 {
		t.Fatalf("%d rules, want FB001–FB006 and FB011", len(ix.All()))
	}
	for _, r := range ix.All() {
		if r.Title == "" || r.Doc == "" || r.Example == "" || r.Since == "" || r.Dimension != analysis.Fabrication {
			t.Errorf("rule %s incompletely documented: %+v", r.ID, r)
		}
	}
}
