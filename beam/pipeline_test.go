package cdbeam

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/scorecmd"
	"github.com/copydesk/copydesk/internal/testutil"
)

// runPrism runs a pipeline on Beam's Prism runner, in this process.
func runPrism(ctx context.Context, p *beam.Pipeline) error {
	_, err := prism.Execute(ctx, p)
	return err
}

// TestBeamMatchesScore: the Beam pipeline on Prism, reading a batch split
// into 1, 3 and 8 shard files, reports the same findings, entity statuses
// and scores as one batch-mode `copydesk score` run over the batch.
func TestBeamMatchesScore(t *testing.T) {
	t.Run("planted", func(t *testing.T) {
		counts := testutil.CountRules(checkBeam(t, testutil.PlantedBatch(t, 120, 17)), "TP010", "BP018", "FB005")
		for rule, n := range counts {
			if n == 0 {
				t.Errorf("the planted batch has no %s finding (%v)", rule, counts)
			}
		}
	})
	t.Run("news", func(t *testing.T) {
		checkBeam(t, testutil.NewsBatch(t, 150))
	})
}

func checkBeam(t *testing.T, arts []benchcorpus.Article) map[string]string {
	dir := t.TempDir()
	all, _ := testutil.WriteShards(t, dir, arts, 1)
	want := testutil.Canonical(t, score(t, all))
	for _, n := range []int{1, 3, 8} {
		sub := filepath.Join(dir, fmt.Sprint("n", n))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		testutil.WriteShards(t, sub, arts, n)
		out := filepath.Join(dir, fmt.Sprint("beam-", n, ".jsonl"))
		if err := Run(context.Background(), runPrism, filepath.Join(sub, "shard-*.jsonl"), out, Options{NoConfig: true, Date: "2025-03-05"}); err != nil {
			t.Fatalf("beam: %v", err)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		testutil.CompareCanonical(t, fmt.Sprint("beam with ", n, " shards"), want, testutil.Canonical(t, got))
	}
	return want
}

func score(t *testing.T, input string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	opts := &scorecmd.Options{IO: &cliutil.IOStreams{Out: &out, ErrOut: &errOut}, Inputs: []string{input}, Format: "json",
		NoConfig: true, FailOn: "never", Quiet: true, Date: "2025-03-05"}
	var exit *cliutil.ExitError
	if err := scorecmd.Run(context.Background(), opts); err != nil && !errors.As(err, &exit) {
		t.Fatalf("score: %v\n%s", err, errOut.String())
	}
	return out.Bytes()
}

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

// TestBeamRejectsRepeatedIDs: as `copydesk corpus reduce` does, the
// pipeline fails on an id two articles share, rather than join one
// article's notes to the other.
func TestBeamRejectsRepeatedIDs(t *testing.T) {
	dir := t.TempDir()
	arts := testutil.PlantedBatch(t, 6, 3)
	arts[4].ID = arts[1].ID
	testutil.WriteShards(t, dir, arts, 2)
	err := Run(context.Background(), runPrism, filepath.Join(dir, "shard-*.jsonl"), filepath.Join(dir, "out.jsonl"), Options{NoConfig: true, Date: "2025-03-05"})
	if err == nil || !strings.Contains(err.Error(), "appears 2 times") {
		t.Fatalf("repeated id %q: got %v, want an error", arts[1].ID, err)
	}
}
