package document_test

import (
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/document"
)

// TestCountFieldsMatchesFields checks the in-place word count against
// strings.Fields on every line of the test texts and on awkward spacing.
func TestCountFieldsMatchesFields(t *testing.T) {
	lines := []string{"", " ", "a", " a  b\tc\u00a0d\u2003e\u0085f \xff g ", "\v\f\r\n", strings.Repeat("w ", 100)}
	for _, text := range texts(t) {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	for _, l := range lines {
		want := len(strings.Fields(l))
		for _, limit := range []int{1, 5, 17, 21, 71, 1 << 20} {
			if got := document.CountFields(l, limit); got != min(want, limit) {
				t.Fatalf("countFields(%.40q, %d) = %d, want %d", l, limit, got, min(want, limit))
			}
		}
	}
}
