// Package fabrication checks the people an article names against the
// knowledge base of office holders and the article's date: invented
// officials, real officials out of their term, stale administrations, and
// sources with nothing a reader could check. Every person gets one status
// with evidence (analysis.Entity); findings carry FB rule IDs.
package fabrication

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
)

// StaleKnowledgeNote opens the note on an article dated after the
// knowledge base is current to. A run that scored such articles says once,
// not per article, how to refresh the knowledge base (copydesk kb update).
const StaleKnowledgeNote = "dated after the knowledge base"

// Analyzer finds fabrication evidence in one article.
var Analyzer = &analysis.Analyzer{
	Name: "fabrication",
	Doc: `people, offices and dates checked against the knowledge base

Each person the people analyzer finds is verified, contradicted, unknown or
unverifiable against the knowledge base of office holders at the article's
date; administrations named in the present tense after they ended are
anachronisms. Without an article date only date-free checks run.`,
	Rules:    articleRules(),
	Requires: []*analysis.Analyzer{people.Analyzer, attribution.Analyzer},
	Run:      run,
}

// Result is what the analyzer returns: the statuses it gave, in the order
// of the people analyzer's people.
type Result struct {
	People []Assessment
}

func run(pass *analysis.Pass) (any, error) {
	k, err := kb.FromEnv(pass.Env)
	if err != nil {
		return nil, err
	}
	lx, err := getLexicon()
	if err != nil {
		return nil, err
	}
	found, _ := pass.ResultOf[people.Analyzer].(*people.Result)
	c := &checker{pass: pass, kb: k, lx: lx}
	// (The run as a whole says once how to refresh the knowledge base:
	// see StaleKnowledgeNote.)
	if pass.Doc.HasDate() {
		c.date = kb.DateOf(pass.Doc.Date)
		if k.AsOf.Before(c.date) {
			pass.Note(fmt.Sprintf("%s (current to %s): this article is dated %s; office changes since then are unknown and not held against anyone", StaleKnowledgeNote, k.AsOf, c.date))
		}
	} else {
		pass.Note("no article date: only date-free fabrication checks ran (no contradictions in time, no anachronisms); give --date to check offices at a date")
	}
	quotes := map[*people.Person]int{}
	if ar, ok := pass.ResultOf[attribution.Analyzer].(*attribution.Result); ok && ar != nil {
		for _, q := range ar.Quotes {
			if q.Speaker != nil {
				quotes[q.Speaker]++
			}
		}
	}
	res := &Result{}
	if found != nil {
		if len(found.People) > 0 {
			res.People = make([]Assessment, 0, len(found.People))
		}
		for _, p := range found.People {
			a := c.assess(p)
			a.Entity.Quoted = quotes[p]
			res.People = append(res.People, a)
			c.report(a)
		}
	}
	adminFindings := c.administrations()
	c.features(res, adminFindings)
	return res, nil
}

func (c *checker) features(res *Result, admin int) {
	counts := map[analysis.Status]int{}
	outOfTerm, checked, misspelled := 0, 0, 0
	for _, a := range res.People {
		if a.Misspelled {
			misspelled++
		}
		counts[a.Entity.Status]++
		if a.OutOfTerm {
			outOfTerm++
		}
		if a.Office != nil {
			checked++
		}
	}
	n := len(res.People)
	share := func(x int) float64 {
		if n == 0 {
			return 0
		}
		return float64(x) / float64(n)
	}
	p := c.pass
	p.SetFeature("fabrication.people", float64(n))
	p.SetFeature("fabrication.verified", float64(counts[analysis.Verified]))
	p.SetFeature("fabrication.contradicted", float64(counts[analysis.Contradicted]))
	p.SetFeature("fabrication.unverifiable", float64(counts[analysis.Unverifiable]))
	p.SetFeature("fabrication.unverifiable_share", share(counts[analysis.Unverifiable]))
	p.SetFeature("fabrication.kb_checked", float64(checked))
	p.SetFeature("fabrication.out_of_term", float64(outOfTerm))
	p.SetFeature("fabrication.anachronisms", float64(outOfTerm+admin))
	p.SetFeature("fabrication.misspelled_holders", float64(misspelled))
	dated := 0.0
	if !c.date.IsZero() {
		dated = 1
	}
	p.SetFeature("fabrication.dated", dated)
}
