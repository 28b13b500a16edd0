// Package score turns an article's findings and features into 0–100 scores
// per dimension and overall, and a verdict.
package score

import (
	"github.com/copydesk/copydesk/internal/analysis"
)

// Thresholds are the overall scores at or above which an article warns or fails.
type Thresholds struct {
	Warn int
	Fail int
}

// Scorer scores one analysed article in place.
type Scorer interface {
	Score(res *analysis.Result, t Thresholds)
	// DefaultThresholds are the scorer's calibrated verdict thresholds.
	DefaultThresholds() Thresholds
}

// severityWeight is the interim scorer: until the fitted model lands, each
// finding adds points to its dimension by severity.
type severityWeight struct{}

// Default returns the scorer copydesk uses when no --model is given.
func Default() Scorer { return severityWeight{} }

func (severityWeight) DefaultThresholds() Thresholds { return Thresholds{Warn: 40, Fail: 70} }

func (severityWeight) Score(res *analysis.Result, t Thresholds) {
	if res.Failed() {
		return
	}
	pts := map[analysis.Dimension]int{}
	for _, f := range res.Findings {
		pts[f.Dimension] += []int{2, 12, 30}[f.Severity]
	}
	overall := 0
	for _, d := range analysis.Dimensions {
		v := min(pts[d], 100)
		res.Dimensions.Set(d, v)
		overall = max(overall, v)
	}
	res.Score = overall
	res.Verdict = Verdict(overall, t)
}

// Verdict maps a score to pass, warn or fail.
func Verdict(score int, t Thresholds) analysis.Verdict {
	switch {
	case score >= t.Fail:
		return analysis.VerdictFail
	case score >= t.Warn:
		return analysis.VerdictWarn
	}
	return analysis.VerdictPass
}
