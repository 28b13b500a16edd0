package fabrication

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/kb"
)

// incomingGrace is how long after a term begins "incoming" or "-elect"
// may still be written about its holder: copy filed in the first weeks
// keeps the word.
const incomingGrace = 30 * 24 // hours

// staleFrame reports, on a person the KB places in the office at the
// article's date, a time word that says otherwise: "former President
// Donald Trump" while he holds the office, "the late" for a sitting
// holder, or "incoming"/"-elect" months into the term. A model with an
// old cutoff rewriting fresh news leaves exactly these. The person stays
// verified (they are real and hold the office); the frame is the finding.
func (c *checker) staleFrame(a *Assessment, rc *roleCheck) bool {
	if c.date.IsZero() || rc.chk.Office == nil {
		return false
	}
	t := c.sittingTerm(rc)
	if t == nil || !c.outsideRoleIsCurrent(rc.role) {
		return false // a sentence about the past may use the word of its day
	}
	var word string
	switch {
	case rc.ref.Former:
		word = "former"
	case c.lateBefore(rc.role.Start):
		word = "the late"
	case rc.ref.Future && c.date.First().Sub(t.Start.Last()).Hours() > incomingGrace && !c.aboutTransition(rc.role.Start):
		word = "incoming"
	default:
		return false
	}
	c.verified(a, rc, "")
	a.Rule = RuleAdministration
	a.OutOfTerm = true
	a.Start, a.End = c.span(a.Person, rc.role)
	a.Message = fmt.Sprintf("%s is called %q on %s, while holding that office (term %s)", a.Person.Name, rc.role.Text, c.date, term(t))
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s, %s %s (source: %s); a %q holder of an office they hold at the article's date is an anachronism",
		t.Name, rc.chk.Office.Title(), term(t), t.Source, word)
	return true
}

// sittingTerm returns the person's term that surely covers the article's
// date, or nil.
func (c *checker) sittingTerm(rc *roleCheck) *kb.Record {
	for _, h := range c.kb.HoldersAt(rc.chk.Office, c.date) {
		for _, t := range rc.chk.Terms {
			if h == t {
				return t
			}
		}
	}
	return nil
}

// lateBefore reports whether "the late" stands right before the role at
// offset ("the late Pope Francis"): the people analyzer does not keep it
// in the role text.
func (c *checker) lateBefore(offset int) bool {
	text := c.pass.Doc.Text
	if offset <= 0 || offset > len(text) {
		return false
	}
	before := strings.ToLower(strings.TrimRight(text[max(0, offset-12):offset], " "))
	return strings.HasSuffix(before, " late") || before == "late"
}

// aboutTransition reports whether the sentence at offset is about the
// handover itself ("the swearing in of President-elect X"), where
// "-elect" is the right word whatever the article's date.
func (c *checker) aboutTransition(offset int) bool {
	low := strings.ToLower(c.sentenceAt(offset))
	for _, w := range c.lx.transitionWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
