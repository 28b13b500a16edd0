package acceptance

import (
	"testing"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/pipeline"
)

// testSetup is the run `copydesk score` builds with configuration cfg (nil:
// none) and everything else at its default.
func testSetup(t *testing.T, cfg *config.Config) *pipeline.Setup {
	t.Helper()
	s, err := pipeline.NewSetup(pipeline.SetupOptions{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
