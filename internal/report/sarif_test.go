package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
)

// sarifSchema compiles the official SARIF 2.1.0 schema from testdata with
// a loader that refuses every URL, so validation never touches the network.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("parse schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(jsonschema.SchemeURLLoader{}) // offline: no scheme is loadable
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

func validateSARIF(t *testing.T, sch *jsonschema.Schema, out []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("sarif output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("sarif output violates the 2.1.0 schema: %v", err)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifSchema(t)
	validateSARIF(t, sch, render(t, "sarif", testRunInfo()))

	// An empty run and a run without a rule index must be valid too.
	for _, info := range []RunInfo{testRunInfo(), {Version: "dev"}} {
		var b bytes.Buffer
		r := New("sarif", &b)
		if err := r.Start(info); err != nil {
			t.Fatal(err)
		}
		if err := r.Finish(Summary{}); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, sch, b.Bytes())
	}

	// And the validator is live: a level SARIF does not define is refused.
	bad := bytes.Replace(render(t, "sarif", testRunInfo()), []byte(`"level": "note"`), []byte(`"level": "info"`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sch.Validate(inst) == nil {
		t.Error("schema accepted level \"info\"; the validator is not checking")
	}
}

// The schema check above would not notice a region pointing at the wrong
// text, so read the regions back against the fixture articles.
func TestSARIFRegionsCoverTheirSpans(t *testing.T) {
	log := decodeSARIF(t, render(t, "sarif", testRunInfo()))
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("the unreadable input should make one notification and an unsuccessful run: %+v", run.Invocations)
	}
	byText := map[string]sarifRegion{}
	for _, r := range run.Results {
		reg := r.Locations[0].PhysicalLocation.Region
		byText[reg.Snippet.Text] = *reg
		if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %v not pointing at its rule", r.RuleID, r.RuleIndex)
		}
	}
	cases := []struct {
		span                     string
		line, col, endLine, endC int
	}{
		// harbour text starts on input line 6.
		{"Mayor Rosa Lind", 9, 1, 9, 16},
		{"It is important to note that\ntraffic will be slower", 11, 1, 12, 23},
		// €40m is one code point wider than its bytes suggest: 105 code points.
		{"The city's harbour bridge reopened on Tuesday after an eighteen-month refit costing €40m, officials said.", 6, 1, 6, 106},
		// draft text starts at column 31 of line 3.
		{"Experts say", 3, 31, 3, 42},
	}
	for _, c := range cases {
		reg, ok := byText[c.span]
		if !ok {
			t.Errorf("no result for span %q", c.span)
			continue
		}
		if reg.StartLine != c.line || reg.StartColumn != c.col || reg.EndLine != c.endLine || reg.EndColumn != c.endC {
			t.Errorf("%q: region %d:%d-%d:%d, want %d:%d-%d:%d", c.span,
				reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn, c.line, c.col, c.endLine, c.endC)
		}
	}
}

func decodeSARIF(t *testing.T, out []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(log.Runs))
	}
	return log
}

// A finding keeps its fingerprint when an edit above it moves it down, and
// two identical spans in one article get different fingerprints.
func TestSARIFFingerprintSurvivesMovedLines(t *testing.T) {
	const body = "Stay tuned for more updates!\nReal reporting here.\nStay tuned for more updates!\n"
	fingerprints := func(text string) []string {
		doc := document.New("a.txt", text)
		res := &analysis.Result{ID: "a.txt", Verdict: analysis.VerdictWarn, Text: text}
		f := finder{t, doc, res}
		f.add("BP001", "Stay tuned for more updates!", "sign-off filler", "")
		second := strings.LastIndex(text, "Stay tuned")
		line, col := doc.Position(second)
		res.Findings = append(res.Findings, analysis.Finding{Rule: "BP001", Severity: analysis.Warning,
			Start: second, End: second + len("Stay tuned for more updates!"), Line: line, Column: col})
		var b bytes.Buffer
		r := New("sarif", &b)
		_ = r.Start(testRunInfo())
		_ = r.Document(res)
		_ = r.Finish(Summary{})
		var out []string
		for _, r := range decodeSARIF(t, b.Bytes()).Runs[0].Results {
			out = append(out, r.PartialFingerprints[fingerprintKey])
		}
		return out
	}
	before := fingerprints(body)
	after := fingerprints("A new first paragraph.\n\n" + strings.ReplaceAll(body, "updates!", "updates!  "))
	if len(before) != 2 || len(after) != 2 {
		t.Fatalf("want two results each, got %v and %v", before, after)
	}
	if before[0] == before[1] {
		t.Errorf("identical spans share a fingerprint: %v", before)
	}
	if before[0] != after[0] || before[1] != after[1] {
		t.Errorf("fingerprints changed when lines moved: %v vs %v", before, after)
	}
}

// JSONL articles point at their file, with the id as a property; a failing
// article with no located finding still yields a result at line 1.
func TestSARIFUsesFilePathAndReportsUnlocatedFail(t *testing.T) {
	var b bytes.Buffer
	r := New("sarif", &b)
	info := testRunInfo()
	info.WorkDir = "/repo"
	_ = r.Start(info)
	_ = r.Document(&analysis.Result{ID: "a-7", Path: "/repo/wire/batch.jsonl", Verdict: analysis.VerdictFail, Score: 88,
		Findings: []analysis.Finding{{Rule: "TP001", Severity: analysis.Warning, Message: "m", Text: "x", Line: 4, Column: 9}}})
	_ = r.Document(&analysis.Result{ID: "a-8", Path: "/repo/wire/batch.jsonl", Verdict: analysis.VerdictFail, Score: 80})
	_ = r.Document(&analysis.Result{ID: "wire/ok.md", Path: "wire/ok.md", Verdict: analysis.VerdictPass})
	if err := r.Finish(Summary{}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, sarifSchema(t), b.Bytes())
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Properties struct{ Article string }
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, res.RuleID+" "+loc.ArtifactLocation.URI+":"+itoa(loc.Region.StartLine)+":"+itoa(loc.Region.StartColumn)+" "+res.Properties.Article)
	}
	want := []string{"TP001 wire/batch.jsonl:4:9 a-7", "CD000 wire/batch.jsonl:1:1 a-8"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("results\n got %q\nwant %q", got, want)
	}
}
