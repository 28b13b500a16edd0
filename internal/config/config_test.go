package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/score"
)

func TestParseValid(t *testing.T) {
	c, err := Parse([]byte(`
thresholds:
  warn: 30
  fail: 60
rules:
  disable: [TP001]
  severity:
    AT002: info
overrides:
  - paths: ["wire/**"]
    disable: [BP003]
    thresholds: {fail: 90}
allow:
  people: ["Jane Roe"]
  phrases: ["in conclusion"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if *c.Thresholds.Warn != 30 || *c.Thresholds.Fail != 60 || c.Rules.Disable[0] != "TP001" || c.Overrides[0].Paths[0] != "wire/**" {
		t.Fatalf("parsed wrong: %+v", c)
	}
}

func TestErrorsNameKeyAndLine(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown key", "thresholds:\n  warn: 10\nthreshold: 3\n", "line 3"},
		{"unknown nested key", "rules:\n  disabled: [X]\n", "line 2"},
		{"threshold out of range", "thresholds:\n  warn: 10\n  fail: 140\n", "line 3: thresholds.fail"},
		// Both out of range: always the same error (warn first), whatever
		// order a map would iterate in.
		{"both thresholds out of range", "thresholds:\n  warn: -1\n  fail: 140\n", "line 2: thresholds.warn"},
		{"warn above fail", "thresholds:\n  warn: 80\n  fail: 40\n", "thresholds.warn"},
		{"bad severity", "rules:\n  severity:\n    AT001: loud\n", "line 3: rules.severity.AT001"},
		{"bad fail_on", "fail_on: sometimes\n", "line 1: fail_on"},
		{"bad date", "date: yesterday\n", "line 1: date"},
		{"override without paths", "overrides:\n  - disable: [X]\n", "overrides[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestValidateRulesNamesUnknownRule(t *testing.T) {
	c, err := Parse([]byte("rules:\n  disable: [TP001, XX999]\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.ValidateRules(func(id string) bool { return id == "TP001" })
	if err == nil || !strings.Contains(err.Error(), "XX999") || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("got %v", err)
	}
}

func TestFindWalksUpward(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, FileName)
	if err := os.WriteFile(want, []byte("jobs: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != want {
		t.Fatalf("Find = %q, want %q", got, want)
	}
}

func TestPolicyApply(t *testing.T) {
	c, err := Parse([]byte(`
rules:
  disable: [TP001]
  severity: {AT002: error}
overrides:
  - paths: ["wire/**"]
    disable: [BP003]
    thresholds: {fail: 90}
allow:
  people: ["Jane Roe"]
  phrases: ["In Conclusion"]
`))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPolicy(c, score.Thresholds{Warn: 40, Fail: 70})
	mk := func(path string) *analysis.Result {
		return &analysis.Result{Path: path, Findings: []analysis.Finding{
			{Rule: "TP001", Dimension: analysis.Templated, Text: "a testament to"},
			{Rule: "TP002", Dimension: analysis.Templated, Text: "in  conclusion"},
			{Rule: "AT002", Dimension: analysis.Attribution, Severity: analysis.Warning, Text: "experts say"},
			{Rule: "BP003", Dimension: analysis.Boilerplate, Text: "Leave a Comment"},
			{Rule: "FB001", Dimension: analysis.Fabrication, Text: "Dr. Jane Roe"},
		}, Entities: []analysis.Entity{{Name: "Jane Roe", Status: analysis.Unverifiable}}}
	}
	res := mk("wire/2025/a.txt")
	th := p.Apply(res)
	if th.Fail != 90 || th.Warn != 40 {
		t.Errorf("override thresholds = %+v", th)
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.Rule)
		if f.Rule == "AT002" && f.Severity != analysis.Error {
			t.Errorf("AT002 severity %v, want error", f.Severity)
		}
	}
	if strings.Join(rules, ",") != "AT002" {
		t.Errorf("kept %v, want only AT002", rules)
	}
	if res.Entities[0].Status != analysis.Unknown || res.Entities[0].Evidence != analysis.AllowlistEvidence {
		t.Errorf("allowlisted person status %s", res.Entities[0].Status)
	}
	other := mk("desk/b.txt")
	if th := p.Apply(other); th.Fail != 70 {
		t.Errorf("no override expected, got %+v", th)
	}
	if len(other.Findings) != 2 { // BP003 kept outside wire/
		t.Errorf("outside override kept %d findings, want 2", len(other.Findings))
	}
}

func TestParseFailOn(t *testing.T) {
	for in, want := range map[string]FailOn{"": {Verdict: "fail"}, "warn": {Verdict: "warn"}, "55": {Score: 55, Verdict: "fail"}, "never": {Verdict: "never"}} {
		got, err := ParseFailOn(in)
		if err != nil || got != want {
			t.Errorf("ParseFailOn(%q) = %+v, %v", in, got, err)
		}
	}
	for _, bad := range []string{"0", "101", "often"} {
		if _, err := ParseFailOn(bad); err == nil {
			t.Errorf("ParseFailOn(%q) accepted", bad)
		}
	}
}
