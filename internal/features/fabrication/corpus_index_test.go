package fabrication

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/kb"
)

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
		b := corpus.NewIndex([]corpus.Keyed{NewBatch(k)}, true)
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
