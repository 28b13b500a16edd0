package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

func init() { Register("github", func(w io.Writer) Reporter { return &githubReporter{w: w} }) }

// annotationLimit is how many annotations of each level (error, warning,
// notice) the Actions runner shows for one step; it drops the rest.
const annotationLimit = 10

// githubReporter prints GitHub Actions workflow commands, which the runner
// turns into annotations on the files of a pull request
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
// The runner shows only the first ten of each level per step, so the
// annotations are held until the end, ranked (errors first, then the
// articles that score highest), cut to what the runner shows, and the
// number left out is said on the last line. With RunInfo.StepSummary set,
// a Markdown table of the batch goes there too.
type githubReporter struct {
	w     io.Writer
	info  RunInfo
	anns  []annotation   // the best-ranked so far: a bounded list
	total map[string]int // annotations made, per level
	seq   int
	rows  []summaryRow // the worst articles so far: a bounded list
	nrows int
}

// annotation is one workflow command, with what it is ranked by.
type annotation struct {
	level   string // error, warning, notice
	score   int    // the article's overall score (unreadable: 101)
	dimen   int    // the finding's dimension score
	seq     int    // order of arrival, for a stable tie-break
	command []byte
}

func (r *githubReporter) Start(info RunInfo) error {
	r.info = info
	r.total = map[string]int{}
	return nil
}

// githubArticle is what one article contributes: its annotations and its
// step-summary row.
type githubArticle struct {
	anns  []annotation   // the article's best annotationLimit of each level
	total map[string]int // annotations made, per level
	row   *summaryRow
}

// annotate makes one annotation of the article.
func (a *githubArticle) annotate(level string, score, dimen int, props []property, message string) {
	var b bytes.Buffer
	writeCommand(&b, level, props, message)
	a.anns = append(a.anns, annotation{level: level, score: score, dimen: dimen, command: b.Bytes()})
	if a.total == nil {
		a.total = map[string]int{}
	}
	a.total[level]++
}

// add keeps an annotation if it may rank among the ones shown. Only the
// best annotationLimit of each level can be printed, so the list is cut
// back whenever it grows past a few times that: memory stays flat however
// long the batch.
func (r *githubReporter) add(a annotation) {
	r.seq++
	a.seq = r.seq
	r.anns = append(r.anns, a)
	if len(r.anns) > 8*annotationLimit {
		r.anns = bestAnnotations(r.anns)
	}
}

var levelRank = map[string]int{"error": 0, "warning": 1, "notice": 2}

// bestAnnotations ranks anns (errors first, then the highest-scoring
// articles, then the finding's dimension score, then arrival) and keeps
// the first annotationLimit of each level.
func bestAnnotations(anns []annotation) []annotation {
	slices.SortStableFunc(anns, func(a, b annotation) int {
		return cmp.Or(
			cmp.Compare(levelRank[a.level], levelRank[b.level]),
			cmp.Compare(b.score, a.score),
			cmp.Compare(b.dimen, a.dimen),
			cmp.Compare(a.seq, b.seq))
	})
	kept := anns[:0]
	n := map[string]int{}
	for _, a := range anns {
		if n[a.level] < annotationLimit {
			n[a.level]++
			kept = append(kept, a)
		}
	}
	return slices.Clip(kept)
}

func (r *githubReporter) Document(res *analysis.Result) error { return documentVia(r, res) }

func (r *githubReporter) WriteEncoded(_ *analysis.Result, e Encoded) error {
	art := e.more.(*githubArticle)
	if art.row != nil {
		r.rows = append(r.rows, *art.row)
		r.nrows++
		if len(r.rows) > 4*summaryRows {
			r.rows = worstRows(r.rows)
		}
	}
	for level, n := range art.total {
		r.total[level] += n
	}
	for _, a := range art.anns {
		r.add(a)
	}
	return nil
}

