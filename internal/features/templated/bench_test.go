package templated

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// BenchmarkAnalyzer runs every templated check over a long generated seed
// article (MB/s of article text).
func BenchmarkAnalyzer(b *testing.B) {
	path, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "000_*.txt"))
	if len(path) == 0 {
		b.Skip("no seed")
	}
	text, err := os.ReadFile(path[0])
	if err != nil {
		b.Fatal(err)
	}
	as := []*analysis.Analyzer{Analyzer}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc := document.New("seed", string(text))
		if _, err := analysis.Run(doc, as, nil); err != nil {
			b.Fatal(err)
		}
	}
}
