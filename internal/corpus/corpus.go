// Package corpus defines checks that look across a batch of articles
// (shared template sentences, people corroborated or contradicted by other
// articles). Checks keep a compact per-article index, never whole documents,
// so memory grows with the batch by a few kilobytes per article at most.
package corpus

import (
	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// Amendment adds findings to, or updates people in, one article's result.
type Amendment struct {
	Doc      int                `json:"-"` // index of the article in input order
	Findings []analysis.Finding `json:"findings,omitempty"`
	// Entities replace the article's entities of the same Name (status
	// upgrades such as unverifiable → corroborated).
	Entities []analysis.Entity `json:"entities,omitempty"`
	// Withdraw removes findings the batch has settled (an unverifiable
	// source that another article corroborates).
	Withdraw []Withdrawal `json:"withdraw,omitempty"`
}

// Withdrawal names a finding to remove: the finding of Rule whose span
// contains offset At.
type Withdrawal struct {
	Rule string `json:"rule"`
	At   int    `json:"at"`
}

// Check is one batch-wide check. The driver calls Observe once per article
// in input order, then Finish once. In streaming mode (jsonl output) an
// article is written right after its Observe, so amendments to earlier
// articles are only applied in batch mode; Observe's amendments for the
// current article are always applied.
type Check interface {
	Name() string
	Rules() []analysis.Rule
	Observe(idx int, doc *document.Document, res *analysis.Result) []Amendment
	Finish() []Amendment
}

// Apply merges amendment a into res.
func Apply(res *analysis.Result, a Amendment) {
	if len(a.Withdraw) > 0 {
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			if !withdrawn(f, a.Withdraw) {
				kept = append(kept, f)
			}
		}
		res.Findings = kept
	}
	res.Findings = append(res.Findings, a.Findings...)
	for _, e := range a.Entities {
		replaced := false
		for i := range res.Entities {
			if res.Entities[i].Name == e.Name {
				res.Entities[i] = e
				replaced = true
				break
			}
		}
		if !replaced {
			res.Entities = append(res.Entities, e)
		}
	}
	analysis.SortFindings(res.Findings)
}

func withdrawn(f analysis.Finding, ws []Withdrawal) bool {
	for _, w := range ws {
		if f.Rule == w.Rule && w.At >= f.Start && w.At < max(f.End, f.Start+1) {
			return true
		}
	}
	return false
}
