package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/score"
)

// Override paths are doublestar globs against the path relative to the
// configuration file, however the input was named; id: patterns match ids.
func TestOverridePathsRelativeToConfig(t *testing.T) {
	root := t.TempDir()
	cfgPath := filepath.Join(root, FileName)
	yaml := "overrides:\n  - paths: [\"wire/**/*.md\", \"*.jsonl\", \"id:ap-*\"]\n    thresholds: {fail: 90}\n"
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "desk")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub) // inputs named from a subdirectory
	p := NewPolicy(c, score.Thresholds{Warn: 40, Fail: 70})
	cases := []struct {
		id, path string
		want     int
	}{
		{"x", "../wire/2025/03/a.md", 90},
		{"x", filepath.Join(root, "wire", "a.md"), 90},
		{"x", "./../wire/b.md", 90},
		{"x", "../wire/b.txt", 70},
		{"x", "../elsewhere/a.md", 70},
		{"x", "feeds/deep/batch.jsonl", 90}, // no slash: any depth
		{"ap-123", "../mixed.txt", 90},
		{"reuters-1", "../mixed.txt", 70},
	}
	for _, tc := range cases {
		if th := p.Apply(&analysis.Result{ID: tc.id, Path: tc.path}); th.Fail != tc.want {
			t.Errorf("%s (%s): fail threshold %d, want %d", tc.path, tc.id, th.Fail, tc.want)
		}
	}
}

func TestSuppressionComments(t *testing.T) {
	text := strings.Join([]string{
		"Intro with a testament to things.",               // 1: TP001 kept
		"<!-- copydesk-disable TP001 -->",                 // 2
		"Another testament to it, experts say.",           // 3: TP001 off, AT002 kept
		"<!-- copydesk-enable -->",                        // 4
		"Back: a testament to it.",                        // 5: TP001 kept
		"// copydesk:disable-next-line AT002",             // 6
		"",                                                // 7
		"Experts say so and a testament to it.",           // 8: AT002 off, TP001 kept
		"<!-- copydesk-disable -->",                       // 9
		"Everything off: a testament to it, experts say.", // 10
	}, "\n")
	find := func(line int, rule, phrase string) analysis.Finding {
		lines := strings.Split(text, "\n")
		off := 0
		for _, l := range lines[:line-1] {
			off += len(l) + 1
		}
		start := off + strings.Index(lines[line-1], phrase)
		return analysis.Finding{Rule: rule, Line: line, Start: start, End: start + len(phrase), Text: phrase}
	}
	res := &analysis.Result{Text: text, Findings: []analysis.Finding{
		find(1, "TP001", "testament"), find(3, "TP001", "testament"), find(3, "AT002", "experts say"),
		find(5, "TP001", "testament"), find(8, "AT002", "Experts say"), find(8, "TP001", "testament"),
		find(10, "TP001", "testament"), find(10, "AT002", "experts say"),
	}}
	NewPolicy(nil, score.Thresholds{Warn: 40, Fail: 70}).Apply(res)
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%s@%d", f.Rule, f.Line))
	}
	if want := "TP001@1 AT002@3 TP001@5 TP001@8"; strings.Join(got, " ") != want {
		t.Errorf("kept %v, want %s", got, want)
	}

	// HTML: comments are read from the raw file, by line.
	html := "<html><body>\n<p>One testament.</p>\n<!-- copydesk-disable-next-line TP001 -->\n<p>Two testament.</p>\n</body></html>\n"
	p := NewPolicy(nil, score.Thresholds{Warn: 40, Fail: 70})
	p.SetSourceReader(func(string) []byte { return []byte(html) })
	res = &analysis.Result{Path: "page.html", Text: "One testament.\nTwo testament.", Findings: []analysis.Finding{
		{Rule: "TP001", Line: 2, Start: 4}, {Rule: "TP001", Line: 4, Start: 19},
	}}
	p.Apply(res)
	if len(res.Findings) != 1 || res.Findings[0].Line != 2 {
		t.Errorf("html suppression kept %+v", res.Findings)
	}
}

func TestStdinFilename(t *testing.T) {
	c, err := Parse([]byte("overrides:\n  - paths: [\"drafts/*.md\"]\n    disable: [TP001]\n"))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPolicy(c, score.Thresholds{Warn: 40, Fail: 70})
	p.SetStdinName("drafts/new.md")
	res := &analysis.Result{ID: "stdin", Path: "stdin", Findings: []analysis.Finding{{Rule: "TP001"}, {Rule: "AT002"}}}
	p.Apply(res)
	if res.ID != "drafts/new.md" || res.Path != "drafts/new.md" || len(res.Findings) != 1 {
		t.Errorf("stdin not renamed or override not applied: %+v", res)
	}
}

func TestLoadRefusesNonRegularKBAndBadJobs(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, FileName)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := os.WriteFile(filepath.Join(dir, "staff.jsonl"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(write("kb: [staff.jsonl]\n"))
	if err != nil || c.KB[0] != filepath.Join(dir, "staff.jsonl") {
		t.Fatalf("relative kb: %v %v", c, err)
	}
	for in, want := range map[string]string{
		"kb: [/dev/zero]\n":    ".copydesk.yaml:1: kb[0]: /dev/zero is not a regular file",
		"kb: [.]\n":            "is not a regular file",
		"kb: [missing.csv]\n":  "no such file",
		"jobs: 100000000\n":    "line 1: jobs: must be from 0 (all CPUs) to 1024",
		"min_severity: loud\n": "line 1: min_severity",
	} {
		if _, err := Load(write(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err %v, want %q", in, err, want)
		}
	}
}
