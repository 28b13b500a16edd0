package corpuscmd

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/benchcorpus"
	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/scorecmd"
	"github.com/copydesk/copydesk/internal/testutil"
)

// TestRecipeMatchesScore: on a batch split into 1, 3 and 8 shards, the
// `score --emit-keys` / `corpus reduce` / `corpus apply` recipe reports
// the same findings, entity statuses and scores as one batch-mode `score`
// run over the whole batch.
func TestRecipeMatchesScore(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the batches four times each")
	}
	t.Run("planted", func(t *testing.T) {
		arts := testutil.PlantedBatch(t, 160, 17)
		want := checkRecipe(t, arts)
		counts := testutil.CountRules(want, "TP010", "BP018", "FB005")
		for rule, n := range counts {
			if n == 0 {
				t.Errorf("the planted batch has no %s finding: it does not exercise that check (%v)", rule, counts)
			}
		}
		t.Logf("cross-article findings: %v", counts)
	})
	t.Run("news", func(t *testing.T) {
		checkRecipe(t, testutil.NewsBatch(t, 300))
	})
}

// checkRecipe scores arts whole and in shards, compares, and returns the
// whole run's canonical results.
func checkRecipe(t *testing.T, arts []benchcorpus.Article) map[string]string {
	dir := t.TempDir()
	all, _ := testutil.WriteShards(t, dir, arts, 1)
	want := testutil.Canonical(t, Score(t, "json", all))
	for _, n := range []int{1, 3, 8} {
		sub := filepath.Join(dir, "n"+string(rune('0'+n)))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		_, shards := testutil.WriteShards(t, sub, arts, n)
		got := testutil.Canonical(t, Recipe(t, sub, shards))
		testutil.CompareCanonical(t, "recipe with "+string(rune('0'+n))+" shards", want, got)
	}
	return want
}

// Score runs `copydesk score --format FORMAT` over the inputs.
func Score(t testing.TB, format string, inputs ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	opts := &scorecmd.Options{IO: &cliutil.IOStreams{Out: &out, ErrOut: &errOut}, Inputs: inputs, Format: format,
		NoConfig: true, FailOn: "never", Quiet: true, Date: "2025-03-05"}
	if err := scorecmd.Run(context.Background(), opts); err != nil && !isExit(err) {
		t.Fatalf("score: %v\n%s", err, errOut.String())
	}
	return out.Bytes()
}

// Recipe runs the sharded recipe in dir and returns the results of every
// shard, concatenated.
func Recipe(t testing.TB, dir string, shards []string) []byte {
	t.Helper()
	var keys, stages []string
	for i, s := range shards {
		k := filepath.Join(dir, "keys-"+string(rune('a'+i))+".jsonl")
		st := filepath.Join(dir, "stage-"+string(rune('a'+i))+".jsonl")
		var errOut bytes.Buffer
		opts := &scorecmd.Options{IO: &cliutil.IOStreams{Out: &bytes.Buffer{}, ErrOut: &errOut}, Inputs: []string{s}, Format: "jsonl",
			Output: st, EmitKeys: k, NoConfig: true, FailOn: "never", Quiet: true, Date: "2025-03-05"}
		if err := scorecmd.Run(context.Background(), opts); err != nil && !isExit(err) {
			t.Fatalf("score --emit-keys: %v\n%s", err, errOut.String())
		}
		keys, stages = append(keys, k), append(stages, st)
	}
	amend := filepath.Join(dir, "amendments.jsonl")
	ios := &cliutil.IOStreams{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}
	if err := RunReduce(context.Background(), &ReduceOptions{IO: ios, KeyFiles: keys, Output: amend}); err != nil {
		t.Fatalf("corpus reduce: %v", err)
	}
	var out bytes.Buffer
	if err := RunApply(context.Background(), &ApplyOptions{IO: &cliutil.IOStreams{Out: &out, ErrOut: &bytes.Buffer{}},
		Amendments: []string{amend}, Results: stages, NoConfig: true}); err != nil {
		t.Fatalf("corpus apply: %v", err)
	}
	return out.Bytes()
}

func isExit(err error) bool {
	var e *cliutil.ExitError
	return errors.As(err, &e)
}
