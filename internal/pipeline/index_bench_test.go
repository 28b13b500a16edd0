package pipeline_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/testutil"
)

// BenchmarkCorpusIndex reports how much memory each batch check keeps per
// article (live heap after GC), the figure the README quotes for streaming
// runs: go test -run '^$' -bench CorpusIndex -benchtime 1x ./internal/pipeline/
func BenchmarkCorpusIndex(b *testing.B) {
	sents, err := benchcorpus.Sentences(filepath.Join(testutil.RepoRoot(), "testdata", "seeds"))
	if err != nil {
		b.Fatal(err)
	}
	const n = 2000
	arts := benchcorpus.Generate(sents, n, 600, 1)
	env, _, err := features.NewEnv(features.EnvOptions{})
	if err != nil {
		b.Fatal(err)
	}
	analyzers, err := analysis.Order(features.Analyzers())
	if err != nil {
		b.Fatal(err)
	}
	type analysed struct {
		doc *document.Document
		res *analysis.Result
	}
	var docs []analysed
	for _, a := range arts {
		d := document.New(a.ID, a.Text)
		d.Source = a.Source
		res, err := analysis.Run(d, analyzers, env)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, analysed{d, res})
	}
	for ci, c := range features.NewCorpusChecks(env) {
		b.Run(c.Name(), func(b *testing.B) {
			for b.Loop() {
				check := features.NewCorpusChecks(env)[ci]
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				before := ms.HeapAlloc
				for i, d := range docs {
					check.Observe(i, d.doc, d.res)
				}
				runtime.GC()
				runtime.ReadMemStats(&ms)
				b.ReportMetric(float64(ms.HeapAlloc-before)/n, "bytes/article")
				runtime.KeepAlive(check)
			}
		})
	}
}
