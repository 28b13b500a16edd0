package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestColorEnabled(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	cases := []struct {
		tty  bool
		env  map[string]string
		want bool
	}{
		{true, nil, true},
		{false, nil, false},
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{true, map[string]string{"NO_COLOR": ""}, true}, // set but empty does not count
		{true, map[string]string{"TERM": "dumb"}, false},
	}
	for _, c := range cases {
		if got := colorEnabled(c.tty, env(c.env)); got != c.want {
			t.Errorf("colorEnabled(tty=%v, %v) = %v, want %v", c.tty, c.env, got, c.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("  one\n\ttwo  three "); got != "one two three" {
		t.Errorf("whitespace not collapsed: %q", got)
	}
	short := strings.Repeat("é", excerptMax)
	if got := excerpt(short); got != short {
		t.Errorf("span of %d code points was cut: %q", excerptMax, got)
	}
	long := strings.Repeat("word ", 60) + "last words here."
	got := excerpt(long)
	if n := utf8.RuneCountInString(got); n > excerptMax {
		t.Errorf("excerpt has %d code points, want at most %d: %q", n, excerptMax, got)
	}
	if !strings.HasPrefix(got, "word word") || !strings.HasSuffix(got, "last words here.") || !strings.Contains(got, " … ") {
		t.Errorf("excerpt should keep head and tail around an ellipsis: %q", got)
	}
	if strings.Contains(got, "wor …") || strings.Contains(got, "… ord") {
		t.Errorf("excerpt cut inside a word: %q", got)
	}
}

func TestEndPosition(t *testing.T) {
	cases := []struct {
		span             string
		line, col        int
		wantLine, wantCo int
	}{
		{"abc", 4, 10, 4, 13},
		{"naïve", 1, 1, 1, 6},         // code points, not bytes
		{"ab\ncdé", 2, 7, 3, 4},       // new line restarts the column
		{"whole line\n", 5, 1, 5, 11}, // trailing break stays on the line
		{"", 2, 3, 2, 3},              // empty span: insertion point
		{"a\r\nb\r\nccc", 1, 1, 3, 4}, // CRLF text
	}
	for _, c := range cases {
		f := &analysis.Finding{Line: c.line, Column: c.col}
		l, co := endPosition(f, c.span)
		if l != c.wantLine || co != c.wantCo {
			t.Errorf("endPosition(%q at %d:%d) = %d:%d, want %d:%d", c.span, c.line, c.col, l, co, c.wantLine, c.wantCo)
		}
	}
}

func TestInputPath(t *testing.T) {
	cases := map[*analysis.Result]string{
		{ID: "feeds/a.jsonl#12"}:       "feeds/a.jsonl",
		{ID: "x#1", Path: "dir/x.xml"}: "dir/x.xml",
		{ID: "notes#draft.txt"}:        "notes#draft.txt", // not an item suffix
		{ID: "./a/b.txt"}:              "a/b.txt",
		{ID: "#3"}:                     "#3",
		// Absolute paths below the working directory become relative;
		// others stay absolute.
		{ID: "a-7", Path: "/work/repo/wire/a.jsonl"}: "wire/a.jsonl",
		{ID: "a-8", Path: "/elsewhere/a.jsonl"}:      "/elsewhere/a.jsonl",
		{ID: "a-9", Path: "/work/repo2/a.jsonl"}:     "/work/repo2/a.jsonl",
	}
	for res, want := range cases {
		if got := inputPath(res, "/work/repo"); got != want {
			t.Errorf("inputPath(%q, %q) = %q, want %q", res.ID, res.Path, got, want)
		}
	}
	if got := artifactURI("/srv/news/a b.txt"); got != "file:///srv/news/a%20b.txt" {
		t.Errorf("absolute path URI %q", got)
	}
}

func TestTextWithoutColorHasNoEscapes(t *testing.T) {
	out := render(t, "text", testRunInfo())
	if bytes.Contains(out, []byte("\x1b[")) {
		t.Error("ANSI escape in output with Color off")
	}
	colored := testRunInfo()
	colored.Color = true
	if !bytes.Contains(render(t, "text", colored), []byte(ansiBoldRed+"FAIL")) {
		t.Error("failing verdict not coloured with Color on")
	}
}

func TestTextQuietPrintsSummariesOnly(t *testing.T) {
	info := testRunInfo()
	info.Quiet = true
	lines := strings.Split(strings.TrimSpace(string(render(t, "text", info))), "\n")
	// four articles (one unreadable) and the batch line
	if len(lines) != 5 {
		t.Fatalf("quiet output has %d lines, want 5:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if strings.Contains(l, "AT002") || strings.HasPrefix(l, "  ") {
			t.Errorf("quiet output has a detail line: %q", l)
		}
	}
}

func TestTextFindingLinesAreAligned(t *testing.T) {
	out := string(render(t, "text", testRunInfo()))
	var ruleCols []int
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "articles/harbour-bridge.md:") {
			loc, _, _ := strings.Cut(l, " ")
			rest := strings.TrimLeft(l[len(loc):], " ")
			ruleCols = append(ruleCols, utf8.RuneCountInString(l[:len(l)-len(rest)]))
		}
	}
	if len(ruleCols) != 6 {
		t.Fatalf("want 6 finding lines, got %d", len(ruleCols))
	}
	for _, c := range ruleCols {
		if c != ruleCols[0] {
			t.Errorf("rule column differs between finding lines: %v", ruleCols)
			break
		}
	}
	if !strings.Contains(out, "Rosa Lind, mayor: contradicted") || strings.Contains(out, "person  Tomás Okafor") {
		t.Error("people list should show the contradicted person and omit the verified one")
	}
}

// Article text is untrusted: an escape sequence inside a span must not
// reach the terminal.
func TestTextNeutralisesControlCharacters(t *testing.T) {
	text := "Click \x1b]0;pwned\x07here \u202eevil\u202c now."
	res := &analysis.Result{ID: "evil\x1b[2J.txt", Verdict: analysis.VerdictWarn, Title: "T\x1b[31mitle", Text: text,
		Findings: []analysis.Finding{{Rule: "BP001", Severity: analysis.Warning, Message: "msg\x1b[0m",
			Start: 0, End: len(text), Line: 1, Column: 1}},
		Notes: []string{"note\x07"}}
	var b bytes.Buffer
	r := New("text", &b)
	_ = r.Start(RunInfo{})
	_ = r.Document(res)
	out := b.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%q", bad, out)
		}
	}
	if !strings.Contains(out, "Click \uFFFD]0;pwned\uFFFDhere") {
		t.Errorf("span text lost rather than neutralised: %q", out)
	}
}
