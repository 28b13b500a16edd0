package attribution

import (
	"fmt"
	"strings"
)

// impersonalLexicon is data/impersonal.txt: the words of claims that have
// no holder at all.
type impersonalLexicon struct {
	be, degree, passive, evidence, fresh, finding map[string]bool
	evidenceFilter                                *keyFilter
}

func loadImpersonal() (*impersonalLexicon, error) {
	l := &impersonalLexicon{be: map[string]bool{}, degree: map[string]bool{}, passive: map[string]bool{},
		evidence: map[string]bool{}, fresh: map[string]bool{}, finding: map[string]bool{}}
	sets := map[string]map[string]bool{"be": l.be, "degree": l.degree, "passive": l.passive,
		"evidence": l.evidence, "fresh": l.fresh, "finding": l.finding}
	err := eachLine("data/impersonal.txt", func(f []string) error {
		set, ok := sets[f[0]]
		if !ok || len(f) < 2 {
			return fmt.Errorf("want be, degree, passive, evidence, fresh or finding<TAB>words, got %q", f[0])
		}
		for _, w := range f[1:] {
			set[strings.TrimSpace(w)] = true
		}
		return nil
	})
	l.evidenceFilter = newKeyFilter(l.evidence)
	return l, err
}

var impersonal = must(loadImpersonal())

// holderless is a claim attributed to nobody: its span and whether it
// asserts a consensus or a finding (warning-eligible, like "experts
// believe") rather than BBC-style anonymous sourcing ("it is understood").
type holderless struct {
	start, end int
	opinion    bool
}

// holderlessClaims finds, outside quotations, impersonal passives ("it is
// widely believed that", "it was thought") and unnamed evidence as the
// subject of a finding verb ("a recent study found", "studies show",
// "research suggests"). Evidence with a name in its phrase ("a recent
// Oxford study", "a study by the IMF", "research from Yale") is sourced.
func holderlessClaims(w *words, inQuote func(int) bool) []holderless {
	var out []holderless
	for i := 0; i < w.n(); i++ {
		if inQuote(w.start(i)) {
			continue
		}
		if lw := w.lower(i); lw == "it" || lw == "it's" || lw == "it’s" {
			if h, ok := impersonalPassive(w, i); ok {
				out = append(out, h)
			}
			continue
		}
		if lw := w.lower(i); impersonal.evidenceFilter.mayHave(lw) && impersonal.evidence[lw] {
			if h, ok := unnamedEvidence(w, i); ok {
				out = append(out, h)
			}
		}
	}
	return out
}

// phraseAt reports how many words starting at i match one entry of set
// (entries of one or two words), or 0.
func phraseAt(w *words, i int, set map[string]bool) int {
	if i+1 < w.n() && !clauseBreak(w.gap(i+1)) && set[w.lower(i)+" "+w.lower(i+1)] {
		return 2
	}
	if i < w.n() && set[w.lower(i)] {
		return 1
	}
	return 0
}

// impersonalPassive matches "it BE [DEGREE] PASSIVE" at word i ("it").
func impersonalPassive(w *words, i int) (holderless, bool) {
	j := i + 1
	if j >= w.n() || clauseBreak(w.gap(j)) {
		return holderless{}, false
	}
	if w.lower(i) == "it" { // "it's" carries its verb
		n := phraseAt(w, j, impersonal.be)
		if n == 0 {
			return holderless{}, false
		}
		j += n
	}
	degree := false
	if j < w.n() && !clauseBreak(w.gap(j)) {
		if n := phraseAt(w, j, impersonal.degree); n > 0 {
			degree, j = true, j+n
		}
	}
	if j >= w.n() || clauseBreak(w.gap(j)) || !impersonal.passive[w.lower(j)] {
		return holderless{}, false
	}
	// "it was thought to be" is a holderless claim too; "it was reported
	// by the BBC" names its holder.
	if j+2 < w.n() && w.lower(j+1) == "by" && w.capitalised(j+2) {
		return holderless{}, false
	}
	return holderless{start: w.start(i), end: w.end(j), opinion: degree}, true
}

// unnamedEvidence matches an evidence noun at i as the subject of a
// finding verb: "a recent study found", "new research suggests", "studies
// show" at the start of a clause. The phrase must name no one.
func unnamedEvidence(w *words, i int) (holderless, bool) {
	// Walk left over modifiers to the determiner or clause start.
	a := i
	for a > 0 && i-a < 4 && !clauseBreak(w.gap(a)) {
		lw := w.lower(a - 1)
		if lw == "a" || lw == "an" || lw == "one" || lw == "another" || impersonal.fresh[lw] {
			a--
			continue
		}
		break
	}
	startsClause := a == 0 || clauseBreak(w.gap(a)) || clauseStops[w.lower(a-1)]
	if !startsClause {
		return holderless{}, false // "her research shows", "the ministry's data show"
	}
	singular := !strings.HasSuffix(w.lower(i), "s") && w.lower(i) != "research" && w.lower(i) != "data"
	first := w.lower(a)
	if singular && first != "a" && first != "an" && first != "one" && first != "another" {
		return holderless{}, false // "the study found" refers back to one already named
	}
	if !singular && a < i && !impersonal.fresh[first] {
		return holderless{}, false
	}
	for k := a; k <= i; k++ {
		if k > a && w.capitalised(k) {
			return holderless{}, false // "a recent Oxford study"
		}
	}
	j := i + 1
	if j >= w.n() || clauseBreak(w.gap(j)) {
		return holderless{}, false
	}
	n := phraseAt(w, j, impersonal.finding)
	if n == 0 {
		return holderless{}, false // "a study by the IMF found", "research from Yale"
	}
	return holderless{start: w.start(a), end: w.end(j + n - 1), opinion: true}, true
}
