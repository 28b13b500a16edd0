package score

import (
	"math"
	"testing"
)

func TestEvaluateNeedsBothLabels(t *testing.T) {
	if _, err := Evaluate([]Scored{{Score: 1, Machine: true}}, Thresholds{}); err == nil {
		t.Error("evaluate with no human article succeeded")
	}
	ev, err := Evaluate([]Scored{
		{Score: 90, Machine: true, Generator: "a"}, {Score: 40, Machine: true, Generator: "b"},
		{Score: 50, Source: "x"}, {Score: 10, Source: "y"},
	}, Thresholds{Warn: 45, Fail: 95})
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
	if len(ev.HumanBySource) != 2 || ev.HumanBySource[0] != (SourceRate{Source: "x", Articles: 1, Warn: 1}) || ev.HumanBySource[1].Warn != 0 {
		t.Errorf("human by source: %+v", ev.HumanBySource)
	}
	if ev.AtWarn.TPR != 0.5 || ev.AtWarn.FPR != 0.5 || ev.AtFail.TPR != 0 {
		t.Errorf("at thresholds: %+v %+v", ev.AtWarn, ev.AtFail)
	}
	if ev.AUROC != 0.75 || len(ev.ByGenerator) != 2 || ev.ByGenerator[0].AUROC != 1 || ev.ByGenerator[1].AUROC != 0.5 {
		t.Errorf("evaluation %+v", ev)
	}
}
