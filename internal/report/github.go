package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/copydesk/copydesk/internal/analysis"
)

func init() { Register("github", func(w io.Writer) Reporter { return &githubReporter{w: w} }) }

// githubReporter prints GitHub Actions workflow commands, which the runner
// turns into annotations on the files of a pull request
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
type githubReporter struct{ w io.Writer }

func (r *githubReporter) Start(RunInfo) error { return nil }

func (r *githubReporter) Document(res *analysis.Result) error {
	var b bytes.Buffer
	path := inputPath(res)
	if res.Failed() {
		writeCommand(&b, "error", []property{{"file", path}, {"title", "unreadable input"}},
			res.ID+": "+res.Error)
		return writeAll(r.w, "github", b.Bytes())
	}
	// A failing or warned article gets a file-level annotation with its
	// scores, so a CI gate that fails on the verdict always says why, even
	// when the score rests on signals that are not findings.
	if level := verdictLevel(res.Verdict); level != "" {
		writeCommand(&b, level, []property{{"file", path}, {"title", verdictTitle(res)}}, dimensionList(res))
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
		msg := strings.TrimSpace(f.Message) + ": " + quoteSpan(span)
		if ev := strings.TrimSpace(f.Evidence); ev != "" {
			msg += "\nEvidence: " + ev
		}
		writeCommand(&b, githubLevel(f.Severity), props, msg)
	}
	return writeAll(r.w, "github", b.Bytes())
}

func (r *githubReporter) Finish(sum Summary) error {
	return writeAll(r.w, "github", []byte("copydesk: "+batchLine(sum, false)+"\n"))
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
