package fabrication

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features/people"
	"github.com/copydesk/copydesk/internal/kb"
)

// checker holds what one run over one article needs.
type checker struct {
	pass *analysis.Pass
	kb   *kb.KB
	lx   *lexicon
	date kb.Date // zero when the article has none
	// sentWords caches sentenceWords by sentence index.
	sentWords map[int][]string
	// country is the one country the article names, "" when it names
	// none or several (articleCountry); countrySet says it was computed.
	country    string
	countrySet bool
	// wordBuf backs the cached word lists end to end (each capped at its
	// own length, so later appends never write into it).
	wordBuf []string
}

// Assessment is the status of one person with the finding, if any, it
// calls for.
type Assessment struct {
	Person *people.Person
	Entity analysis.Entity
	// Rule is the finding to report ("" for none), over [Start, End).
	Rule       string
	Start, End int
	Message    string
	// Office is the office the person's role resolved to, when one did.
	Office    *kb.Office
	OutOfTerm bool
	// Misspelled is set when the name is a near miss of the office's
	// holder (RuleMisspelledHolder).
	Misspelled bool
}

func (c *checker) assess(p *people.Person) Assessment {
	a := Assessment{Person: p, Entity: analysis.Entity{Name: p.Name, Status: analysis.Unknown, Mentions: len(p.Mentions)}}
	if len(p.Mentions) > 0 {
		a.Entity.Start, a.Entity.End = p.Mentions[0].Start, p.Mentions[0].End
	}
	if len(p.Roles) > 0 {
		a.Entity.Role, a.Entity.Affiliation = p.Roles[0].Text, p.Roles[0].Affiliation
	}
	if c.allowed(p.Name) {
		a.Entity.Evidence = analysis.AllowlistEvidence
		return a
	}
	var held, other, notHolder *roleCheck
	var checks []*roleCheck
	for _, r := range c.rolesOf(p) {
		ref := c.kb.ParseRole(r.Text, r.Affiliation)
		chk := c.kb.CheckRole(p.Name, ref, c.date)
		if chk.Verdict == kb.Undetermined {
			// "Secretary of State Vance": a surname the KB knows, under
			// a title that names one office only, settles the office.
			if ref2, ok := c.officeBySurname(p, ref); ok {
				ref = ref2
				chk = c.kb.CheckRole(p.Name, ref, c.date)
			}
		}
		inferred := ""
		if chk.Verdict == kb.Undetermined {
			// "Prime Minister Yair Levin told the Knesset": a bare title
			// in an article about one country names that country's office.
			if ref2, country, ok := c.officeByArticleCountry(p, r, ref); ok {
				ref, inferred = ref2, country
				chk = c.kb.CheckRole(p.Name, ref, c.date)
			}
		}
		rc := &roleCheck{role: r, ref: ref, chk: chk, inferredCountry: inferred}
		checks = append(checks, rc)
		if chk.Office != nil && a.Office == nil {
			a.Office = chk.Office
		}
		switch chk.Verdict {
		case kb.Held:
			if held == nil {
				held = rc
			}
		case kb.HeldOtherTime:
			if other == nil {
				other = rc
			}
		case kb.NotHolder:
			if notHolder == nil {
				notHolder = rc
			}
		}
	}
	switch {
	case held != nil && c.staleFrame(&a, held):
	case held != nil && c.wrongTitle(held, notHolder, p):
		// A real office holder given, as a title before the name, an
		// office someone else held then ("CIA Director Tulsi Gabbard"
		// while she was DNI): the title is the error.
		c.contradicted(&a, notHolder)
		a.Entity.Evidence += fmt.Sprintf("; %s held %s then (%s)", held.chk.Terms[0].Name, held.chk.Office.Title(), sources(held.chk.Terms))
	case held != nil && c.oneWordSlip(&a, held):
		// "President Lulla": the KB's transliteration key forgives a
		// doubled letter that is a slip in a one-word name.
	case held != nil:
		c.verified(&a, held, "")
	case other != nil && c.bareGenericTitle(other):
		// "Director Patel": a title that names no office without its
		// agency may be anyone's; the KB's Patel proves nothing.
		c.unchecked(&a)
	case other != nil:
		c.heldOtherTime(&a, other)
	case c.cutOff(p):
		// "Turkish President Recep Ta" closing a clipped page: the name
		// may be cut short, so it is neither an invented official nor a
		// misspelling.
		c.unchecked(&a)
	case c.nearMiss(&a, checks), c.nearOneWord(&a, checks):
		// A garbled name of a real holder: the misspelling is the
		// finding, not an invented official.
	case notHolder != nil && c.presentsAsCurrent(notHolder.role.Start, p):
		c.contradicted(&a, notHolder)
	default:
		// Includes a non-holder named in the past ("as Canadian Prime
		// Minister Pierre Trudeau did in 1970"): a historical holder the
		// sources may predate. Never an accusation.
		c.unchecked(&a)
	}
	return a
}

