package templated

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/lexicon/colloc"
)

// BenchmarkSpinChecks runs the two checks of spinrules.go alone on a
// segmented document (MB/s of article text), to show their share of the
// analyzer's time:
//
//	go test ./internal/features/templated -run '^$' -bench SpinChecks -benchmem
func BenchmarkSpinChecks(b *testing.B) {
	set, err := colloc.Swaps()
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"seed000", "seed002", "generated"} {
		text := benchArticles(b)[name]
		doc := document.New("bench", text)
		doc.Words()
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				c := &collector{doc: doc}
				findCollocationSwaps(c, set, len(text), 0)
				findGarbledNames(c, len(text))
			}
		})
	}
}
