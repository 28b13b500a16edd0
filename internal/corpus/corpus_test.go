package corpus

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestApplyAddsWithdrawsAndReplaces(t *testing.T) {
	res := &analysis.Result{
		Findings: []analysis.Finding{{Rule: "FB004", Start: 10, End: 20}, {Rule: "TP001", Start: 0, End: 5}},
		Entities: []analysis.Entity{{Name: "Ann Lee", Status: analysis.Unverifiable}},
	}
	Apply(res, Amendment{
		Withdraw: []Withdrawal{{Rule: "FB004", At: 12}},
		Findings: []analysis.Finding{{Rule: "TP010", Start: 3, End: 9}},
		Entities: []analysis.Entity{{Name: "Ann Lee", Status: analysis.Corroborated}, {Name: "Bo Chen", Status: analysis.Unknown}},
	})
	if len(res.Findings) != 2 || res.Findings[0].Rule != "TP001" || res.Findings[1].Rule != "TP010" {
		t.Fatalf("findings %+v", res.Findings)
	}
	if len(res.Entities) != 2 || res.Entities[0].Status != analysis.Corroborated {
		t.Fatalf("entities %+v", res.Entities)
	}
}
