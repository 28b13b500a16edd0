package boilerplate

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// TestChromeRegion checks residue the HTML extractor moved out of the main
// text is still reported, marked outside the main text, and counted.
func TestChromeRegion(t *testing.T) {
	main := "Ceasefire talks resumed in Cairo on Wednesday, officials said.\n" +
		"Negotiators hope to agree a deal on hostages within days.\n"
	chrome := "Leave a Reply\nShare on Facebook\nBookmark | Print | Email\n"
	doc := document.New("chrome", main+chrome)
	doc.Regions = []document.Region{{Start: len(main), End: len(main) + len(chrome), Kind: document.RegionChrome}}
	res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Leave a Reply": "BP001", "Share on Facebook": "BP002", "Bookmark | Print | Email": "BP017"}
	for _, f := range res.Findings {
		if !f.OutsideMain {
			t.Errorf("%s %q not marked outside the main text", f.Rule, f.Text)
		}
		if want[f.Text] == f.Rule {
			delete(want, f.Text)
		}
	}
	for text, rule := range want {
		t.Errorf("chrome line %q: no %s finding", text, rule)
	}
	if got := res.Features["boilerplate.chrome_lines"]; got != 3 {
		t.Errorf("boilerplate.chrome_lines = %v, want 3", got)
	}
	if got := res.Features["boilerplate.main_findings"]; got != 0 {
		t.Errorf("boilerplate.main_findings = %v, want 0", got)
	}
}

// TestFeatures checks the scoring-model features on a fixture.
func TestFeatures(t *testing.T) {
	res := analyze(t, "chatbot", readFile(t, "testdata/articles/chatbot.txt"))
	f := res.Features
	if f["boilerplate.group.chatbot"] < 3 || f["boilerplate.findings"] != float64(len(res.Findings)) ||
		f["boilerplate.weighted"] < 9 || f["boilerplate.per_1k"] <= 0 {
		t.Errorf("features %v", f)
	}
	for name := range f {
		if !strings.HasPrefix(name, "boilerplate.") {
			t.Errorf("feature %q lacks the boilerplate. prefix", name)
		}
	}
	clean := analyze(t, "wire", readFile(t, "testdata/articles/wire_clean.txt"))
	if clean.Features["boilerplate.weighted"] != 0 || clean.Features["boilerplate.max_line_score"] >= 0.5 {
		t.Errorf("clean wire copy features %v", clean.Features)
	}
}
