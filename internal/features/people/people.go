// Package people finds the people an article names, the roles it gives
// them, and which later mentions (surnames, pronouns) refer to whom. The
// attribution analyzer reads it to name speakers; the fabrication analyzer
// reads it to verify people and roles.
package people

import "sort"

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
	// Possessor is a person who owns the role ("Trump" in "Trump's nominee
	// to be special envoy"), "" when none; a country or organisation owner
	// goes to Affiliation instead.
	Possessor string
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
	// Surname is the name later mentions use ("Goodman", "von der Leyen").
	Surname string
	// Gender is "m" or "f" when an honorific, a census first name or a
	// resolved pronoun says so, "" otherwise. It only steers pronouns.
	Gender string
}

// FirstFull returns the person's first full-name mention. It is Mentions[0]
// except when an article names someone by title and surname ("President
// Trump") before giving the full name.
func (p *Person) FirstFull() Mention {
	for _, m := range p.Mentions {
		if m.Kind == FullName {
			return m
		}
	}
	if len(p.Mentions) > 0 {
		return p.Mentions[0]
	}
	return Mention{}
}

// Role returns the person's first stated role, or nil.
func (p *Person) Role() *Role {
	if len(p.Roles) == 0 {
		return nil
	}
	return &p.Roles[0]
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

// MentionRef is one mention with the person it refers to.
type MentionRef struct {
	Person  *Person
	Mention Mention
}

// MentionsIn returns the mentions lying wholly inside [start, end), in
// text order.
func (r *Result) MentionsIn(start, end int) []MentionRef {
	if r == nil {
		return nil
	}
	var out []MentionRef
	for _, p := range r.People {
		for _, m := range p.Mentions {
			if m.Start >= start && m.End <= end {
				out = append(out, MentionRef{p, m})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Mention.Start < out[j].Mention.Start })
	return out
}
