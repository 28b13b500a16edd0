package pipeline

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/report"
)

// ApplyStage finishes the stage results of one shard (`score
// --emit-keys`): each result gets the amendments filed under its id (ids
// made unique within the file as the key writer made them), then the
// policy, score and explanation of Complete, and is written as jsonl. The
// result is what a batch-mode run over the whole batch reports.
func ApplyStage(in io.Reader, out io.Writer, amendments map[string][]corpus.Amendment, opts Options) error {
	rep := report.New("jsonl", out)
	if err := rep.Start(report.RunInfo{}); err != nil {
		return err
	}
	seen := map[string]int{}
	err := corpus.EachJSONLine(in, func(b []byte) error {
		var res analysis.Result
		if err := json.Unmarshal(b, &res); err != nil {
			return err
		}
		FinishStage(&res, amendments[stageID(seen, &res)], opts)
		if err := rep.Document(&res); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return rep.Finish(report.Summary{})
}

// stageID is the id the key writer filed res under ("" for a failed
// article, which has no keys).
func stageID(seen map[string]int, res *analysis.Result) string {
	if res.Failed() {
		return ""
	}
	return corpus.ArticleID(seen, res.ID)
}

// FinishStage applies an article's amendments (in check order) to its
// stage result and completes it.
func FinishStage(res *analysis.Result, amendments []corpus.Amendment, opts Options) {
	if res.Findings == nil {
		res.Findings = []analysis.Finding{}
	}
	if res.Entities == nil {
		res.Entities = []analysis.Entity{}
	}
	for _, a := range amendments {
		corpus.Apply(res, a)
	}
	Complete(res, opts)
}
