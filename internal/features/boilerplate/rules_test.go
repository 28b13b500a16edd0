package boilerplate

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// TestRulesDocumented checks every rule carries what `copydesk explain`
// prints, and that IDs are unique and numbered in order.
func TestRulesDocumented(t *testing.T) {
	all := append(append([]analysis.Rule{}, rules...), NewRepeatedLines().Rules()...)
	slices.SortFunc(all, func(a, b analysis.Rule) int { return strings.Compare(a.ID, b.ID) })
	for i, r := range all {
		if want := fmt.Sprintf("BP%03d", i+1); r.ID != want {
			t.Errorf("rule %d has ID %s, want %s", i, r.ID, want)
		}
		if r.Title == "" || r.Doc == "" || r.Example == "" || r.Since != "0.1.0" || r.Dimension != analysis.Boilerplate {
			t.Errorf("%s is missing documentation: %+v", r.ID, r)
		}
		if _, ok := ruleGroup[r.ID]; !ok {
			t.Errorf("%s has no feature group", r.ID)
		}
	}
	analysis.NewRuleIndex(all) // panics on a duplicate ID
}

// TestRuleExamples checks each per-article rule's documented example,
// alone as an article, is reported by that rule.
func TestRuleExamples(t *testing.T) {
	for _, r := range rules {
		res := analyze(t, r.ID, r.Example)
		found := false
		for _, f := range res.Findings {
			found = found || f.Rule == r.ID
		}
		if !found {
			t.Errorf("%s: example %q not reported (got %v)", r.ID, r.Example, res.Findings)
		}
	}
}

// TestPatternsAnchored checks every listed pattern fires where its kind
// says (alone on a line, opening a line, anywhere) and that line-anchored
// patterns stay silent inside an ordinary sentence.
func TestPatternsAnchored(t *testing.T) {
	ps, err := parsePatterns(dataFS, "data/patterns.tsv")
	if err != nil {
		t.Fatal(err)
	}
	body := "The council met on Tuesday to discuss the budget for next year.\n" +
		"Officials said the plan would be published in the spring.\n"
	for _, p := range ps {
		var line string
		switch p.kind {
		case kindLine, kindPrefix:
			line = p.text
			if p.kind == kindPrefix {
				line += " something"
			}
		case kindLabel:
			line = p.text + ": value"
		case kindPhrase:
			line = "Officials noted that " + p.text + " appeared in the text."
		}
		if p.kind == kindRun {
			// Beside other chrome it is reported; alone, not as listed.
			res := analyze(t, p.text, body+"Share this:\n"+p.text+"\n")
			if !hasRule(res, p.rule) {
				t.Errorf("%s %s %q: not reported under \"Share this:\"", p.rule, p.kind, p.text)
			}
			res = analyze(t, p.text, body+p.text+"\n"+body)
			for _, f := range res.Findings {
				if f.Rule == p.rule && f.Text == p.text {
					t.Errorf("%s %s %q reported alone between paragraphs", p.rule, p.kind, p.text)
				}
			}
			continue
		}
		res := analyze(t, p.text, body+line+"\n")
		if !hasRule(res, p.rule) {
			t.Errorf("%s %s %q: not reported in %q", p.rule, p.kind, p.text, line)
		}
		if p.kind == kindPhrase {
			continue
		}
		embedded := "Officials said that " + p.text + " was discussed at length on Tuesday, according to minutes of the meeting."
		res = analyze(t, p.text, body+embedded+"\n")
		for _, f := range res.Findings {
			if f.Severity >= analysis.Warning {
				t.Errorf("%s %s %q fired inside a sentence: %s %q", p.rule, p.kind, p.text, f.Rule, f.Text)
			}
		}
	}
}

func hasRule(res *analysis.Result, id string) bool {
	for _, f := range res.Findings {
		if f.Rule == id {
			return true
		}
	}
	return false
}

// TestLabelSpan checks a field label is reported without the text it labels.
func TestLabelSpan(t *testing.T) {
	res := analyze(t, "label", "Summary – Talks resumed on Monday in Cairo, officials said.\nThe talks went on.\n")
	if len(res.Findings) != 1 || res.Findings[0].Text != "Summary –" {
		t.Fatalf("got %+v, want one finding on %q", res.Findings, "Summary –")
	}
	if !strings.HasPrefix(res.Findings[0].Message, "line opens with the template label") {
		t.Errorf("message %q", res.Findings[0].Message)
	}
}
