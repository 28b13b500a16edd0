package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestCommittedDataIsCurrent rebuilds swaps.tsv and known.tsv twice from
// ../shared and compares them with the embedded copies: a stale file, or
// output that depends on map order, fails here. Without ../shared the test
// skips, loudly; under CI (env CI set) it fails instead, because CI must
// check the data it ships.
func TestCommittedDataIsCurrent(t *testing.T) {
	shared := testutil.SharedDir()
	if shared == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but ../shared is missing: cannot check that internal/lexicon/colloc/data is current")
		}
		t.Skip("SKIPPED: ../shared is missing, so the committed collocation data was NOT checked against a fresh build; set COPYDESK_SHARED to check it")
	}
	for round := 0; round < 2; round++ {
		out := t.TempDir()
		if err := run(shared, filepath.Join("curated", "swaps.txt"), out); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"swaps.tsv", "known.tsv"} {
			got, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("..", "data", name))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("round %d: data/%s is stale or the build is not deterministic; run: go run ./internal/lexicon/colloc/gen -shared ../shared -out internal/lexicon/colloc/data", round, name)
			}
		}
	}
}

// TestAlignmentFindsTheSwappedWord checks the alignment on two sentences
// written for this test: the one replaced word and its substitute are
// found, shared words and function words are not.
func TestAlignmentFindsTheSwappedWord(t *testing.T) {
	pairs := [][2]string{{
		"The central bank raised the interest rate on Monday.",
		"The central bank raised the curiosity rate on Monday.",
	}}
	got := alignedSwaps(pairs, map[string]bool{"the": true, "on": true})
	if len(got) != 1 || got[[2]string{"interest", "curiosity"}] != 1 {
		t.Errorf("aligned swaps %v, want only interest→curiosity", got)
	}
}
