package fabrication

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

type batchDoc struct{ source, date, text string }

// runBatch analyses docs in order, feeds them to a fresh Batch and applies
// every amendment (batch mode), returning the final results.
func runBatch(t *testing.T, docs []batchDoc) []*analysis.Result {
	t.Helper()
	b := corpus.NewIndex([]corpus.Keyed{NewBatch(nil)}, false)
	env := defaultEnv(t)
	as, _ := analysis.Order([]*analysis.Analyzer{Analyzer})
	var results []*analysis.Result
	for i, d := range docs {
		doc := document.New(string(rune('a'+i)), d.text)
		doc.Source = d.source
		doc.Date, _ = time.Parse("2006-01-02", d.date)
		res, err := analysis.Run(doc, as, env)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
		for _, a := range b.Observe(i, doc, res) {
			corpus.Apply(results[a.Doc], a)
		}
	}
	for _, a := range b.Finish() {
		corpus.Apply(results[a.Doc], a)
	}
	return results
}

func TestBatchCorroborates(t *testing.T) {
	rs := runBatch(t, []batchDoc{
		{"wire-a", "2025-03-05", "Talks resumed on Tuesday.\n\nNadia Okafor, a regional security analyst, said the talks were a pragmatic step.\n"},
		{"paper-b", "2025-03-06", "Officials met again.\n\n“It was expected,” said Nadia Okafor, a security analyst.\n"},
		{"wire-a", "2025-03-06", "More talks.\n\nNadia Okafor, a security analyst, said little had changed.\n"},
	})
	for i, res := range rs {
		e := entity(res, "Nadia Okafor")
		if e == nil {
			t.Fatalf("article %d: Nadia Okafor not found (%v)", i, names_(res))
		}
		if e.Status != analysis.Corroborated {
			t.Errorf("article %d: status %s (%s), want corroborated", i, e.Status, e.Evidence)
		}
		for _, f := range res.Findings {
			if f.Rule == RuleUnverifiable {
				t.Errorf("article %d: unverifiable finding not withdrawn: %s", i, f.Message)
			}
		}
	}
}

func TestBatchConflict(t *testing.T) {
	rs := runBatch(t, []batchDoc{
		{"wire-a", "2025-03-05", "White House Press Secretary Karoline Leavitt said on Tuesday that talks would continue.\n"},
		{"site-b", "2025-03-06", "White House Press Secretary James Corbin said on Wednesday that talks would continue.\n"},
	})
	for i, res := range rs {
		var conflict *analysis.Finding
		for j := range res.Findings {
			if res.Findings[j].Rule == RuleBatchConflict {
				conflict = &res.Findings[j]
			}
		}
		if conflict == nil {
			t.Fatalf("article %d: no %s finding: %v", i, RuleBatchConflict, res.Findings)
		}
		if !strings.Contains(conflict.Evidence, "knowledge base verifies Karoline Leavitt") {
			t.Errorf("article %d: evidence %q", i, conflict.Evidence)
		}
	}
	if e := entity(rs[0], "Karoline Leavitt"); e == nil || e.Status != analysis.Verified {
		t.Errorf("Leavitt: %+v", e)
	}
	if e := entity(rs[1], "James Corbin"); e == nil || e.Status != analysis.Contradicted {
		t.Errorf("Corbin: %+v", e)
	}
}

func TestAllowlist(t *testing.T) {
	env := defaultEnv(t)
	env.AllowedPeople = map[string]bool{"Rachel Goodman": true}
	res := analyze(t, "allow", "Talks resumed.\n\nDr. Rachel Goodman, a Middle East policy expert, said it was a shift.\n", "2025-03-05", env)
	e := entity(res, "Rachel Goodman")
	if e == nil || e.Status != analysis.Unknown || len(res.Findings) != 0 {
		t.Errorf("allowlisted person: %+v, findings %v", e, res.Findings)
	}
}

// Two spellings of one holder's name are one holder: no conflict. A
// different name in the same office the same week still is one.
func TestBatchSpellingsAreOneHolder(t *testing.T) {
	rs := runBatch(t, []batchDoc{
		{"wire-a", "2025-03-05", "Talks resumed.\n\nUkrainian President Volodymyr Zelensky said on Wednesday the talks were useful.\n"},
		{"paper-b", "2025-03-06", "Talks resumed.\n\nUkrainian President Volodymyr Zelenskyy said on Thursday more help was needed.\n"},
		{"paper-c", "2025-03-06", "Talks resumed.\n\nSouth Korean President Lee Jae-myung spoke.\n"},
		{"paper-d", "2025-03-07", "Talks resumed.\n\nSouth Korean President Lee Jae Myung spoke again.\n"},
		// A slip in a name the KB does not know is one holder spelt two
		// ways, not two holders (the BBC wrote "Shiniwatra" once in 2005).
		{"paper-e", "2005-01-10", "Talks resumed.\n\nThai Prime Minister Thaksin Shinawatra said the plan would go ahead.\n"},
		{"paper-f", "2005-01-11", "Talks resumed.\n\nThai Prime Minister Thaksin Shiniwatra said the plan was ready.\n"},
	})
	for i, res := range rs {
		for _, f := range res.Findings {
			if f.Rule == RuleBatchConflict {
				t.Errorf("article %d: %s", i, f.Message)
			}
		}
	}
	rs = runBatch(t, []batchDoc{
		{"wire-a", "2025-03-05", "Talks resumed.\n\nUkrainian President Volodymyr Zelensky said on Wednesday the talks were useful.\n"},
		{"paper-b", "2025-03-06", "Talks resumed.\n\nUkrainian President Viktor Marchenko said on Thursday more help was needed.\n"},
	})
	found := false
	for _, f := range rs[1].Findings {
		found = found || f.Rule == RuleBatchConflict
	}
	if !found {
		t.Error("a different name in the same office the same week is no conflict")
	}
}

// Two sources spelling one source's name differently still corroborate
// each other.
func TestBatchCorroboratesAcrossSpellings(t *testing.T) {
	rs := runBatch(t, []batchDoc{
		{"wire-a", "2025-03-05", "Talks resumed on Tuesday.\n\nMin-jun Seo, a regional security analyst, said the talks were a pragmatic step.\n"},
		{"paper-b", "2025-03-06", "Officials met again.\n\n“It was expected,” said Minjun Seo, a security analyst.\n"},
	})
	for i, res := range rs {
		var e *analysis.Entity
		for j := range res.Entities {
			if strings.HasSuffix(res.Entities[j].Name, "Seo") {
				e = &res.Entities[j]
			}
		}
		if e == nil {
			t.Fatalf("article %d: Seo not found (%v)", i, names_(res))
		}
		if e.Status != analysis.Corroborated {
			t.Errorf("article %d: %s is %s (%s), want corroborated", i, e.Name, e.Status, e.Evidence)
		}
	}
}
