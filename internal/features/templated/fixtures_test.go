package templated

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil/wantfile"
)

// runFixture analyses testdata/name.txt, whose first line is the headline.
func runFixture(t *testing.T, name string) (string, *analysis.Result) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	doc := document.New(name, text)
	doc.Title, _, _ = strings.Cut(text, "\n")
	res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return text, res
}

// TestFixtures checks each testdata/*.txt article against the expectations
// in the .want file beside it: "RULE<TAB>text" needs a finding of RULE
// overlapping that text; "!RULE<TAB>text" forbids one there; "!RULE" alone
// forbids the rule anywhere at warning level or above.
func TestFixtures(t *testing.T) {
	wants, _ := filepath.Glob(filepath.Join("testdata", "*.want"))
	if len(wants) == 0 {
		t.Fatal("no fixtures")
	}
	for _, wf := range wants {
		name := strings.TrimSuffix(filepath.Base(wf), ".want") + ".txt"
		t.Run(name, func(t *testing.T) {
			text, res := runFixture(t, name)
			wantfile.Check(t, wf, text, res.Findings, wantfile.Every)
		})
	}
}

func TestFindingsQuoteExactSpansAndDoNotOverlap(t *testing.T) {
	for _, name := range []string{"stock.txt", "spun.txt", "repeated.txt"} {
		text, res := runFixture(t, name)
		for i, f := range res.Findings {
			if text[f.Start:f.End] != f.Text {
				t.Errorf("%s: finding text %q is not the span %d:%d", name, f.Text, f.Start, f.End)
			}
			if i > 0 && f.Start < res.Findings[i-1].End {
				t.Errorf("%s: %q overlaps %q", name, f.Text, res.Findings[i-1].Text)
			}
		}
	}
}

func TestRepetitionNamesTheFirstOccurrence(t *testing.T) {
	_, res := runFixture(t, "repeated.txt")
	for _, f := range res.Findings {
		if f.Rule == ruleRepeatedSent && f.Evidence != "first occurrence on line 3" {
			t.Errorf("TP007 evidence %q, want the first occurrence's line 3", f.Evidence)
		}
	}
}

func TestTitleAbsentFromBody(t *testing.T) {
	body := "The city council met on Tuesday to discuss the budget for parks, roads and schools in the coming year. " +
		"Members argued for three hours about the cost of repairing the old library and whether to raise parking fees. " +
		"A vote on the final figures is expected next month, after residents have had a chance to comment at two public meetings."

	doc := document.New("t", body)
	doc.Title = "Tesla Founder Buys Stadium Naming Rights"
	res, err := analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range res.Findings {
		if f.Rule == ruleTitleAbsent && strings.Contains(f.Message, "Tesla") && f.Severity == analysis.Info {
			found = true
		}
	}
	if !found {
		t.Errorf("want an info TP009 naming Tesla, got %+v", res.Findings)
	}
	doc = document.New("t2", body)
	doc.Title = "Council Debates Budget For Parks And Schools"
	res, _ = analysis.Run(doc, []*analysis.Analyzer{Analyzer}, nil)
	for _, f := range res.Findings {
		if f.Rule == ruleTitleAbsent {
			t.Errorf("headline backed by the body flagged: %s", f.Message)
		}
	}
}
