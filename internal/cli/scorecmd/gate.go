package scorecmd

import (
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features/fabrication"
	"github.com/copydesk/copydesk/internal/report"
)

// gate stands between the pipeline and the reporter: it hides findings
// below --min-severity, counts what was reported (an interrupted run's
// summary, --fail-on N), and, once the report is finished, drops whatever
// an abandoned article still delivers, so the output stays well-formed.
type gate struct {
	mu          sync.Mutex
	rep         report.Reporter
	closed      bool
	minSeverity analysis.Severity
	failScore   int // --fail-on N: count articles scoring N or more
	atOrAbove   int
	// stale counts articles dated after the knowledge base: the run says
	// once how to refresh it.
	stale int
	sum   report.Summary
}

func (g *gate) Start(info report.RunInfo) error { return g.rep.Start(info) }

func (g *gate) Document(res *analysis.Result) error {
	g.hide(res)
	return g.write(res, func() error { return g.rep.Document(res) })
}

// hide drops the findings below --min-severity.
func (g *gate) hide(res *analysis.Result) {
	if g.minSeverity > analysis.Info {
		config.MinSeverity(res, g.minSeverity)
	}
}

// write counts the article and, unless the report is finished, writes it.
func (g *gate) write(res *analysis.Result, write func() error) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil
	}
	g.sum.Articles++
	switch {
	case res.Failed():
		g.sum.Errors++
	case res.Verdict == analysis.VerdictFail:
		g.sum.Failed++
	case res.Verdict == analysis.VerdictWarn:
		g.sum.Warned++
	default:
		g.sum.Passed++
	}
	if g.failScore > 0 && !res.Failed() && res.Score >= g.failScore {
		g.atOrAbove++
	}
	for _, n := range res.Notes {
		if strings.HasPrefix(n, fabrication.StaleKnowledgeNote) {
			g.stale++
			break
		}
	}
	return write()
}

// reporter is what the pipeline writes to: the gate, able to encode on the
// pipeline's workers when its reporter can.
func (g *gate) reporter() report.Reporter {
	if e, ok := g.rep.(report.Encoder); ok {
		return &encodingGate{g, e}
	}
	return g
}

// encodingGate is the gate over a reporter that encodes apart from writing.
type encodingGate struct {
	*gate
	enc report.Encoder
}

// Encode hides the findings below --min-severity and has the reporter
// prepare the article's output; the pipeline calls it on its workers.
func (g *encodingGate) Encode(res *analysis.Result) (report.Encoded, error) {
	g.hide(res)
	return g.enc.Encode(res)
}

// WriteEncoded counts the article and writes it, in input order.
func (g *encodingGate) WriteEncoded(res *analysis.Result, e report.Encoded) error {
	return g.write(res, func() error { return g.enc.WriteEncoded(res, e) })
}

// Finish is the pipeline's call; the command finishes the report itself
// (finish), so an abandoned pipeline cannot finish it twice.
func (g *gate) Finish(report.Summary) error { return nil }

func (g *gate) finish(sum report.Summary) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil
	}
	g.closed = true
	return g.rep.Finish(sum)
}

// counts is the summary of what was reported so far.
func (g *gate) counts() report.Summary {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.sum
}

// openStepSummary appends to $GITHUB_STEP_SUMMARY when it is set, and
// links findings to the commit being checked when the runner says which.
func openStepSummary(info *report.RunInfo) (*os.File, func(), error) {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil, nil, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, err
	}
	info.StepSummary = f
	server, repo, sha := os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA")
	if server != "" && repo != "" && sha != "" && !strings.ContainsAny(repo+sha, " \n") {
		info.LinkBase = fmt.Sprintf("%s/%s/blob/%s/", strings.TrimSuffix(server, "/"), repo, sha)
	}
	return f, func() { f.Close() }, nil
}
