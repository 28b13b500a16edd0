package scorecmd

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
)

// buildEnv loads the run-wide resources analyzers read (knowledge bases,
// allowlists) and returns the date the knowledge is current to.
func buildEnv(opts *Options, cfg *config.Config) (*analysis.Env, string, error) {
	return features.NewEnv(features.EnvOptions{KnowledgeBases: opts.KB, AllowedPeople: cfg.Allow.People})
}
