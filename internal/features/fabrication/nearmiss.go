package fabrication

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/kb"
)

// nearMiss reports a name the KB does not know that is a garbled spelling
// of a holder of an office the person's roles name: "Treasury Secretary
// Scott Bescent". Holders at the article's date are tried first, then
// every holder the KB has ("German Chancellor Olaf Solz" garbles a
// predecessor). Two holders the name is close to leave it unreported.
func (c *checker) nearMiss(a *Assessment, checks []*roleCheck) bool {
	p := a.Person
	if c.kb.IsKnownPerson(p.Name) || !twoWords(p.Name) {
		return false
	}
	hit, spelt, via, ok := c.nearHolder(p.Name, checks, true)
	if !ok {
		return false
	}
	if hit == nil {
		if hit, spelt, via, ok = c.nearHolder(p.Name, checks, false); !ok || hit == nil {
			return false
		}
	}
	a.Rule = RuleMisspelledHolder
	a.Office = nil
	a.Entity.Role = via.role.Text
	a.Start, a.End = c.span(p, via.role)
	when := "who held the office then"
	if c.date.IsZero() || !hit.HeldPossibly(c.date) {
		when = "who held the office " + term(hit)
	}
	a.Message = fmt.Sprintf("%s named as %s: probably a misspelling of %s, %s", p.Name, via.role.Text, spelt, when)
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s, %s %s (source: %s); %q is not a name it knows and differs by a letter or two",
		hit.Name, hit.Role, term(hit), hit.Source, p.Name)
	a.Misspelled = true
	return true
}

// nearHolder finds the one holder (at the article's date when now is set)
// of the offices the checks name whose name is a near miss of name; ok is
// false when two different people are.
func (c *checker) nearHolder(name string, checks []*roleCheck, now bool) (hit *kb.Record, spelt string, via *roleCheck, ok bool) {
	parsed := kb.ParseName(name)
	for _, rc := range checks {
		if now && (rc.ref.Past || rc.ref.Future) || c.bareGenericTitle(rc) {
			continue // "Director Kash Patil" may direct anything
		}
		for _, o := range rc.ref.Offices {
			for _, r := range o.Records() {
				if now && !c.date.IsZero() && !r.HeldPossibly(c.date) {
					continue
				}
				n, near := c.kb.NearMissParsed(parsed, r)
				if !near {
					continue
				}
				if hit != nil && !c.kb.SameName(hit.Name, r.Name) {
					return nil, "", nil, false
				}
				if hit == nil {
					hit, spelt, via = r, n, rc
				}
			}
		}
	}
	return hit, spelt, via, true
}

// nearAnyone returns a record, in any office, of someone the KB has in
// office at the article's date whose name the written one garbles, with
// the spelling it garbles, or nil. It runs only for contradictions, which
// are rare, so a scan of every record is affordable.
func (c *checker) nearAnyone(name string) (*kb.Record, string) {
	if c.kb.IsKnownPerson(name) {
		return nil, ""
	}
	recs := c.kb.Records()
	parsed := kb.ParseName(name)
	for i := range recs {
		r := &recs[i]
		if c.date.IsZero() || !r.HeldPossibly(c.date) {
			continue
		}
		if spelt, ok := c.kb.NearMissParsed(parsed, r); ok {
			return r, spelt
		}
	}
	return nil, ""
}
