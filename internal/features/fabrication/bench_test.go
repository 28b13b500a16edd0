package fabrication

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// BenchmarkSeed001 measures people + fabrication on one generated article.
func BenchmarkSeed001(b *testing.B) {
	var text, date string
	for _, c := range testutil.SeedCases(b) {
		if c.ID == "001_3b790d2b841c0539" {
			text, date = c.Text, c.Date
		}
	}
	env := defaultEnv(b)
	as, _ := analysis.Order([]*analysis.Analyzer{Analyzer})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := document.New("001", text)
		doc.Date = mustTime(date)
		if _, err := analysis.Run(doc, as, env); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChain measures people, attribution and fabrication over a seed
// article and a benchcorpus article (the pipeline benchmark's input), on a
// document whose segmentation is already cached.
func BenchmarkChain(b *testing.B) {
	benchmarkSegmented(b, []*analysis.Analyzer{Analyzer})
}

// BenchmarkPrerequisites runs only what fabrication requires (people and
// attribution) on the documents of BenchmarkChain: the fabrication
// analyzer's own cost is the difference.
func BenchmarkPrerequisites(b *testing.B) {
	benchmarkSegmented(b, Analyzer.Requires)
}

// benchmarkSegmented runs analyzers (and what they require) over benchDocs,
// one sub-benchmark per document, segmentation computed beforehand.
func benchmarkSegmented(b *testing.B, analyzers []*analysis.Analyzer) {
	env := defaultEnv(b)
	as, err := analysis.Order(analyzers)
	if err != nil {
		b.Fatal(err)
	}
	benchtext.RunSegmented(b, benchDocs(b), func(doc *document.Document) error {
		_, err := analysis.Run(doc, as, env)
		return err
	})
}

// BenchmarkBatchObserve measures the batch check observing 200 analysed
// benchcorpus articles (the analysis is done beforehand); one op is the
// whole batch through a fresh check.
func BenchmarkBatchObserve(b *testing.B) {
	env := defaultEnv(b)
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	as, err := analysis.Order([]*analysis.Analyzer{Analyzer})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	var results []*analysis.Result
	var total int64
	for _, a := range benchtext.Batch(b, 200) {
		doc := document.New(a.ID, a.Text)
		doc.Source = a.Source
		doc.Date = mustTime(a.Date)
		res, err := analysis.Run(doc, as, env)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
		results = append(results, res)
		total += int64(len(a.Text))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		batch := corpus.NewIndex([]corpus.Keyed{NewBatch(k)}, false)
		for i, doc := range docs {
			batch.Observe(i, doc, results[i])
		}
		batch.Finish()
	}
}

// benchDocs are benchtext.Docs (seed 002 and a benchcorpus article, the
// pipeline benchmark's kind of input), dated: fabrication checks roles
// against the article's date.
func benchDocs(b *testing.B) map[string]*document.Document {
	b.Helper()
	docs := benchtext.Docs(b)
	docs["seed002"].Date = mustTime("2025-03-05")
	docs["generated"].Date = mustTime(benchtext.Generated(b).Date)
	return docs
}
