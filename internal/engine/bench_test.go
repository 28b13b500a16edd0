package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

// benchArticle is seed 002 (about 900 words, real names, SEO sections): a
// realistic article for the per-article cost.
func benchArticle(b *testing.B) evalset.Article {
	matches, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002_*.txt"))
	if len(matches) == 0 {
		b.Skip("seed 002 missing")
	}
	text, err := os.ReadFile(matches[0])
	if err != nil {
		b.Fatal(err)
	}
	return evalset.Article{ID: "002", Text: string(text), Date: "2025-03-05"}
}

// BenchmarkAnalyze is every analyzer over one article.
func BenchmarkAnalyze(b *testing.B) {
	a := benchArticle(b)
	analyzers, err := Analyzers()
	if err != nil {
		b.Fatal(err)
	}
	env, _ := NewEnv()
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
	a := benchArticle(b)
	analyzers, err := Analyzers()
	if err != nil {
		b.Fatal(err)
	}
	env, _ := NewEnv()
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
