// Package acceptance runs the whole pipeline on the seed articles and checks
// every expectation in testdata/seeds/cases.jsonl: what a good detector
// must find in each, and the real people it must not accuse.
package acceptance

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/testutil"
)

// loadCases is cases.jsonl's path and its cases by ID.
func loadCases(t *testing.T) (string, map[string]testutil.SeedCase) {
	t.Helper()
	cases := map[string]testutil.SeedCase{}
	for _, c := range testutil.SeedCases(t) {
		cases[c.ID] = c
	}
	if len(cases) != 5 {
		t.Fatalf("want 5 seed cases, got %d", len(cases))
	}
	return testutil.SeedCasesPath(), cases
}

type collect struct{ docs map[string]*analysis.Result }

func (c *collect) Start(report.RunInfo) error { return nil }
func (c *collect) Document(r *analysis.Result) error {
	c.docs[r.ID] = r
	return nil
}
func (c *collect) Finish(report.Summary) error { return nil }

// scoreSeeds runs the real pipeline, as `copydesk score cases.jsonl` does.
func scoreSeeds(t *testing.T) map[string]*analysis.Result {
	t.Helper()
	path, _ := loadCases(t)
	setup := testSetup(t, nil)
	opts := setup.Options()
	opts.Checks, opts.KeepText = setup.CorpusChecks(opts.Streaming), true
	rep := &collect{docs: map[string]*analysis.Result{}}
	_, err := pipeline.Run(context.Background(), []string{path}, ingest.Options{}, opts, rep)
	if err != nil {
		t.Fatal(err)
	}
	return rep.docs
}

// covered reports whether some finding of dimension dim covers the first
// occurrence of want in the article text.
func covered(res *analysis.Result, dim analysis.Dimension, want string) bool {
	i := strings.Index(res.Text, want)
	if i < 0 {
		return false
	}
	for _, f := range res.Findings {
		if f.Dimension == dim && f.Start < i+len(want) && f.End > i {
			return true
		}
	}
	return false
}

func TestSeedExpectations(t *testing.T) {
	_, cases := loadCases(t)
	docs := scoreSeeds(t)
	for id, c := range cases {
		res := docs[id]
		if res == nil {
			t.Fatalf("%s: not in output", id)
		}
		if res.Error != "" {
			t.Fatalf("%s: %s", id, res.Error)
		}
		t.Run(id, func(t *testing.T) {
			for dim, wants := range map[analysis.Dimension][]string{
				analysis.Boilerplate: c.Expect.Boilerplate,
				analysis.Templated:   c.Expect.Templated,
				analysis.Attribution: c.Expect.Vague,
				analysis.Fabrication: c.Expect.Fabrication,
			} {
				for _, w := range wants {
					if !strings.Contains(res.Text, w) {
						t.Fatalf("expectation %q is not in the text", w)
					}
					if !covered(res, dim, w) {
						t.Errorf("no %s finding covers %q", dim, w)
					}
				}
			}
			status := map[string]analysis.Entity{}
			for _, e := range res.Entities {
				status[e.Name] = e
			}
			for _, name := range c.Expect.Flag {
				e, ok := status[name]
				if !ok {
					t.Errorf("person %q not found (entities: %v)", name, names(res.Entities))
					continue
				}
				if e.Status != analysis.Contradicted && e.Status != analysis.Unverifiable {
					t.Errorf("%s is %s, want contradicted or unverifiable (%s)", name, e.Status, e.Evidence)
				}
			}
			for _, name := range c.Expect.Real {
				e, ok := status[name]
				if !ok {
					t.Errorf("real person %q not found (entities: %v)", name, names(res.Entities))
					continue
				}
				if e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable {
					t.Errorf("real person %s wrongly %s: %s", name, e.Status, e.Evidence)
				}
			}
			if r := c.Expect.NamedSources; len(r) == 2 {
				if n := res.Sources.Named; n < r[0] || n > r[1] {
					t.Errorf("named sources %d, want %d..%d", n, r[0], r[1])
				}
			}
		})
	}
}

func names(es []analysis.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Name+"="+string(e.Status))
	}
	return out
}

type ordered struct{ docs []*analysis.Result }

func (o *ordered) Start(report.RunInfo) error { return nil }
func (o *ordered) Document(r *analysis.Result) error {
	o.docs = append(o.docs, r)
	return nil
}
func (o *ordered) Finish(report.Summary) error { return nil }
