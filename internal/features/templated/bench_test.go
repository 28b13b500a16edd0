package templated

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// benchArticles are the texts the benchmarks run on: a long seed (000), the
// realistic seed 002 and a 600-word article generated as in BenchmarkBatch.
func benchArticles(b *testing.B) map[string]string {
	out := benchtext.Texts(b)
	out["seed000"] = testutil.SeedText(b, "000")
	return out
}

// BenchmarkAnalyzer runs every templated check (MB/s of article text), a
// fresh Document each time so segmentation is paid for as in a real run:
//
//	go test ./internal/features/templated -run '^$' -bench . -benchmem
func BenchmarkAnalyzer(b *testing.B) {
	as := []*analysis.Analyzer{Analyzer}
	for _, name := range []string{"seed000", "seed002", "generated"} {
		text := benchArticles(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := analysis.Run(document.New("bench", text), as, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSharedSentencesBatch observes a generated batch as
// BenchmarkBatch generates it (500 articles, four sources, shared seed
// sentences); ns/op is per article and MB/s of article text, segmentation
// excluded (each document is segmented before the timer, as the analyzers
// have done by the time the batch check runs):
//
//	go test ./internal/features/templated -run '^$' -bench SharedSentencesBatch -benchmem
func BenchmarkSharedSentencesBatch(b *testing.B) {
	arts := benchtext.Batch(b, 500)
	docs := make([]*document.Document, len(arts))
	var size int64
	for i, a := range arts {
		docs[i] = document.New(a.ID, a.Text)
		docs[i].Source = a.Source
		docs[i].Sentences()
		docs[i].Words()
		size += int64(len(a.Text))
	}
	b.SetBytes(size / int64(len(docs)))
	c := corpus.NewIndex([]corpus.Keyed{NewSharedSentences()}, true)
	i := 0
	for b.Loop() {
		if i == len(docs) {
			c, i = corpus.NewIndex([]corpus.Keyed{NewSharedSentences()}, true), 0 // a new batch: bucket sizes stay realistic
		}
		c.Observe(i, docs[i], &analysis.Result{})
		i++
	}
}
