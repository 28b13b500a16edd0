package scorecmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/scorecmd"
)

// --fail-on N decides the exit status only: a FAIL stays FAIL.
func TestFailOnScoreKeepsVerdicts(t *testing.T) {
	out, _, code := run(t, "", "", "score", "--format", "json", "--fail-on", "100", "--date", "2025-03-05", seed("002"))
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	d := rep.Documents[0]
	if d.Verdict != "fail" {
		t.Errorf("--fail-on 100 relabelled the verdict: %s (score %d)", d.Verdict, d.Score)
	}
	if want := map[bool]int{true: 1, false: 0}[d.Score >= 100]; code != want {
		t.Errorf("score %d with --fail-on 100: exit %d, want %d", d.Score, code, want)
	}
	if _, _, code := run(t, "", "", "score", "--fail-on", "1", seed("002")); code != 1 {
		t.Errorf("--fail-on 1: exit %d, want 1", code)
	}
}

// Every run names the configuration that applied, on stderr and in json.
func TestRunSaysWhichConfigApplied(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".copydesk.yaml")
	if err := os.WriteFile(cfg, []byte("fail_on: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, dir, "", "score", "--format", "json", seed("002"))
	var rep struct{ Config string }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != 0 || rep.Config != cfg || !strings.Contains(stderr, "configuration: "+cfg+" (found upward") {
		t.Errorf("exit %d, json config %q, stderr %q", code, rep.Config, stderr)
	}
	// --no-config: the upward file no longer switches the gate off.
	out, stderr, code = run(t, dir, "", "score", "--format", "json", "--no-config", seed("002"))
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if code != 1 || rep.Config != "" || !strings.Contains(stderr, "configuration: none (--no-config)") {
		t.Errorf("--no-config: exit %d, json config %q, stderr %q", code, rep.Config, stderr)
	}
}

func TestMinSeverityHidesFindingsNotScores(t *testing.T) {
	score := func(args ...string) (int, map[string]bool) {
		out, stderr, _ := run(t, "", "", append([]string{"score", "--format", "json", "--fail-on", "never", "--date", "2025-03-05"}, args...)...)
		var rep jsonReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		sev := map[string]bool{}
		for _, f := range rep.Documents[0].Findings {
			sev[f.Severity] = true
		}
		return rep.Documents[0].Score, sev
	}
	all, sevAll := score(seed("001"))
	errs, sevErr := score("--min-severity", "error", seed("001"))
	if !sevAll["warning"] || !sevAll["error"] {
		t.Fatalf("seed 001 should have warnings and errors: %v", sevAll)
	}
	if sevErr["warning"] || sevErr["info"] || !sevErr["error"] || errs != all {
		t.Errorf("--min-severity error: severities %v, score %d (all: %d)", sevErr, errs, all)
	}
}

func TestStdinFilename(t *testing.T) {
	md := "---\ntitle: Draft\n---\nIt is important to note that the council met.\n"
	out, stderr, _ := run(t, "", md, "score", "--format", "json", "--fail-on", "never", "--stdin-filename", "drafts/new.md", "-")
	var rep struct {
		Documents []struct{ ID, Path, Title string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if d := rep.Documents[0]; d.ID != "drafts/new.md" || d.Path != "drafts/new.md" || d.Title != "Draft" {
		t.Errorf("stdin as drafts/new.md: %+v (Markdown front matter must be read)", d)
	}
}

// Suppression comments in a Markdown article, end to end.
func TestSuppressionCommentEndToEnd(t *testing.T) {
	text := "It is important to note that the council met on Tuesday.\n\n<!-- copydesk-disable-next-line TP001 -->\nIt is important to note that the mayor spoke.\n"
	rules := func(in string) []int {
		out, stderr, _ := run(t, "", in, "score", "--format", "json", "--fail-on", "never", "--stdin-filename", "a.md", "-")
		var rep jsonReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		var lines []int
		for _, f := range rep.Documents[0].Findings {
			if f.Rule == "TP001" {
				lines = append(lines, f.Line)
			}
		}
		return lines
	}
	if got := rules(strings.Replace(text, "<!-- copydesk-disable-next-line TP001 -->", "", 1)); len(got) != 2 {
		t.Fatalf("without the comment TP001 at lines %v, want two", got)
	}
	if got := rules(text); len(got) != 1 || got[0] != 1 {
		t.Errorf("with disable-next-line TP001 at lines %v, want [1]", got)
	}
}

func TestProgressLineIsHonest(t *testing.T) {
	if got := scorecmd.ProgressLineForTest(5000, 2500*time.Millisecond); got != "5,000 articles, 2,000 articles/s, 2s elapsed" {
		t.Errorf("progress line %q", got)
	}
	_ = cliutil.ExitOK
}
