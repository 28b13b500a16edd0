package scorecmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// Hostile ids, file names and texts, end to end through every format: no
// output line may start a workflow command it did not mean, carry a
// terminal escape, or be invalid JSON.
func TestHostileInputEndToEnd(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"id":"x\n::add-mask::secret","text":"It is important to note \u001b]0;owned\u0007 \u001b[2J that experts believe it."}` + "\n" +
		`{"id":"y\r\n::error file=a::forged \u202e","text":"A testament to \u009b31m progress, officials said."}` + "\n"
	files := map[string]string{
		"batch.jsonl":                           jsonl,
		"evil\n::warning::named.txt":            "It is important to note that the council met.\n",
		"esc\x1b[31m.md":                        "# Title \x1b]8;;http://x\x07link\n\nExperts believe it is a testament to progress.\n",
		"page<img src=x onerror=alert(1)>.html": "<html><head><title>T \x1b[2J</title></head><body><article><p>Experts believe it is a testament to progress, officials said.</p></article></body></html>",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	command := regexp.MustCompile(`^::(error|warning|notice)( [a-zA-Z]+=[^:,\r\n]*(,[a-zA-Z]+=[^:,\r\n]*)*)?::`)
	for _, format := range []string{"text", "json", "jsonl", "sarif", "github", "html"} {
		out, stderr, code := run(t, dir, "", "score", "--no-config", "--format", format, "--fail-on", "never", ".")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if !utf8.ValidString(out) {
			t.Errorf("%s: output is not valid UTF-8", format)
		}
		switch format {
		case "json", "sarif":
			if !json.Valid([]byte(out)) {
				t.Errorf("%s: not valid JSON", format)
			}
		case "jsonl":
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				if !json.Valid([]byte(l)) {
					t.Errorf("jsonl: invalid line %q", l)
				}
			}
		}
		for _, stream := range []string{out, stderr} {
			for _, l := range strings.Split(stream, "\n") {
				// (The HTML page's own stylesheet has "::highlight" rules.)
				if strings.HasPrefix(strings.TrimSpace(l), "::") && format != "html" && (format != "github" || !command.MatchString(l)) {
					t.Errorf("%s: a line starts a workflow command: %q", format, l)
				}
				if strings.ContainsAny(l, "\x1b\x07\r\u009b\u202e") {
					t.Errorf("%s: a line carries a control character: %q", format, l)
				}
			}
		}
		if format == "html" && strings.Contains(out, "<img src=x") {
			t.Errorf("html: a file name reached the page as markup")
		}
	}
}
