package wantfile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestParse(t *testing.T) {
	got := Parse("# comment\nAT001\tsaid the minister\n\n!TP002\tIn conclusion\n!FB003\n")
	want := []Want{
		{Rule: "AT001", Span: "said the minister"},
		{Rule: "TP002", Span: "In conclusion", Negate: true},
		{Rule: "FB003", Negate: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Parse = %+v, want %+v", got, want)
	}
}

// recorder is a testing.TB that counts failures instead of failing.
type recorder struct {
	testing.TB
	errors int
	fatal  bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.errors++ }
func (r *recorder) Fatalf(string, ...any) { r.fatal = true }
func (r *recorder) Fatal(...any)          { r.fatal = true }
func (r *recorder) Failed() bool          { return r.errors > 0 || r.fatal }
func (r *recorder) Logf(string, ...any)   {}

func TestCheckOccurrences(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.want")
	if err := os.WriteFile(path, []byte("R1\tsaid\n!R2\tsaid\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "He said no. She said yes."
	second := strings.LastIndex(text, "said")
	findings := []analysis.Finding{
		{Rule: "R1", Start: second, End: second + 4, Severity: analysis.Warning},
		{Rule: "R2", Start: second, End: second + 4, Severity: analysis.Warning},
	}
	// At the first "said" there is no finding: R1 is missed, !R2 is met.
	r := &recorder{TB: t}
	Check(r, path, text, findings, First)
	if r.errors != 1 || r.fatal {
		t.Errorf("First: %d errors, fatal %v; want 1 error (R1 missing)", r.errors, r.fatal)
	}
	// Over every "said": R1 is met, !R2 is broken.
	r = &recorder{TB: t}
	Check(r, path, text, findings, Every)
	if r.errors != 1 || r.fatal {
		t.Errorf("Every: %d errors, fatal %v; want 1 error (R2 present)", r.errors, r.fatal)
	}
	// A rule forbidden outright fails on any warning.
	if err := os.WriteFile(path, []byte("!R2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = &recorder{TB: t}
	Check(r, path, text, findings, First)
	if r.errors != 1 {
		t.Errorf("!R2: %d errors, want 1", r.errors)
	}
	// A span the article lacks is a broken fixture.
	if err := os.WriteFile(path, []byte("R1\tnot there\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = &recorder{TB: t}
	Check(r, path, text, findings, First)
	if !r.fatal {
		t.Error("a missing span must stop the test")
	}
}
