package score

import (
	"math"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Evidence is what the scores read of an article: for each rule with a
// finding in the main text, the density of its findings (log(1 + findings
// per 1,000 words), so one article with a hundred hits cannot dominate a
// linear model), and for a signal rule its finding's strength. It is built
// from the findings as the user sees them, after configuration: a disabled
// rule or an allowlisted phrase has no finding, so it carries no weight,
// and an article with no finding for a dimension scores that dimension's
// base. Page chrome and furniture (OutsideMain) never count.
type Evidence map[string]float64

// EvidenceOf collects res's evidence; signals names the signal rules.
func EvidenceOf(res *analysis.Result, signals map[string]bool) Evidence {
	counts := map[string]int{}
	ev := Evidence{}
	for _, f := range res.Findings {
		if f.OutsideMain {
			continue
		}
		if signals[f.Rule] {
			ev[f.Rule] += f.Strength
			continue
		}
		counts[f.Rule]++
	}
	words := float64(max(res.Words, 1))
	for rule, n := range counts {
		ev[rule] = math.Log1p(1000 * float64(n) / words)
	}
	return ev
}
