package htmlreport

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
)

// fixtureArticle is one hand-made article in testdata/articles.json: a
// Result whose spans are named by the words they cover.
type fixtureArticle struct {
	ID          string                   `json:"id"`
	Title       string                   `json:"title"`
	Source      string                   `json:"source"`
	Date        string                   `json:"date"`
	Score       int                      `json:"score"`
	Verdict     analysis.Verdict         `json:"verdict"`
	Dimensions  analysis.DimensionScores `json:"dimensions"`
	Explanation string                   `json:"explanation"`
	Notes       []string                 `json:"notes"`
	Sources     analysis.Sources         `json:"sources"`
	Error       string                   `json:"error"`
	Text        string                   `json:"text"`
	Findings    []struct {
		Rule       string             `json:"rule"`
		Dimension  analysis.Dimension `json:"dim"`
		Severity   analysis.Severity  `json:"sev"`
		Quote      string             `json:"quote"`
		Occurrence int                `json:"occurrence"`
		Whole      bool               `json:"whole"`
		Message    string             `json:"message"`
		Evidence   string             `json:"evidence"`
		Outside    bool               `json:"outside"`
	} `json:"findings"`
	Entities []struct {
		analysis.Entity
		Quote string `json:"quote"`
	} `json:"entities"`
}

// loadFixtures reads testdata/articles.json into results.
func loadFixtures(tb testing.TB) []*analysis.Result {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "articles.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var arts []fixtureArticle
	if err := json.Unmarshal(b, &arts); err != nil {
		tb.Fatalf("testdata/articles.json: %v", err)
	}
	var out []*analysis.Result
	for _, a := range arts {
		res := &analysis.Result{
			ID: a.ID, Title: a.Title, Source: a.Source, Date: a.Date, Score: a.Score,
			Verdict: a.Verdict, Dimensions: a.Dimensions, Explanation: a.Explanation,
			Notes: a.Notes, Sources: a.Sources, Error: a.Error, Text: a.Text,
			Findings: []analysis.Finding{}, Entities: []analysis.Entity{},
			Words: len(strings.Fields(a.Text)),
		}
		for _, f := range a.Findings {
			start, end := 0, 0
			if !f.Whole {
				var err error
				start, end, err = locate(a.Text, f.Quote, f.Occurrence)
				if err != nil {
					tb.Fatalf("%s: finding %s: %v", a.ID, f.Rule, err)
				}
			}
			line, col := position(a.Text, start)
			res.Findings = append(res.Findings, analysis.Finding{
				Rule: f.Rule, Dimension: f.Dimension, Severity: f.Severity, Message: f.Message,
				Text: a.Text[start:end], Start: start, End: end, Line: line, Column: col,
				Evidence: f.Evidence, OutsideMain: f.Outside,
			})
		}
		for _, e := range a.Entities {
			ent := e.Entity
			ent.Start, ent.End = -1, -1
			if e.Quote != "" {
				s, en, err := locate(a.Text, e.Quote, 1)
				if err != nil {
					tb.Fatalf("%s: person %s: %v", a.ID, e.Name, err)
				}
				ent.Start, ent.End = s, en
			}
			res.Entities = append(res.Entities, ent)
		}
		analysis.SortFindings(res.Findings)
		out = append(out, res)
	}
	return out
}

// locate finds the n-th (1-based; 0 means 1) occurrence of quote in text.
func locate(text, quote string, n int) (int, int, error) {
	if n == 0 {
		n = 1
	}
	from := 0
	for k := 1; ; k++ {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			return 0, 0, fmt.Errorf("quote %q (occurrence %d) not in text", quote, n)
		}
		if k == n {
			return from + i, from + i + len(quote), nil
		}
		from += i + len(quote)
	}
}

// position is the 1-based line and rune column of a byte offset.
func position(text string, off int) (int, int) {
	line := 1 + strings.Count(text[:off], "\n")
	lineStart := strings.LastIndex(text[:off], "\n") + 1
	return line, 1 + len([]rune(text[lineStart:off]))
}

// spannedFindings counts the findings the page can paint: those with a
// non-empty span inside the text.
func spannedFindings(res *analysis.Result) int {
	n := 0
	for _, f := range res.Findings {
		if f.Start >= 0 && f.End > f.Start && f.End <= len(res.Text) {
			n++
		}
	}
	return n
}
