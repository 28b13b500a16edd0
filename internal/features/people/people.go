// Package people finds the people an article names, the roles it gives
// them, and which later mentions (surnames, pronouns) refer to whom. The
// attribution analyzer reads it to name speakers; the fabrication analyzer
// reads it to verify people and roles.
package people

import "github.com/copydesk/copydesk/internal/analysis"

// RoleForm says how the article stated a role.
type RoleForm string

const (
	PreNameTitle RoleForm = "title"      // "White House Press Secretary James Corbin"
	Appositive   RoleForm = "appositive" // "Karoline Leavitt, the White House press secretary,"
	Possessive   RoleForm = "possessive" // "Canada's prime minister, Mark Carney"
)

// Role is one role the article gives a person.
type Role struct {
	Text        string   // the role as written: "White House Press Secretary"
	Affiliation string   // named organisation or country, "" when none ("a leading NGO" has none)
	Form        RoleForm // how it was stated
	Start, End  int      // span of the role text
}

// MentionKind says how a person was referred to.
type MentionKind string

const (
	FullName MentionKind = "full"
	Surname  MentionKind = "surname"
	Pronoun  MentionKind = "pronoun"
)

// Mention is one place the article refers to a person.
type Mention struct {
	Start, End int
	Kind       MentionKind
}

// Person is one individual after coreference.
type Person struct {
	Name      string // as first written in full, without honorific: "Rachel Goodman"
	Honorific string // "Dr.", "Prof.", "Sheikh", "" when none
	Roles     []Role
	Mentions  []Mention // in text order; Mentions[0] is the first full mention
}

// Result is what the people analyzer returns (Pass.ResultOf[people.Analyzer]).
type Result struct {
	People []*Person
}

// At returns the person a mention at offset refers to, or nil.
func (r *Result) At(offset int) *Person {
	if r == nil {
		return nil
	}
	for _, p := range r.People {
		for _, m := range p.Mentions {
			if offset >= m.Start && offset < m.End {
				return p
			}
		}
	}
	return nil
}

// LastBefore returns the person most recently mentioned before offset, for
// resolving "she said" and "he added"; nil when none.
func (r *Result) LastBefore(offset int) *Person {
	if r == nil {
		return nil
	}
	var best *Person
	bestAt := -1
	for _, p := range r.People {
		for _, m := range p.Mentions {
			if m.Kind != Pronoun && m.End <= offset && m.Start > bestAt {
				best, bestAt = p, m.Start
			}
		}
	}
	return best
}

// Analyzer extracts people (stub: being built).
var Analyzer = &analysis.Analyzer{
	Name: "people",
	Doc:  "people, roles and coreference (not yet implemented)",
	Run:  func(*analysis.Pass) (any, error) { return &Result{}, nil },
}
