package fabrication

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/kb/namematch"
)

// One-word names: "President Lula", "Prabowo", "Chancellor Merz". A
// garbled one ("Brazilian President Lulla", "Indonesian President
// Prabowa") is a near miss of the one-word name the holder goes by. With
// one word there is less to compare, so the test is stricter than for
// full names: the office the title names must have a holder at the
// article's date, the written word must be no spelling any holder of that
// office carries, and it must be one step from exactly one of them.

// minOneWord is the shortest one-word name compared: shorter ones ("Xi",
// "Ruto") are a step from too many others.
const minOneWord = 5

// oneWordSlip reports a one-word name that the KB matched to the holder
// through its transliteration key alone while the spelling is a slip the
// key forgives: a doubled letter inside the word ("Lulla" for "Lula").
// Doubled or respelled endings ("Zelenskyy", "Zelenskiy") are
// romanisations, not slips.
func (c *checker) oneWordSlip(a *Assessment, rc *roleCheck) bool {
	p := a.Person
	if twoWords(p.Name) || len(rc.chk.Terms) == 0 || rc.ref.Past || rc.ref.Future || c.bareGenericTitle(rc) {
		return false
	}
	w := kb.NormalizeName(p.Name)
	if c.spelledByHolder(w, rc) {
		return false
	}
	r := rc.chk.Terms[0]
	for _, s := range oneWordSpellings(r) {
		if doubledInside(w, s) {
			c.reportOneWord(a, rc, r, s)
			return true
		}
	}
	return false
}

// nearOneWord reports a one-word name the KB does not match to anyone in
// the offices the roles name that is one step from the one-word name of
// the office's holder at the article's date: "Indonesian President
// Prabowa".
func (c *checker) nearOneWord(a *Assessment, checks []*roleCheck) bool {
	p := a.Person
	if twoWords(p.Name) || c.date.IsZero() {
		return false
	}
	w := kb.NormalizeName(p.Name)
	if len(w) < minOneWord {
		return false
	}
	var hit *kb.Record
	var spelt string
	var via *roleCheck
	for _, rc := range checks {
		if rc.ref.Past || rc.ref.Future || c.bareGenericTitle(rc) {
			continue
		}
		if c.spelledByHolder(w, rc) {
			return false
		}
		for _, o := range rc.ref.Offices {
			for _, r := range o.Records() {
				if !r.HeldPossibly(c.date) {
					continue
				}
				for _, s := range oneWordSpellings(r) {
					if !oneStepFrom(w, s) {
						continue
					}
					if hit != nil && !c.kb.SameName(hit.Name, r.Name) {
						return false // two holders are as close: say nothing
					}
					if hit == nil {
						hit, spelt, via = r, s, rc
					}
				}
			}
		}
	}
	if hit == nil {
		return false
	}
	c.reportOneWord(a, via, hit, spelt)
	return true
}

// spelledByHolder reports whether w (normalised) is how some holder of an
// office the check names writes one word of their name: then it is a
// real name, whoever it belongs to.
func (c *checker) spelledByHolder(w string, rc *roleCheck) bool {
	for _, o := range rc.ref.Offices {
		for _, r := range o.Records() {
			for _, n := range append([]string{r.Name}, r.Aliases...) {
				for _, x := range strings.Fields(kb.NormalizeName(n)) {
					if x == w {
						return true
					}
				}
			}
		}
	}
	return false
}

// oneWordSpellings returns, normalised, the one-word names an article may
// call r by: one-word aliases ("lula", "prabowo") and the last word of the
// name and of each alias ("widodo").
func oneWordSpellings(r *kb.Record) []string {
	var out []string
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		ws := strings.Fields(kb.NormalizeName(n))
		if len(ws) > 0 && len(ws[len(ws)-1]) >= minOneWord-1 {
			out = append(out, ws[len(ws)-1])
		}
	}
	return out
}

// oneStepFrom reports whether the written word w is one edit from the
// real word s once both are folded to their transliteration keys, with the
// first letter kept, or s with a letter doubled inside.
func oneStepFrom(w, s string) bool {
	if w == s || w[0] != s[0] {
		return false
	}
	kw, ks := namematch.Key(w), namematch.Key(s)
	if kw == ks {
		return doubledInside(w, s)
	}
	return min(len(kw), len(ks)) >= minOneWord-1 && max(len(kw), len(ks)) >= minOneWord && namematch.Distance(kw, ks) == 1
}

// doubledInside reports whether w and s differ only by a doubled letter
// that is not at the end of the word ("lulla"/"lula"; not
// "zelenskyy"/"zelensky").
func doubledInside(w, s string) bool {
	if w == s || len(w) < 4 || len(s) < 4 || namematch.Key(w) != namematch.Key(s) {
		return false
	}
	return w[len(w)-2:] == s[len(s)-2:]
}

func (c *checker) reportOneWord(a *Assessment, rc *roleCheck, hit *kb.Record, spelt string) {
	p := a.Person
	a.Rule = RuleMisspelledHolder
	a.Office = nil
	a.Entity.Status = analysis.Unknown
	a.Entity.Role = rc.role.Text
	a.Start, a.End = c.span(p, rc.role)
	// The KB's own spelling, with its capitals and diacritics.
	shown := spelt
	for _, n := range append([]string{hit.Name}, hit.Aliases...) {
		ws := strings.Fields(n)
		if len(ws) > 0 && kb.NormalizeName(ws[len(ws)-1]) == spelt {
			shown = ws[len(ws)-1]
			break
		}
	}
	when := "who held the office then"
	if !hit.HeldPossibly(c.date) {
		when = "who held the office " + term(hit)
	}
	a.Message = fmt.Sprintf("%s named as %s: probably a misspelling of %s (%s), %s", p.Name, rc.role.Text, shown, hit.Name, when)
	a.Entity.Evidence = fmt.Sprintf("knowledge base: %s, %s %s (source: %s); %q is one letter from %q, the name the holder goes by, and no holder of the office is called %q",
		hit.Name, hit.Role, term(hit), hit.Source, p.Name, shown, p.Name)
	a.Misspelled = true
}
