package coverage_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/coverage"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/refstore/refingest"
	"github.com/copydesk/copydesk/internal/report"
)

// collect is a reporter keeping every result.
type collect struct{ res []*analysis.Result }

func (c *collect) Start(report.RunInfo) error        { return nil }
func (c *collect) Document(r *analysis.Result) error { c.res = append(c.res, r); return nil }
func (c *collect) Finish(report.Summary) error       { return nil }
func (c *collect) byPrefix(p string) *analysis.Result {
	for _, r := range c.res {
		if strings.HasPrefix(filepath.Base(r.Path), p) {
			return r
		}
	}
	return nil
}

func readSource(paths ...string) pipeline.Source {
	return func(ctx context.Context, emit func(ingest.Article) error) error {
		return ingest.Read(ctx, paths, ingest.Options{}, emit)
	}
}

// emptyStore opens a new reference store in a temporary folder, closed at
// the end of the test, with the run setup references are indexed through.
func emptyStore(t *testing.T) (*refstore.Store, *pipeline.Setup) {
	t.Helper()
	st, err := refstore.Open(t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Fitting: true})
	if err != nil {
		t.Fatal(err)
	}
	return st, setup
}

// buildStore indexes the reference fixtures: the wire reports as wire,
// the archive one as archive.
func buildStore(t *testing.T) *refstore.Store {
	t.Helper()
	st, setup := emptyStore(t)
	for _, add := range []struct {
		glob  string
		trust refstore.Trust
	}{{"testdata/ref/wire-*.md", refstore.Wire}, {"testdata/ref/archive-*.md", refstore.Archive}} {
		paths, _ := filepath.Glob(add.glob)
		stats, err := refingest.Add(context.Background(), st, setup, readSource(paths...), refingest.Options{Trust: add.trust, Jobs: 1})
		if err != nil || stats.Added != len(paths) {
			t.Fatalf("index %s: %+v %v", add.glob, stats, err)
		}
	}
	return st
}

// seedDate is the seeds' date (testdata/seeds/cases.jsonl); the seed
// files carry none, as `copydesk score --date 2025-03-05` supplies it.
var seedDate = time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)

func score(t *testing.T, st *refstore.Store, paths ...string) *collect {
	t.Helper()
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{RefStore: st})
	if err != nil {
		t.Fatal(err)
	}
	opts := setup.Options()
	opts.Jobs = 2
	opts.DefaultDate = seedDate
	c := &collect{}
	if _, err := pipeline.RunSource(context.Background(), readSource(paths...), opts, c); err != nil {
		t.Fatal(err)
	}
	return c
}

