package features

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/features/profile"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/score"
)

// EnvOptions say which run-wide resources to load.
type EnvOptions struct {
	// KnowledgeBases are extra knowledge-base files (--kb, config kb:)
	// merged over the embedded default.
	KnowledgeBases []string
	// AllowedPeople are names the house trusts (config allow.people).
	AllowedPeople []string
	// Model is the scoring model whose statistical signals the profile
	// analyzer reports; nil reports none (while fitting a model).
	Model *score.Model
	// RefStore is the reference store the coverage analyzer checks
	// people and quotes against; nil: no reference coverage.
	RefStore *refstore.Store
	// RefBatch says RefStore holds the run's own articles (score
	// --coverage batch): see refstore.BatchEnvKey.
	RefBatch bool
}

// NewEnv loads the resources analyzers read and returns the date the
// knowledge base is current to.
func NewEnv(opts EnvOptions) (*analysis.Env, string, error) {
	env := &analysis.Env{Values: map[string]any{}, AllowedPeople: map[string]bool{}}
	for _, p := range opts.AllowedPeople {
		env.AllowedPeople[p] = true
	}
	k, _, err := kb.WithUpdates() // embedded, plus what `kb update` fetched
	if err != nil {
		return nil, "", fmt.Errorf("embedded knowledge base: %w", err)
	}
	for _, p := range opts.KnowledgeBases {
		extra, err := kb.Load(p)
		if err != nil {
			return nil, "", fmt.Errorf("knowledge base %s: %w", p, err)
		}
		if k, err = k.Merge(extra); err != nil {
			return nil, "", fmt.Errorf("knowledge base %s: %w", p, err)
		}
	}
	env.Values[kb.EnvKey] = k
	env.Values[people.GazetteerKey] = k
	if opts.Model != nil {
		env.Values[profile.EnvKey] = opts.Model
	}
	if opts.RefStore != nil {
		env.Values[refstore.EnvKey] = opts.RefStore
		if opts.RefBatch {
			env.Values[refstore.BatchEnvKey] = true
		}
	}
	return env, k.AsOf.String(), nil
}
