// Package features assembles copydesk's analyzers and batch checks: the one
// place a new detector is registered.
package features

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/boilerplate"
	"github.com/copydesk/copydesk/internal/features/coverage"
	"github.com/copydesk/copydesk/internal/features/fabrication"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/features/profile"
	"github.com/copydesk/copydesk/internal/features/style"
	"github.com/copydesk/copydesk/internal/features/templated"
	"github.com/copydesk/copydesk/internal/kb"
)

// Analyzers returns every per-article analyzer.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		boilerplate.Analyzer,
		templated.Analyzer,
		people.Analyzer,
		attribution.Analyzer,
		fabrication.Analyzer,
		coverage.Analyzer,
		style.Analyzer,
		profile.Analyzer,
	}
}

// NewCorpusChecks returns fresh batch checks for one run, reading the
// knowledge base from env (nil: the embedded default).
func NewCorpusChecks(env *analysis.Env) []corpus.Check {
	var k *kb.KB
	if v, ok := env.Value(kb.EnvKey).(*kb.KB); ok {
		k = v
	}
	return []corpus.Check{
		boilerplate.NewRepeatedLines(),
		templated.NewSharedSentences(),
		fabrication.NewBatch(k),
	}
}

// Rules returns every rule copydesk can report, sorted by ID.
func Rules() *analysis.RuleIndex {
	var rules []analysis.Rule
	for _, a := range Analyzers() {
		rules = append(rules, a.Rules...)
	}
	for _, c := range NewCorpusChecks(nil) {
		rules = append(rules, c.Rules()...)
	}
	return analysis.NewRuleIndex(rules)
}
