package pipeline_test

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/corpus"
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
	var docs []analysedDoc
	for _, a := range arts {
		d := document.New(a.ID, a.Text)
		d.Source = a.Source
		res, err := analysis.Run(d, analyzers, env)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, analysedDoc{d, res})
	}
	for ci, c := range features.KeyedChecks(env) {
		for _, streaming := range []bool{true, false} {
			mode := map[bool]string{true: "streaming", false: "batch"}[streaming]
			b.Run(c.Name()+"/"+mode, func(b *testing.B) {
				benchIndex(b, env, ci, streaming, docs)
			})
		}
	}
}

type analysedDoc = struct {
	doc *document.Document
	res *analysis.Result
}

// benchIndex measures the live heap one keyed check's Index keeps after
// observing docs (in batch mode: what Finish will reduce).
func benchIndex(b *testing.B, env *analysis.Env, ci int, streaming bool, docs []analysedDoc) {
	n := len(docs)
	for b.Loop() {
		check := corpus.NewIndex([]corpus.Keyed{features.KeyedChecks(env)[ci]}, streaming)
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		for i, d := range docs {
			check.Observe(i, d.doc, d.res)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc-before)/float64(n), "bytes/article")
		if streaming {
			_, keys, sightings := check.Kept()
			b.ReportMetric(float64(keys)/float64(n), "keys/article")
			b.ReportMetric(float64(sightings)/float64(n), "sightings/article")
		}
		runtime.KeepAlive(check)
	}
}
