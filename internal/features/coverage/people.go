package coverage

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/attribution"
	"github.com/copydesk/copydesk/internal/features/fabrication"
	"github.com/copydesk/copydesk/internal/kb/namematch"
	"github.com/copydesk/copydesk/internal/refstore"
)

// people corroborates the article's people the coverage names in a
// compatible role and reports quoted people it never mentions.
func (c *checker) people(entities []analysis.Entity, ar *attribution.Result, quotes []analysis.Quote) {
	absentQuotes := map[string]int{}
	foundQuotes := map[string]bool{} // speakers with a quote the coverage gives them
	for i, aq := range ar.Quotes {
		n := PersonSpeaker(aq)
		if n == "" {
			continue
		}
		switch quotes[i].Provenance {
		case analysis.Absent:
			absentQuotes[n]++
		case analysis.Verbatim, analysis.Altered:
			foundQuotes[n] = true
		}
	}
	for i := range entities {
		e := &entities[i]
		if e.Evidence == analysis.AllowlistEvidence {
			continue
		}
		m, named := c.namedBy(e)
		named = named || foundQuotes[e.Name]
		if m == nil && e.Status != analysis.Verified && e.Status != analysis.Contradicted {
			if rm, p, o := c.contradiction(e, c.pass.Doc.HasDate()); rm != nil {
				c.contradict(e, rm, p, o)
				continue
			}
		}
		switch {
		case m != nil && (e.Status == analysis.Unknown || e.Status == analysis.Unverifiable):
			c.corroborate(e, m)
		case !named && e.Quoted > 0 && e.Status != analysis.Verified && !c.batch:
			msg := "quoted source absent from the coverage of this story"
			if n := absentQuotes[e.Name]; n > 0 {
				msg += fmt.Sprintf(": %s is named in none of %d matched reference articles, and %d of their quotes are not in them either", e.Name, len(c.cov.matches), n)
			} else {
				msg += fmt.Sprintf(": %s is named in none of %d matched reference articles", e.Name, len(c.cov.matches))
			}
			f := c.pass.Report(RuleAbsentSource, e.Start, e.End, msg)
			f.Evidence = "reference coverage: " + c.cov.describe(5)
			f.References = c.cov.references(5)
		}
	}
	c.pass.SetEntities(entities)
}

// namedBy returns the best matched article naming e in a compatible role
// (nil when none), and whether any matched article names or quotes e at
// all.
func (c *checker) namedBy(e *analysis.Entity) (*refMatch, bool) {
	if len(namematch.Words(e.Name)) < 2 {
		// A surname alone could be anyone in the coverage.
		return nil, true
	}
	named := false
	for i := range c.cov.matches {
		m := &c.cov.matches[i]
		for _, p := range m.Article.People {
			if !c.fullNameMatch(e.Name, p.Name) {
				continue
			}
			named = true
			if compatibleRoles(e.Role, p.Role) {
				return &refMatch{match: m, role: p.Role}, true
			}
		}
		for _, q := range m.Article.Quotes {
			if q.Speaker != "" && c.fullNameMatch(e.Name, q.Speaker) {
				named = true
			}
		}
		// The extractor may have missed the person in the reference
		// ("Speaking at an event, Helmut Panke predicted ..."): a
		// surname the reference writes is a mention.
		if sw := namematch.SurnameWords(namematch.Words(e.Name)); len(sw) > 0 && m.Article.Mentions(sw[len(sw)-1]) {
			named = true
		}
	}
	return nil, named
}

// refMatch is a matched article naming a person, with the role it gives.
type refMatch struct {
	match *refstore.Match
	role  string
}

func (c *checker) fullNameMatch(a, b string) bool {
	return len(namematch.Words(b)) >= 2 && c.kb.SameName(a, b)
}

// corroborate marks e corroborated by the reference article m and
// withdraws the "nothing a reader could check" finding the reference
// has now settled.
func (c *checker) corroborate(e *analysis.Entity, m *refMatch) {
	a := m.match.Article
	e.Status = analysis.Corroborated
	role := m.role
	if role == "" {
		role = "-"
	}
	when := a.DateString()
	if when == "" {
		when = "undated"
	}
	e.Evidence = fmt.Sprintf("named as %q in the coverage of this story: %s (%s, %s, %s)", role, a.ID, orDash(a.Source), when, a.Trust)
	e.Reference = reference(m.match)
	c.pass.Withdraw(fabrication.RuleUnverifiable, e.Start)
}

// compatibleRoles: no role on one side, role words sharing their head
// ("policy expert" / "Middle East expert"), as the batch check compares
// roles across articles, or sharing a descriptive word of four letters or
// more ("American citizen" / "Israeli-American soldier"). Only
// corroboration reads it, never a contradiction, so it leans to agree.
func compatibleRoles(a, b string) bool {
	ha, hb := roleHead(a), roleHead(b)
	if ha == "" || hb == "" || ha == hb || standing[ha] || standing[hb] {
		return true
	}
	wa := roleWords(a)
	for w := range roleWords(b) {
		if wa[w] {
			return true
		}
	}
	return false
}

// standing are role heads that say where a person belongs, not what they
// do ("an American citizen", "a local resident"): any role fits them.
var standing = map[string]bool{"citizen": true, "national": true, "resident": true, "native": true}

func roleWords(role string) map[string]bool {
	out := map[string]bool{}
	for w := range strings.FieldsFuncSeq(strings.ToLower(role), func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '’' || r == '\'' }) {
		if len(w) >= 4 && w != "with" && w != "from" {
			out[w] = true
		}
	}
	return out
}

// roleHead is the last word of a role before its first preposition,
// lower-cased ("spokesperson for a leading NGO" → "spokesperson").
func roleHead(role string) string {
	head := ""
	for w := range strings.FieldsSeq(role) {
		w = strings.Trim(w, ",.;:")
		if lw := strings.ToLower(w); lw == "for" || lw == "at" || lw == "of" || lw == "with" {
			break
		}
		head = w
	}
	return strings.ToLower(head)
}
