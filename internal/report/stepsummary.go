package report

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

// The GitHub step summary: a Markdown table of the batch, worst first,
// with each article's top findings linked to their lines.
const (
	summaryRows     = 100 // articles listed; the rest are counted
	summaryFindings = 3   // findings listed per article
)

type summaryRow struct {
	path, id string
	verdict  analysis.Verdict
	score    int
	dims     analysis.DimensionScores
	err      string
	top      []summaryFinding
}

type summaryFinding struct {
	rule     string
	severity analysis.Severity
	line     int
	message  string
}

func newSummaryRow(res *analysis.Result, path string) summaryRow {
	row := summaryRow{path: path, id: res.ID, verdict: res.Verdict, score: res.Score, dims: res.Dimensions, err: res.Error}
	fs := slices.Clone(res.Findings)
	slices.SortStableFunc(fs, func(a, b analysis.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	for _, f := range fs[:min(len(fs), summaryFindings)] {
		row.top = append(row.top, summaryFinding{rule: f.Rule, severity: f.Severity, line: max(f.Line, 1), message: f.Message})
	}
	return row
}

var verdictRank = map[analysis.Verdict]int{analysis.VerdictFail: 0, analysis.VerdictWarn: 1, analysis.VerdictPass: 2}

// worstRows sorts rows worst first (unreadable, fail, warn, pass; then by
// score) and keeps the summaryRows that can be listed.
func worstRows(rows []summaryRow) []summaryRow {
	slices.SortStableFunc(rows, func(a, b summaryRow) int {
		ra, rb := verdictRank[a.verdict], verdictRank[b.verdict]
		if a.err != "" {
			ra = -1
		}
		if b.err != "" {
			rb = -1
		}
		return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(b.score, a.score))
	})
	return slices.Clip(rows[:min(len(rows), summaryRows)])
}

// stepSummary renders the table of the worst rows out of total articles.
// Every input-derived string is escaped so it cannot open Markdown or HTML
// structure.
func stepSummary(rows []summaryRow, total int, sum Summary, linkBase string) []byte {
	rows = worstRows(rows)
	var b bytes.Buffer
	fmt.Fprintf(&b, "### copydesk: %s\n\n", batchLine(sum, false))
	if sum.Interrupted {
		b.WriteString("**Interrupted**: only the articles finished before the run was stopped are listed.\n\n")
	}
	b.WriteString("| article | verdict | score | boilerplate | templated | attribution | fabrication | top findings |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---|\n")
	for _, row := range rows {
		name := markdownLink(markdownText(row.path), linkBase, row.path, 0)
		if row.id != "" && row.id != row.path {
			name += " " + markdownText(row.id)
		}
		if row.err != "" {
			fmt.Fprintf(&b, "| %s | unreadable | | | | | | %s |\n", name, markdownText(row.err))
			continue
		}
		var top []string
		for _, f := range row.top {
			top = append(top, fmt.Sprintf("%s %s %s", markdownLink(f.rule+" line "+itoa(f.line), linkBase, row.path, f.line), f.severity, markdownText(excerpt(f.message))))
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %s |\n", name, row.verdict, row.score,
			row.dims.Boilerplate, row.dims.Templated, row.dims.Attribution, row.dims.Fabrication, strings.Join(top, "<br>"))
	}
	if total > len(rows) {
		fmt.Fprintf(&b, "\n%s more not listed.\n", plural(total-len(rows), "article"))
	}
	return b.Bytes()
}

// markdownLink links text to the file (and line) at linkBase; without a
// base it is the text alone.
func markdownLink(text, linkBase, path string, line int) string {
	if linkBase == "" || path == "" || strings.HasPrefix(path, "/") || strings.HasPrefix(path, "../") {
		return text
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	u := strings.TrimSuffix(linkBase, "/") + "/" + strings.Join(segs, "/")
	if line > 0 {
		u += "#L" + itoa(line)
	}
	return "[" + text + "](" + strings.NewReplacer("(", "%28", ")", "%29").Replace(u) + ")"
}

// markdownText makes input text inert in a Markdown table cell: one line,
// no control characters, HTML special characters as entities, and
// Markdown punctuation backslash-escaped.
var markdownEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", "|", "\\|", "\\", "\\\\", "`", "\\`",
	"*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "(", "\\(", ")", "\\)", "#", "\\#", "!", "\\!", "~", "\\~",
)

func markdownText(s string) string {
	return markdownEscaper.Replace(printableName(strings.Join(strings.Fields(s), " ")))
}
