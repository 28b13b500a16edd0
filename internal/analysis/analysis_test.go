package analysis

import (
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

func TestOrderPutsRequirementsFirstAndDetectsCycles(t *testing.T) {
	a := &Analyzer{Name: "a"}
	b := &Analyzer{Name: "b", Requires: []*Analyzer{a}}
	c := &Analyzer{Name: "c", Requires: []*Analyzer{b, a}}
	got, err := Order([]*Analyzer{c, a})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range got {
		names = append(names, x.Name)
	}
	if strings.Join(names, ",") != "a,b,c" {
		t.Fatalf("order %v", names)
	}
	a.Requires = []*Analyzer{c}
	if _, err := Order([]*Analyzer{c}); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Fatalf("cycle not detected: %v", err)
	}
}

func TestRunFillsFindingsFromRulesAndDocument(t *testing.T) {
	doc := document.New("d1", "Headline\nIt is important to note — café prices rose.\n")
	first := &Analyzer{Name: "first", Run: func(*Pass) (any, error) { return 42, nil }}
	var seen any
	second := &Analyzer{
		Name:     "second",
		Requires: []*Analyzer{first},
		Rules:    []Rule{{ID: "TP999", Dimension: Templated, Severity: Warning}},
		Run: func(p *Pass) (any, error) {
			seen = p.ResultOf[first]
			i := strings.Index(p.Doc.Text, "prices")
			p.Reportf("TP999", i, i+len("prices"), "word %d", 1)
			p.SetFeature("second.count", 1)
			p.Note("checked")
			p.Note("checked")
			return nil, nil
		},
	}
	order, _ := Order([]*Analyzer{second})
	res, err := Run(doc, order, nil)
	if err != nil {
		t.Fatal(err)
	}
	if seen != 42 {
		t.Errorf("required result %v", seen)
	}
	f := res.Findings[0]
	// "—" and "é" are multi-byte: columns count code points (32), not bytes (35).
	if f.Text != "prices" || f.Line != 2 || f.Column != 32 || f.Dimension != Templated || f.Severity != Warning || f.Message != "word 1" {
		t.Fatalf("finding %+v", f)
	}
	if res.Features["second.count"] != 1 || len(res.Notes) != 1 || res.Words != 9 {
		t.Errorf("features %v notes %v words %d", res.Features, res.Notes, res.Words)
	}
}

func TestRunTurnsPanicsAndErrorsIntoArticleErrors(t *testing.T) {
	doc := document.New("d", "text")
	boom := &Analyzer{Name: "boom", Run: func(*Pass) (any, error) { panic("index out of range") }}
	if _, err := Run(doc, []*Analyzer{boom}, nil); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("panic not reported: %v", err)
	}
	failing := &Analyzer{Name: "failing", Run: func(*Pass) (any, error) { return nil, errors.New("no data") }}
	if _, err := Run(doc, []*Analyzer{failing}, nil); err == nil || !strings.Contains(err.Error(), "failing: no data") {
		t.Fatalf("error not wrapped: %v", err)
	}
	undeclared := &Analyzer{Name: "undeclared", Run: func(p *Pass) (any, error) { p.Report("XX1", 0, 1, "x"); return nil, nil }}
	if _, err := Run(doc, []*Analyzer{undeclared}, nil); err == nil || !strings.Contains(err.Error(), "undeclared rule XX1") {
		t.Fatalf("undeclared rule not caught: %v", err)
	}
}

func TestChromeFindingsAreMarkedOutsideMain(t *testing.T) {
	doc := document.New("d", "Body text.\n\nLeave a Reply")
	doc.Regions = []document.Region{{Start: 12, End: 25, Kind: document.RegionChrome}}
	a := &Analyzer{Name: "a", Rules: []Rule{{ID: "BP999", Dimension: Boilerplate, Severity: Warning}}, Run: func(p *Pass) (any, error) {
		p.Report("BP999", 0, 4, "in body")
		p.Report("BP999", 12, 25, "in chrome")
		return nil, nil
	}}
	res, err := Run(doc, []*Analyzer{a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Findings[0].OutsideMain || !res.Findings[1].OutsideMain || res.Words != 2 ||
		res.Findings[1].Severity != Info || res.Findings[0].Severity != Warning {
		t.Fatalf("%+v words %d", res.Findings, res.Words)
	}
}

func TestMergeOverlappingKeepsStrongest(t *testing.T) {
	fs := []Finding{
		{Rule: "A", Start: 0, End: 10, Severity: Info},
		{Rule: "B", Start: 5, End: 8, Severity: Warning},
		{Rule: "C", Start: 7, End: 20, Severity: Warning},
		{Rule: "D", Start: 30, End: 35, Severity: Info},
	}
	got := MergeOverlapping(fs)
	if len(got) != 2 || got[0].Rule != "C" || got[1].Rule != "D" {
		t.Fatalf("%+v", got)
	}
}

func TestRuleIndexRejectsDuplicates(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("duplicate rule ID accepted")
		}
	}()
	NewRuleIndex([]Rule{{ID: "X1"}, {ID: "X1"}})
}

func TestSeverityJSON(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, _ := s.MarshalJSON()
		var back Severity
		if err := back.UnmarshalJSON(b); err != nil || back != s {
			t.Errorf("%s round trip: %v %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("loud"); err == nil {
		t.Error("bad severity accepted")
	}
}
