// Package report writes analysed articles in the formats users ask for.
// Reporters never recompute anything: they format analysis.Result values.
package report

import (
	"io"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
)

// RunInfo describes the run, given to a reporter before the first article.
type RunInfo struct {
	Version string
	Rules   *analysis.RuleIndex
	// Color enables ANSI colour (text format on a terminal, no NO_COLOR).
	Color bool
	// Quiet prints per-article summaries only (text format).
	Quiet bool
	// KnowledgeAsOf is the date the knowledge base is current to.
	KnowledgeAsOf string
	// WorkDir is the working directory: absolute input paths below it are
	// reported relative to it (SARIF, GitHub, text). "" leaves paths as given.
	WorkDir string
	// Config is the configuration file that applied ("" for none).
	Config string
	// StepSummary, when set, receives a Markdown summary of the run
	// (github format; $GITHUB_STEP_SUMMARY).
	StepSummary io.Writer
	// LinkBase, when set, is the URL prefix of a file at the commit being
	// checked (https://github.com/OWNER/REPO/blob/SHA/); the step summary
	// links findings to it.
	LinkBase string
}

// Summary is given to a reporter after the last article.
type Summary struct {
	Articles int
	Passed   int
	Warned   int
	Failed   int
	Errors   int // inputs that could not be read
	Elapsed  time.Duration
	// Interrupted is set when the run was stopped (SIGINT, SIGTERM) before
	// every input was read: the report holds the articles finished so far.
	Interrupted bool
}

// Reporter writes results. Document is called once per article in input
// order; streaming formats write it at once.
type Reporter interface {
	Start(info RunInfo) error
	Document(res *analysis.Result) error
	Finish(sum Summary) error
}

// Factory makes a reporter writing to w.
type Factory func(w io.Writer) Reporter

var formats = map[string]Factory{}

// Register makes a format available by name; called from init in each
// format's file.
func Register(name string, f Factory) { formats[name] = f }

// New returns the reporter for format, or nil when there is none.
func New(format string, w io.Writer) Reporter {
	if f, ok := formats[format]; ok {
		return f(w)
	}
	return nil
}
