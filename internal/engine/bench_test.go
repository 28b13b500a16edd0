package engine

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

// benchSetup is what a run builds before its first article (the ordered
// analyzers and their environment) and seed 002 (about 900 words, real
// names, SEO sections): a realistic article for the per-article cost.
func benchSetup(b *testing.B) (evalset.Article, []*analysis.Analyzer, *analysis.Env) {
	s, err := pipeline.NewSetup(pipeline.SetupOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return evalset.Article{ID: "002", Text: testutil.SeedText(b, "002"), Date: "2025-03-05"}, s.Analyzers, s.Env
}

// BenchmarkAnalyze is every analyzer over one article.
func BenchmarkAnalyze(b *testing.B) {
	a, analyzers, env := benchSetup(b)
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if _, err := analysis.Run(Document(a), analyzers, env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScore is the fitted model over one analysed article: the cost
// scoring adds to BenchmarkAnalyze.
func BenchmarkScore(b *testing.B) {
	a, analyzers, env := benchSetup(b)
	res, err := analysis.Run(Document(a), analyzers, env)
	if err != nil {
		b.Fatal(err)
	}
	m, err := score.DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	th := m.DefaultThresholds()
	m.Score(res, th) // builds the lexical index once, as a run does
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		m.Score(res, th)
	}
}
