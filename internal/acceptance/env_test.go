package acceptance

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/score"
)

func testEnv(t *testing.T) *analysis.Env {
	t.Helper()
	m, err := score.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	env, _, err := features.NewEnv(features.EnvOptions{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	return env
}
