package score

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/features/style"
	"github.com/copydesk/copydesk/internal/testutil"
)

// styleExamples analyses articles with the style analyzer alone, so the
// fitting harness is tested whatever state the detectors are in.
func styleExamples(t testing.TB, as []evalset.Article) []Example {
	t.Helper()
	exs := make([]Example, len(as))
	for i, a := range as {
		res, err := analysis.Run(document.New(a.ID, a.Text), []*analysis.Analyzer{style.Analyzer}, nil)
		if err != nil {
			t.Fatal(err)
		}
		exs[i] = Example{ID: a.ID, Machine: a.Machine(), Generator: a.Generator, Result: res}
	}
	return exs
}

func TestTrainOnNewsStyleOnlyGeneralisesToTest(t *testing.T) {
	news := testutil.News(t)
	train := styleExamples(t, evalset.Filter(news, "train", ""))
	test := styleExamples(t, evalset.Filter(news, "test", ""))
	opts := DefaultTrainOptions()
	// What engine.TrainFile's layout check leaves out of the style set.
	opts.Exclude = []string{"style.para_len_cv", "style.para_len_mean", "style.sents_per_para"}
	m, err := Train(train, opts)
	if err != nil {
		t.Fatal(err)
	}
	items := make([]Scored, len(test))
	th := m.DefaultThresholds()
	for i, e := range test {
		m.AddSignalFindings(e.Result)
		items[i] = Measure(m, e.Result, th)
		items[i].Machine, items[i].Generator = e.Machine, e.Generator
	}
	ev, err := Evaluate(items)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("train oof: %+v", m.Metrics)
	t.Logf("thresholds: %+v", m.Thresholds)
	t.Logf("test: AUROC %.4f AP %.4f @1%% %+v @5%% %+v", ev.AUROC, ev.AveragePrecision, ev.At1FPR, ev.At5FPR)
	for _, g := range ev.ByGenerator {
		t.Logf("  %-16s AUROC %.4f TPR@1%% %.3f", g.Generator, g.AUROC, g.At1FPR.TPR)
	}
	if ev.AUROC < 0.9 {
		t.Errorf("test AUROC %.4f with style and lexical features alone, want >= 0.9", ev.AUROC)
	}
}
