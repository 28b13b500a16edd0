// Package engine analyses articles without the CLI: the per-article part of
// copydesk's flow (document → analyzers) for labelled JSON Lines files, as
// `copydesk train` and `copydesk eval` need, and for tests and benchmarks.
// Corpus checks are not run: a labelled evaluation file is not a feed
// batch (its machine articles were made from its human ones, so batch-wide
// checks would find pairs the real world would not show).
package engine

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/score"
)

// NewEnv builds the run-wide resources analyzers read, as `copydesk score`
// does with no --kb and no allowlist: the embedded knowledge base, and the
// signals of model (nil while fitting one: the trainer measures them).
func NewEnv(model *score.Model) (*analysis.Env, error) {
	env, _, err := features.NewEnv(features.EnvOptions{Model: model})
	return env, err
}

// Analyzers returns every registered analyzer in run order.
func Analyzers() ([]*analysis.Analyzer, error) {
	return analysis.Order(features.Analyzers())
}

// AnalyzerNames lists the registered analyzers in run order.
func AnalyzerNames() []string {
	as, err := Analyzers()
	if err != nil {
		return nil
	}
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return names
}

// Document builds the document for a labelled article. The article's
// source field is deliberately not passed on: in labelled sets it names the
// generator.
func Document(a evalset.Article) *document.Document {
	doc := document.New(a.ID, a.Text)
	doc.Title = a.Title
	if a.Date != "" {
		// As --date reads it; an unreadable date leaves the article undated.
		if t, err := config.ParseDate(a.Date); err == nil {
			doc.Date = t
		}
	}
	return doc
}

// Analyze runs the analyzers over every article, in parallel on all CPUs,
// and returns results in input order with their text kept for scoring. An
// analyzer error on one article becomes that result's Error.
func Analyze(ctx context.Context, as []evalset.Article, env *analysis.Env) ([]*analysis.Result, error) {
	analyzers, err := Analyzers()
	if err != nil {
		return nil, err
	}
	out := make([]*analysis.Result, len(as))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				res, err := analysis.Run(Document(as[i]), analyzers, env)
				if err != nil {
					res.Error = err.Error()
				}
				out[i] = res
			}
		}()
	}
	for i := range as {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyse: %w", err)
	}
	return out, nil
}
