package people

import (
	"testing"

	"github.com/copydesk/copydesk/internal/document"
	"github.com/copydesk/copydesk/internal/testutil"
)

// TestNoPanicEval runs the finder over every eval article: user input must
// never crash it.
func TestNoPanicEval(t *testing.T) {
	for _, a := range testutil.News(t) {
		Find(document.New(a.ID, a.Text), nil, nil)
	}
}
