package fabrication

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

// BenchmarkSeed001 measures people + fabrication on one generated article.
func BenchmarkSeed001(b *testing.B) {
	var text, date string
	for _, c := range loadSeeds(&testing.T{}) {
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
	env := defaultEnv(b)
	as, err := analysis.Order([]*analysis.Analyzer{Analyzer})
	if err != nil {
		b.Fatal(err)
	}
	for name, doc := range benchDocs(b) {
		doc.Sentences()
		doc.Paragraphs()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := analysis.Run(doc, as, env); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrerequisites runs only what fabrication requires (people and
// attribution) on the documents of BenchmarkChain: the fabrication
// analyzer's own cost is the difference.
func BenchmarkPrerequisites(b *testing.B) {
	env := defaultEnv(b)
	as, err := analysis.Order(Analyzer.Requires)
	if err != nil {
		b.Fatal(err)
	}
	for name, doc := range benchDocs(b) {
		doc.Sentences()
		doc.Paragraphs()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := analysis.Run(doc, as, env); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
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
	sents, err := benchcorpus.Sentences(filepath.Join(testutil.RepoRoot(), "testdata", "seeds"))
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	var results []*analysis.Result
	var total int64
	for _, a := range benchcorpus.Generate(sents, 200, 600, 1) {
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
		batch := NewBatch(k)
		for i, doc := range docs {
			batch.Observe(i, doc, results[i])
		}
		batch.Finish()
	}
}

// benchDocs are a real generated news article (seed 002) and a
// benchcorpus article (the pipeline benchmark's kind of input).
func benchDocs(b *testing.B) map[string]*document.Document {
	b.Helper()
	seeds := filepath.Join(testutil.RepoRoot(), "testdata", "seeds")
	files, _ := filepath.Glob(filepath.Join(seeds, "002*.txt"))
	if len(files) != 1 {
		b.Fatalf("seed 002: %v", files)
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		b.Fatal(err)
	}
	sents, err := benchcorpus.Sentences(seeds)
	if err != nil {
		b.Fatal(err)
	}
	gen := benchcorpus.Generate(sents, 1, 600, 1)[0]
	seed := document.New("002", string(text))
	seed.Date = mustTime("2025-03-05")
	g := document.New(gen.ID, gen.Text)
	g.Date = mustTime(gen.Date)
	return map[string]*document.Document{"seed002": seed, "generated": g}
}
