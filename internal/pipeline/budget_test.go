package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/report"
	"github.com/copydesk/copydesk/internal/score"
)

// stallUntil returns an analyzer that, on an article saying "stall"
// (standing in for a pathological one), blocks until release is closed,
// and reports "delve" as wordy does otherwise.
func stallUntil(release <-chan struct{}) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:  "stall",
		Rules: wordy.Rules,
		Run: func(p *analysis.Pass) (any, error) {
			if strings.Contains(p.Doc.Text, "stall") {
				<-release
			}
			return wordy.Run(p)
		},
	}
}

// waitedTooLong is far beyond what three tiny articles take even under the
// race detector on a busy machine; a run that waited for the stalled
// article would never end before the test released it, so any bound the
// run could only meet by not waiting would do.
const waitedTooLong = 20 * time.Second

// An article over the time budget becomes an error for that article; the
// batch's other articles are scored and reported, in order, without
// waiting for it.
func TestArticleOverBudgetCostsOnlyItself(t *testing.T) {
	input := `{"id":"a","text":"We delve into one."}
{"id":"slow","text":"We stall here."}
{"id":"b","text":"We delve into two."}
`
	for _, jobs := range []int{1, 2} {
		release := make(chan struct{})
		rep := &capture{}
		done := make(chan struct{})
		var sum report.Summary
		var err error
		go func() {
			defer close(done)
			sum, err = Run(context.Background(), []string{"-"}, ingest.Options{Format: "jsonl", Stdin: strings.NewReader(input)}, Options{
				Jobs: jobs, Analyzers: []*analysis.Analyzer{stallUntil(release)}, Scorer: score.Default(), Policy: noPolicy{},
				ArticleTimeout: 2 * time.Second, // generous: the other articles must not time out on a busy machine
			}, rep)
		}()
		select {
		case <-done:
			close(release) // the stalled analysis may now end
		case <-time.After(waitedTooLong):
			close(release)
			<-done
			t.Fatalf("jobs %d: the batch did not finish while the stalled article was still running: it waited for it", jobs)
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.docs) != 3 || sum.Errors != 1 {
			t.Fatalf("jobs %d: %d docs, summary %+v", jobs, len(rep.docs), sum)
		}
		for i, id := range []string{"a", "slow", "b"} {
			if rep.docs[i].ID != id {
				t.Errorf("jobs %d: doc %d is %q, want %q", jobs, i, rep.docs[i].ID, id)
			}
		}
		if e := rep.docs[1].Error; !strings.Contains(e, "slow: analysis exceeded 2s") {
			t.Errorf("jobs %d: slow article's error %q", jobs, e)
		}
		for _, i := range []int{0, 2} {
			if d := rep.docs[i]; d.Error != "" || d.Verdict == "" || len(d.Findings) != 1 {
				t.Errorf("jobs %d: %s not scored: %+v", jobs, d.ID, d)
			}
		}
	}
}

// An article whose text is over the memory budget is an error for that
// article only, saying why; the others are scored.
func TestArticleOverMemoryBudgetCostsOnlyItself(t *testing.T) {
	input := `{"id":"a","text":"We delve into one."}
{"id":"huge","text":"` + strings.Repeat("We delve. ", 300) + `"}
{"id":"b","text":"We delve into two."}
`
	rep := &capture{}
	sum, err := Run(context.Background(), []string{"-"}, ingest.Options{Format: "jsonl", Stdin: strings.NewReader(input)}, Options{
		Jobs: 2, Analyzers: []*analysis.Analyzer{wordy}, Scorer: score.Default(), Policy: noPolicy{}, MaxArticleBytes: 1000,
	}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.docs) != 3 || sum.Errors != 1 {
		t.Fatalf("%d docs, summary %+v", len(rep.docs), sum)
	}
	if e := rep.docs[1].Error; rep.docs[1].ID != "huge" || !strings.Contains(e, "huge: the article's text is 3000 bytes, over the 1000 bytes") {
		t.Errorf("huge article: id %q error %q", rep.docs[1].ID, e)
	}
	for _, i := range []int{0, 2} {
		if d := rep.docs[i]; d.Error != "" || d.Verdict == "" {
			t.Errorf("%s not scored: %+v", d.ID, d)
		}
	}
}
