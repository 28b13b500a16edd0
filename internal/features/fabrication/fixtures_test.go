package fabrication

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// fixture is an article in testdata/ with its expectations in a header:
//
//	date: 2025-09-16                     (omit for an undated article)
//	want: Olaf Scholz contradicted FB002 Friedrich Merz
//	      (name, status, optional rule reported on them, optional text the
//	      evidence must contain)
//	want-finding: FB003 the Biden administration
//	no-finding: FB001
//	---
type fixture struct {
	date                 string
	wants                [][]string
	wantFindings, absent []string
	text                 string
}

func readFixture(t *testing.T, path string) fixture {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, body, ok := strings.Cut(string(b), "\n---\n")
	if !ok {
		t.Fatalf("%s: no --- line", path)
	}
	fx := fixture{text: body}
	sc := bufio.NewScanner(strings.NewReader(head))
	for sc.Scan() {
		key, val, _ := strings.Cut(sc.Text(), ":")
		val = strings.TrimSpace(val)
		switch key {
		case "date":
			fx.date = val
		case "want":
			fx.wants = append(fx.wants, strings.Fields(val))
		case "want-finding":
			fx.wantFindings = append(fx.wantFindings, val)
		case "no-finding":
			fx.absent = append(fx.absent, val)
		}
	}
	return fx
}

var statuses = map[string]bool{"verified": true, "corroborated": true, "contradicted": true, "unverifiable": true, "unknown": true}

func TestFixtures(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			fx := readFixture(t, path)
			res := analyze(t, path, fx.text, fx.date, nil)
			for _, w := range fx.wants {
				// The name runs up to the status word.
				i := 0
				for i < len(w) && !statuses[w[i]] {
					i++
				}
				if i == len(w) {
					t.Fatalf("want line %v has no status", w)
				}
				name, status, rest := strings.Join(w[:i], " "), analysis.Status(w[i]), w[i+1:]
				e := entity(res, name)
				if e == nil {
					t.Errorf("%s not found; people: %v", name, names_(res))
					continue
				}
				if e.Status != status {
					t.Errorf("%s: status %s, want %s (role %q; %s)", name, e.Status, status, e.Role, e.Evidence)
					continue
				}
				if len(rest) > 0 && strings.HasPrefix(rest[0], "FB") {
					if !hasFinding(res, rest[0], e.Start) {
						t.Errorf("%s: no %s finding; findings %v", name, rest[0], res.Findings)
					}
					rest = rest[1:]
				}
				if ev := strings.Join(rest, " "); ev != "" && !strings.Contains(e.Evidence, ev) {
					t.Errorf("%s: evidence %q lacks %q", name, e.Evidence, ev)
				}
			}
			for _, wf := range fx.wantFindings {
				rule, text, _ := strings.Cut(wf, " ")
				found := false
				for _, f := range res.Findings {
					found = found || f.Rule == rule && strings.Contains(f.Text, text)
				}
				if !found {
					t.Errorf("no %s finding on %q; findings %v", rule, text, res.Findings)
				}
			}
			for _, rule := range fx.absent {
				for _, f := range res.Findings {
					if f.Rule == rule {
						t.Errorf("unexpected %s on %q: %s (%s)", rule, f.Text, f.Message, f.Evidence)
					}
				}
			}
			if fx.date == "" && len(res.Notes) == 0 {
				t.Error("undated article: no note that date checks were skipped")
			}
		})
	}
}

func hasFinding(res *analysis.Result, rule string, at int) bool {
	for _, f := range res.Findings {
		if f.Rule == rule && f.Start <= at && at < f.End {
			return true
		}
	}
	return false
}