// cutOff reports whether a mention of p ends the text (nothing but space
// after it): a page clipped mid-name leaves a name that is only the start
// of one.
func (c *checker) cutOff(p *people.Person) bool {
	text := c.pass.Doc.Text
	for _, m := range p.Mentions {
		if m.End <= len(text) && strings.TrimSpace(text[m.End:]) == "" {
			return true
		}
	}
	return false
}

type roleCheck struct {
	role *people.Role
	ref  kb.RoleRef
	chk  kb.Check
	// inferredCountry is the country the office was read in when the
	// role named none and the article names only that one.
	inferredCountry string
}

func (c *checker) allowed(name string) bool {
	env := c.pass.Env
	if env == nil || len(env.AllowedPeople) == 0 {
		return false
	}
	if env.AllowedPeople[name] {
		return true
	}
	norm := kb.NormalizeName(name)
	for n := range env.AllowedPeople {
		if kb.NormalizeName(n) == norm {
			return true
		}
	}
	return false
}

func (c *checker) verified(a *Assessment, rc *roleCheck, note string) {
	a.Entity.Status = analysis.Verified
	a.Office = rc.chk.Office
	a.Entity.Role = rc.role.Text
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s, %s %s (%s)%s",
		rc.chk.Terms[0].Name, rc.chk.Office.Title(), terms(rc.chk.Terms), sources(rc.chk.Terms), note)
}

// heldOtherTime handles a real holder named outside their term: history
// ("former", past framing) is fine; presented as current it is an
// anachronism and the person is contradicted in that role.
func (c *checker) heldOtherTime(a *Assessment, rc *roleCheck) {
	ref := rc.ref
	if ref.Past || ref.Future || ref.Acting {
		c.verified(a, rc, "; the article marks the role as "+roleFrame(ref))
		return
	}
	if !c.presentsAsCurrent(rc.role.Start, a.Person) {
		c.verified(a, rc, "; named in a sentence about the past")
		return
	}
	if nearBoundary(rc.chk.Terms, c.date) {
		// "Sunak sacked Home Secretary Suella Braverman on Monday", filed
		// on Tuesday: reports of the week a term ends or begins name the
		// office as it was at the event. An anachronism is months off.
		c.verified(a, rc, fmt.Sprintf("; within %d days of the term's start or end", boundaryGraceDays))
		return
	}
	if len(rc.chk.Holders) == 0 && beforeEveryTerm(rc.chk.Terms, c.date) {
		// "President Vladimir Putin" in a 2005 article, with Putin's terms
		// recorded from 2012 and nobody recorded for 2005: the sources
		// begin after the date, and an earlier term is likelier than an
		// invention. An end date is evidence someone left; a first
		// recorded start is no evidence they had not held the office
		// before.
		a.Entity.Role = rc.role.Text
		a.Entity.Evidence = fmt.Sprintf("knowledge base: %s held %s %s (%s); it records nobody in the office on %s, so an earlier term cannot be ruled out",
			rc.chk.Terms[0].Name, rc.chk.Office.Title(), terms(rc.chk.Terms), sources(rc.chk.Terms), c.date)
		return
	}
	a.Entity.Status = analysis.Contradicted
	a.Entity.Role = rc.role.Text
	a.OutOfTerm = true
	a.Rule = RuleOutOfTerm
	a.Start, a.End = c.span(a.Person, rc.role)
	t := rc.chk.Terms[0]
	a.Message = fmt.Sprintf("%s named as %s on %s, outside their term %s", a.Person.Name, rc.role.Text, c.date, terms(rc.chk.Terms))
	then := holdersThen(rc.chk.Holders, c.date)
	if len(rc.chk.Holders) == 0 {
		then = c.possibleHolders(rc.chk.Office, a.Person.Name)
	}
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s held %s %s (%s); %s",
		t.Name, rc.chk.Office.Title(), terms(rc.chk.Terms), sources(rc.chk.Terms), then)
}

