package fabrication

import (
	"strings"

	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
)

// officeBySurname settles a title with no country or organisation
// ("Secretary of State Vance") for a person named by surname alone. The
// title must fit exactly one office the KB knows, a single-holder one,
// and the surname must be that of exactly one person the KB has in some
// office at the article's date: then the article is about that person,
// and the title is checked against that one office. Anything less
// certain stays undetermined.
func (c *checker) officeBySurname(p *people.Person, ref kb.RoleRef) (kb.RoleRef, bool) {
	if c.date.IsZero() || twoWords(p.Name) || ref.Contextual || len(ref.Offices) != 1 || !ref.Offices[0].Exclusive {
		return ref, false
	}
	// A generic word ("Governor Newsom", "Director Patel") names a
	// different office in every state and agency: only a title of more
	// words ("Secretary of State") points at one.
	if !twoWords(ref.Text) || c.lx.genericTitles[strings.ToLower(strings.TrimSpace(ref.Text))] {
		return ref, false
	}
	var who *kb.Record
	for _, r := range c.kb.PersonRecords(p.Name) {
		if !r.HeldPossibly(c.date) {
			continue
		}
		if who != nil && !c.kb.SameName(who.Name, r.Name) {
			return ref, false // two people of that surname in office
		}
		who = r
	}
	if who == nil || kb.Surname(who.Name) != kb.Surname(p.Name) {
		return ref, false
	}
	ref.Contextual = true
	return ref, true
}
