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
	Doc      int // index of the article in input order
	Findings []analysis.Finding
	// Entities replace the article's entities of the same Name (status
	// upgrades such as unverifiable → corroborated).
	Entities []analysis.Entity
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
