package kbcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

func TestInfo(t *testing.T) {
	ios, _, out, _ := cliutil.Test()
	if err := runInfo(&InfoOptions{IO: ios, Top: 5}); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"knowledge current to 2025-10-21", "by source:", "kb-sources/world-leaders-2021.csv", "overlay", "by role (top 5):",
		"coverage by office family", "heads of state and government", "finance ministers and central banks", "international organisations", "US Congress"} {
		if !strings.Contains(s, want) {
			t.Errorf("kb info output lacks %q:\n%s", want, s)
		}
	}
}

func TestInfoJSONWithExtraKB(t *testing.T) {
	p := filepath.Join(t.TempDir(), "extra.csv")
	os.WriteFile(p, []byte("name,role,country,start\nAda Example,Mayor,Examplia,2024\n"), 0o644)
	ios, _, out, _ := cliutil.Test()
	cmd := NewCmd(ios)
	cmd.SetArgs([]string{"info", "--json", "--kb", p})
	cmd.SetOut(out)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"Mayor": 1`) || !strings.Contains(out.String(), `"current_to": "2025-10-21"`) {
		t.Errorf("json:\n%s", out)
	}
	ios, _, _, _ = cliutil.Test()
	cmd = NewCmd(ios)
	cmd.SetArgs([]string{"info", "--kb", filepath.Join(t.TempDir(), "missing.csv")})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	if err := cmd.Execute(); cliutil.Code(err) != cliutil.ExitUsage {
		t.Errorf("missing --kb file: exit %d (%v), want %d", cliutil.Code(err), err, cliutil.ExitUsage)
	}
}

func TestImportDump(t *testing.T) {
	dump := filepath.Join(testutil.RequireShared(t), "kb-sources", "wikidata-mini-dump.json")
	out := filepath.Join(t.TempDir(), "kb.jsonl")
	ios, _, _, errOut := cliutil.Test()
	cmd := NewCmd(ios)
	cmd.SetArgs([]string{"import", "--format", "wikidata-dump", dump, "-o", out})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if k.Len() < 13 || !strings.Contains(errOut.String(), "imported") {
		t.Errorf("%d records; stderr %q", k.Len(), errOut)
	}
}

// TestBuildErrors: the full rebuild is checked byte for byte by
// internal/kb's TestDefaultKBIsReproducible; here, bad inputs must fail
// with the file named, not write anything.
func TestBuildErrors(t *testing.T) {
	root := testutil.RepoRoot()
	out := filepath.Join(t.TempDir(), "kb.jsonl.gz")
	ios, _, _, _ := cliutil.Test()
	err := runBuild(&BuildOptions{IO: ios, Sources: filepath.Join(t.TempDir(), "missing"),
		Overlay: filepath.Join(root, "internal", "kb", "data", "overlay.yaml"), Out: out})
	if err == nil || !strings.Contains(err.Error(), "executive.yaml") {
		t.Errorf("missing sources: %v", err)
	}
	if _, statErr := os.Stat(out); statErr == nil {
		t.Error("output written despite the error")
	}
	bad := filepath.Join(t.TempDir(), "overlay.yaml")
	os.WriteFile(bad, []byte("records:\n  - {name: A B, role: President}\n"), 0o644)
	err = runBuild(&BuildOptions{IO: ios, Sources: t.TempDir(), Overlay: bad, Out: out})
	if err == nil || !strings.Contains(err.Error(), "source and a checked date") {
		t.Errorf("overlay without source: %v", err)
	}
}
