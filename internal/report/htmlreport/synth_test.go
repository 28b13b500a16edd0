package htmlreport

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// synthBatch makes n articles shaped like a real batch (a few hundred words,
// a dozen findings across the dimensions, a few people) for the large-batch
// benchmark and browser check. The words are generated, so no real text is
// involved.
func synthBatch(n int) []*analysis.Result {
	sentences := []string{
		"The council met on Tuesday to discuss the new budget for road repairs.",
		"In a significant development, officials said the plan would move ahead.",
		"Residents told reporters that they had waited years for the change.",
		"Experts say the decision could reshape the region for decades to come.",
		"The measure passed by a narrow margin after a long debate late into the night.",
		"It remains to be seen how the public will respond in the coming months.",
		"Local businesses welcomed the news, according to a statement on Wednesday.",
		"Only time will tell whether the gamble pays off for the city’s finances.",
	}
	rules := []struct {
		id  string
		dim analysis.Dimension
		sev analysis.Severity
	}{
		{"TP101", analysis.Templated, analysis.Warning},
		{"AT201", analysis.Attribution, analysis.Error},
		{"BP110", analysis.Boilerplate, analysis.Info},
		{"FB301", analysis.Fabrication, analysis.Warning},
	}
	statuses := []analysis.Status{analysis.Verified, analysis.Unknown, analysis.Unverifiable, analysis.Contradicted, analysis.Corroborated}
	sources := []string{"Riverton Ledger", "Coastline Weekly", "GadgetWire", "Metro Daily", "Valley Times"}
	out := make([]*analysis.Result, 0, n)
	for i := 0; i < n; i++ {
		var b strings.Builder
		res := &analysis.Result{
			ID:     fmt.Sprintf("article-%05d", i),
			Title:  fmt.Sprintf("Story %d: %s", i, strings.TrimSuffix(sentences[i%len(sentences)], ".")),
			Source: sources[i%len(sources)],
			Date:   fmt.Sprintf("2025-03-%02d", 1+i%28),
		}
		for p := 0; p < 6; p++ {
			if p > 0 {
				b.WriteString("\n")
			}
			for s := 0; s < 5; s++ {
				sent := sentences[(i+p*5+s)%len(sentences)]
				start := b.Len()
				b.WriteString(sent)
				b.WriteString(" ")
				if (p*5+s)%3 == 0 {
					r := rules[(i+p+s)%len(rules)]
					res.Findings = append(res.Findings, analysis.Finding{
						Rule: r.id, Dimension: r.dim, Severity: r.sev,
						Message: "synthetic finding", Start: start, End: start + len(sent),
						Text: sent, Line: p + 1, Column: 1,
					})
				}
			}
		}
		res.Text = b.String()
		for k := 0; k < 3; k++ {
			res.Entities = append(res.Entities, analysis.Entity{
				Name: fmt.Sprintf("Person %d-%d", i, k), Role: "official",
				Status: statuses[(i+k)%len(statuses)], Evidence: "synthetic", Start: -1, End: -1,
			})
		}
		pts := map[analysis.Dimension]int{}
		for _, f := range res.Findings {
			pts[f.Dimension] += 12
		}
		for _, d := range analysis.Dimensions {
			res.Dimensions.Set(d, min(pts[d], 100))
			res.Score = max(res.Score, min(pts[d], 100))
		}
		res.Score = (res.Score + i*7) % 101
		switch {
		case res.Score >= 70:
			res.Verdict = analysis.VerdictFail
		case res.Score >= 40:
			res.Verdict = analysis.VerdictWarn
		default:
			res.Verdict = analysis.VerdictPass
		}
		res.Words = len(strings.Fields(res.Text))
		out = append(out, res)
	}
	return out
}
