package report

import (
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// The golden batch: results built by hand (reporters never recompute, so
// they need no analyzers), positioned through document.Position exactly as
// Pass.Report positions real findings.

var testRules = []analysis.Rule{
	{
		ID: "BP001", Dimension: analysis.Boilerplate, Severity: analysis.Warning,
		Title: "Stock call to action",
		Doc: "Finds the sign-off lines that generated filler appends to any story " +
			"(\"Stay tuned\", \"Share this article\").\n\nThey carry no information; " +
			"a human editor cuts them.",
		Example: "Stay tuned for more updates!\nShare this article with your friends.",
		Since:   "0.1.0",
	},
	{
		ID: "BP010", Dimension: analysis.Boilerplate, Severity: analysis.Info,
		Title: "Comment-form chrome", Doc: "Page chrome such as comment forms.",
	},
	{
		ID: "TP003", Dimension: analysis.Templated, Severity: analysis.Info,
		Title:   "Stock transition phrase",
		Doc:     "Phrases like \"in today's fast-paced world\" that templates reuse.",
		Example: "In today's fast-paced world, news matters.",
	},
	{
		ID: "AT002", Dimension: analysis.Attribution, Severity: analysis.Warning,
		Title:   "Quote without a named speaker",
		Doc:     "A direct quote attributed to nobody checkable.",
		Example: "\"It changes everything,\" said one insider.",
	},
	{
		ID: "FB001", Dimension: analysis.Fabrication, Severity: analysis.Error,
		Title:   "Role holder not on record",
		Doc:     "A person is given a checkable role that the knowledge base says someone else held.",
		Example: "Mayor Rosa Lind said on 5 March 2025 …",
	},
}

func testRuleIndex() *analysis.RuleIndex { return analysis.NewRuleIndex(testRules) }

func testRunInfo() RunInfo {
	return RunInfo{Version: "1.2.3-test", Rules: testRuleIndex(), KnowledgeAsOf: "2025-03-01"}
}

func testSummary() Summary {
	return Summary{Articles: 4, Passed: 1, Warned: 1, Failed: 1, Errors: 1, Elapsed: 1234 * time.Millisecond}
}

// harbourText is a Markdown body (its front matter took lines 1–5) with
// non-ASCII text, a line-wrapped sentence, and chrome at the end.
const harbourText = `The city's harbour bridge reopened on Tuesday after an eighteen-month refit costing €40m, officials said.
"This is a game-changer for commuters," said one insider.
Dr. Amelia Voss, chief engineer at Nordström Civil Works, said the cables were "good for a century."
Mayor Rosa Lind called the reopening "a promise kept."
In today's fast-paced world, infrastructure matters more than ever.
It is important to note that
traffic will be slower during the first week — naïve drivers, beware.

Stay tuned for more updates! Share this article with your friends.
`

type finder struct {
	t   testing.TB
	doc *document.Document
	res *analysis.Result
}

// add reports rule over the first occurrence of span, as Pass.Report would.
func (f finder) add(rule, span, msg, evidence string) {
	f.t.Helper()
	start := strings.Index(f.doc.Text, span)
	if start < 0 {
		f.t.Fatalf("fixture span %q not in text", span)
	}
	var r analysis.Rule
	for _, x := range testRules {
		if x.ID == rule {
			r = x
		}
	}
	line, col := f.doc.Position(start)
	f.res.Findings = append(f.res.Findings, analysis.Finding{
		Rule: r.ID, Dimension: r.Dimension, Severity: r.Severity, Message: msg,
		Text: span, Start: start, End: start + len(span), Line: line, Column: col,
		Evidence: evidence, OutsideMain: !f.doc.InMain(start),
	})
}

func testResults(t testing.TB) []*analysis.Result {
	t.Helper()

	doc := document.New("articles/harbour-bridge.md", harbourText)
	doc.Path = "articles/harbour-bridge.md"
	doc.BaseLine = 6
	chrome := strings.Index(harbourText, "Stay tuned")
	doc.Regions = []document.Region{{Start: chrome, End: len(harbourText), Kind: document.RegionChrome}}
	harbour := &analysis.Result{
		ID: doc.ID, Path: doc.Path, Title: "Harbour bridge reopens after €40m refit", Date: "2025-03-05",
		Source: "Coastal Courier", Score: 81, Verdict: analysis.VerdictFail,
		Dimensions:  analysis.DimensionScores{Boilerplate: 64, Templated: 58, Attribution: 71, Fabrication: 92},
		Sources:     analysis.Sources{Named: 2, Quotes: 3, UnattributedQuotes: 1, Vague: 2},
		Words:       96,
		Explanation: "A role holder the record contradicts and an anonymous quote drive the score.",
		Notes:       []string{"no byline: author checks skipped"},
		Text:        harbourText,
		Findings:    []analysis.Finding{},
	}
	f := finder{t, doc, harbour}
	f.add("AT002", "The city's harbour bridge reopened on Tuesday after an eighteen-month refit costing €40m, officials said.",
		"claim sourced only to unnamed officials", "")
	f.add("AT002", `"This is a game-changer for commuters," said one insider.`,
		"quote attributed to an unnamed insider", "")
	f.add("FB001", "Mayor Rosa Lind", "Rosa Lind was not mayor on 2025-03-05",
		"knowledge base: Mayor of Port Ellis 2023–2027 is Tomás Okafor")
	f.add("TP003", "In today's fast-paced world", `stock phrase "in today's fast-paced world"`, "")
	f.add("TP003", "It is important to note that\ntraffic will be slower", `stock phrase "it is important to note"`, "")
	f.add("BP001", "Stay tuned for more updates! Share this article with your friends.",
		"sign-off filler, 100% generic: share, subscribe", "")
	at := func(s string) int { return strings.Index(harbourText, s) }
	harbour.Entities = []analysis.Entity{
		{Name: "Amelia Voss", Role: "chief engineer", Affiliation: "Nordström Civil Works", Status: analysis.Unverifiable,
			Evidence: "no record of the person or the firm", Mentions: 1, Start: at("Amelia Voss"), End: at("Amelia Voss") + len("Amelia Voss"), Quoted: 1},
		{Name: "Rosa Lind", Role: "mayor", Status: analysis.Contradicted,
			Evidence: "Tomás Okafor is mayor of Port Ellis (2023–2027)", Mentions: 1, Start: at("Rosa Lind"), End: at("Rosa Lind") + len("Rosa Lind"), Quoted: 1},
		{Name: "Tomás Okafor", Role: "mayor", Status: analysis.Verified, Evidence: "kb:port-ellis-mayor"},
	}

	wire := &analysis.Result{
		ID: "feeds/wire.jsonl#2", Path: "feeds/wire.jsonl", Title: "Council approves budget", Date: "2025-03-04",
		URL: "https://example.org/budget?id=7&src=wire", Score: 12, Verdict: analysis.VerdictPass,
		Dimensions: analysis.DimensionScores{Boilerplate: 5, Templated: 10, Attribution: 14, Fabrication: 3},
		Sources:    analysis.Sources{Named: 3, Quotes: 2}, Words: 412,
		Findings: []analysis.Finding{},
		Entities: []analysis.Entity{{Name: "Tomás Okafor", Role: "mayor", Status: analysis.Verified,
			Evidence: "kb:port-ellis-mayor", Mentions: 2, Quoted: 1}},
		Extra: map[string]any{"section": "local"},
	}

	broken := &analysis.Result{ID: "broken/page.html", Path: "broken/page.html",
		Error: "invalid UTF-8 at byte 1423"}

	// A JSONL-style article whose text starts mid-line: column 31 of line 3,
	// in a path with a space and accents that a URI must encode.
	const draftText = "Experts say the move could reshape the sector, sources said."
	draft := document.New("drafts/fête d'été.jsonl#3", draftText)
	draft.Path = "drafts/fête d'été.jsonl"
	draft.BaseLine, draft.BaseColumn = 3, 31
	draftRes := &analysis.Result{
		ID: draft.ID, Path: draft.Path, Title: "", Score: 47, Verdict: analysis.VerdictWarn,
		Dimensions: analysis.DimensionScores{Attribution: 66}, Words: 10, Text: draftText,
		Findings: []analysis.Finding{},
	}
	finder{t, draft, draftRes}.add("AT002", "Experts say", "vague attribution: \"experts say\"", "")
	finder{t, draft, draftRes}.add("AT002", "sources said", "vague attribution: \"sources said\"", "")

	return []*analysis.Result{harbour, wire, broken, draftRes}
}
