// Package score turns an article's findings and features into 0–100 scores
// per dimension and overall, and a verdict. The default scorer is a fitted,
// calibrated model (data/model.json, see README.md): a score of 80 means
// that among training articles scoring about 80, about 80 in 100 were
// machine-written. Decisive evidence (an error-severity finding, a person
// contradicted by the knowledge base) raises scores past the fitted value.
package score

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"sync"

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

//go:embed data/model.json
var embeddedModel []byte

// Default returns the scorer copydesk uses when no --model is given: the
// embedded fitted model. If that file were ever unreadable (a broken
// build), the interim severity scorer stands in rather than failing every
// run; TestEmbeddedModelLoads guards against it.
func Default() Scorer {
	m, err := DefaultModel()
	if err != nil {
		return severityWeight{}
	}
	return m
}

// DefaultModel returns the embedded model, parsed once per process. It is
// read-only and safe to share between goroutines.
func DefaultModel() (*Model, error) { return defaultModel() }

var defaultModel = sync.OnceValues(func() (*Model, error) { return Parse(embeddedModel) })

// Open returns the model at path, or the embedded one when path is "":
// what `--model` means on every command.
func Open(path string) (*Model, error) {
	if path == "" {
		m, err := DefaultModel()
		if err != nil {
			return nil, fmt.Errorf("built-in model: %w", err)
		}
		return m, nil
	}
	m, err := Load(path)
	if err != nil {
		return nil, fmt.Errorf("--model %s: %w", path, err)
	}
	return m, nil
}

// Load reads a model file written by `copydesk train`.
func Load(path string) (*Model, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	return m, nil
}

// Parse reads a model from its JSON form.
func Parse(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse model: %w", err)
	}
	if err := m.prepare(); err != nil {
		return nil, err
	}
	return &m, nil
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

// severityWeight is the fallback scorer: each finding adds points to its
// dimension by severity.
type severityWeight struct{}

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
