package score

import (
	"math"
	"testing"
)

func TestEvaluateNeedsBothLabels(t *testing.T) {
	if _, err := Evaluate([]Scored{{Score: 1, Machine: true}}); err == nil {
		t.Error("evaluate with no human article succeeded")
	}
	ev, err := Evaluate([]Scored{
		{Score: 90, Verdict: "fail", Machine: true, Generator: "a", Rules: []string{"TP001"}}, {Score: 40, Verdict: "pass", Machine: true, Generator: "b"},
		{Score: 50, Verdict: "warn", Source: "x", Rules: []string{"AT001", "AT001"}}, {Score: 10, Verdict: "pass", Source: "y"},
	})
	if err != nil {
		t.Fatal(err)
	}
	// Bands: 10 (human), 40 (machine), 50 (human), 90 (machine).
	if b := ev.Calibration[4]; b.Articles != 1 || b.MachineShare != 1 || b.MeanScore != 40 {
		t.Errorf("band 40-50: %+v", b)
	}
	if want := (0.01 + 0.36 + 0.25 + 0.01) / 4; math.Abs(ev.Brier-want) > 1e-4 {
		t.Errorf("Brier %v, want %v", ev.Brier, want)
	}
	if len(ev.BySource) != 3 || ev.BySource[0] != (SourceRate{Source: "x", Articles: 1, Warn: 1}) || ev.BySource[1].Warn != 0 ||
		!ev.BySource[2].Machine || ev.BySource[2].Articles != 2 || ev.BySource[2].Fail != 0.5 {
		t.Errorf("by source: %+v", ev.BySource)
	}
	if len(ev.HumanRules) != 1 || ev.HumanRules[0] != (RuleRate{Rule: "AT001", Articles: 1, Share: 0.5}) {
		t.Errorf("human rules: %+v", ev.HumanRules)
	}
	if ev.AtWarn.TPR != 0.5 || ev.AtWarn.FPR != 0.5 || ev.AtFail.TPR != 0.5 || ev.AtFail.FPR != 0 {
		t.Errorf("at thresholds: %+v %+v", ev.AtWarn, ev.AtFail)
	}
	if ev.AUROC != 0.75 || len(ev.ByGenerator) != 2 || ev.ByGenerator[0].AUROC != 1 || ev.ByGenerator[1].AUROC != 0.5 {
		t.Errorf("evaluation %+v", ev)
	}
}
