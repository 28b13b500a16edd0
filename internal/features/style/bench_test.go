package style

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// BenchmarkMeasure is the style statistics of the five seeds (about 25 kB),
// segmentation included: a fresh Document per article, as in a run.
func BenchmarkMeasure(b *testing.B) {
	texts := testutil.SeedTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Measure(document.New("b", t))
		}
	}
}

// BenchmarkMeasureSegmented is Measure alone, on documents already
// segmented (as when other analyzers ran first).
func BenchmarkMeasureSegmented(b *testing.B) {
	docs := segmentedSeeds(b)
	for b.Loop() {
		for _, d := range docs {
			Measure(d)
		}
	}
}

// BenchmarkMeasureReference is BenchmarkMeasureSegmented with the
// implementation the model was fitted with (reference_test.go), for a
// before/after on the same machine and load.
func BenchmarkMeasureReference(b *testing.B) {
	docs := segmentedSeeds(b)
	for b.Loop() {
		for _, d := range docs {
			refMeasure(d)
		}
	}
}

// segmentedSeeds are the seeds as documents already segmented (sentences
// and words), with the benchmark's throughput set to their total size.
func segmentedSeeds(b *testing.B) []*document.Document {
	var docs []*document.Document
	n := 0
	for _, t := range testutil.SeedTexts(b) {
		d := document.New("b", t)
		d.Sentences()
		d.Words()
		docs = append(docs, d)
		n += len(t)
	}
	b.SetBytes(int64(n))
	return docs
}
