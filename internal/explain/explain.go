// Package explain writes the few sentences an editor reads first: the
// verdict, the dimensions that drove it, and the strongest evidence, in
// plain words. It reads a scored result and changes nothing else.
package explain

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// Explain returns a short explanation of a scored result.
func Explain(res *analysis.Result) string {
	if res.Failed() {
		return ""
	}
	var b strings.Builder
	switch res.Verdict {
	case analysis.VerdictFail:
		fmt.Fprintf(&b, "Likely low-quality generated content (score %d/100).", res.Score)
	case analysis.VerdictWarn:
		fmt.Fprintf(&b, "Some signs of generated or templated content (score %d/100); worth a closer read.", res.Score)
	default:
		fmt.Fprintf(&b, "No strong signs of generated content (score %d/100).", res.Score)
	}

	type dim struct {
		d     analysis.Dimension
		score int
	}
	var dims []dim
	for _, d := range analysis.Dimensions {
		if s := res.Dimensions.Get(d); s >= 50 {
			dims = append(dims, dim{d, s})
		}
	}
	sort.SliceStable(dims, func(i, j int) bool { return dims[i].score > dims[j].score })
	if len(dims) > 0 {
		var parts []string
		for _, d := range dims {
			parts = append(parts, fmt.Sprintf("%s %d", d.d, d.score))
		}
		fmt.Fprintf(&b, " Highest: %s.", strings.Join(parts, ", "))
	}

	// People first: an invented source is what an editor most needs to know.
	var contradicted, byCoverage, unverifiable []string
	for _, e := range res.Entities {
		switch e.Status {
		case analysis.Contradicted:
			s := e.Name
			if msg := personFinding(res, e); msg != "" {
				s = msg // the finding's own sentence: who holds the office instead
			} else if ev := stripLinks(e.Evidence); ev != "" {
				s += " (" + clip(ev, 140) + ")"
			}
			if e.Reference != nil {
				// The reference coverage, not the knowledge base (FB010).
				byCoverage = append(byCoverage, s)
				continue
			}
			contradicted = append(contradicted, s)
		case analysis.Unverifiable:
			unverifiable = append(unverifiable, e.Name)
		}
	}
	if len(contradicted) > 0 {
		fmt.Fprintf(&b, " Contradicted by the knowledge base: %s.", strings.Join(contradicted, "; "))
	}
	if len(byCoverage) > 0 {
		fmt.Fprintf(&b, " Contradicted by trusted coverage of the story: %s.", strings.Join(byCoverage, "; "))
	}
	if len(unverifiable) > 0 {
		fmt.Fprintf(&b, " Nothing checkable is given for %s.", joinNames(unverifiable))
	}

	if ev := strongestEvidence(res, 3); len(ev) > 0 {
		fmt.Fprintf(&b, " Evidence: %s.", strings.Join(ev, "; "))
	}
	if held(res) {
		b.WriteString(" Held at warn: nothing concrete at warning or above to point at, and the statistical profiles alone cannot fail an article.")
	}
	s := res.Sources
	if res.Words > 150 && s.Named == 0 {
		b.WriteString(" It cites no named source.")
	}
	return b.String()
}

// personFinding returns the message of the fabrication finding at
// warning or above that names e (its span covers e's first full mention,
// or it sits on e's name): a sentence an editor reads ("James Corbin named
// as White House Press Secretary on 2025-03-05, but the office was held by
// Karoline Leavitt"), where the entity's evidence is a record dump.
func personFinding(res *analysis.Result, e analysis.Entity) string {
	best := ""
	bestSeverity := analysis.Info
	for _, f := range res.Findings {
		if f.Dimension != analysis.Fabrication || f.Severity < analysis.Warning || f.Severity <= bestSeverity || f.OutsideMain {
			continue
		}
		if f.Start < e.End && e.Start < f.End || strings.Contains(f.Text, e.Name) && strings.HasPrefix(f.Message, e.Name) {
			best, bestSeverity = f.Message, f.Severity
		}
	}
	return best
}

// strongestEvidence names, in the editor's words, up to n findings at
// warning or above in the main text, one per rule, each with its rule ID:
// errors first, then concrete warnings (a phrase, a quotation, a line),
// then statistical profiles (which carry a strength), in text order within
// each.
func strongestEvidence(res *analysis.Result, n int) []string {
	var picked []string
	seen := map[string]bool{}
	type tier struct {
		sev    analysis.Severity
		signal bool
	}
	for _, tr := range []tier{{analysis.Error, false}, {analysis.Warning, false}, {analysis.Warning, true}} {
		for _, f := range res.Findings {
			if len(picked) == n {
				return picked
			}
			if f.Severity != tr.sev || (f.Strength != 0) != tr.signal || f.OutsideMain || seen[f.Rule] ||
				f.Dimension == analysis.Fabrication && tr.sev == analysis.Error {
				continue // contradicted people are named above, with their evidence
			}
			seen[f.Rule] = true
			msg := strings.TrimSuffix(stripLinks(f.Message), ".")
			if f.Strength == 0 && f.Text != "" {
				msg = fmt.Sprintf("%s (%s, %q)", msg, f.Rule, clip(f.Text, 50))
			} else {
				msg = fmt.Sprintf("%s (%s)", msg, f.Rule)
			}
			picked = append(picked, msg)
		}
	}
	return picked
}

// held reports whether the scorer held the article below fail for want of
// a concrete finding.
func held(res *analysis.Result) bool {
	for _, n := range res.Notes {
		if strings.HasPrefix(n, "held below fail") {
			return true
		}
	}
	return false
}

var links = regexp.MustCompile(`\s*\(?https?://\S+\)?`)

// stripLinks drops web addresses: an explanation is read, not clicked;
// the evidence fields keep the sources.
func stripLinks(s string) string { return links.ReplaceAllString(s, "") }

func joinNames(ns []string) string {
	if len(ns) <= 1 {
		return strings.Join(ns, "")
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
