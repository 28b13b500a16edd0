package coverage

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/refstore"
)

// contradictionDays is how far apart (in days) the article and a trusted
// reference may be dated for the reference's office holder to contradict
// the article's: the coverage window of one story. Both must be dated.
const contradictionDays = refstore.DefaultWindow

// exclusiveRoles are roles one person holds at a time in one
// organisation, written as the role's words before "of"/"at" (lower
// case). Only these, with the same organisation on both sides, can be
// contradicted by coverage when the knowledge base does not know the
// office: "spokesman", "analyst" or "director" have many holders.
var exclusiveRoles = map[string]bool{
	"chief executive": true, "chief executive officer": true, "ceo": true,
	"chairman": true, "chairwoman": true, "chairperson": true, "chair": true,
	"president": true, "prime minister": true, "mayor": true, "governor": true,
	"director general": true, "secretary general": true, "managing director": true,
	"chief constable": true, "police chief": true, "head coach": true,
}

// office is what a role names for comparison across articles: a unique
// exclusive office of the knowledge base, else an exclusive role of a
// named organisation; current is false for former, acting or incoming.
type office struct {
	kb      *kb.Office
	role    string // exclusiveRoles key, when kb is nil
	org     string // normalised organisation, when kb is nil
	current bool
}

func (o office) valid() bool { return o.kb != nil || o.role != "" && o.org != "" }

func (o office) same(p office) bool {
	if o.kb != nil || p.kb != nil {
		return o.kb == p.kb
	}
	return o.role == p.role && o.org == p.org
}

// title is the office as the finding names it.
func (o office) title(role string) string {
	if o.kb != nil {
		return o.kb.Title()
	}
	return role
}

func (c *checker) officeOf(role, affiliation string) office {
	if role == "" {
		return office{}
	}
	ref := c.kb.ParseRole(role, affiliation)
	o := office{current: !ref.Past && !ref.Future && !ref.Acting}
	if u := ref.Unique(); u != nil {
		if u.Exclusive {
			o.kb = u
		}
		return o
	}
	o.role = exclusiveRole(role)
	o.org = normOrg(affiliation)
	return o
}

// exclusiveRole returns the role's words before its first preposition
// when they name an exclusive role, else "".
func exclusiveRole(role string) string {
	var words []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(role), func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		if w == "of" || w == "at" || w == "for" || w == "in" {
			break
		}
		words = append(words, w)
	}
	for i := range words {
		if k := strings.Join(words[i:], " "); exclusiveRoles[k] {
			return k
		}
	}
	return ""
}

// normOrg folds an organisation for comparison: lower case, no leading
// "the", single spaces.
func normOrg(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimPrefix(s, "the ")
}

// contradiction looks for a trusted (wire or archive) reference article
// of the story, dated within contradictionDays of the article, that names
// someone else as the current holder of the exclusive office the article
// gives e. Other sources never contradict: a partner feed or the run's
// own batch is not evidence an editor acts on.
func (c *checker) contradiction(e *analysis.Entity, articleDated bool) (*refstore.Match, refstore.Person, office) {
	mine := c.officeOf(e.Role, e.Affiliation)
	if !articleDated || !mine.valid() || !mine.current {
		return nil, refstore.Person{}, mine
	}
	for i := range c.cov.matches {
		m := &c.cov.matches[i]
		a := m.Article
		if a.Trust != refstore.Wire && a.Trust != refstore.Archive || m.DaysApart < 0 || m.DaysApart > contradictionDays {
			continue
		}
		for _, p := range a.People {
			if len(strings.Fields(p.Name)) < 2 || c.kb.SameName(e.Name, p.Name) {
				continue
			}
			theirs := c.officeOf(p.Role, p.Affiliation)
			if theirs.valid() && theirs.current && mine.same(theirs) {
				return m, p, mine
			}
		}
	}
	return nil, refstore.Person{}, mine
}

// contradict marks e contradicted by the trusted reference m, which names
// p in the office, and reports it (FB010).
func (c *checker) contradict(e *analysis.Entity, m *refstore.Match, p refstore.Person, o office) {
	a := m.Article
	title := o.title(p.Role)
	e.Status = analysis.Contradicted
	e.Evidence = fmt.Sprintf("trusted coverage: %s (%s, %s, %s) names %s as %s", a.ID, orDash(a.Source), a.DateString(), a.Trust, p.Name, title)
	e.Reference = reference(m)
	f := c.pass.Reportf(RuleCoverageContradiction, e.Start, e.End,
		"%s is named as %s here, but the trusted coverage of this story names %s in that office at the time", e.Name, title, p.Name)
	f.Evidence = e.Evidence
	f.References = []analysis.Reference{*e.Reference}
}
