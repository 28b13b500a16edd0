package evalcmd

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

var fixture = filepath.Join(testutil.RepoRoot(), "internal", "engine", "testdata", "labelled.jsonl")

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ios, _, out, _ := cliutil.Test()
	cmd := NewCmd(ios)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	err := cmd.Execute()
	return out.String(), err
}

func TestEvalPrintsSeparationByGenerator(t *testing.T) {
	out, err := run(t, fixture, "--split", "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"16 articles", "AUROC", "at 1% false positives", "at 5% false positives", "tmpl-0", "threshold"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	out, err := run(t, fixture, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var ev score.Evaluation
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if ev.Articles != 60 || ev.Human != 30 || len(ev.ByGenerator) != 3 || ev.AUROC <= 0.5 {
		t.Errorf("evaluation %+v", ev)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{fixture, "--format", "yaml"},
		{fixture, "--model", filepath.Join(t.TempDir(), "missing.json")},
	} {
		_, err := run(t, args...)
		if cliutil.Code(err) != cliutil.ExitUsage {
			t.Errorf("eval %v: exit %d (%v), want usage error", args, cliutil.Code(err), err)
		}
	}
	if _, err := run(t, filepath.Join(t.TempDir(), "none.jsonl")); err == nil {
		t.Error("eval of a missing file succeeded")
	}
}
