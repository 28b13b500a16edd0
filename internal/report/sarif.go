package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/copydesk/copydesk/internal/analysis"
)

func init() { Register("sarif", func(w io.Writer) Reporter { return &sarifReporter{w: w} }) }

const (
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	informationURI = "https://github.com/copydesk/copydesk"
	// fingerprintKey names copydesk's own partial fingerprint; the "/v1"
	// lets the recipe change later without colliding with old alerts.
	fingerprintKey = "copydeskSpanHash/v1"
)

// sarifReporter writes one SARIF run for the batch at Finish, in the shape
// GitHub code scanning accepts. Results are encoded as documents arrive and
// their bytes spilled (to a temporary file past spillLimit), so neither the
// article texts nor the results are held in memory.
type sarifReporter struct {
	w         io.Writer
	info      RunInfo
	rules     []sarifRule
	ruleIndex map[string]int
	results   spill // the encoded results, each after ",\n" and its indent
	nresults  int
	failures  []sarifNotification
}

func (r *sarifReporter) Start(info RunInfo) error {
	r.info = info
	r.ruleIndex = map[string]int{}
	r.rules = []sarifRule{}
	if info.Rules != nil {
		for i, rule := range info.Rules.All() {
			r.rules = append(r.rules, sarifRuleFor(rule))
			r.ruleIndex[rule.ID] = i
		}
	}
	r.rules = append(r.rules, verdictRule())
	return nil
}

func (r *sarifReporter) Document(res *analysis.Result) error { return documentVia(r, res) }

func (r *sarifReporter) WriteEncoded(_ *analysis.Result, e Encoded) error {
	if n, ok := e.more.(*sarifNotification); ok {
		r.failures = append(r.failures, *n)
	}
	if len(e.bytes) == 0 {
		return nil
	}
	if r.nresults == 0 {
		r.results.write(e.bytes[1:]) // the first result follows "[" without a comma
	} else {
		r.results.write(e.bytes)
	}
	r.nresults++
	return nil
}

// sarifResultIndent is the indent of a result in the log: it sits in
// runs[0].results.
const sarifResultIndent = "        "

// Encode encodes the article's results as they will stand in the log,
// each after ",\n" and its indent.
func (r *sarifReporter) Encode(res *analysis.Result) (Encoded, error) {
	path := inputPath(res, r.info.WorkDir)
	uri := artifactURI(path)
	if res.Failed() {
		return Encoded{more: &sarifNotification{
			Level:   "error",
			Message: sarifText{Text: res.ID + ": " + res.Error},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
			}}},
		}}, nil
	}
	var b, compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	add := func(out *sarifResult) error {
		compact.Reset()
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("encode sarif result for %s: %w", res.ID, err)
		}
		b.WriteString(",\n" + sarifResultIndent)
		return json.Indent(&b, bytes.TrimRight(compact.Bytes(), "\n"), sarifResultIndent, "  ")
	}
	seen := map[string]int{} // fingerprint → occurrences so far in this article
	for i := range res.Findings {
		f := &res.Findings[i]
		span := findingSpan(res, f)
		line, col := startPosition(f)
		endLine, endCol := endPosition(f, span)
		fp := spanFingerprint(f.Rule, res.ID, span)
		seen[fp]++
		out := sarifResult{
			RuleID:  f.Rule,
			Level:   sarifLevel(f.Severity),
			Message: sarifText{Text: sarifMessage(f)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
				Region: &sarifRegion{
					StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol,
					Snippet: &sarifText{Text: span},
				},
			}}},
			// The occurrence count keeps two identical spans in one
			// article apart, as GitHub's own line hashes do.
			PartialFingerprints: map[string]string{fingerprintKey: fmt.Sprintf("%s:%d", fp, seen[fp])},
			// A coverage finding names its reference articles.
			RelatedLocations: sarifReferences(f.References),
			Properties: &sarifResultProps{
				Dimension: string(f.Dimension), OutsideMainText: f.OutsideMain,
				References: f.References,
			},
		}
		if res.ID != path {
			out.Properties.Article = res.ID // path#N or a JSONL id: say which item of the file
		}
		if idx, ok := r.ruleIndex[f.Rule]; ok {
			out.RuleIndex = &idx
		}
		if err := add(&out); err != nil {
			return Encoded{}, err
		}
	}
	// A failing or warned article whose findings have no line (or that has
	// none: the score rests on signals that are not findings) still gets
	// one result, at its first line, so code scanning shows the verdict.
	if level := verdictLevel(res.Verdict); level != "" && !hasLocatedFinding(res) {
		out := sarifResult{
			RuleID:  verdictRuleID,
			Level:   level,
			Message: sarifText{Text: verdictTitle(res) + ": " + dimensionList(res)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: uri},
				Region:           &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 2},
			}}},
			PartialFingerprints: map[string]string{fingerprintKey: spanFingerprint(verdictRuleID, res.ID, "") + ":1"},
			Properties:          &sarifResultProps{},
		}
		if res.ID != path {
			out.Properties.Article = res.ID
		}
		idx := len(r.rules) - 1
		out.RuleIndex = &idx
		if err := add(&out); err != nil {
			return Encoded{}, err
		}
	}
	return Encoded{bytes: bytes.Clone(escapeBidiJSON(b.Bytes()))}, nil // no spare capacity: the batch may hold it to the end
}

// verdictRuleID is the SARIF rule of an article's verdict when no finding
// carries it.
const verdictRuleID = "CD000"

