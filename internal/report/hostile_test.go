package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
)

// hostile are input-derived strings built to break out of an output
// format: a newline that starts a GitHub workflow command, terminal escape
// sequences, a bidi override, invalid UTF-8, Markdown and HTML.
var hostile = []string{
	"a\n::add-mask::secret",
	"b\r\n::error file=x.md::forged",
	"c\x1b]0;owned\x07\x1b[2J\x1b[31mred",
	"d\u202etxt.exe",
	"e\xff\xfe invalid",
	"f\u2028::warning::separator",
	"g|<script>alert(1)</script>*[x](javascript:x)`",
}

func hostileResults() []*analysis.Result {
	var out []*analysis.Result
	for i, h := range hostile {
		text := "Intro " + h + " tail"
		out = append(out, &analysis.Result{
			ID: h, Path: "dir/" + h + ".jsonl", Title: h, Verdict: analysis.VerdictFail, Score: 90 - i,
			Explanation: h, Notes: []string{h}, Text: text,
			Findings: []analysis.Finding{{
				Rule: "TP001", Dimension: analysis.Templated, Severity: analysis.Error, Message: h, Evidence: h,
				Text: h, Start: 6, End: 6 + len(h), Line: 1, Column: 7,
			}},
			Entities: []analysis.Entity{{Name: h, Role: h, Status: analysis.Contradicted, Evidence: h}},
		})
		out = append(out, &analysis.Result{ID: h + "#2", Path: h, Error: h})
	}
	return out
}

func renderHostile(t *testing.T, format string, info RunInfo) []byte {
	t.Helper()
	var b bytes.Buffer
	r := New(format, &b)
	if err := r.Start(info); err != nil {
		t.Fatal(err)
	}
	for _, res := range hostileResults() {
		if err := r.Document(res); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
	}
	if err := r.Finish(Summary{Articles: 14, Failed: 7, Errors: 7}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var githubCommand = regexp.MustCompile(`^::(error|warning|notice)( [a-zA-Z]+=[^:,\r\n]*(,[a-zA-Z]+=[^:,\r\n]*)*)?::[^\r\n]*$`)

func TestHostileInputEveryFormat(t *testing.T) {
	for _, color := range []bool{false, true} {
		info := testRunInfo()
		info.Color = color
		out := renderHostile(t, "text", info)
		checkTerminalSafe(t, "text", out, color)
	}
	checkTerminalSafe(t, "github", renderHostile(t, "github", testRunInfo()), false)
	for _, l := range strings.Split(strings.TrimSuffix(string(renderHostile(t, "github", testRunInfo())), "\n"), "\n") {
		if !githubCommand.MatchString(l) && !strings.HasPrefix(l, "copydesk: ") {
			t.Errorf("github: line is neither one well-formed command nor the summary: %q", l)
		}
	}
	for _, format := range []string{"json", "sarif"} {
		out := renderHostile(t, format, testRunInfo())
		if !utf8.Valid(out) || !json.Valid(out) {
			t.Errorf("%s: not valid UTF-8 JSON", format)
		}
		checkTerminalSafe(t, format, out, false)
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(renderHostile(t, "jsonl", testRunInfo())), "\n"), "\n") {
		if !utf8.ValidString(l) || !json.Valid([]byte(l)) {
			t.Errorf("jsonl line %d is not valid UTF-8 JSON: %q", i+1, l)
		}
	}
	validateSARIF(t, sarifSchema(t), renderHostile(t, "sarif", testRunInfo()))

	var md bytes.Buffer
	info := testRunInfo()
	info.StepSummary = &md
	renderHostile(t, "github", info)
	checkTerminalSafe(t, "step summary", md.Bytes(), false)
	if strings.Contains(md.String(), "<script") || strings.Contains(md.String(), "](javascript") {
		t.Errorf("step summary passes markup through:\n%s", md.String())
	}
	for _, l := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(l, "|") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 9 {
			t.Errorf("step summary row has a forged cell: %q", l)
		}
	}
}

// checkTerminalSafe: no line of out starts a workflow command unless it is
// one (github), and no byte could drive a terminal (ESC, BEL, C1 controls,
// bidi overrides); only our own colour codes may appear when color is on.
func checkTerminalSafe(t *testing.T, format string, out []byte, color bool) {
	t.Helper()
	s := string(out)
	if color {
		s = regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(s, "")
	}
	for i, l := range strings.Split(s, "\n") {
		if format != "github" && strings.HasPrefix(strings.TrimSpace(l), "::") {
			t.Errorf("%s line %d starts a workflow command: %q", format, i+1, l)
		}
		for _, r := range l {
			if r == '\x1b' || r == '\a' || r == '\r' || (r >= 0x80 && r < 0xa0) || r == '\u202e' || r == '\u2028' {
				t.Errorf("%s line %d carries control character %U: %q", format, i+1, r, l)
				break
			}
		}
	}
}

// isBidiControl is the Unicode table's Bidi_Control, and hasBidi finds what
// bytes.ContainsFunc(b, isBidi) finds.
func TestBidiControlMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isBidiControl(r) != unicode.Is(unicode.Bidi_Control, r) {
			t.Fatalf("isBidiControl(%U) = %v, unicode says %v", r, isBidiControl(r), !isBidiControl(r))
		}
	}
	for _, s := range []string{"", "plain", "caf\u00e9 \u2019quoted\u2019", "a\u202eb", "x\u0085y", "\u061c", "\xff\xfe", "tail\u2069"} {
		if got, want := hasBidi([]byte(s)), bytes.ContainsFunc([]byte(s), isBidi); got != want {
			t.Errorf("hasBidi(%q) = %v, want %v", s, got, want)
		}
	}
}
