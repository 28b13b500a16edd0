// Package corpus defines checks that look across a batch of articles
// (shared template sentences, repeated chrome lines, people corroborated
// or contradicted by other articles). A check is written once in keyed
// form (Keyed: emit → group by key → reduce → settle, see keyed.go) and
// run by every driver: Index in one process (score, serve), key and
// amendments files for a sharded run, and the Beam pipeline (beam/). What
// a check keeps per article is a copy, never a substring of the article.
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

// Check is what the pipeline drives: Index over keyed checks, or the
// service's window around Indexes. The driver calls Observe once per article
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

// Emitter is a Check whose per-article half can run ahead of the ordered
// step: Emit reads one article alone (its keyed checks' sightings), so the
// pipeline calls it in the worker that analysed the article, on any
// goroutine, and hands the sightings to ObserveEmitted in input order,
// where only filing and reducing remain. ObserveEmitted(idx, doc, res,
// Emit(doc, res)) is Observe(idx, doc, res).
type Emitter interface {
	Check
	Emit(doc *document.Document, res *analysis.Result) [][]Sighting
	ObserveEmitted(idx int, doc *document.Document, res *analysis.Result, sightings [][]Sighting) []Amendment
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