func (r *githubReporter) Encode(res *analysis.Result) (Encoded, error) {
	art := &githubArticle{}
	path := inputPath(res, r.info.WorkDir)
	if r.info.StepSummary != nil {
		row := newSummaryRow(res, path)
		art.row = &row
	}
	if res.Failed() {
		art.annotate("error", 101, 0, []property{{"file", path}, {"title", "unreadable input"}}, res.ID+": "+res.Error)
		return Encoded{more: art}, nil
	}
	// A failing or warned article gets a file-level annotation with its
	// scores, so a CI gate that fails on the verdict always says why, even
	// when the score rests on signals that are not findings.
	if level := verdictLevel(res.Verdict); level != "" {
		props := []property{{"file", path}}
		if !hasLocatedFinding(res) {
			props = append(props, property{"line", "1"})
		}
		props = append(props, property{"title", verdictTitle(res)})
		art.annotate(level, res.Score, 100, props, articleLabel(res, path)+dimensionList(res))
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		span := findingSpan(res, f)
		line, col := startPosition(f)
		endLine, endCol := endPosition(f, span)
		props := []property{{"file", path}, {"line", itoa(line)}, {"col", itoa(col)}, {"endLine", itoa(endLine)}}
		// Columns only mean something to GitHub on a one-line range.
		if endLine == line {
			props = append(props, property{"endColumn", itoa(endCol)})
		}
		props = append(props, property{"title", f.Rule})
		msg := articleLabel(res, path) + strings.TrimSpace(f.Message) + ": " + quoteSpan(span)
		switch ev := strings.TrimSpace(f.Evidence); {
		case len(f.References) > 0:
			// A coverage finding: the reference articles say more than
			// the evidence line, which lists the same articles.
			for i := range f.References {
				msg += "\nReference: " + referenceLine(&f.References[i])
			}
		case ev != "":
			msg += "\nEvidence: " + ev
		}
		art.annotate(githubLevel(f.Severity), res.Score, res.Dimensions.Get(f.Dimension), props, msg)
	}
	// Within one article arrival order is the tie-break too, so what is
	// not among its own best of a level cannot be among the batch's.
	art.anns = bestAnnotations(art.anns)
	return Encoded{more: art}, nil
}

// articleLabel names the article in a message when the file holds several
// (JSONL, feeds): "[a-7] ".
func articleLabel(res *analysis.Result, path string) string {
	if res.ID == "" || res.ID == path || res.ID == res.Path || strings.HasPrefix(res.ID, res.Path+"#") {
		return ""
	}
	return "[" + res.ID + "] "
}

func hasLocatedFinding(res *analysis.Result) bool {
	for _, f := range res.Findings {
		if f.Line > 0 {
			return true
		}
	}
	return false
}

func (r *githubReporter) Finish(sum Summary) error {
	var b bytes.Buffer
	shown := map[string]int{}
	for _, a := range bestAnnotations(r.anns) {
		shown[a.level]++
		b.Write(a.command)
	}
	hidden := map[string]int{}
	for level, n := range r.total {
		hidden[level] = n - shown[level]
	}
	if n := hidden["error"] + hidden["warning"] + hidden["notice"]; n > 0 {
		fmt.Fprintf(&b, "copydesk: %s not shown (the runner shows %d errors, %d warnings and %d notices per step): %d errors, %d warnings, %d notices; the step summary and --format sarif have them all\n",
			plural(n, "more annotation"), annotationLimit, annotationLimit, annotationLimit, hidden["error"], hidden["warning"], hidden["notice"])
	}
	b.WriteString("copydesk: " + batchLine(sum, false) + "\n")
	r.anns = nil
	if r.info.StepSummary != nil {
		if err := writeAll(r.info.StepSummary, "step summary", stepSummary(r.rows, r.nrows, sum, r.info.LinkBase)); err != nil {
			return err
		}
	}
	return writeAll(r.w, "github", b.Bytes())
}

type property struct{ key, value string }

// writeCommand writes "::level k=v,k=v::message" with the escaping the
// Actions runner undoes: message data escapes %, CR and LF; property values
// also escape ":" and "," which would otherwise end the value. Control
// characters from article text are neutralised first (the log renders ANSI).
func writeCommand(b *bytes.Buffer, level string, props []property, message string) {
	b.WriteString("::")
	b.WriteString(level)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p.key)
		b.WriteByte('=')
		b.WriteString(escapeProperty(printable(p.value)))
	}
	b.WriteString("::")
	b.WriteString(escapeData(printable(message)))
	b.WriteByte('\n')
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

func githubLevel(s analysis.Severity) string {
	switch s {
	case analysis.Error:
		return "error"
	case analysis.Warning:
		return "warning"
	}
	return "notice"
}

func verdictLevel(v analysis.Verdict) string {
	switch v {
	case analysis.VerdictFail:
		return "error"
	case analysis.VerdictWarn:
		return "warning"
	}
	return ""
}

func verdictTitle(res *analysis.Result) string {
	return fmt.Sprintf("copydesk %s, score %d", res.Verdict, res.Score)
}

// dimensionList reads "boilerplate 90, templated 75, attribution 60,
// fabrication 95 (Title)".
func dimensionList(res *analysis.Result) string {
	parts := make([]string, 0, len(analysis.Dimensions))
	for _, d := range analysis.Dimensions {
		parts = append(parts, fmt.Sprintf("%s %d", d, res.Dimensions.Get(d)))
	}
	s := strings.Join(parts, ", ")
	if t := oneLine(res.Title); t != "" {
		s += " (" + t + ")"
	}
	return s
}
