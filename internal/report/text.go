package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/analysis"
)

func init() { Register("text", func(w io.Writer) Reporter { return &textReporter{w: w} }) }

// idColumn is the width ids are padded to on summary lines, so the scores of
// a stream of articles with ordinary path lengths line up without buffering.
const idColumn = 28

// textReporter writes what an editor at a terminal reads: one summary line
// per article, then its findings as path:line:col lines (which terminals and
// editors turn into links), the people it could not vouch for, and notes.
type textReporter struct {
	w    io.Writer
	info RunInfo
	p    painter
}

func (r *textReporter) Start(info RunInfo) error {
	r.info = info
	r.p = painter(info.Color)
	return nil
}

func (r *textReporter) Document(res *analysis.Result) error { return documentVia(r, res) }

func (r *textReporter) WriteEncoded(_ *analysis.Result, e Encoded) error {
	return writeAll(r.w, "text", e.bytes)
}

func (r *textReporter) Encode(res *analysis.Result) (Encoded, error) {
	var b bytes.Buffer
	if res.Failed() {
		fmt.Fprintf(&b, "%s: %s %s\n", printableName(res.ID), r.p.paint(ansiBoldRed, "error:"), oneLine(res.Error))
		return Encoded{bytes: b.Bytes()}, nil
	}
	r.summaryLine(&b, res)
	if !r.info.Quiet {
		details := b.Len()
		r.explanation(&b, res)
		r.findings(&b, res)
		r.people(&b, res)
		r.quotes(&b, res)
		r.notes(&b, res)
		if b.Len() > details {
			b.WriteByte('\n')
		}
	}
	return Encoded{bytes: b.Bytes()}, nil
}

func (r *textReporter) Finish(sum Summary) error {
	return writeAll(r.w, "text", []byte(batchLine(sum, r.p)+"\n"))
}

// summaryLine: id, verdict, overall score, the four dimensions, title.
func (r *textReporter) summaryLine(b *bytes.Buffer, res *analysis.Result) {
	b.WriteString(padRight(printableName(res.ID), idColumn))
	b.WriteString("  ")
	b.WriteString(r.verdict(res.Verdict))
	fmt.Fprintf(b, " %3d", res.Score)
	for _, d := range analysis.Dimensions {
		fmt.Fprintf(b, "  %s %3d", d, res.Dimensions.Get(d))
	}
	if t := oneLine(res.Title); t != "" {
		b.WriteString("  ")
		b.WriteString(r.p.paint(ansiBold, t))
	}
	b.WriteByte('\n')
}

func (r *textReporter) verdict(v analysis.Verdict) string {
	s := padRight(strings.ToUpper(string(v)), 4)
	switch v {
	case analysis.VerdictFail:
		return r.p.paint(ansiBoldRed, s)
	case analysis.VerdictWarn:
		return r.p.paint(ansiYellow, s)
	case analysis.VerdictPass:
		return r.p.paint(ansiGreen, s)
	}
	return s
}

func (r *textReporter) explanation(b *bytes.Buffer, res *analysis.Result) {
	if e := oneLine(res.Explanation); e != "" {
		fmt.Fprintf(b, "  %s\n", e)
	}
}

