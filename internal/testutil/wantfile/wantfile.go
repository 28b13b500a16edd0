// Package wantfile checks an analysed fixture article against the .want
// sidecar file beside it. Each line of a .want file is one expectation:
//
//	RULE<TAB>text   a finding of RULE must overlap text
//	!RULE<TAB>text  no finding of RULE may overlap text
//	!RULE           RULE must not fire anywhere at warning level or above
//
// Blank lines and lines starting with "#" are skipped. It is a package of
// its own, not part of testutil, because it needs internal/analysis, whose
// own tests may use testutil.
package wantfile

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Want is one line of a .want file.
type Want struct {
	Rule   string
	Span   string // "" with Negate: the rule must not fire at all
	Negate bool
}

// Parse reads the expectations in the text of a .want file.
func Parse(data string) []Want {
	var out []Want
	for _, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, span, _ := strings.Cut(line, "\t")
		negate := strings.HasPrefix(id, "!")
		out = append(out, Want{Rule: strings.TrimPrefix(id, "!"), Span: span, Negate: negate})
	}
	return out
}

// Read reads and parses the .want file at path.
func Read(path string) ([]Want, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("wantfile: %w", err)
	}
	return Parse(string(b)), nil
}

// Occurrences says which occurrences of a span in the article an
// expectation is checked at.
type Occurrences int

const (
	// First checks the span's first occurrence only.
	First Occurrences = iota
	// Every checks them all: RULE needs a finding over any of them, !RULE
	// forbids one over each.
	Every
)

// Check fails t for each expectation of the .want file at path that the
// findings, from analysing text, do not meet, and logs the findings when
// the test has failed.
// A span missing from text is a broken fixture and stops the test.
func Check(t testing.TB, path, text string, findings []analysis.Finding, at Occurrences) {
	t.Helper()
	wants, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range wants {
		if w.Span == "" {
			for _, f := range findings {
				if f.Rule == w.Rule && f.Severity >= analysis.Warning {
					t.Errorf("%s must not fire; got %q (%s)", w.Rule, f.Text, f.Message)
				}
			}
			continue
		}
		if !strings.Contains(text, w.Span) {
			t.Fatalf("expectation %q not in the fixture", w.Span)
		}
		hit := false
		for off := 0; ; {
			i := strings.Index(text[off:], w.Span)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(w.Span)
			for _, f := range findings {
				if f.Rule == w.Rule && f.Start < e && f.End > s {
					hit = true
				}
			}
			if at == First {
				break
			}
			off = e
		}
		if hit == w.Negate {
			t.Errorf("%s over %q: found=%v, want %v", w.Rule, w.Span, hit, !w.Negate)
		}
	}
	if t.Failed() {
		for _, f := range findings {
			t.Logf("%s %s %q %s", f.Rule, f.Severity, f.Text, f.Message)
		}
	}
}
