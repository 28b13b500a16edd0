package pipeline

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/score"
)

// Setup is everything a run needs besides its articles, built once from
// what the user asked for: the configuration and the policy it implies, the
// knowledge bases, the scoring model, and the analyzers with their
// environment. `copydesk score`, `eval` and `train`, the tests and the
// benchmarks all build their run here, so the figures each reports come
// from the same path.
type Setup struct {
	Config *config.Config
	// Model scores the articles and supplies the statistical signals the
	// profile analyzer reports; nil while a model is being fitted.
	Model     *score.Model
	Env       *analysis.Env
	KBAsOf    string // the date the knowledge base is current to
	Analyzers []*analysis.Analyzer
	Policy    *config.Policy
	Rules     *analysis.RuleIndex
}

// SetupOptions say what to load.
type SetupOptions struct {
	// Config is the configuration in force (nil: none).
	Config *config.Config
	// KnowledgeBases are knowledge-base files merged over the embedded one.
	KnowledgeBases []string
	// Model is the scoring model; when nil, ModelPath is loaded ("" for
	// the embedded model).
	Model     *score.Model
	ModelPath string
	// Fitting sets up a run for `copydesk train`: no scorer, and no model
	// in the environment (the trainer measures the signals out of fold).
	Fitting bool
	// RefStore is an open reference store for the coverage analyzer
	// (nil: none; the caller opens and closes it).
	RefStore *refstore.Store
	// RefBatch says RefStore holds the run's own articles (score
	// --coverage batch), not a reference (refstore.BatchEnvKey).
	RefBatch bool
}

// NewSetup loads what o names. Errors name the file at fault.
func NewSetup(o SetupOptions) (*Setup, error) {
	s := &Setup{Config: o.Config, Rules: features.Rules()}
	if s.Config == nil {
		s.Config = &config.Config{}
	}
	if !o.Fitting {
		s.Model = o.Model
		if s.Model == nil {
			m, err := score.Open(o.ModelPath)
			if err != nil {
				return nil, err
			}
			s.Model = m
		}
	}
	env, asOf, err := features.NewEnv(features.EnvOptions{
		KnowledgeBases: o.KnowledgeBases, AllowedPeople: s.Config.Allow.People, Model: s.Model,
		RefStore: o.RefStore, RefBatch: o.RefBatch,
	})
	if err != nil {
		return nil, err
	}
	s.Env, s.KBAsOf = env, asOf
	if s.Analyzers, err = analysis.Order(features.Analyzers()); err != nil {
		return nil, fmt.Errorf("analyzers: %w", err)
	}
	var defaults score.Thresholds
	if s.Model != nil {
		defaults = s.Model.DefaultThresholds()
	}
	s.Policy = config.NewPolicy(s.Config, defaults)
	return s, nil
}

// Options returns the pipeline options of this setup; the caller sets what
// depends on the input and output (jobs, streaming, text kept, progress)
// and adds the batch checks when it wants them.
func (s *Setup) Options() Options {
	o := Options{Analyzers: s.Analyzers, Env: s.Env, Policy: s.Policy}
	if s.Model != nil {
		o.Scorer = s.Model
	}
	return o
}

// CorpusChecks returns fresh batch checks for one run: streaming (jsonl,
// the service's window) amends each article from those before it; batch
// amends every article once all are read.
func (s *Setup) CorpusChecks(streaming bool) []corpus.Check {
	if streaming {
		return features.NewStreamingCorpusChecks(s.Env)
	}
	return features.NewCorpusChecks(s.Env)
}

// StreamingChecks returns fresh batch checks for a streaming run bounded
// by w: each article is amended from the articles before it in its window.
func (s *Setup) StreamingChecks(w corpus.Window) []corpus.Check {
	return features.NewWindowedCorpusChecks(s.Env, w)
}

// KeyedChecks returns the batch checks in their keyed form, for a sharded
// run (key files) or a Beam pipeline.
func (s *Setup) KeyedChecks() []corpus.Keyed { return features.KeyedChecks(s.Env) }
