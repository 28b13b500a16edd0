package attribution

import (
	"testing"

	"github.com/copydesk/copydesk/internal/testutil"
)

// TestNoErrorEval runs people and attribution over every eval article:
// user input must never make the analyzers fail.
func TestNoErrorEval(t *testing.T) {
	if testing.Short() {
		t.Skip("runs over the whole eval set")
	}
	for _, a := range testutil.News(t) {
		runArticle(t, a.ID, a.Text)
	}
}
