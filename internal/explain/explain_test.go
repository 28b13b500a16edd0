package explain

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

func TestExplainNamesVerdictPeopleAndEvidence(t *testing.T) {
	res := &analysis.Result{
		Score: 91, Verdict: analysis.VerdictFail, Words: 600,
		Dimensions: analysis.DimensionScores{Fabrication: 95, Boilerplate: 60, Templated: 20},
		Entities: []analysis.Entity{
			{Name: "Jane Fake", Status: analysis.Contradicted, Evidence: "Real Person held the office on 2025-03-05"},
			{Name: "Dr. Nobody", Status: analysis.Unverifiable},
			{Name: "Real Person", Status: analysis.Verified},
		},
		Findings: []analysis.Finding{
			{Rule: "BP001", Dimension: analysis.Boilerplate, Severity: analysis.Error, Text: "Leave a Comment", Message: "comment-form residue"},
			{Rule: "TP001", Dimension: analysis.Templated, Severity: analysis.Info, Text: "delve"},
		},
	}
	got := Explain(res)
	for _, want := range []string{"score 91/100", "fabrication 95, boilerplate 60", "Jane Fake (Real Person held", "Dr. Nobody", `comment-form residue (BP001, "Leave a Comment")`, "no named source"} {
		if !strings.Contains(got, want) {
			t.Errorf("explanation lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "TP001") {
		t.Errorf("info findings should not be named as evidence: %s", got)
	}
}

func TestExplainPass(t *testing.T) {
	res := &analysis.Result{Score: 5, Verdict: analysis.VerdictPass, Words: 80, Sources: analysis.Sources{Named: 2}}
	if got := Explain(res); got != "No strong signs of generated content (score 5/100)." {
		t.Errorf("got %q", got)
	}
	if Explain(&analysis.Result{Error: "x"}) != "" {
		t.Error("errored result should have no explanation")
	}
}

func TestExplainNamesSignalsWithoutSpansAndDropsLinks(t *testing.T) {
	res := &analysis.Result{
		Score: 62, Verdict: analysis.VerdictWarn, Words: 400, Sources: analysis.Sources{Named: 3},
		Notes: []string{"held below fail: no concrete finding at warning or above to point at"},
		Findings: []analysis.Finding{
			{Rule: "TP012", Dimension: analysis.Templated, Severity: analysis.Warning, Strength: 4.2, Text: "a long sentence",
				Message: "Word choice is more machine-like than 99% of human news articles (vocabulary profile +4.2)"},
			{Rule: "AT004", Dimension: analysis.Attribution, Severity: analysis.Warning, Text: "a local think tank",
				Message: "source from an unnamed organisation, see https://example.org/guide"},
		},
	}
	got := Explain(res)
	for _, want := range []string{"Word choice is more machine-like than 99% of human news articles (vocabulary profile +4.2) (TP012)",
		`source from an unnamed organisation, see (AT004, "a local think tank")`, "Held at warn"} {
		if !strings.Contains(got, want) {
			t.Errorf("explanation lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "https://") {
		t.Errorf("explanation keeps a link: %s", got)
	}
}

// A contradicted person is explained by the finding's own sentence (who
// held the office instead), not by the knowledge-base record it rests on.
func TestContradictedPersonReadsAsTheFinding(t *testing.T) {
	res := &analysis.Result{
		Score: 99, Verdict: analysis.VerdictFail, Words: 400,
		Entities: []analysis.Entity{{Name: "James Corbin", Status: analysis.Contradicted, Start: 120, End: 132,
			Evidence: "knowledge base: Karoline Leavitt held the office on 2025-03-05 (from 2025-01-20 (no end recorded); source: https://example.org/x)"}},
		Findings: []analysis.Finding{{Rule: "FB001", Dimension: analysis.Fabrication, Severity: analysis.Error, Start: 94, End: 132,
			Text:    "White House Press Secretary James Corbin",
			Message: "James Corbin named as White House Press Secretary on 2025-03-05, but the office was held by Karoline Leavitt"}},
	}
	got := Explain(res)
	if !strings.Contains(got, "Contradicted by the knowledge base: James Corbin named as White House Press Secretary on 2025-03-05, but the office was held by Karoline Leavitt.") {
		t.Errorf("explanation: %s", got)
	}
	if strings.Contains(got, "no end recorded") || strings.Contains(got, "http") {
		t.Errorf("record dump in the explanation: %s", got)
	}
}
