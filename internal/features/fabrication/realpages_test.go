package fabrication

import (
	"bufio"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// genuine are the findings on real pages that the pages themselves earn,
// by article id and person, with why. Nothing else on a real page may be
// contradicted, unverifiable or a misspelled office holder.
var genuine = map[[2]string]string{
	{"bbc-business-301", "Ronald Regan"}: "the page misspells Ronald Reagan (FB006 is right)",
}

// sharedOrFail returns ../shared, skipping loudly when it is absent, but
// failing under CI=true, where the data must be there.
func sharedOrFail(t *testing.T) string {
	t.Helper()
	if testutil.SharedDir() == "" && os.Getenv("CI") == "true" {
		t.Fatal("CI=true but ../shared (eval data) is missing: the real-page checks cannot run")
	}
	return testutil.RequireShared(t)
}

type realPage struct {
	ID, Label, Class, Split, Date, URL, Text string
}

func readPages(t *testing.T, path string, keep func(realPage) bool) []realPage {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []realPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var p realPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if keep(p) {
			out = append(out, p)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNoRealPersonAccused runs the analyzer and the batch check over the
// human articles of the eval set and the wire pages (train split) of the
// 2024-25 web set: every person there is real and, except for the few
// page errors in genuine, correctly described.
func TestNoRealPersonAccused(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the eval sets")
	}
	shared := sharedOrFail(t)
	sets := map[string][]realPage{
		"human news": readPages(t, filepath.Join(shared, "eval", "news.jsonl"), func(p realPage) bool { return p.Label == "human" }),
		"wire train": readPages(t, filepath.Join(shared, "eval", "wild-dev.jsonl"), func(p realPage) bool { return p.Class == "wire" && p.Split == "train" }),
	}
	env := defaultEnv(t)
	as, err := analysis.Order([]*analysis.Analyzer{Analyzer})
	if err != nil {
		t.Fatal(err)
	}
	for name, pages := range sets {
		if len(pages) < 100 {
			t.Fatalf("%s: only %d pages read", name, len(pages))
		}
		b := corpus.NewIndex([]corpus.Keyed{NewBatch(nil)}, true)
		results := make([]*analysis.Result, len(pages))
		for i, p := range pages {
			doc := document.New(p.ID, p.Text)
			if u, err := url.Parse(p.URL); err == nil {
				doc.Source = u.Host
			}
			if p.Date != "" {
				if doc.Date, err = time.Parse("2006-01-02", p.Date); err != nil {
					t.Fatalf("%s: date %q", p.ID, p.Date)
				}
			}
			if results[i], err = analysis.Run(doc, as, env); err != nil {
				t.Fatal(err)
			}
			for _, a := range b.Observe(i, doc, results[i]) {
				corpus.Apply(results[a.Doc], a)
			}
		}
		verified := 0
		for i, res := range results {
			for _, e := range res.Entities {
				if e.Status == analysis.Verified {
					verified++
				}
				bad := e.Status == analysis.Contradicted || e.Status == analysis.Unverifiable
				for _, f := range res.Findings {
					bad = bad || f.Rule == RuleMisspelledHolder && f.Start <= e.Start && e.Start < f.End
				}
				if !bad {
					continue
				}
				if why, ok := genuine[[2]string{pages[i].ID, e.Name}]; ok {
					t.Logf("%s: %s %s: known page error: %s", pages[i].ID, e.Name, e.Status, why)
					continue
				}
				t.Errorf("%s %s: %s is %s as %q: %s", name, pages[i].ID, e.Name, e.Status, e.Role, e.Evidence)
			}
			for _, f := range res.Findings {
				if f.Rule == RuleBatchConflict && f.Severity != analysis.Info {
					t.Errorf("%s %s: batch conflict: %s", name, pages[i].ID, f.Message)
				}
			}
		}
		// The check means something only if the KB recognised people.
		if verified < 50 {
			t.Errorf("%s: only %d people verified: the pages were not read as expected", name, verified)
		}
		t.Logf("%s: %d pages, %d people verified", name, len(pages), verified)
	}
}
