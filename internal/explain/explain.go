// Package explain writes the few sentences an editor reads first: the
// verdict, the dimensions that drove it, and the strongest evidence, in
// plain words. It reads a scored result and changes nothing else.
package explain

import (
	"fmt"
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
	var contradicted, unverifiable []string
	for _, e := range res.Entities {
		switch e.Status {
		case analysis.Contradicted:
			s := e.Name
			if e.Evidence != "" {
				s += " (" + e.Evidence + ")"
			}
			contradicted = append(contradicted, s)
		case analysis.Unverifiable:
			unverifiable = append(unverifiable, e.Name)
		}
	}
	if len(contradicted) > 0 {
		fmt.Fprintf(&b, " Contradicted by the knowledge base: %s.", strings.Join(contradicted, "; "))
	}
	if len(unverifiable) > 0 {
		fmt.Fprintf(&b, " Nothing checkable is given for %s.", joinNames(unverifiable))
	}

	counts := map[analysis.Dimension]int{}
	var strongest *analysis.Finding
	for i, f := range res.Findings {
		if f.Severity < analysis.Warning {
			continue
		}
		counts[f.Dimension]++
		if strongest == nil || f.Severity > strongest.Severity {
			strongest = &res.Findings[i]
		}
	}
	if len(counts) > 0 {
		var parts []string
		for _, d := range analysis.Dimensions {
			if n := counts[d]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, d))
			}
		}
		fmt.Fprintf(&b, " Findings at warning or above: %s.", strings.Join(parts, ", "))
		if strongest != nil && strongest.Dimension != analysis.Fabrication {
			fmt.Fprintf(&b, " Strongest: %s %q — %s.", strongest.Rule, clip(strongest.Text, 60), strings.TrimSuffix(strongest.Message, "."))
		}
	}
	s := res.Sources
	if res.Words > 150 && s.Named == 0 {
		b.WriteString(" It cites no named source.")
	}
	return b.String()
}

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
