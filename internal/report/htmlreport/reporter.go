// Package htmlreport writes a batch of analysed articles as one
// self-contained HTML page: a sortable, filterable overview of the batch and,
// for each article, its text with every finding painted on it, the list of
// findings and the people it names.
//
// The page has no external resources (styles, script and data are inline), so
// it works opened from disk or attached to an email. Article data is embedded
// as JSON in <script type="application/json"> blocks — encoding/json escapes
// <, > and &, so article text can never close the block — and the page's
// script renders it with DOM text APIs, never as markup. Each article's block
// is parsed only when the article is opened, so a batch of thousands opens at
// once.
package htmlreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/report"
)

func init() {
	report.Register("html", func(w io.Writer) report.Reporter { return New(w) })
}

// Reporter collects articles and writes the page when the run finishes: the
// overview needs every article before it can be written.
type Reporter struct {
	w    io.Writer
	info report.RunInfo
	// now stamps the page; tests set it for reproducible output.
	now func() time.Time

	rows     []overviewRow
	articles []template.JS // each article's JSON, marshalled as it arrives
	ruleIDs  map[string]bool
}

// New returns a reporter writing the page to w.
func New(w io.Writer) *Reporter {
	return &Reporter{w: w, now: time.Now, ruleIDs: map[string]bool{}}
}

// Start records the run's description for the page header.
func (r *Reporter) Start(info report.RunInfo) error {
	r.info = info
	return nil
}

// Document adds one article. Its payload is marshalled now so the reporter
// keeps compact bytes, not the whole result, for the rest of the run.
func (r *Reporter) Document(res *analysis.Result) error {
	payload, err := marshalForScript(newArticlePayload(res))
	if err != nil {
		return fmt.Errorf("html report: article %s: %w", res.ID, err)
	}
	r.rows = append(r.rows, newOverviewRow(res))
	r.articles = append(r.articles, payload)
	for _, f := range res.Findings {
		r.ruleIDs[f.Rule] = true
	}
	return nil
}

// pageMeta is the run-wide data block: header facts and the rules reported.
type pageMeta struct {
	Generated     string              `json:"generated"`
	Version       string              `json:"version,omitempty"`
	KnowledgeAsOf string              `json:"kb,omitempty"`
	Summary       summaryPayload      `json:"summary"`
	Dimensions    []string            `json:"dims"`
	Rules         map[string]ruleInfo `json:"rules"`
}

type summaryPayload struct {
	Articles int    `json:"articles"`
	Passed   int    `json:"pass"`
	Warned   int    `json:"warn"`
	Failed   int    `json:"fail"`
	Errors   int    `json:"error"`
	Elapsed  string `json:"elapsed,omitempty"`
}

type ruleInfo struct {
	Title     string `json:"t"`
	Dimension string `json:"dim"`
	Severity  string `json:"sev"`
}

// reportPage is what the template renders.
type reportPage struct {
	Title    string
	CSS      template.CSS
	JS       template.JS
	CSP      string
	Meta     template.JS
	Overview template.JS
	Articles []template.JS
}

// Finish writes the page.
func (r *Reporter) Finish(sum report.Summary) error {
	meta := pageMeta{
		Generated:     r.now().UTC().Format("2006-01-02 15:04 UTC"),
		Version:       r.info.Version,
		KnowledgeAsOf: r.info.KnowledgeAsOf,
		Summary: summaryPayload{
			Articles: sum.Articles, Passed: sum.Passed, Warned: sum.Warned,
			Failed: sum.Failed, Errors: sum.Errors,
		},
		Rules: map[string]ruleInfo{},
	}
	if sum.Elapsed > 0 {
		meta.Summary.Elapsed = sum.Elapsed.Round(time.Millisecond).String()
	}
	for _, d := range analysis.Dimensions {
		meta.Dimensions = append(meta.Dimensions, string(d))
	}
	if r.info.Rules != nil {
		ids := make([]string, 0, len(r.ruleIDs))
		for id := range r.ruleIDs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if rule, ok := r.info.Rules.Lookup(id); ok {
				meta.Rules[id] = ruleInfo{Title: rule.Title, Dimension: string(rule.Dimension), Severity: rule.Severity.String()}
			}
		}
	}
	metaJSON, err := marshalForScript(meta)
	if err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	rows := r.rows
	if rows == nil {
		rows = []overviewRow{}
	}
	overviewJSON, err := marshalForScript(rows)
	if err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	p := reportPage{
		Title:    pageTitle(len(r.rows)),
		CSS:      template.CSS(assets.css),
		JS:       template.JS(assets.js),
		CSP:      assets.csp,
		Meta:     metaJSON,
		Overview: overviewJSON,
		Articles: r.articles,
	}
	if err := assets.page.Execute(r.w, p); err != nil {
		return fmt.Errorf("html report: write: %w", err)
	}
	return nil
}

func pageTitle(n int) string {
	if n == 1 {
		return "copydesk report: 1 article"
	}
	return fmt.Sprintf("copydesk report: %d articles", n)
}

// marshalForScript returns v as JSON safe to place verbatim inside a
// <script type="application/json"> element. encoding/json already escapes
// <, > and & (and U+2028/U+2029) in strings; the check below makes that
// guarantee this package's own, so a future change of encoder cannot let
// article text write "</script>" into the page.
func marshalForScript(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	if bytes.ContainsAny(b, "<>&") {
		return "", fmt.Errorf("marshalled JSON contains an unescaped <, > or &")
	}
	return template.JS(report.EscapeJSONControls(b)), nil
}
