// Package engine adapts labelled JSON Lines files (../shared/eval and files
// of the same shape) to copydesk's one run path: each labelled article
// becomes a document and goes through pipeline.RunSource exactly as an
// article of `copydesk score` does, configuration, scoring and explanation
// included. `copydesk train` and `copydesk eval`, the seed tests and the
// benchmarks use it. Batch checks are not run: a labelled evaluation file
// is not a feed (its machine articles were made from its human ones, so
// batch-wide checks would find pairs the real world would not show).
package engine

import (
	"context"
	"fmt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

// AnalyzerNames lists the registered analyzers in run order.
func AnalyzerNames() []string {
	s, err := pipeline.NewSetup(pipeline.SetupOptions{Fitting: true})
	if err != nil {
		return nil
	}
	names := make([]string, len(s.Analyzers))
	for i, a := range s.Analyzers {
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

// Run sends the articles through the run path set up by s, on all CPUs,
// and returns the results in input order with their text kept. With a
// model in s they are scored and explained as `copydesk score` would; an
// analyzer error on one article becomes that result's Error.
func Run(ctx context.Context, as []evalset.Article, s *pipeline.Setup) ([]*analysis.Result, error) {
	out := make([]*analysis.Result, 0, len(as))
	opts := s.Options()
	opts.Streaming, opts.KeepText, opts.KeepFeatures = true, true, true
	source := func(ctx context.Context, emit func(ingest.Article) error) error {
		for _, a := range as {
			if err := emit(ingest.Article{ID: a.ID, Doc: Document(a)}); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := pipeline.RunSource(ctx, source, opts, collector{&out}); err != nil {
		return nil, fmt.Errorf("analyse: %w", err)
	}
	if len(out) != len(as) {
		return nil, fmt.Errorf("analyse: %d results for %d articles", len(out), len(as))
	}
	return out, nil
}

// collector keeps every result in order.
type collector struct{ out *[]*analysis.Result }

func (collector) Start(report.RunInfo) error { return nil }
func (c collector) Document(r *analysis.Result) error {
	*c.out = append(*c.out, r)
	return nil
}
func (collector) Finish(report.Summary) error { return nil }

// setupFor is the run a labelled file is analysed with: model's signals
// and scores, or none while fitting (model nil).
func setupFor(model *score.Model) (*pipeline.Setup, error) {
	return pipeline.NewSetup(pipeline.SetupOptions{Model: model, Fitting: model == nil})
}
