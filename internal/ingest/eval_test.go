package ingest

import (
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestReadsTheEvalSetLikeEncodingJSON reads ../shared/eval/news.jsonl
// through Read and checks every article against encoding/json's reading
// (evalset.News): same id, title and text, labels passed through.
func TestReadsTheEvalSetLikeEncodingJSON(t *testing.T) {
	want := testutil.News(t)
	path := filepath.Join(testutil.RequireShared(t), "eval", "news.jsonl")
	got := readSpecs(t, Options{}, path)
	if len(got) != len(want) {
		t.Fatalf("read %d articles, encoding/json %d", len(got), len(want))
	}
	for i, a := range got {
		w := want[i]
		if a.Err != nil {
			t.Fatalf("%s: %v", a.ID, a.Err)
		}
		if a.ID != w.ID || a.Doc.Title != w.Title || a.Doc.Text != w.Text || a.Doc.Source != w.Source {
			t.Fatalf("article %d (%s) differs from encoding/json's reading", i, w.ID)
		}
		if a.Doc.Extra["label"] != w.Label || a.Doc.Extra["split"] != w.Split {
			t.Fatalf("%s: label/split not passed through: %v", a.ID, a.Doc.Extra)
		}
	}
}
