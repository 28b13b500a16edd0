// Package features assembles copydesk's analyzers and batch checks: the one
// place a new detector is registered.
package features

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/boilerplate"
	"github.com/copydesk/copydesk/internal/features/fabrication"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/features/style"
	"github.com/copydesk/copydesk/internal/features/templated"
)

// Analyzers returns every per-article analyzer.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		boilerplate.Analyzer,
		templated.Analyzer,
		people.Analyzer,
		attribution.Analyzer,
		fabrication.Analyzer,
		style.Analyzer,
	}
}

// NewCorpusChecks returns fresh batch checks for one run.
func NewCorpusChecks() []corpus.Check {
	return []corpus.Check{
		boilerplate.NewRepeatedLines(),
		templated.NewSharedSentences(),
		fabrication.NewBatch(nil),
	}
}

// Rules returns every rule copydesk can report, sorted by ID.
func Rules() *analysis.RuleIndex {
	var rules []analysis.Rule
	for _, a := range Analyzers() {
		rules = append(rules, a.Rules...)
	}
	for _, c := range NewCorpusChecks() {
		rules = append(rules, c.Rules()...)
	}
	return analysis.NewRuleIndex(rules)
}