func verdictRule() sarifRule {
	const title = "article verdict"
	doc := "The article's overall score reached the warn or fail threshold. The findings, where there are any, say why; when the score rests on signals that are not findings (the statistical model's reading of the whole text), this result stands at the article's first line. `copydesk score --format text FILE` shows the dimension scores and explanation."
	return sarifRule{
		ID: verdictRuleID, Name: "ArticleVerdict",
		ShortDescription: sarifText{Text: title}, FullDescription: sarifText{Text: doc},
		Help:                 sarifHelp{Text: doc, Markdown: doc},
		DefaultConfiguration: sarifRuleConfig{Level: "error"},
		Properties:           sarifRuleProperty{Dimension: "overall", Tags: []string{"copydesk", "verdict"}},
	}
}

func (r *sarifReporter) Finish(sum Summary) error {
	log := sarifLog{
		Schema:  sarifSchemaURI,
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: "copydesk", Version: r.info.Version, InformationURI: informationURI, Rules: r.rules,
			}},
			Invocations: []sarifInvocation{r.invocation(sum)},
			Results:     []sarifResult{}, // the spilled results go in here
			ColumnKind:  "unicodeCodePoints",
		}},
	}
	defer r.results.close()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encode sarif report: %w", err)
	}
	r.failures = nil
	out := escapeBidiJSON(b.Bytes())
	if r.nresults == 0 {
		return writeAll(r.w, "sarif", out)
	}
	// The results array is the only place "results": [] can stand at
	// this indent (a string cannot hold a newline).
	const empty = "\n      \"results\": []"
	i := bytes.Index(out, []byte(empty))
	if i < 0 {
		return fmt.Errorf("encode sarif report: no results array")
	}
	head, tail := out[:i+len(empty)-1], out[i+len(empty)-1:]
	if _, err := r.w.Write(head); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	if err := r.results.writeTo(r.w); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return writeAll(r.w, "sarif", append([]byte("\n      "), tail...))
}

func (r *sarifReporter) invocation(sum Summary) sarifInvocation {
	inv := sarifInvocation{
		ExecutionSuccessful:        len(r.failures) == 0 && !sum.Interrupted,
		ToolExecutionNotifications: r.failures,
	}
	if sum.Interrupted {
		inv.ExitSignalName = "interrupted"
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{Text: "interrupted: only the articles finished before the run was stopped are reported"},
		})
	}
	if r.info.Config != "" {
		inv.Properties = &sarifInvocationProps{Config: r.info.Config}
	}
	return inv
}

func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.Error:
		return "error"
	case analysis.Warning:
		return "warning"
	}
	return "note"
}

// sarifMessage is the finding's message with its evidence, which code
// scanning otherwise has no place to show.
func sarifMessage(f *analysis.Finding) string {
	msg := strings.TrimSpace(f.Message)
	if msg == "" {
		msg = f.Rule
	}
	if ev := strings.TrimSpace(f.Evidence); ev != "" {
		msg += "\nEvidence: " + ev
	}
	return msg
}

// sarifReferences names a coverage finding's reference articles as
// related locations (see referenceLine).
func sarifReferences(refs []analysis.Reference) []sarifRelated {
	var out []sarifRelated
	for i := range refs {
		out = append(out, sarifRelated{ID: i + 1, Message: sarifText{Text: "reference " + referenceLine(&refs[i])}})
	}
	return out
}

// spanFingerprint hashes what identifies a finding independently of where
// it sits: rule, article and the span's words (whitespace normalised, so
// rewrapping a paragraph keeps the alert).
func spanFingerprint(rule, docID, span string) string {
	h := sha256.New()
	h.Write([]byte(rule))
	h.Write([]byte{0})
	h.Write([]byte(docID))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(span), " ")))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func sarifRuleFor(rule analysis.Rule) sarifRule {
	title := strings.TrimSpace(rule.Title)
	if title == "" {
		title = rule.ID
	}
	doc := strings.TrimSpace(rule.Doc)
	full := firstParagraph(doc)
	if full == "" {
		full = title
	}
	return sarifRule{
		ID:                   rule.ID,
		Name:                 pascalCase(title),
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		Help:                 ruleHelp(rule, title, doc),
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(rule.Severity)},
		Properties: sarifRuleProperty{
			Dimension: string(rule.Dimension),
			Tags:      []string{"copydesk", string(rule.Dimension)},
		},
	}
}

// ruleHelp is what `copydesk explain` prints, as plain text and Markdown.
func ruleHelp(rule analysis.Rule, title, doc string) sarifHelp {
	example := strings.TrimSpace(rule.Example)
	var text, md strings.Builder
	text.WriteString(title)
	fmt.Fprintf(&md, "**%s: %s**\n\nDimension: %s. Default severity: %s.", rule.ID, title, rule.Dimension, rule.Severity)
	if doc != "" {
		text.WriteString("\n\n" + doc)
		md.WriteString("\n\n" + doc)
	}
	if example != "" {
		text.WriteString("\n\nExample:\n" + example)
		md.WriteString("\n\n**Example**\n")
		for _, line := range strings.Split(example, "\n") {
			md.WriteString("\n> " + line)
		}
	}
	return sarifHelp{Text: text.String(), Markdown: md.String()}
}

func firstParagraph(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// pascalCase makes a SARIF rule name from a title: "Stock closing phrase"
// becomes "StockClosingPhrase".
func pascalCase(title string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(title, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		rs := []rune(word)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}
