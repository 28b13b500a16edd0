// Package coverage checks an article's people and quotes against the
// reporting a newsroom already trusts: the reference store of its wire
// feeds and archive (internal/refstore). For each article it finds the
// reference articles about the same story; a person they name in a
// compatible role is corroborated, a quoted person they never mention is
// reported (FB007), and every quote is classed verbatim, altered (FB008),
// misattributed (FB009), absent or unchecked.
//
// It reads the store from analysis.Env under refstore.EnvKey; with no
// store it does nothing at all.
package coverage

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/fabrication"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/refstore"
)

// Analyzer checks people and quotes against the reference coverage.
var Analyzer = &analysis.Analyzer{
	Name: "coverage",
	Doc: `people and quotes checked against the coverage of the same story

With a reference store (copydesk ref add), finds the reference articles
about the article's story (MinHash over content words, date proximity,
shared names), corroborates the people they name in a compatible role,
reports quoted people absent from all of them, and classes each quote
verbatim, altered, misattributed, absent or unchecked. Without a store it
does nothing.`,
	Rules:    rules,
	Requires: []*analysis.Analyzer{people.Analyzer, attribution.Analyzer, fabrication.Analyzer},
	Run:      run,
}

// Result is what the analyzer returns: the matched coverage, best first
// (nil without a store or without coverage).
type Result struct {
	Matches []refstore.Match
}

func run(pass *analysis.Pass) (any, error) {
	st, _ := pass.Env.Value(refstore.EnvKey).(*refstore.Store)
	if st == nil {
		return nil, nil
	}
	ar, _ := pass.ResultOf[attribution.Analyzer].(*attribution.Result)
	if ar == nil {
		ar = &attribution.Result{}
	}
	k, err := kb.FromEnv(pass.Env)
	if err != nil {
		return nil, err
	}
	doc := pass.Doc
	entities := pass.Entities()
	names := make([]string, 0, len(entities))
	for _, e := range entities {
		names = append(names, e.Name)
	}
	words := refstore.Shingles(doc.Text[:doc.MainEnd()])
	q := refstore.Query{Signature: refstore.Sign(words), Words: words, Names: names}
	batch, _ := pass.Env.Value(refstore.BatchEnvKey).(bool)
	if batch {
		q.Peers = &refstore.Peers{ID: doc.ID, Source: doc.Source}
	}
	if doc.HasDate() {
		q.Date = doc.Date
	}
	matches, err := st.Match(q)
	if err != nil {
		return nil, fmt.Errorf("reference coverage: %w", err)
	}
	quotes := Quotes(ar)
	if len(matches) == 0 {
		pass.SetQuotes(quotes)
		if batch {
			pass.Note("no other article of this run, from another named source, covers this story: people and quotes not checked against the batch")
		} else {
			pass.Note("no coverage of this story in the reference store: people and quotes not checked against it")
		}
		return &Result{}, nil
	}
	c := &checker{pass: pass, kb: k, cov: newCoverage(matches), batch: batch}
	if batch {
		pass.Note("coverage of this story in this run (other sources): " + c.cov.describe(5))
	} else {
		pass.Note("reference coverage of this story: " + c.cov.describe(5))
	}
	for i := range quotes {
		c.provenance(&quotes[i], ar.Quotes[i])
	}
	pass.SetQuotes(quotes)
	c.people(entities, ar, quotes)
	return &Result{Matches: matches}, nil
}

// checker holds one article's check against its coverage.
type checker struct {
	pass *analysis.Pass
	kb   *kb.KB
	cov  *coverage
	// batch: the coverage is the run's own articles from other sources
	// (score --coverage batch). A person they do not name is not
	// reported (FB007): another outlet's story is not the record.
	batch bool
}

// coverage is the matched reference articles with their quotes
// normalised once.
type coverage struct {
	matches []refstore.Match
	quotes  []refQuote
}

type refQuote struct {
	match *refstore.Match
	quote refstore.Quote
	words []string
}

func newCoverage(ms []refstore.Match) *coverage {
	c := &coverage{matches: ms}
	for i := range ms {
		qs := ms[i].Article.Quotes
		for j, q := range qs {
			ws := quoteWords(q.Text)
			if len(ws) == 0 {
				continue
			}
			c.quotes = append(c.quotes, refQuote{match: &ms[i], quote: q, words: ws})
			// A rewrite often runs two quotes of one speaker together
			// ("It was a bad experience. I'm feeling better"): the pair
			// joined is a candidate too.
			if j+1 < len(qs) && (qs[j+1].Speaker == q.Speaker || q.Speaker == "" || qs[j+1].Speaker == "") {
				joined := q
				joined.Text = q.Text + " " + qs[j+1].Text
				if joined.Speaker == "" {
					joined.Speaker, joined.Named = qs[j+1].Speaker, qs[j+1].Named
				}
				c.quotes = append(c.quotes, refQuote{match: &ms[i], quote: joined, words: quoteWords(joined.Text)})
			}
		}
	}
	return c
}

// reference is the evidence a matched article gives.
func reference(m *refstore.Match) *analysis.Reference {
	a := m.Article
	return &analysis.Reference{ID: a.ID, Source: a.Source, Date: a.DateString(), Title: a.Title, Trust: string(a.Trust), Similarity: round2(m.Similarity)}
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// references are the first limit matched articles as evidence.
func (c *coverage) references(limit int) []analysis.Reference {
	out := make([]analysis.Reference, 0, min(limit, len(c.matches)))
	for i := range c.matches[:min(limit, len(c.matches))] {
		out = append(out, *reference(&c.matches[i]))
	}
	return out
}

// describe lists matched articles for evidence: "id (source, date,
// similarity 0.34)".
func (c *coverage) describe(limit int) string {
	var parts []string
	for i, m := range c.matches {
		if i == limit {
			parts = append(parts, fmt.Sprintf("and %d more", len(c.matches)-limit))
			break
		}
		a := m.Article
		var meta []string
		for _, s := range []string{a.Source, a.DateString()} {
			if s != "" {
				meta = append(meta, s)
			}
		}
		meta = append(meta, fmt.Sprintf("similarity %.2f", m.Similarity))
		parts = append(parts, fmt.Sprintf("%s (%s)", a.ID, strings.Join(meta, ", ")))
	}
	return strings.Join(parts, "; ")
}
