// Package people finds the people an article names, the roles it gives
// them, and which later mentions (surnames, pronouns) refer to whom. The
// attribution analyzer reads it to name speakers; the fabrication analyzer
// reads it to verify people and roles.
package people

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
	idx    *mentionIndex // built once the people are linked
}

// At returns the person a mention at offset refers to, or nil (the first
// such person in People order when mentions overlap).
func (r *Result) At(offset int) *Person {
	if r == nil {
		return nil
	}
	x := r.index()
	var best *Person
	bestRank := -1
	// Only mentions starting within the longest mention's length before
	// offset can hold it.
	for i := firstFrom(x.all, offset+1) - 1; i >= 0 && x.all[i].Mention.Start > offset-x.longest-1; i-- {
		m := x.all[i]
		if offset >= m.Mention.Start && offset < m.Mention.End && (best == nil || x.rankOfAt[i] < bestRank) {
			best, bestRank = m.Person, x.rankOfAt[i]
		}
	}
	return best
}

// LastBefore returns the person most recently mentioned before offset, for
// resolving "she said" and "he added"; nil when none. Of mentions starting
// at the same offset, the first person in People order wins.
func (r *Result) LastBefore(offset int) *Person {
	if r == nil {
		return nil
	}
	x := r.index()
	named := x.named
	// The latest mention ending by offset starts before offset; one that
	// starts earlier but ends after offset is skipped.
	for i := firstFrom(named, offset+1) - 1; i >= 0; i-- {
		m := named[i].Mention
		if m.End > offset {
			continue
		}
		best := named[i].Person
		for j := i - 1; j >= 0 && named[j].Mention.Start == m.Start; j-- {
			if named[j].Mention.End <= offset {
				best = named[j].Person
			}
		}
		return best
	}
	return nil
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
	x := r.index()
	var out []MentionRef
	for i := firstFrom(x.all, start); i < len(x.all) && x.all[i].Mention.Start < end; i++ {
		if x.all[i].Mention.End <= end {
			out = append(out, x.all[i])
		}
	}
	return out
}

// LastMentionIn is the last of MentionsIn(start, end), without building
// the list: a quotation deep in a long paragraph asks for it.
func (r *Result) LastMentionIn(start, end int) (MentionRef, bool) {
	if r == nil {
		return MentionRef{}, false
	}
	x := r.index()
	for i := firstFrom(x.all, end) - 1; i >= 0 && x.all[i].Mention.Start >= start; i-- {
		if x.all[i].Mention.End <= end {
			return x.all[i], true
		}
	}
	return MentionRef{}, false
}