func findings(r *analysis.Result, rule string) []analysis.Finding {
	var out []analysis.Finding
	for _, f := range r.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestSeedsAgainstReferenceCoverage(t *testing.T) {
	st := buildStore(t)
	seeds, _ := filepath.Glob("../../../testdata/seeds/*.txt")
	if len(seeds) != 5 {
		t.Fatalf("want the five seeds, found %d", len(seeds))
	}
	c := score(t, st, append(seeds, "testdata/articles/uncovered-bridge-opening.txt")...)

	// 002 quotes the real people of the story: its quotes are the
	// coverage's words (an ellipsis elides "has shown he"), nobody is
	// absent, nothing is altered or misattributed.
	s2 := c.byPrefix("002_")
	for _, rule := range []string{coverage.RuleAbsentSource, coverage.RuleAlteredQuote, coverage.RuleMisattributedQte} {
		if fs := findings(s2, rule); len(fs) > 0 {
			t.Errorf("002: unexpected %s: %+v", rule, fs)
		}
	}
	verbatim := map[string]bool{}
	for _, q := range s2.Quotes {
		if q.Provenance == analysis.Verbatim {
			verbatim[q.Speaker] = true
			if q.Reference == nil || q.Reference.Source != "Fixture Wire" || q.Reference.Date != "2025-03-05" || q.Reference.Passage == "" {
				t.Errorf("002: verbatim quote without its reference: %+v", q)
			}
		}
		if q.Provenance == analysis.Altered || q.Provenance == analysis.Misattributed {
			t.Errorf("002: quote %q is %s", q.Text, q.Provenance)
		}
	}
	for _, who := range []string{"Karoline Leavitt", "Donald Trump"} {
		if !verbatim[who] {
			t.Errorf("002: no verbatim quote of %s; quotes: %+v", who, s2.Quotes)
		}
	}
	if !strings.Contains(strings.Join(s2.Notes, " "), "reference coverage of this story: testdata/ref/wire-us-hamas-talks.md (Fixture Wire, 2025-03-05, similarity 0.") {
		t.Errorf("002: the story match is not shown: %v", s2.Notes)
	}
	corroborated := 0
	for _, e := range s2.Entities {
		if e.Status == analysis.Corroborated {
			corroborated++
			if e.Reference == nil || e.Reference.ID == "" {
				t.Errorf("002: %s corroborated without a reference", e.Name)
			}
		}
	}
	if corroborated == 0 {
		t.Errorf("002: no person corroborated by the coverage: %+v", s2.Entities)
	}

	// 001 quotes three invented people: each is absent from the coverage,
	// and so are their quotes.
	s1 := c.byPrefix("001_")
	absent := map[string]bool{}
	for _, f := range findings(s1, coverage.RuleAbsentSource) {
		absent[f.Text] = true
		if !strings.Contains(f.Evidence, "Fixture Wire") {
			t.Errorf("001: %s evidence does not list the coverage: %s", f.Rule, f.Evidence)
		}
	}
	for _, who := range []string{"James Corbin", "Rachel Goodman", "Amira Nasser"} {
		found := false
		for text := range absent {
			found = found || strings.Contains(text, who)
		}
		if !found {
			t.Errorf("001: %s not reported absent; FB007 on %v", who, absent)
		}
	}
	for _, q := range s1.Quotes {
		if q.Speaker != "" && q.Provenance != analysis.Absent {
			t.Errorf("001: invented quote %q by %s is %s", q.Text, q.Speaker, q.Provenance)
		}
	}

	// People the knowledge base verifies are never reported absent.
	for _, r := range c.res {
		for _, e := range r.Entities {
			for _, f := range findings(r, coverage.RuleAbsentSource) {
				if e.Status == analysis.Verified && f.Start == e.Start {
					t.Errorf("%s: verified %s reported absent", r.Path, e.Name)
				}
			}
		}
	}

	// Seeds without quoted people, and an article on a story the store
	// does not cover: nothing is said.
	for _, p := range []string{"000_", "003_", "004_", "uncovered-"} {
		r := c.byPrefix(p)
		for _, f := range r.Findings {
			if f.Rule == coverage.RuleAbsentSource || f.Rule == coverage.RuleAlteredQuote || f.Rule == coverage.RuleMisattributedQte {
				t.Errorf("%s: unexpected %s %q", p, f.Rule, f.Text)
			}
		}
	}
	for _, q := range c.byPrefix("uncovered-").Quotes {
		if q.Provenance != analysis.Unchecked {
			t.Errorf("uncovered story: quote %q is %s, want unchecked", q.Text, q.Provenance)
		}
	}
}

// Without a store the coverage analyzer changes nothing.
func TestNoStoreNoQuotes(t *testing.T) {
	c := score(t, nil, "../../../testdata/seeds/001_3b790d2b841c0539.txt")
	r := c.res[0]
	if r.Quotes != nil || len(findings(r, coverage.RuleAbsentSource)) > 0 {
		t.Fatalf("without a store: quotes %v, FB007 %v", r.Quotes, findings(r, coverage.RuleAbsentSource))
	}
}

// A rewrite that moves a statement to another named speaker, and changes
// words inside another quote, is reported with the reference's passage.
func TestMovedAndAlteredQuotes(t *testing.T) {
	st := buildStore(t)
	r := score(t, st, "testdata/articles/moved-and-altered-quotes.md").res[0]
	var moved, altered *analysis.Quote
	for i, q := range r.Quotes {
		switch q.Provenance {
		case analysis.Misattributed:
			moved = &r.Quotes[i]
		case analysis.Altered:
			altered = &r.Quotes[i]
		}
	}
	if moved == nil || moved.Speaker != "Steve Witkoff" || moved.Reference.Speaker != "Karoline Leavitt" {
		t.Fatalf("moved quote not misattributed: %+v", r.Quotes)
	}
	if altered == nil || altered.Speaker != "Donald Trump" || !strings.Contains(altered.Reference.Diff, "[-finish-] {+win+} the [-job-] {+war and+}") {
		t.Fatalf("altered quote: %+v %+v", altered, altered.Reference)
	}
	if len(findings(r, coverage.RuleMisattributedQte)) != 1 || len(findings(r, coverage.RuleAlteredQuote)) != 1 {
		t.Fatalf("findings: %+v", r.Findings)
	}
	// Witkoff is real and named by the coverage; Rubio is quoted and
	// absent from it, but the knowledge base verifies him: neither is
	// reported.
	if fs := findings(r, coverage.RuleAbsentSource); len(fs) > 0 {
		t.Fatalf("real person reported absent: %+v", fs)
	}
	rubio := false
	for _, e := range r.Entities {
		rubio = rubio || e.Name == "Marco Rubio" && e.Status == analysis.Verified && e.Quoted > 0
	}
	if !rubio {
		t.Fatalf("the fixture needs Marco Rubio quoted and verified: %+v", r.Entities)
	}
	// "a spokesman" names no institution (FB004), but the wire report
	// names Hazem Qassem as Hamas spokesman: corroborated, FB004 withdrawn.
	for _, e := range r.Entities {
		if e.Name == "Hazem Qassem" && (e.Status != analysis.Corroborated || e.Reference == nil || e.Reference.Trust != "wire") {
			t.Fatalf("Qassem: %+v", e)
		}
	}
	if fs := findings(r, "FB004"); len(fs) > 0 {
		t.Fatalf("FB004 left on a corroborated person: %+v", fs)
	}
}
