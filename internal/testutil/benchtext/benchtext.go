// Package benchtext supplies the articles the benchmarks run on: seed 002
// (a realistic generated news article with real names and SEO chrome) and
// articles generated as BenchmarkBatch generates its batch, so figures from
// different packages describe the same input.
//
// It lives apart from testutil because it imports benchcorpus, which
// imports document, whose own tests import testutil.
package benchtext

import (
	"maps"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// Words is the length of a generated article, as in BenchmarkBatch.
const Words = 600

// Batch is n articles of about Words words generated from the seeds'
// sentences with seed 1, as BenchmarkBatch generates its batch.
func Batch(tb testing.TB, n int) []benchcorpus.Article {
	tb.Helper()
	sents, err := benchcorpus.Sentences(testutil.SeedsDir())
	if err != nil {
		tb.Fatal(err)
	}
	return benchcorpus.Generate(sents, n, Words, 1)
}

// Generated is the first article of Batch.
func Generated(tb testing.TB) benchcorpus.Article {
	tb.Helper()
	return Batch(tb, 1)[0]
}

// Texts are seed 002 as "seed002" and the Generated article as
// "generated".
func Texts(tb testing.TB) map[string]string {
	tb.Helper()
	return map[string]string{"seed002": testutil.SeedText(tb, "002"), "generated": Generated(tb).Text}
}

// Docs are the articles of Texts as fresh, undated documents: seed 002 with
// ID "002", the generated one with its own ID.
func Docs(tb testing.TB) map[string]*document.Document {
	tb.Helper()
	gen := Generated(tb)
	return map[string]*document.Document{
		"seed002":   document.New("002", testutil.SeedText(tb, "002")),
		"generated": document.New(gen.ID, gen.Text),
	}
}

// RunSegmented runs op over each document as a sub-benchmark named by its
// key, in key order, reporting throughput in text bytes and allocations.
// Each document's sentences and paragraphs are segmented before the timer:
// segmentation is cached on the document and is not the measured code's
// cost.
func RunSegmented(b *testing.B, docs map[string]*document.Document, op func(*document.Document) error) {
	b.Helper()
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		doc := docs[name]
		doc.Sentences()
		doc.Paragraphs()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				if err := op(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
