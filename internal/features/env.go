package features

import (
	"github.com/copydesk/copydesk/internal/analysis"
)

// EnvOptions say which run-wide resources to load.
type EnvOptions struct {
	// KnowledgeBases are extra knowledge-base files (--kb, config kb:).
	KnowledgeBases []string
	// AllowedPeople are names the house trusts (config allow.people).
	AllowedPeople []string
}

// NewEnv loads the resources analyzers read and returns the date the
// knowledge base is current to.
func NewEnv(opts EnvOptions) (*analysis.Env, string, error) {
	env := &analysis.Env{Values: map[string]any{}, AllowedPeople: map[string]bool{}}
	for _, p := range opts.AllowedPeople {
		env.AllowedPeople[p] = true
	}
	return env, "", nil
}
