package acceptance

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// TestSightingKeysOwnTheirBytes: the batch index keeps each sighting's key
// as it is (corpus.Sighting), so no check may emit a key that is a
// substring of the article: it would pin the whole text for as long as the
// key is kept. Every keyed check runs on the seeds, dated so that the
// office-period keys are emitted too.
func TestSightingKeysOwnTheirBytes(t *testing.T) {
	s := testSetup(t, nil)
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no seeds")
	}
	keys := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc := document.New(p, string(b))
		doc.Date = time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)
		res, err := analysis.Run(doc, s.Analyzers, s.Env)
		if err != nil {
			t.Fatal(err)
		}
		lo := uintptr(unsafe.Pointer(unsafe.StringData(doc.Text)))
		hi := lo + uintptr(len(doc.Text))
		for ci, ss := range corpus.EmitAll(s.KeyedChecks(), doc, res) {
			for _, sg := range ss {
				keys++
				if p := uintptr(unsafe.Pointer(unsafe.StringData(sg.Key))); len(sg.Key) > 0 && p >= lo && p < hi {
					t.Errorf("check %d: key %q points into the article's text", ci, sg.Key)
				}
			}
		}
	}
	if keys < 100 {
		t.Errorf("only %d keys emitted", keys)
	}
}
