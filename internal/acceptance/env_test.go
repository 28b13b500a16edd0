package acceptance

import (
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/features"
)

func testEnv(t *testing.T) *analysis.Env {
	t.Helper()
	env, _, err := features.NewEnv(features.EnvOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return env
}
