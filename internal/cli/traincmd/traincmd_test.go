package traincmd

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

var fixture = filepath.Join(testutil.RepoRoot(), "internal", "engine", "testdata", "labelled.jsonl")

func TestTrainWritesALoadableModel(t *testing.T) {
	ios, _, _, errOut := cliutil.Test()
	path := filepath.Join(t.TempDir(), "model.json")
	cmd := NewCmd(ios)
	cmd.SetArgs([]string{fixture, "--split", "train", "-o", path})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	m, err := score.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if m.Provenance.Split != "train" || m.Provenance.Articles != 44 || !strings.HasPrefix(m.Provenance.Command, "copydesk train") {
		t.Errorf("provenance %+v", m.Provenance)
	}
	if !strings.Contains(errOut.String(), "wrote "+path) {
		t.Errorf("no summary: %s", errOut)
	}
}

func TestTrainNeedsOutputAndAFile(t *testing.T) {
	// The output goes to a temporary folder, so a run that wrongly
	// proceeds cannot leave a model in the source tree.
	out := filepath.Join(t.TempDir(), "x.json")
	for _, args := range [][]string{{fixture}, {}, {"-o", out}} {
		ios, _, _, _ := cliutil.Test()
		cmd := NewCmd(ios)
		cmd.SetArgs(args)
		if err := cmd.Execute(); cliutil.Code(err) != cliutil.ExitUsage {
			t.Errorf("train %v: exit %d (%v), want usage error", args, cliutil.Code(err), err)
		}
	}
}
