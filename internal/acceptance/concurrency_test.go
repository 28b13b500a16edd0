package acceptance

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/testutil"
)

// TestParallelRunsAgree scores several copies of every seed on four
// workers: every copy must get exactly the findings, people and scores of
// the others. Run under -race (CI does) it also catches analyzers sharing
// mutable state between goroutines.
func TestParallelRunsAgree(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "*.txt"))
	if err != nil || len(paths) != 5 {
		t.Fatalf("seeds: %v %v", paths, err)
	}
	const copies = 4
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for c := range copies {
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := enc.Encode(map[string]string{"id": fmt.Sprintf("%s/%d", filepath.Base(p), c), "date": "2025-03-05", "text": string(b)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	opts := testSetup(t, nil).Options()
	opts.Jobs = 4
	rep := &ordered{}
	_, err = pipeline.Run(context.Background(), []string{"-"}, ingest.Options{Format: "jsonl", Stdin: &in}, opts, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.docs) != copies*len(paths) {
		t.Fatalf("%d results", len(rep.docs))
	}
	for i, r := range rep.docs {
		if r.Error != "" {
			t.Fatalf("%s: %s", r.ID, r.Error)
		}
		first := rep.docs[i%len(paths)]
		// Lines differ by design: each copy sits on its own JSONL line.
		if !reflect.DeepEqual(withoutLines(r.Findings), withoutLines(first.Findings)) || !reflect.DeepEqual(r.Entities, first.Entities) || r.Score != first.Score || r.Dimensions != first.Dimensions {
			t.Errorf("%s differs from %s when run in parallel", r.ID, first.ID)
		}
	}
}

var lineRef = regexp.MustCompile(`line \d+`)

func withoutLines(fs []analysis.Finding) []analysis.Finding {
	out := make([]analysis.Finding, len(fs))
	for i, f := range fs {
		f.Line = 0
		f.Evidence = lineRef.ReplaceAllString(f.Evidence, "line N")
		out[i] = f
	}
	return out
}
