package style

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

func seedTexts(b *testing.B) []string {
	paths, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	if len(paths) == 0 {
		b.Skip("no seeds")
	}
	var texts []string
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	return texts
}

// BenchmarkMeasure is the style statistics of the five seeds (about 25 kB),
// segmentation included: a fresh Document per article, as in a run.
func BenchmarkMeasure(b *testing.B) {
	texts := seedTexts(b)
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
	texts := seedTexts(b)
	var docs []*document.Document
	n := 0
	for _, t := range texts {
		d := document.New("b", t)
		d.Sentences()
		d.Words()
		docs = append(docs, d)
		n += len(t)
	}
	b.SetBytes(int64(n))
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
	texts := seedTexts(b)
	var docs []*document.Document
	n := 0
	for _, t := range texts {
		d := document.New("b", t)
		d.Sentences()
		d.Words()
		docs = append(docs, d)
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, d := range docs {
			refMeasure(d)
		}
	}
}
