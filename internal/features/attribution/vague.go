package attribution

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// vagueFindings reports clauses whose subject is an unnamed group. An
// opinion group ("experts", "analysts", "many") with a present-tense verb,
// or any group with a present-tense belief verb ("reports indicate",
// "officials feel"), is AT002; the rest ("officials said", "sources say")
// is AT003 at info level, because real news uses it with reason.
//
// Claims with no holder at all (holderlessClaims: "it is widely believed",
// "a recent study found") join them: a consensus or a finding is an
// opinion group's claim, a bare "it is understood" an anonymous source's.
func (a *articleAttribution) vagueFindings(doc *document.Document, w *words, clauses []clause, namedAt []int, inQuote func(int) bool) {
	namedPara := map[int]bool{}
	for _, off := range namedAt {
		namedPara[doc.ParagraphAt(off)] = true
	}
	type hit struct {
		start, end int
		opinion    bool
		holderless bool // no group at all: "it is widely believed", "a recent study found"
	}
	var hits []hit
	opinions := 0
	seen := map[int]bool{}
	for _, c := range clauses {
		g := c.Subject.Group
		if g == 0 || seen[c.Subject.Start] {
			continue
		}
		seen[c.Subject.Start] = true
		start, end := c.Subject.Start, c.VerbEnd
		if c.Accordance || c.Inverted {
			start, end = c.VerbStart, c.Subject.End
		}
		// A named source in the same paragraph is in reach: the group is
		// then colour, not the only evidence.
		opinion := (c.Present && (g == opinionGroup || c.Class == beliefVerb) || c.Accordance && g == opinionGroup) &&
			!namedPara[doc.ParagraphAt(start)]
		if opinion {
			opinions++
		}
		hits = append(hits, hit{start, end, opinion, false})
	}
	for _, h := range holderlessClaims(w, inQuote) {
		if seen[h.start] {
			continue
		}
		seen[h.start] = true
		opinion := h.opinion && !namedPara[doc.ParagraphAt(h.start)]
		if opinion {
			opinions++
		}
		hits = append(hits, hit{h.start, h.end, opinion, true})
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	a.Sources.Vague = len(hits)
	a.vagueOpinion = opinions
	// One "analysts say" in an otherwise named-sourced report is how news
	// is written; a habit of them, or an article with no named source at
	// all, is what generated copy does.
	habit := opinions >= 2 || len(namedAt) == 0
	for _, h := range hits {
		text := w.text[h.start:h.end]
		if h.opinion && habit {
			msg := fmt.Sprintf("%q: opinion attributed to an unnamed group; name who holds it", text)
			if h.holderless {
				msg = fmt.Sprintf("%q: claim credited to no one; name who holds it or who published it", text)
			}
			a.findings = append(a.findings, finding{ruleVagueOpinion, h.start, h.end, msg})
			continue
		}
		a.findings = append(a.findings, finding{ruleAnonymousOfficial, h.start, h.end, fmt.Sprintf("%q: unnamed source", text)})
	}
}

// sourceRoles are nouns that place a source in an organisation ("a
// spokesperson for …", "a researcher at …").
var sourceRoles = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "official": true, "officials": true,
	"expert": true, "experts": true, "analyst": true, "analysts": true, "researcher": true, "researchers": true,
	"representative": true, "member": true, "director": true, "economist": true, "professor": true,
	"scientist": true, "source": true, "sources": true, "head": true, "fellow": true, "adviser": true,
	"advisor": true, "report": true, "reports": true, "study": true, "survey": true, "data": true,
	"analysis": true, "statement": true, "figures": true, "estimates": true,
}

// unnamedOrgFindings reports "a leading NGO", "a prominent humanitarian
// organization", "a major think tank" where they stand as a source: after
// a source role and a preposition, after "according to", or as the
// subject of a reporting clause.
func (a *articleAttribution) unnamedOrgFindings(w *words, clauses []clause) {
	inSubject := func(off int) bool {
		for _, c := range clauses {
			if off >= c.Subject.Start && off < c.Subject.End {
				return true
			}
		}
		return false
	}
	for i := 0; i+2 < w.n(); i++ {
		det := w.lower(i)
		if det != "a" && det != "an" || !lex.orgAdj[w.lower(i+1)] {
			continue
		}
		end := unnamedOrgEnd(w, i+1)
		if end < 0 {
			continue
		}
		source := inSubject(w.start(i))
		if !source && i >= 2 && (w.lower(i-1) == "to" && w.lower(i-2) == "according") {
			source = true
		}
		if !source && i >= 2 && prepositions[w.lower(i-1)] && sourceRoles[w.lower(i-2)] {
			source = true
		}
		if !source {
			continue
		}
		a.unnamedOrgs++
		a.findings = append(a.findings, finding{ruleUnnamedOrg, w.start(i), w.end(end),
			fmt.Sprintf("%q: the source's organisation is not named", w.slice(i, end))})
		i = end
	}
}

var prepositions = map[string]bool{"for": true, "at": true, "of": true, "with": true, "from": true, "by": true}

// unnamedOrgEnd returns the last word of an organisation noun within three
// words after the adjective at i ("leading NGO", "prominent humanitarian
// organization"), or -1.
func unnamedOrgEnd(w *words, i int) int {
	for k := i + 1; k < w.n() && k <= i+3; k++ {
		if k > i+1 && clauseBreak(w.gap(k)) {
			return -1
		}
		if w.capitalised(k) && !allUpper(w.word(k)) {
			return -1 // "a leading Israeli newspaper, Haaretz" names it later; "a major Gaza hospital" is a place
		}
		if lex.orgNouns[w.lower(k)] {
			return k
		}
		if k+1 < w.n() {
			two := w.lower(k) + " " + w.lower(k+1)
			for _, p := range lex.orgPhrases {
				if p == two {
					return k + 1
				}
			}
		}
	}
	return -1
}

func allUpper(s string) bool { return strings.ToUpper(s) == s }
