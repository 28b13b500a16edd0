package scorecmd_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
	"github.com/copydesk/copydesk/internal/testutil"
)

// run executes copydesk with args in dir and returns stdout, stderr and the
// exit code, exactly as main would.
func run(t *testing.T, dir string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ios, in, out, errOut := cliutil.Test()
	in.WriteString(stdin)
	if dir != "" {
		t.Chdir(dir)
	}
	err := root.Execute(context.Background(), ios, args)
	if err != nil && err.Error() != "" {
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), cliutil.Code(err)
}

func seed(name string) string {
	m, _ := filepath.Glob(filepath.Join(testutil.RepoRoot(), "testdata", "seeds", name+"_*.txt"))
	return m[0]
}

type jsonReport struct {
	Version   string `json:"version"`
	Documents []struct {
		ID         string         `json:"id"`
		Score      int            `json:"score"`
		Verdict    string         `json:"verdict"`
		Dimensions map[string]int `json:"dimensions"`
		Findings   []struct {
			Rule, Dimension, Severity, Text string
			Start, End, Line, Column        int
		} `json:"findings"`
		Error string `json:"error"`
	} `json:"documents"`
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"score"},
		{"score", "--format", "yaml", seed("000")},
		{"score", "--fail-on", "often", seed("000")},
		{"score", "--date", "last week", seed("000")},
		{"explain", "ZZ999"},
		{"score", "--no-such-flag", seed("000")},
		{"scroe", seed("000")},
		{"explain"},
		{"rules", "x"},
		{"score", "--jobs", "100000000", seed("000")},
		{"score", "--min-severity", "loud", seed("000")},
		{"score", "--config", "x.yaml", "--no-config", seed("000")},
		{"score", "--kb", "/dev/null", seed("000")},
		{"score", "--format", "jsonl", "--corpus-window", "-1", seed("000")},
		{"score", "--format", "jsonl", "--corpus-days", "-2", seed("000")},
	} {
		_, stderr, code := run(t, "", "", args...)
		if code != cliutil.ExitUsage {
			t.Errorf("%v: exit %d (stderr %q), want 2", args, code, stderr)
		}
	}
}

func TestUnreadableInputExit3OthersScored(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "", "", "score", "--format", "json", "--fail-on", "never", seed("002"), bin, filepath.Join(dir, "missing.md"))
	if code != cliutil.ExitInputError {
		t.Fatalf("exit %d, want 3", code)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	if len(rep.Documents) != 3 {
		t.Fatalf("%d documents, want 3 (every input appears)", len(rep.Documents))
	}
	if rep.Documents[0].Error != "" || rep.Documents[0].Verdict == "" {
		t.Errorf("good article not scored: %+v", rep.Documents[0])
	}
	if rep.Documents[1].Error == "" || rep.Documents[2].Error == "" {
		t.Errorf("bad inputs carry no error: %+v", rep.Documents[1:])
	}
}

func TestStdinAndJSONLStream(t *testing.T) {
	in := `{"id":"a1","title":"T","text":"Leave a Comment\nThe council met on Tuesday.","desk":"metro"}` + "\n" + `{"id":"a2","text":"Second article."}` + "\n"
	out, stderr, code := run(t, "", in, "score", "--format", "jsonl", "--fail-on", "never", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 jsonl lines, got %d:\n%s", len(lines), out)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["id"] != "a1" {
		t.Errorf("id %v", doc["id"])
	}
	if extra, _ := doc["extra"].(map[string]any); extra["desk"] != "metro" {
		t.Errorf("unknown field not passed through: %v", doc["extra"])
	}
}

func TestConfigErrorNamesKeyAndLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".copydesk.yaml"), []byte("thresholds:\n  warn: 20\n  fial: 50\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, dir, "", "score", seed("000"))
	if code != cliutil.ExitUsage || !strings.Contains(stderr, "line 3") || !strings.Contains(stderr, "fial") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestConfigDisablesRule(t *testing.T) {
	out, _, _ := run(t, "", "", "score", "--format", "json", "--fail-on", "never", seed("004"))
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents[0].Findings) == 0 {
		t.Skip("no findings on seed 004 yet")
	}
	rule := rep.Documents[0].Findings[0].Rule
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cfg.yaml"), []byte("rules:\n  disable: ["+rule+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, _ := run(t, "", "", "score", "--config", filepath.Join(dir, "cfg.yaml"), "--format", "json", "--fail-on", "never", seed("004"))
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	for _, f := range rep.Documents[0].Findings {
		if f.Rule == rule {
			t.Fatalf("disabled rule %s still reported", rule)
		}
	}
}

func TestRulesAndExplain(t *testing.T) {
	out, _, code := run(t, "", "", "rules")
	if code != 0 || !strings.HasPrefix(out, "ID") {
		t.Fatalf("rules: exit %d\n%s", code, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Skip("no rules registered yet")
	}
	id := strings.Fields(lines[1])[0]
	out, _, code = run(t, "", "", "explain", strings.ToLower(id))
	if code != 0 || !strings.HasPrefix(out, id+": ") || !strings.Contains(out, "disable: ["+id+"]") {
		t.Fatalf("explain %s: exit %d\n%s", id, code, out)
	}
	out, _, code = run(t, "", "", "rules", "--dimension", "fabrication")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if code != 0 || strings.Fields(l)[1] != "fabrication" {
			t.Fatalf("rules --dimension fabrication: exit %d, line %q", code, l)
		}
	}
	// A misspelt dimension is a usage error, not an empty list.
	if _, stderr, code := run(t, "", "", "rules", "--dimension", "fabricaton"); code != 2 || !strings.Contains(stderr, "fabricaton") {
		t.Fatalf("rules --dimension fabricaton: exit %d, stderr %q; want exit 2 naming it", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := run(t, "", "", "version")
	if code != 0 || !strings.HasPrefix(out, "copydesk ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestModelFlag(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "model.json")
	labelled := filepath.Join(testutil.RepoRoot(), "internal", "engine", "testdata", "labelled.jsonl")
	if _, stderr, code := run(t, "", "", "train", labelled, "-o", model); code != 0 {
		t.Fatalf("train: exit %d: %s", code, stderr)
	}
	out, stderr, code := run(t, "", "", "score", "--model", model, "--format", "json", "--fail-on", "never", seed("002"))
	if code != 0 {
		t.Fatalf("score --model: exit %d: %s", code, stderr)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Documents) != 1 || rep.Documents[0].Verdict == "" {
		t.Fatalf("scored with own model: %v %s", err, out)
	}
	if _, _, code := run(t, "", "", "score", "--model", filepath.Join(dir, "none.json"), seed("002")); code != cliutil.ExitUsage {
		t.Errorf("missing model: exit %d, want 2", code)
	}
}

// TestAllowlistedPersonIsNeverAccused: a name on the house allowlist is not
// contradicted even when the knowledge base names another office holder.
func TestAllowlistedPersonIsNeverAccused(t *testing.T) {
	type entity struct{ Name, Status, Evidence string }
	type doc struct {
		Entities []entity `json:"entities"`
		Findings []struct{ Rule, Text string }
	}
	score := func(args ...string) doc {
		t.Helper()
		out, stderr, _ := run(t, "", "", append([]string{"score", "--format", "json", "--fail-on", "never", "--date", "2025-03-05"}, args...)...)
		var rep struct{ Documents []doc }
		if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Documents) != 1 {
			t.Fatalf("%v: %s", err, stderr)
		}
		return rep.Documents[0]
	}
	status := func(d doc, name string) entity {
		for _, e := range d.Entities {
			if e.Name == name {
				return e
			}
		}
		t.Fatalf("%s not among %v", name, d.Entities)
		return entity{}
	}
	if e := status(score(seed("001")), "James Corbin"); e.Status != "contradicted" {
		t.Fatalf("without the allowlist Corbin is %s", e.Status)
	}
	cfg := filepath.Join(t.TempDir(), "cfg.yaml")
	if err := os.WriteFile(cfg, []byte("allow:\n  people: [\"James Corbin\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := score("--config", cfg, seed("001"))
	if e := status(d, "James Corbin"); e.Status != "unknown" || !strings.Contains(e.Evidence, "allowlist") {
		t.Errorf("allowlisted Corbin: %+v", e)
	}
	for _, f := range d.Findings {
		if strings.HasPrefix(f.Rule, "FB") && strings.Contains(f.Text, "Corbin") {
			t.Errorf("finding against an allowlisted person: %+v", f)
		}
	}
}
