package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/copydesk/copydesk/internal/evalset"
	"github.com/copydesk/copydesk/internal/score"
	"github.com/copydesk/copydesk/internal/testutil"
)

const fixture = "testdata/labelled.jsonl"

func TestAnalyzeKeepsInputOrderAndText(t *testing.T) {
	as, _, err := LoadSplit(fixture, "")
	if err != nil {
		t.Fatal(err)
	}
	setup, err := setupFor(nil)
	if err != nil {
		t.Fatal(err)
	}
	results, err := Run(context.Background(), as, setup)
	if err != nil {
		t.Fatal(err)
	}
	for i, res := range results {
		if res.ID != as[i].ID || res.Text != as[i].Text || res.Words == 0 {
			t.Fatalf("result %d is %s (%d words), want %s", i, res.ID, res.Words, as[i].ID)
		}
		if _, ok := res.Features["style.sent_len_cv"]; !ok {
			t.Fatalf("result %d has no style features", i)
		}
	}
}

func TestTrainThenEvalOnFixture(t *testing.T) {
	ctx := context.Background()
	m, err := TrainFiles(ctx, []string{fixture}, "train", score.DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	p := m.Provenance
	if p.Data != "labelled.jsonl" || p.Split != "train" || len(p.DataSHA256) != 64 || p.Articles != 44 || len(p.Analyzers) == 0 {
		t.Errorf("provenance %+v", p)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, err := score.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := EvalFiles(ctx, EvalSpec{Files: []string{fixture}, Split: "test"}, loaded, score.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Articles != 16 || ev.AUROC < 0.9 {
		t.Errorf("held-out fixture: %d articles, AUROC %.3f; want 16 and >= 0.9", ev.Articles, ev.AUROC)
	}
	if len(ev.ByGenerator) == 0 || len(ev.BySource) == 0 {
		t.Error("no per-generator or per-source figures")
	}

	// Fitting is deterministic: the same input gives the same file.
	m2, err := TrainFiles(ctx, []string{fixture}, "train", score.DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(m2)
	if !bytes.Equal(b, b2) {
		t.Error("two fits of the same data differ")
	}
}

func TestEvalNeedsHumanArticles(t *testing.T) {
	dir := t.TempDir()
	machineOnly := filepath.Join(dir, "m.jsonl")
	os.WriteFile(machineOnly, []byte(`{"id":"a","label":"machine","text":"Moreover, it is important to note this."}`+"\n"), 0o644)
	if _, err := EvalFiles(context.Background(), EvalSpec{Files: []string{machineOnly}}, score.Default(), score.Thresholds{}); err == nil {
		t.Error("eval of machine-only file succeeded")
	}
	// With human articles borrowed from another file it works.
	ev, err := EvalFiles(context.Background(), EvalSpec{Files: []string{machineOnly}, Humans: []string{fixture}}, score.Default(), score.Thresholds{})
	if err != nil || ev.Human != 30 || ev.Machine != 1 {
		t.Errorf("eval with --humans: %+v, %v", ev, err)
	}
	if _, _, err := LoadSplit(fixture, "nosuchsplit"); err == nil {
		t.Error("empty split accepted")
	}
}

// TestEmbeddedModelOnNewsTestSplit measures the committed model on the
// held-out test split of ../shared/eval/news.jsonl (never used to fit it).
func TestEmbeddedModelOnNewsTestSplit(t *testing.T) {
	testutil.RequireShared(t)
	news := evalset.Filter(testutil.News(t), "test", "")
	m, err := score.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	exs, err := Examples(context.Background(), news, m)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := EvalExamples(exs, m, score.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("news test: AUROC %.4f AP %.4f TPR@1%%FPR %.3f TPR@5%%FPR %.3f", ev.AUROC, ev.AveragePrecision, ev.At1FPR.TPR, ev.At5FPR.TPR)
	if ev.AUROC < 0.95 {
		t.Errorf("test AUROC %.4f, want >= 0.95", ev.AUROC)
	}
	// The fail threshold was set on training humans; on held-out humans it
	// must still flag few.
	th := m.DefaultThresholds()
	flagged, humans := 0, 0
	for _, e := range exs {
		if !e.Machine {
			humans++
			if e.Result.Score >= th.Fail {
				flagged++
			}
		}
	}
	if share := float64(flagged) / float64(humans); share > 0.03 {
		t.Errorf("fail threshold %d flags %.1f%% of held-out human news, want about 1%%", th.Fail, 100*share)
	}
}

func TestReformatJoinsParagraphsAndStraightensQuotes(t *testing.T) {
	in := "First para.\n\n  Second “quoted” line,\r\nit’s here.\n"
	want := `First para. Second "quoted" line, it's here.`
	if got := Reformat(in); got != want {
		t.Errorf("Reformat = %q, want %q", got, want)
	}
}

func TestTrainLeavesOutLayoutFeatures(t *testing.T) {
	m, err := TrainFiles(context.Background(), []string{fixture}, "", score.DefaultTrainOptions())
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's human articles have paragraphs: joining them moves the
	// paragraph statistics on every one.
	for _, want := range []string{"style.para_len_mean", "style.sents_per_para"} {
		found := false
		for _, x := range m.Excluded {
			found = found || x == want
		}
		if !found {
			t.Errorf("%s not excluded: %v", want, m.Excluded)
		}
	}
	for _, s := range m.Signals {
		for _, f := range s.Features {
			for _, x := range m.Excluded {
				if f == x {
					t.Errorf("excluded feature %s is still read by signal %s", x, s.Rule)
				}
			}
		}
	}
}

// TestCommittedModelIsCurrent refits the model with the command recorded in
// internal/score/data/model.json and compares: the embedded model must be
// what the committed detectors and data give (the fit is deterministic).
func TestCommittedModelIsCurrent(t *testing.T) {
	dir := testutil.RequireShared(t)
	if testing.Short() {
		t.Skip("refits the model: not in -short")
	}
	embedded, err := score.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, name := range evalset.TrainingSets {
		paths = append(paths, filepath.Join(dir, "eval", name))
	}
	opts := score.DefaultTrainOptions()
	opts.Provenance.Command = embedded.Provenance.Command
	fresh, err := TrainFiles(context.Background(), paths, "train", opts)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(embedded)
	got, _ := json.Marshal(fresh)
	if !bytes.Equal(got, want) {
		t.Errorf("internal/score/data/model.json is stale: refit it with\n  go run ./cmd/copydesk train ../shared/eval/news.jsonl ../shared/eval/modern.jsonl ../shared/eval/wild-dev.jsonl --split train -o internal/score/data/model.json")
	}
}
