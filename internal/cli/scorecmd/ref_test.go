package scorecmd_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/testutil"
)

// score --ref reads a store built by ref add: seed 001's invented speakers
// are absent from the coverage of its story.
func TestScoreChecksAgainstAReferenceStore(t *testing.T) {
	db := t.TempDir()
	refs, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "internal", "features", "coverage", "testdata", "ref", "*.md"))
	if len(refs) == 0 {
		t.Fatal("no reference fixtures")
	}
	ios, _, _, errOut := cliutil.Test()
	if err := root.Execute(context.Background(), ios, append([]string{"ref", "add", "--db", db, "--trust", "wire"}, refs...)); err != nil {
		t.Fatalf("ref add: %v\n%s", err, errOut)
	}
	seed := filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "001_3b790d2b841c0539.txt")
	ios, _, out, errOut := cliutil.Test()
	err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--ref", db, "--date", "2025-03-05", "--format", "jsonl", "--fail-on", "never", seed})
	if err != nil {
		t.Fatalf("score --ref: %v\n%s", err, errOut)
	}
	if n := strings.Count(out.String(), `"rule":"FB007"`); n < 3 {
		t.Errorf("%d quoted sources reported absent from the coverage, want the 3 invented ones:\n%s", n, out)
	}
	// Without the store nothing is said about coverage.
	ios, _, out, _ = cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--date", "2025-03-05", "--format", "jsonl", "--fail-on", "never", seed}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), `"rule":"FB007"`) {
		t.Error("coverage findings without a store")
	}
}
