package scorecmd_test

import (
	"bufio"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/testutil"
)

// --coverage batch: the articles of one run, from other named sources,
// are coverage for each other. The rewrite is checked against the wire
// report in the same run (its moved and altered quotes are found, at
// info: peers do not say which side is right), the wire report against
// the rewrite, and the unsourced seed against both; nobody is reported
// absent (FB007) and nothing is contradicted (FB010) from a batch.
func TestBatchAsCoverage(t *testing.T) {
	wire := filepath.Join(testutil.RepoRoot(), "internal", "features", "coverage", "testdata", "ref", "wire-us-hamas-talks.md")
	seed := filepath.Join(testutil.RepoRoot(), "testdata", "seeds", "002_b708dc984bfd4db5.txt")
	ios, _, out, errOut := cliutil.Test()
	err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--coverage", "batch", "--date", "2025-03-05",
		"--format", "jsonl", "--fail-on", "never", wire, movedQuotes, seed})
	if err != nil {
		t.Fatalf("score --coverage batch: %v\n%s", err, errOut)
	}
	type doc struct {
		ID       string
		Findings []struct{ Rule, Severity string }
		Quotes   []struct {
			Speaker, Provenance string
			Reference           *struct{ ID string }
		}
		Entities []struct{ Name, Status string }
	}
	byName := map[string]doc{}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		byName[filepath.Base(d.ID)] = d
	}
	provenance := func(d doc, speaker string) string {
		for _, q := range d.Quotes {
			if q.Speaker == speaker {
				return q.Provenance
			}
		}
		return ""
	}
	rw := byName["moved-and-altered-quotes.md"]
	if provenance(rw, "Steve Witkoff") != "misattributed" || provenance(rw, "Donald Trump") != "altered" || provenance(rw, "Marco Rubio") != "absent" {
		t.Errorf("rewrite quotes: %+v", rw.Quotes)
	}
	for _, q := range rw.Quotes {
		if q.Reference != nil && !strings.HasSuffix(q.Reference.ID, "wire-us-hamas-talks.md") {
			t.Errorf("rewrite quote checked against %s", q.Reference.ID)
		}
	}
	if s := byName["002_b708dc984bfd4db5.txt"]; provenance(s, "Karoline Leavitt") != "verbatim" {
		t.Errorf("seed 002 quotes: %+v", s.Quotes)
	}
	for name, d := range byName {
		for _, f := range d.Findings {
			switch f.Rule {
			case "FB007", "FB010":
				t.Errorf("%s: %s from the batch", name, f.Rule)
			case "FB008", "FB009":
				if f.Severity != "info" {
					t.Errorf("%s: %s at %s, want info from the batch", name, f.Rule, f.Severity)
				}
			}
		}
		for _, q := range d.Quotes {
			if q.Reference != nil && filepath.Base(q.Reference.ID) == name {
				t.Errorf("%s is its own coverage", name)
			}
		}
	}
	if len(byName) != 3 {
		t.Fatalf("%d results, want 3", len(byName))
	}

	// Without the flag nothing is said about quotes.
	ios, _, out, _ = cliutil.Test()
	if err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--format", "jsonl", "--fail-on", "never", wire, movedQuotes}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), `"provenance":"misattributed"`) {
		t.Error("quote provenance without --coverage batch")
	}
}

func TestBatchCoverageUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--coverage", "batch", "--ref", t.TempDir(), movedQuotes},
		{"--coverage", "batch", "-"},
		{"--coverage", "store", movedQuotes},
	} {
		_, stderr, code := run(t, "", "", append([]string{"score", "--no-config"}, args...)...)
		if code != cliutil.ExitUsage || !strings.Contains(stderr, "--coverage") {
			t.Errorf("score %v: exit %d (%s), want 2 naming --coverage", args, code, stderr)
		}
	}
}
