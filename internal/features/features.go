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

// KeyedChecks returns the checks across articles in their keyed form
// (emit, group by key, reduce, settle), reading the knowledge base from
// env (nil: the embedded default). Every driver runs these: one process
// (NewCorpusChecks), the key files of a sharded run, and Beam.
func KeyedChecks(env *analysis.Env) []corpus.Keyed {
	var k *kb.KB
	if v, ok := env.Value(kb.EnvKey).(*kb.KB); ok {
		k = v
	}
	return []corpus.Keyed{
		boilerplate.NewRepeatedLines(),
		templated.NewSharedSentences(),
		fabrication.NewBatch(k),
	}
}

// NewCorpusChecks returns fresh batch checks for one run in batch mode:
// every article is amended once the batch has been read.
func NewCorpusChecks(env *analysis.Env) []corpus.Check {
	return []corpus.Check{corpus.NewIndex(KeyedChecks(env), false)}
}

// NewStreamingCorpusChecks returns fresh batch checks for a streaming run
// (jsonl output, the service's window): each article is amended as it is
// written, from the articles seen before it.
func NewStreamingCorpusChecks(env *analysis.Env) []corpus.Check {
	return []corpus.Check{corpus.NewIndex(KeyedChecks(env), true)}
}

// NewWindowedCorpusChecks is NewStreamingCorpusChecks bounded by w: the
// index forgets articles that leave the window, so memory stays flat.
func NewWindowedCorpusChecks(env *analysis.Env, w corpus.Window) []corpus.Check {
	ix := corpus.NewIndex(KeyedChecks(env), true)
	ix.SetWindow(w)
	return []corpus.Check{ix}
}

// Rules returns every rule copydesk can report, sorted by ID.
func Rules() *analysis.RuleIndex {
	var rules []analysis.Rule
	for _, a := range Analyzers() {
		rules = append(rules, a.Rules...)
	}
	for _, c := range KeyedChecks(nil) {
		rules = append(rules, c.Rules()...)
	}
	return analysis.NewRuleIndex(rules)
}