// findings prints one aligned line per finding; evidence, when a rule gives
// it, goes on the next line under the message.
func (r *textReporter) findings(b *bytes.Buffer, res *analysis.Result) {
	if len(res.Findings) == 0 {
		return
	}
	path := printableName(inputPath(res, r.info.WorkDir))
	locs := make([]string, len(res.Findings))
	locW, ruleW := 0, 0
	for i := range res.Findings {
		f := &res.Findings[i]
		line, col := startPosition(f)
		locs[i] = fmt.Sprintf("%s:%d:%d", path, line, col)
		locW = max(locW, utf8.RuneCountInString(locs[i]))
		ruleW = max(ruleW, len(f.Rule))
	}
	const sevW = len("warning")
	for i := range res.Findings {
		f := &res.Findings[i]
		msg := oneLine(f.Message)
		if f.OutsideMain {
			msg += " (outside main text)"
		}
		fmt.Fprintf(b, "%s  %s  %s  %s  %s\n",
			padRight(locs[i], locW), r.p.paint(ansiBold, f.Rule)+strings.Repeat(" ", ruleW-len(f.Rule)),
			r.severity(f.Severity, sevW), msg,
			quoteSpan(findingSpan(res, f)))
		if ev := oneLine(f.Evidence); ev != "" {
			indent := strings.Repeat(" ", locW+2+ruleW+2+sevW+2)
			fmt.Fprintf(b, "%s%s %s\n", indent, r.p.paint(ansiDim, "evidence:"), ev)
		}
	}
}

func (r *textReporter) severity(s analysis.Severity, width int) string {
	name := s.String()
	pad := strings.Repeat(" ", max(width-len(name), 0))
	switch s {
	case analysis.Error:
		return r.p.paint(ansiRed, name) + pad
	case analysis.Warning:
		return r.p.paint(ansiYellow, name) + pad
	}
	return r.p.paint(ansiCyan, name) + pad
}

// people lists the names copydesk could not vouch for, and the people a
// reference article corroborates or contradicts (with that article):
// verified and neutral entities are in the JSON output but would be noise
// here.
func (r *textReporter) people(b *bytes.Buffer, res *analysis.Result) {
	for _, e := range res.Entities {
		var status string
		switch {
		case e.Status == analysis.Contradicted:
			status = r.p.paint(ansiRed, string(e.Status))
		case e.Status == analysis.Unverifiable:
			status = r.p.paint(ansiYellow, string(e.Status))
		case e.Reference != nil:
			status = r.p.paint(ansiGreen, string(e.Status))
		default:
			continue
		}
		fmt.Fprintf(b, "  person  %s: %s", describePerson(e), status)
		if ev := oneLine(e.Evidence); ev != "" {
			fmt.Fprintf(b, " — %s", ev)
		}
		if ref := e.Reference; ref != nil && !strings.Contains(e.Evidence, ref.ID) {
			fmt.Fprintf(b, " (reference %s)", describeReference(ref))
		}
		b.WriteByte('\n')
	}
}

// quotes lists every quote the reference coverage checked, with its
// provenance and the reference passage; quotes found altered or
// misattributed are painted as warnings. Nothing is printed when no
// coverage of the story was found.
func (r *textReporter) quotes(b *bytes.Buffer, res *analysis.Result) {
	for _, q := range checkedQuotes(res) {
		status := string(q.Provenance)
		switch q.Provenance {
		case analysis.Altered, analysis.Misattributed:
			status = r.p.paint(ansiYellow, status)
		case analysis.Verbatim:
			status = r.p.paint(ansiGreen, status)
		}
		fmt.Fprintf(b, "  quote   %s\n", quoteLine(q, status))
		if ref := q.Reference; ref != nil && ref.Passage != "" && q.Provenance != analysis.Verbatim {
			fmt.Fprintf(b, "          %s %s\n", r.p.paint(ansiDim, "reference reads:"), quoteSpan(ref.Passage))
		}
	}
}

// describePerson renders "Name, role, affiliation" with empty parts left out.
func describePerson(e analysis.Entity) string {
	parts := []string{oneLine(e.Name)}
	for _, s := range []string{e.Role, e.Affiliation} {
		if s = oneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func (r *textReporter) notes(b *bytes.Buffer, res *analysis.Result) {
	for _, n := range res.Notes {
		fmt.Fprintf(b, "  %s    %s\n", r.p.paint(ansiDim, "note"), oneLine(n))
	}
}

// oneLine collapses whitespace so a value cannot break the line layout.
// It also makes the value printable.
func oneLine(s string) string { return printable(strings.Join(strings.Fields(s), " ")) }

// padRight pads s with spaces to width code points.
func padRight(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
