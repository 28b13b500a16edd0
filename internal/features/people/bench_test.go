package people

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

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
	return map[string]*document.Document{
		"seed002":   document.New("002", string(text)),
		"generated": document.New(gen.ID, gen.Text),
	}
}

// BenchmarkFindDoc measures Find alone, with the knowledge base as
// gazetteer as the driver runs it; the document's segmentation is computed
// once beforehand, since it is cached on the document and not this
// package's cost.
func BenchmarkFindDoc(b *testing.B) {
	k, err := kb.Default()
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
				Find(doc, k, nil)
			}
		})
	}
}
