package scorecmd

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/score"
)

// buildEnv loads the run-wide resources analyzers read (knowledge bases,
// allowlists) and returns the date the knowledge is current to.
func buildEnv(opts *Options, cfg *config.Config) (*analysis.Env, string, error) {
	return features.NewEnv(features.EnvOptions{KnowledgeBases: opts.KB, AllowedPeople: cfg.Allow.People})
}

// loadScorer returns the model at path (from `copydesk train`), or the
// embedded fitted model when path is "".
func loadScorer(path string) (score.Scorer, error) {
	if path == "" {
		return score.Default(), nil
	}
	m, err := score.Load(path)
	if err != nil {
		return nil, fmt.Errorf("--model %s: %w", path, err)
	}
	return m, nil
}
