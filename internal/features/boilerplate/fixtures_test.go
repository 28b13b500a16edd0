package boilerplate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wantEntry is one expectation of a fixture's .want sidecar: rule RULE must
// report a finding covering text (the first occurrence after the previous
// entry's).
type wantEntry struct {
	rule       string
	text       string
	start, end int
}

// TestFixtures runs the analyzer over testdata/articles/*.txt, articles
// written for this package, and compares with NAME.want beside each: every
// listed span is covered by a finding of that rule, and every finding is
// listed (an empty .want means the article must come out clean).
func TestFixtures(t *testing.T) {
	paths, err := filepath.Glob("testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			text := readFile(t, p)
			wants := readWants(t, strings.TrimSuffix(p, ".txt")+".want", text)
			res := analyze(t, p, text)
			for _, w := range wants {
				ok := false
				for _, f := range res.Findings {
					if f.Rule == w.rule && f.Start <= w.start && f.End >= w.end {
						ok = true
					}
				}
				if !ok {
					t.Errorf("want %s on %q: not reported", w.rule, w.text)
				}
			}
			for _, f := range res.Findings {
				listed := false
				for _, w := range wants {
					if f.Rule == w.rule && f.Start < w.end && w.start < f.End {
						listed = true
					}
				}
				if !listed {
					t.Errorf("unexpected %s (%s) line %d: %q (%s; %s)", f.Rule, f.Severity, f.Line, f.Text, f.Message, f.Evidence)
				}
			}
		})
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readWants(t *testing.T, p, text string) []wantEntry {
	t.Helper()
	var out []wantEntry
	from := 0
	for i, l := range strings.Split(readFile(t, p), "\n") {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		rule, sub, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("%s:%d: want RULE<TAB>text", p, i+1)
		}
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("%s:%d: %q not in the article (after offset %d)", p, i+1, sub, from)
		}
		out = append(out, wantEntry{rule: rule, text: sub, start: from + j, end: from + j + len(sub)})
		from += j
	}
	return out
}
