package scorecmd

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/score"
)

// buildEnv loads the run-wide resources analyzers read (knowledge bases,
// allowlists, the scoring model's signals) and returns the date the
// knowledge is current to.
func buildEnv(opts *Options, cfg *config.Config, model *score.Model) (*analysis.Env, string, error) {
	return features.NewEnv(features.EnvOptions{KnowledgeBases: opts.KB, AllowedPeople: cfg.Allow.People, Model: model})
}