func (c *checker) contradicted(a *Assessment, rc *roleCheck) {
	a.Entity.Status = analysis.Contradicted
	a.Entity.Role = rc.role.Text
	a.Rule = RuleContradictedRole
	a.Start, a.End = c.span(a.Person, rc.role)
	o := rc.chk.Office
	if rc.inferredCountry != "" { // read only for dated articles
		// The country is the article's, not the role's: a warning, since
		// a visiting official of a country the article never names would
		// read the same.
		a.Rule = RuleContextOffice
		a.Message = fmt.Sprintf("%s is called %s in an article about %s (the only country it names), but the %s on %s was %s",
			a.Person.Name, rc.role.Text, rc.inferredCountry, o.Title(), c.date, names(rc.chk.Holders))
		a.Entity.Evidence = fmt.Sprintf("the role names no country and the article names only %s; knowledge base: %s; %s is not among the holders of %s it records (from %s)",
			rc.inferredCountry, holdersThen(rc.chk.Holders, c.date), a.Person.Name, o.Title(), firstStart(o))
		return
	}
	if c.date.IsZero() {
		a.Message = fmt.Sprintf("%s named as %s, but never held that office", a.Person.Name, rc.role.Text)
		a.Entity.Evidence = fmt.Sprintf("knowledge base lists every %s since %s (%s); %s is not among them",
			o.Title(), firstStart(o), sources(o.Records()), a.Person.Name)
		return
	}
	a.Message = fmt.Sprintf("%s named as %s on %s, but the office was held by %s", a.Person.Name, rc.role.Text, c.date, names(rc.chk.Holders))
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s; %s is not among the holders of %s it records (from %s)", holdersThen(rc.chk.Holders, c.date), a.Person.Name, o.Title(), firstStart(o))
	if r, spelt := c.nearAnyone(a.Person.Name); r != nil {
		// "Prime Minister Yair Levin": a garbled real official in
		// another office; the editor wants the likely person.
		a.Entity.Evidence += fmt.Sprintf("; the name is close to %s, %s %s (source: %s)", spelt, r.Role, term(r), r.Source)
	}
}

// unchecked settles a person no role of whom the KB could check.
func (c *checker) unchecked(a *Assessment) {
	p := a.Person
	if recs := c.kb.PersonRecords(p.Name); len(recs) > 0 && twoWords(p.Name) {
		var now []*kb.Record
		for _, r := range recs {
			if c.date.IsZero() || r.HeldPossibly(c.date) {
				now = append(now, r)
			}
		}
		if len(now) > 0 && (len(p.Roles) == 0 || bareTitleOf(p.Roles, now)) {
			a.Entity.Status = analysis.Verified
			a.Entity.Evidence = fmt.Sprintf("knowledge base knows %s: %s", now[0].Name, recordSummary(now, 3))
			return
		}
		a.Entity.Evidence = fmt.Sprintf("knowledge base knows %s (%s), but not in the role the article gives", recs[0].Name, recordSummary(recs, 3))
		return
	}
	if why, ok := c.uncheckable(p); ok {
		a.Entity.Status = analysis.Unverifiable
		a.Rule = RuleUnverifiable
		a.Start, a.End = c.span(p, firstRole(p))
		a.Message = fmt.Sprintf("%s is cited as %s with nothing a reader could check", p.Name, why)
		a.Entity.Evidence = fmt.Sprintf("not in the knowledge base; the article names no institution, employer or place for %q", why)
		return
	}
	if len(p.Roles) > 0 {
		a.Entity.Evidence = "not in the knowledge base; described checkably (" + describeRole(p.Roles[0]) + ")"
	} else {
		a.Entity.Evidence = "not in the knowledge base; no role given"
	}
}

func firstRole(p *people.Person) *people.Role {
	if len(p.Roles) == 0 {
		return nil
	}
	return &p.Roles[0]
}

func describeRole(r people.Role) string {
	if r.Affiliation != "" && !strings.Contains(r.Text, r.Affiliation) {
		return r.Text + ", " + r.Affiliation
	}
	return r.Text
}

