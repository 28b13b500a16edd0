package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// actionFile is the composite action's definition, as far as this test
// runs it.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			ID    string            `yaml:"id"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
			Run   string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var expr = regexp.MustCompile(`\$\{\{\s*([a-z_.-]+)\s*\}\}`)

// runAction executes action.yml's run steps the way the runner does:
// inputs and github.action_path substituted into env, GITHUB_* files set
// up, GITHUB_PATH applied between steps. Steps that use other actions
// (setup-go) are skipped: the machine running the test has Go.
func runAction(t *testing.T, repo string, inputs map[string]string) (log string, exitCode int, summary, output string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var act actionFile
	if err := yaml.Unmarshal(b, &act); err != nil {
		t.Fatal(err)
	}
	if act.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", act.Runs.Using)
	}
	tmp := t.TempDir()
	files := map[string]string{}
	for _, name := range []string{"GITHUB_STEP_SUMMARY", "GITHUB_PATH", "GITHUB_OUTPUT", "GITHUB_ENV"} {
		files[name] = filepath.Join(tmp, strings.ToLower(name))
		if err := os.WriteFile(files[name], nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	value := func(name string) string {
		if v, ok := inputs[name]; ok {
			return v
		}
		return act.Inputs[name].Default
	}
	subst := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			key := expr.FindStringSubmatch(m)[1]
			switch {
			case key == "github.action_path":
				return repo
			case strings.HasPrefix(key, "inputs."):
				return value(strings.TrimPrefix(key, "inputs."))
			}
			t.Fatalf("action.yml uses an expression the test does not know: %s", m)
			return ""
		})
	}
	path := os.Getenv("PATH")
	var out strings.Builder
	for _, step := range act.Runs.Steps {
		if step.Uses != "" {
			continue
		}
		if step.Shell != "bash" || expr.MatchString(step.Run) {
			t.Fatalf("step %q: want shell bash and no ${{ }} pasted into the script", step.Name)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "PATH="+path, "GITHUB_ACTIONS=true", "CI=true",
			"GITHUB_WORKSPACE="+repo, "GITHUB_ACTION_PATH="+repo, "RUNNER_TEMP="+tmp,
			"GITHUB_SERVER_URL=https://github.com", "GITHUB_REPOSITORY=newsroom/site", "GITHUB_SHA=0123456789abcdef")
		for name, f := range files {
			cmd.Env = append(cmd.Env, name+"="+f)
		}
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+subst(v))
		}
		b, err := cmd.CombinedOutput()
		out.Write(b)
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok {
				exitCode = ee.ExitCode()
			} else {
				t.Fatal(err)
			}
			break
		}
		added, _ := os.ReadFile(files["GITHUB_PATH"])
		for _, dir := range strings.Fields(string(added)) {
			path = dir + string(os.PathListSeparator) + path
		}
	}
	sum, _ := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
	outputs, _ := os.ReadFile(files["GITHUB_OUTPUT"])
	return out.String(), exitCode, string(sum), string(outputs)
}

func TestActionEndToEnd(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("installs and runs the action's binary with bash")
	}
	repo, _ := filepath.Abs(filepath.Join("..", ".."))

	log, code, summary, _ := runAction(t, repo, map[string]string{"paths": "testdata/seeds/*.txt", "config": ""})
	if code != 1 {
		t.Fatalf("the seeds fail, so the step must exit 1; got %d\n%s", code, log)
	}
	perLevel := map[string]int{}
	for _, l := range strings.Split(log, "\n") {
		if m := regexp.MustCompile(`^::(error|warning|notice) file=testdata/seeds/0`).FindStringSubmatch(l); m != nil {
			perLevel[m[1]]++
		}
	}
	for _, lvl := range []string{"error", "warning", "notice"} {
		if perLevel[lvl] == 0 || perLevel[lvl] > 10 {
			t.Errorf("%d %s annotations on the seeds, want 1 to 10 (runner limit)", perLevel[lvl], lvl)
		}
	}
	if !strings.Contains(log, "more annotations not shown") {
		t.Errorf("the seeds make more than 30 annotations; the log must say how many were left out:\n%s", log)
	}
	if !strings.Contains(summary, "| article | verdict |") || !strings.Contains(summary, "(https://github.com/newsroom/site/blob/0123456789abcdef/testdata/seeds/00") {
		t.Errorf("step summary lacks the linked table:\n%s", summary)
	}

	sarifPath := filepath.Join(t.TempDir(), "copydesk.sarif")
	log, code, _, outputs := runAction(t, repo, map[string]string{"paths": "testdata/seeds/000_9e3b48a7166e1dfc.txt\ntestdata/seeds/cases.jsonl", "format": "sarif", "output": sarifPath, "fail-on": "never"})
	if code != 0 || !strings.Contains(outputs, "report="+sarifPath) {
		t.Fatalf("sarif run: exit %d, outputs %q\n%s", code, outputs, log)
	}
	b, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
				}
			}
		}
	}
	if err := json.Unmarshal(b, &sarif); err != nil {
		t.Fatal(err)
	}
	uris := map[string]bool{}
	for _, r := range sarif.Runs[0].Results {
		uris[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
	}
	if !uris["testdata/seeds/000_9e3b48a7166e1dfc.txt"] || !uris["testdata/seeds/cases.jsonl"] || len(uris) != 2 {
		t.Errorf("SARIF uris %v, want the two input files relative to the workspace", uris)
	}
}
