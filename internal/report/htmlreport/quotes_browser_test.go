package htmlreport

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/report"
)

// TestBrowserQuotesTable opens an article whose quotes the reference
// coverage checked and reads the quotes table: each quote beside the
// reference passage it was compared with, and nothing for an article
// without coverage.
func TestBrowserQuotesTable(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	text := `Trump wrote: "I am sending Israel everything it needs to win the war." Rubio said: "The hostages come first."`
	ref := &analysis.Reference{ID: "wire-7", Source: "Fixture Wire", Date: "2025-03-05", Trust: "wire", Similarity: 0.32,
		Passage: "I am sending Israel everything it needs to finish the job.", Speaker: "Donald Trump",
		Diff: "i am sending israel everything it needs to [-finish-] {+win+} the [-job-] {+war+}"}
	i1 := strings.Index(text, `"I am`)
	i2 := strings.Index(text, `"The hostages`)
	checked := &analysis.Result{ID: "checked", Title: "Checked", Text: text, Verdict: analysis.VerdictWarn,
		Findings: []analysis.Finding{}, Entities: []analysis.Entity{},
		Quotes: []analysis.Quote{
			{Text: text[i1 : i2-13], Start: i1, End: i2 - 13, Speaker: "Donald Trump", Provenance: analysis.Altered, Reference: ref},
			{Text: text[i2:], Start: i2, End: len(text), Speaker: "Marco Rubio", Provenance: analysis.Absent},
		}}
	plain := &analysis.Result{ID: "plain", Title: "Plain", Text: text, Verdict: analysis.VerdictPass,
		Findings: []analysis.Finding{}, Entities: []analysis.Entity{},
		Quotes: []analysis.Quote{{Text: text[i1 : i2-13], Start: i1, End: i2 - 13, Provenance: analysis.Unchecked}}}

	var buf strings.Builder
	rep := New(&buf)
	if err := rep.Start(report.RunInfo{Version: "test", Rules: ruleIndex(t)}); err != nil {
		t.Fatal(err)
	}
	for _, res := range []*analysis.Result{checked, plain} {
		if err := rep.Document(res); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Finish(report.Summary{Articles: 2}); err != nil {
		t.Fatal(err)
	}
	b.open(t, writeReportFile(t, "quotes.html", []byte(buf.String())))

	openArticle(t, b, 0, false)
	rows := eval[[][]string](t, b, `Array.from(document.querySelectorAll('#cd-quotes tbody tr'), tr => Array.from(tr.cells, c => c.innerText))`)
	if len(rows) != 2 {
		t.Fatalf("quotes table has %d rows, want 2: %q", len(rows), rows)
	}
	if !strings.Contains(rows[0][0], "win the war") || rows[0][1] != "Donald Trump" || !strings.Contains(rows[0][2], "altered") ||
		!strings.Contains(rows[0][3], "finish the job") || !strings.Contains(rows[0][3], "wire-7 (Fixture Wire, 2025-03-05, wire, similarity 0.32)") ||
		!strings.Contains(rows[0][3], "[-finish-]") {
		t.Errorf("altered quote row: %q", rows[0])
	}
	if rows[1][1] != "Marco Rubio" || !strings.Contains(rows[1][2], "absent") || !strings.Contains(rows[1][3], "Not in the coverage") {
		t.Errorf("absent quote row: %q", rows[1])
	}
	eval[bool](t, b, `(location.hash = '', true)`)
	b.waitFor(t, `!document.getElementById('cd-quotes')`)
	openArticle(t, b, 1, false)
	if n := eval[int](t, b, `document.querySelectorAll('#cd-quotes').length`); n != 0 {
		t.Errorf("an article without coverage shows a quotes table")
	}
	b.clean(t)
}
