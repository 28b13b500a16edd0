package people

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil/benchtext"
)

// BenchmarkFindDoc measures Find alone on benchtext.Docs (seed 002 and a
// benchcorpus article, the pipeline benchmark's kind of input), with the
// knowledge base as gazetteer as the driver runs it; the document's
// segmentation is computed once beforehand, since it is cached on the
// document and not this package's cost.
func BenchmarkFindDoc(b *testing.B) {
	k, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchtext.RunSegmented(b, benchtext.Docs(b), func(doc *document.Document) error {
		Find(doc, k, nil)
		return nil
	})
}
