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
// pairwise check it replaced, and wants the same corroborations, in the
// same order, after every article. Conflicts differ on purpose: the
// pairwise check reported one finding per pair of articles, the index one
// per rival holder (TestBatchConflictsGrowLinearly); here every article the
// index flags is one the pairwise check flags too.
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
			ga, wa := got.Observe(n, doc, res), want.Observe(n, doc, res)
			gc, wc := conflicted(ga), conflicted(wa)
			for d := range gc {
				if !wc[d] {
					t.Fatalf("seed %d, article %d: the index reports a conflict on article %d the pairwise check does not", seed, idx, d)
				}
			}
			if wc[n] && !gc[n] {
				t.Fatalf("seed %d, article %d: its own conflict is not reported", seed, idx)
			}
			g, w := sortedAmendments(withoutConflicts(ga)), sortedAmendments(withoutConflicts(wa))
			if g != w {
				t.Fatalf("seed %d, article %d:\nindexed  %s\npairwise %s", seed, idx, g, w)
			}
			corroborated += strings.Count(g, `"status":"corroborated"`)
			for _, a := range ga {
				for _, f := range a.Findings {
					if f.Rule == RuleBatchConflict {
						conflicts++
					}
				}
			}
		}
	}
	if corroborated < 100 || conflicts < 100 {
		t.Errorf("the batches exercised too little: %d corroborations, %d conflicts", corroborated, conflicts)
	}
	t.Logf("%d corroborations, %d conflict findings", corroborated, conflicts)
}

// conflicted is the set of articles given a conflict finding.
func conflicted(as []corpus.Amendment) map[int]bool {
	out := map[int]bool{}
	for _, a := range as {
		for _, f := range a.Findings {
			if f.Rule == RuleBatchConflict {
				out[a.Doc] = true
			}
		}
	}
	return out
}

// withoutConflicts drops conflict findings and the statuses conflicts set,
// leaving the corroborations.
func withoutConflicts(as []corpus.Amendment) []corpus.Amendment {
	var out []corpus.Amendment
	for _, a := range as {
		var b corpus.Amendment
		b.Doc, b.Withdraw = a.Doc, a.Withdraw
		for _, f := range a.Findings {
			if f.Rule != RuleBatchConflict {
				b.Findings = append(b.Findings, f)
			}
		}
		for _, e := range a.Entities {
			if !strings.HasPrefix(e.Evidence, "batch conflict") {
				b.Entities = append(b.Entities, e)
			}
		}
		if len(b.Findings)+len(b.Entities)+len(b.Withdraw) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// TestBatchConflictsGrowLinearly: in a batch where one article in a hundred
// names a rival holder of an office, each article carries at most one
// conflict finding per rival, and the findings grow with the batch, not
// with its square.
func TestBatchConflictsGrowLinearly(t *testing.T) {
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	count := func(n int) (total, most int) {
		b := NewBatch(k)
		per := map[int]int{}
		for i := range n {
			doc := document.New("d", "President Donald Trump spoke on Monday about trade.")
			doc.Date = time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)
			name := "Donald Trump"
			if i%100 == 0 {
				name = "Joe Biden"
			}
			res := &analysis.Result{Entities: []analysis.Entity{{Name: name, Role: "US President", Status: analysis.Unknown, Start: 10, End: 22}}}
			for _, a := range b.Observe(i, doc, res) {
				for _, f := range a.Findings {
					if f.Rule == RuleBatchConflict {
						per[a.Doc]++
						total++
					}
				}
			}
		}
		for _, c := range per {
			most = max(most, c)
		}
		return total, most
	}
	small, mostSmall := count(1000)
	large, mostLarge := count(4000)
	if mostSmall > 1 || mostLarge > 1 {
		t.Errorf("an article carries %d conflict findings for one rival", max(mostSmall, mostLarge))
	}
	if small == 0 || large > 5*small {
		t.Errorf("conflict findings: %d for 1,000 articles, %d for 4,000: want about 4x", small, large)
	}
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
