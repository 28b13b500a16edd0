package fabrication

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
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