// span is the stretch to highlight: the first full mention, with its role
// when the two are close.
func (c *checker) span(p *people.Person, r *people.Role) (int, int) {
	if len(p.Mentions) == 0 {
		if r != nil {
			return r.Start, r.End
		}
		return 0, 0
	}
	s, e := p.Mentions[0].Start, p.Mentions[0].End
	if r != nil && r.End > r.Start {
		if rs, re := min(s, r.Start), max(e, r.End); re-rs <= 200 {
			return rs, re
		}
	}
	return s, e
}

func (c *checker) report(a Assessment) {
	c.pass.AddEntity(a.Entity)
	if a.Rule == "" {
		return
	}
	f := c.pass.Report(a.Rule, a.Start, a.End, a.Message)
	f.Evidence = a.Entity.Evidence
}

func roleFrame(ref kb.RoleRef) string {
	switch {
	case ref.Past:
		return "past"
	case ref.Future:
		return "future (nominee, incoming, -elect)"
	}
	return "acting"
}

func terms(rs []*kb.Record) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, term(r))
	}
	return strings.Join(parts, ", ")
}

func term(r *kb.Record) string {
	start, end := r.Start.String(), r.End.String()
	if start == "" {
		start = "?"
	}
	if end == "" {
		if r.Checked.IsZero() {
			return "from " + start + " (no end recorded)"
		}
		return fmt.Sprintf("from %s (no end recorded; checked %s)", start, r.Checked)
	}
	return start + " to " + end
}

func sources(rs []*kb.Record) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if !seen[r.Source] {
			seen[r.Source] = true
			out = append(out, "source: "+r.Source)
		}
		if len(out) == 2 {
			break
		}
	}
	return strings.Join(out, "; ")
}

func names(rs []*kb.Record) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if !seen[r.Name] {
			seen[r.Name] = true
			out = append(out, r.Name)
		}
	}
	return strings.Join(out, " and ")
}

func holdersThen(rs []*kb.Record, d kb.Date) string {
	if len(rs) == 0 {
		return fmt.Sprintf("no holder on %s is recorded", d)
	}
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s held the office on %s (%s; source: %s)", r.Name, d, term(r), r.Source))
	}
	return strings.Join(parts, "; ")
}

// possibleHolders names who the KB has in office at the date when it
// cannot be sure (the date is past its currency date).
func (c *checker) possibleHolders(o *kb.Office, except string) string {
	var out []string
	for _, r := range o.Records() {
		if r.HeldPossibly(c.date) && !c.kb.SameName(r.Name, except) {
			out = append(out, fmt.Sprintf("%s (%s; source: %s)", r.Name, term(r), r.Source))
		}
	}
	if len(out) == 0 {
		return fmt.Sprintf("no holder on %s is recorded (knowledge current to %s)", c.date, c.kb.AsOf)
	}
	return fmt.Sprintf("on %s the knowledge base records %s; it is current to %s", c.date, strings.Join(out, " and "), c.kb.AsOf)
}

func firstStart(o *kb.Office) string {
	for _, r := range o.Records() {
		if !r.Start.IsZero() {
			return r.Start.String()
		}
	}
	return "?"
}

func recordSummary(rs []*kb.Record, n int) string {
	var parts []string
	for i, r := range rs {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s", r.Role, term(r)))
	}
	return strings.Join(parts, "; ")
}

