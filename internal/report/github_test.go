package report

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	writeCommand(&b, "warning",
		[]property{{"file", "news/a,b:c%.txt"}, {"line", "3"}, {"title", "BP001"}},
		"100% filler, says: \"stay tuned\"\nsecond line\r\n")
	want := "::warning file=news/a%2Cb%3Ac%25.txt,line=3,title=BP001::" +
		"100%25 filler, says: \"stay tuned\"%0Asecond line%0D%0A\n"
	if got := b.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// Every command the reporter prints must be one line that the runner's
// parser splits back into the original properties and message.
func TestGitHubCommandsRoundTrip(t *testing.T) {
	text := "Officials said: \"50% of it, maybe\nmore\"."
	res := &analysis.Result{ID: "in/x,y.txt", Verdict: analysis.VerdictPass, Text: text,
		Findings: []analysis.Finding{{
			Rule: "AT002", Severity: analysis.Warning, Message: "vague: \"officials said\", 50%\nsee rule",
			Start: 0, End: len(text), Line: 2, Column: 5, Text: text,
		}}}
	var b bytes.Buffer
	r := New("github", &b)
	_ = r.Start(testRunInfo())
	if err := r.Document(res); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(Summary{Articles: 1, Passed: 1}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "copydesk: 1 article") {
		t.Fatalf("want one command line and the summary, got %d: %q", len(lines), lines)
	}
	lines = lines[:1]
	if len(lines) != 1 {
		t.Fatalf("want one command line, got %d: %q", len(lines), lines)
	}
	level, props, msg := parseCommand(t, lines[0])
	if level != "warning" {
		t.Errorf("level %q", level)
	}
	wantProps := map[string]string{"file": "in/x,y.txt", "line": "2", "col": "5", "endLine": "3", "title": "AT002"}
	for k, v := range wantProps {
		if props[k] != v {
			t.Errorf("property %s = %q, want %q", k, props[k], v)
		}
	}
	if _, ok := props["endColumn"]; ok {
		t.Error("endColumn given for a multi-line range")
	}
	if !strings.HasPrefix(msg, "vague: \"officials said\", 50%\nsee rule: “") {
		t.Errorf("message did not survive escaping: %q", msg)
	}
}

// parseCommand undoes the escaping the way the Actions runner does.
func parseCommand(t *testing.T, line string) (level string, props map[string]string, msg string) {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a command: %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no message separator: %q", line)
	}
	level, list, _ := strings.Cut(head, " ")
	props = map[string]string{}
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	for _, kv := range strings.Split(list, ",") {
		k, v, _ := strings.Cut(kv, "=")
		props[k] = unescape.Replace(v)
	}
	return level, props, strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(data)
}

func TestGitHubSummaryLine(t *testing.T) {
	out := render(t, "github", testRunInfo())
	sc := bufio.NewScanner(bytes.NewReader(out))
	var last string
	for sc.Scan() {
		last = sc.Text()
		if !strings.HasPrefix(last, "::") && !strings.HasPrefix(last, "copydesk: ") {
			t.Errorf("stray line %q", last)
		}
	}
	if last != "copydesk: 4 articles: 1 fail, 1 warn, 1 pass, 1 unreadable in 1.2s" {
		t.Errorf("summary line %q", last)
	}
}

// The runner shows ten annotations of each level per step: the reporter
// ranks them (errors first, then the highest-scoring articles), prints at
// most ten of each and says how many it left out.
func TestGitHubRanksAndCaps(t *testing.T) {
	var b, summary bytes.Buffer
	r := New("github", &b)
	info := testRunInfo()
	info.StepSummary = &summary
	info.LinkBase = "https://github.com/o/r/blob/abc/"
	_ = r.Start(info)
	for i := range 30 {
		res := &analysis.Result{ID: "d/" + itoa(i) + ".md", Path: "d/" + itoa(i) + ".md", Verdict: analysis.VerdictFail, Score: 50 + i}
		for j, sev := range []analysis.Severity{analysis.Info, analysis.Warning, analysis.Error} {
			res.Findings = append(res.Findings, analysis.Finding{Rule: "TP00" + itoa(j+1), Severity: sev, Message: "m", Line: j + 1, Column: 1, Text: "x"})
		}
		if err := r.Document(res); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(Summary{Articles: 30, Failed: 30}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	count := map[string]int{}
	var order []string
	for _, l := range lines {
		if lvl, _, ok := strings.Cut(strings.TrimPrefix(l, "::"), " "); ok && strings.HasPrefix(l, "::") {
			count[lvl]++
			order = append(order, lvl)
		}
	}
	if count["error"] != 10 || count["warning"] != 10 || count["notice"] != 10 {
		t.Fatalf("per-level counts %v, want 10 each", count)
	}
	if order[0] != "error" || order[10] != "warning" || order[20] != "notice" {
		t.Errorf("not ranked errors first: %v", order)
	}
	// 30 verdict errors + 30 error findings: the ten shown are the
	// highest-scoring articles' (d/29 scores 79).
	if !strings.Contains(lines[0], "file=d/29.md") {
		t.Errorf("first annotation is not the highest-scoring article's: %s", lines[0])
	}
	want := "copydesk: 90 more annotations not shown (the runner shows 10 errors, 10 warnings and 10 notices per step): 50 errors, 20 warnings, 20 notices"
	if !strings.HasPrefix(lines[len(lines)-2], want) {
		t.Errorf("no count of what was left out:\n got %s\nwant %s", lines[len(lines)-2], want)
	}
	md := summary.String()
	if !strings.Contains(md, "| [d/29.md](https://github.com/o/r/blob/abc/d/29.md) | fail | 79 |") ||
		!strings.Contains(md, "[TP003 line 3](https://github.com/o/r/blob/abc/d/29.md#L3) error") {
		t.Errorf("step summary lacks the ranked, linked table:\n%s", md)
	}
}

// A long batch keeps only what can be shown: memory stays flat, and the
// counts of what was left out stay exact.
func TestGitHubLongBatchIsBounded(t *testing.T) {
	var b, summary bytes.Buffer
	info := testRunInfo()
	info.StepSummary = &summary
	r := New("github", &b).(*githubReporter)
	_ = r.Start(info)
	const n = 5000
	for i := range n {
		res := &analysis.Result{ID: itoa(i), Path: "d/" + itoa(i) + ".md", Verdict: analysis.VerdictWarn, Score: i % 97,
			Findings: []analysis.Finding{{Rule: "TP001", Severity: analysis.Warning, Line: 2, Text: "x"}}}
		if err := r.Document(res); err != nil {
			t.Fatal(err)
		}
		if len(r.anns) > 8*annotationLimit+1 || len(r.rows) > 4*summaryRows+1 {
			t.Fatalf("after %d articles the reporter holds %d annotations and %d rows", i+1, len(r.anns), len(r.rows))
		}
	}
	if err := r.Finish(Summary{Articles: n, Warned: n}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "copydesk: 9990 more annotations not shown") || !strings.Contains(b.String(), "0 errors, 9990 warnings, 0 notices") {
		t.Errorf("wrong count of what was left out:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "::warning file=d/96.md,title=copydesk warn") { // score 96 ranks first
		t.Errorf("best-ranked annotation missing:\n%s", b.String())
	}
	if !strings.Contains(summary.String(), "4900 articles more not listed.") || strings.Count(summary.String(), "\n| ") != summaryRows+1 {
		t.Errorf("step summary not cut to %d rows:\n%.400s", summaryRows, summary.String())
	}
}
