package attribution

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// BenchmarkAttributionOnly measures this analyzer's own work (quotes,
// clauses, speakers, findings) on seed 002 and on a 600-word article
// generated as BenchmarkBatch generates its batch. The people analyzer it
// requires runs once before the timer, and segmentation is cached on the
// document, so the figure is attribution alone (BenchmarkAnalyze includes
// both):
//
//	go test ./internal/features/attribution -run '^$' -bench . -benchmem
func BenchmarkAttributionOnly(b *testing.B) {
	texts := benchtext.Texts(b)
	for _, name := range []string{"seed002", "generated"} {
		text := texts[name]
		doc := document.New(name, text)
		var pr *people.Result
		capture := &analysis.Analyzer{Name: "capture", Requires: []*analysis.Analyzer{people.Analyzer},
			Run: func(pass *analysis.Pass) (any, error) {
				pr, _ = pass.ResultOf[people.Analyzer].(*people.Result)
				return nil, nil
			}}
		order, err := analysis.Order([]*analysis.Analyzer{capture})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := analysis.Run(doc, order, &analysis.Env{}); err != nil || pr == nil {
			b.Fatal("people analyzer failed", err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				analyze(doc, pr)
			}
		})
	}
}
