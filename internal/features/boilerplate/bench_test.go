package boilerplate

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// BenchmarkBoilerplate runs the analyzer over a realistic generated article
// (seed 002: headings, a table, FAQ block, pitches), a fresh Document each
// time so segmentation is paid for as in a real run:
//
//	go test ./internal/features/boilerplate -run '^$' -bench Boilerplate -benchmem
func BenchmarkBoilerplate(b *testing.B) {
	benchmarkAnalyzer(b, testutil.SeedText(b, "002"))
}

// benchmarkAnalyzer runs the analyzer over text, a fresh Document each
// time, its resources loaded before the timer.
func benchmarkAnalyzer(b *testing.B, text string) {
	as := []*analysis.Analyzer{Analyzer}
	if _, err := loadResources(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := analysis.Run(document.New("bench", text), as, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhraseScan measures the Aho–Corasick pass over the text alone
// (lower-casing included), the part whose cost grows with article length.
func BenchmarkPhraseScan(b *testing.B) {
	raw := testutil.SeedText(b, "000")
	r, err := loadResources()
	if err != nil {
		b.Fatal(err)
	}
	doc := document.New("bench", raw)
	doc.Sentences() // segmentation is the document's cost, not the scan's
	b.SetBytes(int64(len(raw)))
	b.ResetTimer()
	for b.Loop() {
		r.lex.matchPhrases(doc)
	}
}

// BenchmarkBoilerplateGenerated runs the analyzer over a 600-word article
// generated as BenchmarkBatch generates its batch.
func BenchmarkBoilerplateGenerated(b *testing.B) {
	benchmarkAnalyzer(b, benchtext.Generated(b).Text)
}

// BenchmarkRepeatedLines observes a generated batch as BenchmarkBatch
// generates it, a third of the articles carrying a template header and
// footer; ns/op is per article and MB/s of article text:
//
//	go test ./internal/features/boilerplate -run '^$' -bench RepeatedLines -benchmem
func BenchmarkRepeatedLines(b *testing.B) {
	arts := benchtext.Batch(b, 500)
	docs := make([]*document.Document, len(arts))
	var size int64
	for i, a := range arts {
		text := a.Text
		if i%3 == 0 {
			text = "Stay informed with our daily briefing\n\n" + text + "\n\nFollow us on social media for more"
		}
		docs[i] = document.New(a.ID, text)
		size += int64(len(text))
	}
	b.SetBytes(size / int64(len(docs)))
	c := corpus.NewIndex([]corpus.Keyed{NewRepeatedLines()}, true)
	i := 0
	for b.Loop() {
		if i == len(docs) {
			c, i = corpus.NewIndex([]corpus.Keyed{NewRepeatedLines()}, true), 0
		}
		c.Observe(i, docs[i], &analysis.Result{})
		i++
	}
}
