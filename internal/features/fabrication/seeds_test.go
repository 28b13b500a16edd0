package fabrication

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

// analyze runs the people and fabrication analyzers over text dated date
// ("" for none).
func analyze(t testing.TB, id, text, date string, env *analysis.Env) *analysis.Result {
	t.Helper()
	doc := document.New(id, text)
	if date != "" {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			t.Fatal(err)
		}
		doc.Date = d
	}
	if env == nil {
		env = defaultEnv(t)
	}
	as, err := analysis.Order([]*analysis.Analyzer{Analyzer})
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Run(doc, as, env)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func entity(res *analysis.Result, name string) *analysis.Entity {
	for i := range res.Entities {
		if res.Entities[i].Name == name || strings.HasSuffix(res.Entities[i].Name, " "+name) {
			return &res.Entities[i]
		}
	}
	return nil
}

// defaultEnv is what the driver builds: the knowledge base under kb.EnvKey
// and, as the people analyzer's gazetteer, under people.GazetteerKey.
func defaultEnv(t testing.TB) *analysis.Env {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Env{Values: map[string]any{kb.EnvKey: k, people.GazetteerKey: k}}
}

// TestSeeds checks what cases.jsonl says a good detector must find: the
// flagged people contradicted or unverifiable, the real ones neither, and
// the fabrication phrases reported.
func TestSeeds(t *testing.T) {
	for _, c := range testutil.SeedCases(t) {
		t.Run(c.ID, func(t *testing.T) {
			res := analyze(t, c.ID, c.Text, c.Date, nil)
			for _, name := range c.Expect.Flag {
				e := entity(res, name)
				if e == nil {
					t.Errorf("%s not found among %v", name, names_(res))
					continue
				}
				if e.Status != analysis.Contradicted && e.Status != analysis.Unverifiable {
					t.Errorf("%s: status %s (%s), want contradicted or unverifiable", name, e.Status, e.Evidence)
				}
			}
			for _, name := range c.Expect.Real {
				if e := entity(res, name); e != nil && (e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable) {
					t.Errorf("real person %s: status %s (%s)", name, e.Status, e.Evidence)
				}
			}
			for _, phrase := range c.Expect.Fabrication {
				found := false
				for _, f := range res.Findings {
					if f.Dimension == analysis.Fabrication && strings.Contains(f.Text, phrase) {
						found = true
					}
				}
				if !found {
					t.Errorf("no fabrication finding on %q; findings: %v", phrase, res.Findings)
				}
			}
			for _, e := range res.Entities {
				t.Logf("%-22s %-13s quotes=%d role=%q evidence=%s", e.Name, e.Status, e.Quoted, e.Role, e.Evidence)
			}
		})
	}
}

func mustTime(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func names_(res *analysis.Result) []string {
	var out []string
	for _, e := range res.Entities {
		out = append(out, e.Name)
	}
	return out
}
