package score

import (
	"fmt"
	"math"
	"sort"

	"github.com/copydesk/copydesk/internal/analysis"
)

// A Signal is a statistical profile of an article (its word choice, its
// style, its sourcing) that the report shows as a finding of its own, so
// that every point of a score comes from evidence an editor can see and a
// user can switch off by rule ID. Each is fitted on the training split and
// placed against the human training articles: its strength is how far the
// article's margin sits from the human median, and its percentile how many
// human articles it exceeds.
type Signal struct {
	// Rule is the ID of the finding that carries the signal (TP012 …).
	Rule string `json:"rule"`
	// Dimension is the dimension whose score reads it.
	Dimension string `json:"dimension"`
	// Kind is "lexical" (the word-choice model over the article's prose)
	// or "linear" (a logistic regression over analyzer statistics).
	Kind string `json:"kind"`
	// Features, Means, Stds and Weights define a linear signal: margin =
	// Intercept + Σ Weights[i]·clip((x_i − Means[i]) / Stds[i]).
	Features  []string  `json:"features,omitempty"`
	Means     []float64 `json:"means,omitempty"`
	Stds      []float64 `json:"stds,omitempty"`
	Weights   []float64 `json:"weights,omitempty"`
	Intercept float64   `json:"intercept,omitempty"`
	// HumanPercentiles[k] is the k-th percentile (k = 0…100) of the
	// out-of-fold margins of the human training articles.
	HumanPercentiles []float64 `json:"human_percentiles"`
	// OOFAUROC is the signal's own out-of-fold AUROC on the training data.
	OOFAUROC float64 `json:"oof_auroc"`
}

// Signal kinds.
const (
	SignalLexical = "lexical"
	SignalLinear  = "linear"
)

// Margin is the signal's raw value for an article: prose is the article's
// main text without furniture (document.Prose), feature returns the
// analyzers' statistics.
func (s *Signal) Margin(lx *Lexical, prose string, feature func(string) (float64, bool)) float64 {
	switch s.Kind {
	case SignalLexical:
		if lx == nil {
			return s.Median()
		}
		return lx.ProfileText(prose)
	case SignalLinear:
		m := s.Intercept
		for i, name := range s.Features {
			x, _ := feature(name)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				x = s.Means[i]
			}
			m += s.Weights[i] * clipStd((x-s.Means[i])/s.Stds[i])
		}
		return m
	}
	return s.Median()
}

// Median is the human training articles' median margin: the reference a
// strength is measured from.
func (s *Signal) Median() float64 {
	if len(s.HumanPercentiles) != 101 {
		return 0
	}
	return s.HumanPercentiles[50]
}

// Strength is how far margin sits above (positive: more machine-like) or
// below the human median, in margin units.
func (s *Signal) Strength(margin float64) float64 { return margin - s.Median() }

// HumanShareBelow is the share of human training articles whose margin is
// below margin (0–1), by interpolating the stored percentiles.
func (s *Signal) HumanShareBelow(margin float64) float64 {
	p := s.HumanPercentiles
	if len(p) != 101 {
		return 0.5
	}
	if margin <= p[0] {
		return 0
	}
	if margin >= p[100] {
		return 1
	}
	k := sort.SearchFloat64s(p, margin) // p[k-1] < margin <= p[k]
	lo, hi := p[k-1], p[k]
	frac := 1.0
	if hi > lo {
		frac = (margin - lo) / (hi - lo)
	}
	return (float64(k-1) + frac) / 100
}

// Beyond99 reports whether margin is past the human 99th percentile:
// outside the range of all but one in a hundred human articles.
func (s *Signal) Beyond99(margin float64) bool {
	return len(s.HumanPercentiles) == 101 && margin > s.HumanPercentiles[99]
}

func (s *Signal) check() error {
	if s.Rule == "" {
		return fmt.Errorf("signal without a rule")
	}
	if len(s.HumanPercentiles) != 101 {
		return fmt.Errorf("signal %s: %d human percentiles, want 101", s.Rule, len(s.HumanPercentiles))
	}
	switch s.Kind {
	case SignalLexical:
	case SignalLinear:
		n := len(s.Features)
		if len(s.Means) != n || len(s.Stds) != n || len(s.Weights) != n {
			return fmt.Errorf("signal %s: feature columns disagree", s.Rule)
		}
		for i, sd := range s.Stds {
			if !(sd > 0) {
				return fmt.Errorf("signal %s: feature %s has no spread", s.Rule, s.Features[i])
			}
		}
	default:
		return fmt.Errorf("signal %s: unknown kind %q", s.Rule, s.Kind)
	}
	return nil
}

// percentiles returns the 0th…100th percentiles of xs (linear
// interpolation between order statistics).
func percentiles(xs []float64) []float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	out := make([]float64, 101)
	if len(s) == 0 {
		return out
	}
	for k := 0; k <= 100; k++ {
		pos := float64(k) / 100 * float64(len(s)-1)
		i := int(pos)
		frac := pos - float64(i)
		v := s[i]
		if i+1 < len(s) {
			v += frac * (s[i+1] - s[i])
		}
		out[k] = round6(v)
	}
	return out
}

// clipStd bounds a standardised value so one outlying article cannot swing
// a linear model arbitrarily far.
func clipStd(z float64) float64 { return min(max(z, -6), 6) }

// AddSignalFindings appends to res the findings m's signals give it, as
// the profile analyzer reports them (without span or message): for
// results analysed without that analyzer, such as in tests of the fitting
// harness.
func (m *Model) AddSignalFindings(res *analysis.Result) {
	prose := ProseOf(res)
	feature := func(name string) (float64, bool) { v, ok := res.Features[name]; return v, ok }
	for _, s := range m.Signals {
		res.Findings = append(res.Findings, SignalFinding(s, s.Margin(m.Lexical, prose, feature)))
	}
}
