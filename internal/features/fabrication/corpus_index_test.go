package fabrication

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
)

// TestBatchIndexMatchesPairwise feeds random batches (names, roles,
// statuses, sources and dates drawn from small pools, so people recur,
// conflict and corroborate often) to the indexed Batch and to the
// pairwise check it replaced, and wants the same amendments, in the same
// order, after every article.
func TestBatchIndexMatchesPairwise(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Nadia Okafor", "Nadia  Okafor", "nadia okafor", "Karoline Leavitt", "James Corbin", "Joe Biden",
		"Joseph R. Biden", "Okafor", "Mary Haddad", "Mary Haddad Jr.", "Ève Brennan", "Eve Brennan"}
	roles := []string{"", "", "White House press secretary", "White House Press Secretary", "press secretary", "security analyst",
		"a regional security analyst", "President", "US President", "former President", "Israeli Prime Minister",
		"spokesperson for a leading NGO", "policy expert", "Middle East policy expert", "analyst at Barclays"}
	statuses := []analysis.Status{analysis.Unverifiable, analysis.Unverifiable, analysis.Unknown, analysis.Unknown,
		analysis.Verified, analysis.Contradicted}
	sources := []string{"", "wire-a", "wire-a", "paper-b", "blog-c"}
	const text = "Some article text long enough for every entity span used below, twice over and more."
	corroborated, conflicts := 0, 0
	for seed := range uint64(6) {
		r := rand.New(rand.NewPCG(seed, 99))
		got, want := NewBatch(k), newRefBatch(k)
		base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		for idx := range 600 {
			doc := document.New("d", text)
			doc.Source = sources[r.IntN(len(sources))]
			if r.IntN(6) > 0 {
				doc.Date = base.AddDate(0, 0, r.IntN(40))
			}
			res := &analysis.Result{Sources: analysis.Sources{Named: r.IntN(4)}}
			for range 1 + r.IntN(3) {
				s := r.IntN(40)
				res.Entities = append(res.Entities, analysis.Entity{
					Name: names[r.IntN(len(names))], Role: roles[r.IntN(len(roles))],
					Status: statuses[r.IntN(len(statuses))], Start: s, End: s + 1 + r.IntN(20),
				})
			}
			// Odd seeds reuse article numbers, as a caller feeding one
			// check several batches would.
			n := idx
			if seed%2 == 1 {
				n = r.IntN(50)
			}
			g := sortedAmendments(got.Observe(n, doc, res))
			w := sortedAmendments(want.Observe(n, doc, res))
			if g != w {
				t.Fatalf("seed %d, article %d:\nindexed  %s\npairwise %s", seed, idx, g, w)
			}
			corroborated += strings.Count(g, `"status":"corroborated"`)
			conflicts += strings.Count(g, RuleBatchConflict)
		}
	}
	if corroborated < 100 || conflicts < 100 {
		t.Errorf("the batches exercised too little: %d corroborations, %d conflicts", corroborated, conflicts)
	}
	t.Logf("%d corroborations, %d conflict findings", corroborated, conflicts)
}

// sortedAmendments is the amendments in article order as JSON.
func sortedAmendments(as []corpus.Amendment) string {
	slices.SortFunc(as, func(a, b corpus.Amendment) int { return a.Doc - b.Doc })
	b, err := json.Marshal(as)
	if err != nil {
		panic(err)
	}
	return string(b)
}