// bareTitleOf reports whether every role the article gives is a bare
// title word of an office the person held then ("Secretary Janet Yellen"
// for the Secretary of the Treasury): it confirms, never contradicts.
func bareTitleOf(roles []people.Role, held []*kb.Record) bool {
	for _, r := range roles {
		words := strings.Fields(strings.ToLower(strings.TrimSpace(r.Text)))
		if len(words) != 1 {
			return false
		}
		ok := false
		for _, h := range held {
			for w := range strings.FieldsFuncSeq(strings.ToLower(h.Role), notWordRune) {
				ok = ok || w == words[0]
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// wrongTitle reports whether, besides an office the person held (held),
// the article puts them in a different office as a title written right
// before their name, an office the KB knows someone else held at the
// date. Only a title counts: appositives and later clauses often describe
// another time ("Gabbard, a congresswoman until 2021").
func (c *checker) wrongTitle(held, notHolder *roleCheck, p *people.Person) bool {
	return notHolder != nil && !c.date.IsZero() && notHolder.role.Form == people.PreNameTitle &&
		notHolder.chk.Office != held.chk.Office && c.presentsAsCurrent(notHolder.role.Start, p)
}

// rolesOf returns the roles the article gives p, and the office an
// honorific names ("Sen. Jack Reed": a senator), which the people
// analyzer keeps as an honorific, not a role.
func (c *checker) rolesOf(p *people.Person) []*people.Role {
	out := make([]*people.Role, 0, len(p.Roles)+1)
	for i := range p.Roles {
		out = append(out, &p.Roles[i])
	}
	if office := c.lx.officeHonorifics[strings.TrimSuffix(strings.ToLower(p.Honorific), ".")]; office != "" && len(p.Mentions) > 0 && !c.stateLegislator(p.FirstFull().Start) {
		m := p.FirstFull()
		out = append(out, &people.Role{Text: office, Form: people.PreNameTitle, Start: m.Start, End: m.Start})
	}
	return out
}

// bareGenericTitle reports whether a role is a generic title word alone
// ("Director", "Governor", "Chief") with no country or organisation: it
// can only confirm someone, never place them out of term.
func (c *checker) bareGenericTitle(rc *roleCheck) bool {
	return !rc.ref.Contextual && c.lx.genericTitles[strings.ToLower(strings.TrimSpace(rc.role.Text))]
}

// stateLegislator reports whether the honorific before the mention at
// offset belongs to a state legislature ("state Sen.", "Texas state Rep.",
// "Assemblyman"): those senators and representatives are not in Congress.
func (c *checker) stateLegislator(offset int) bool {
	text := c.pass.Doc.Text
	before := strings.ToLower(text[max(0, offset-30):min(offset, len(text))])
	return strings.Contains(before, "state sen") || strings.Contains(before, "state rep") || strings.Contains(before, "assembly")
}

// officeByArticleCountry reads a title that names no country ("Prime
// Minister") in the one country the article names, when that makes it a
// single office with one holder at a time. Only for names the knowledge
// base does not know at all: a known person's own record already chose
// their office, and a real official of another country stays unchecked.
func (c *checker) officeByArticleCountry(p *people.Person, r *people.Role, ref kb.RoleRef) (kb.RoleRef, string, bool) {
	if c.date.IsZero() || ref.Contextual || r.Form != people.PreNameTitle || !formalTitle(r.Text) ||
		strings.TrimSpace(r.Affiliation) != "" || r.Possessor != "" || !twoWords(p.Name) || c.kb.IsKnownPerson(p.Name) {
		return ref, "", false
	}
	country := c.articleCountry()
	if country == "" {
		return ref, "", false
	}
	ref2 := c.kb.ParseRole(r.Text, country)
	o := ref2.Unique()
	if o == nil || !o.Exclusive || o.Country != country {
		return ref, "", false
	}
	return ref2, country, true
}

// articleCountry is the one country the article's title and text name,
// or "" when they name none or more than one.
func (c *checker) articleCountry() string {
	if !c.countrySet {
		c.countrySet = true
		named := c.kb.CountriesNamed(c.pass.Doc.Text)
		for country, n := range c.kb.CountriesNamed(c.pass.Doc.Title) {
			named[country] += n
		}
		if len(named) == 1 {
			for country := range named {
				c.country = country
			}
		}
	}
	return c.country
}

// formalTitle reports a title written as a state office is, every word
// capitalised ("Prime Minister", "Foreign Minister"): "Balco president"
// and "the group's president" head organisations, not countries.
func formalTitle(role string) bool {
	words := strings.Fields(role)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 0
}

// beforeEveryTerm reports whether d falls before the first recorded start
// of every term in ts.
func beforeEveryTerm(ts []*kb.Record, d kb.Date) bool {
	for _, t := range ts {
		if t.Start.IsZero() || !t.Start.First().After(d.Last()) {
			return false
		}
	}
	return len(ts) > 0
}

// boundaryGraceDays is how close to a term's start or end an article's
// date may fall and still name the office as held.
const boundaryGraceDays = 7

// nearBoundary reports whether d lies within boundaryGraceDays of the
// start or the end of any of the terms.
func nearBoundary(ts []*kb.Record, d kb.Date) bool {
	grace := time.Duration(boundaryGraceDays) * 24 * time.Hour
	for _, t := range ts {
		if !t.End.IsZero() && d.First().Sub(t.End.Last()) <= grace && !d.Last().Before(t.End.First()) {
			return true
		}
		if !t.Start.IsZero() && t.Start.First().Sub(d.Last()) <= grace && !t.Start.Last().Before(d.First()) {
			return true
		}
	}
	return false
}
