package boilerplate

import (
	"fmt"
	"testing"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/document"
)

// TestRepeatedLines feeds a batch where three articles from one template
// share a footer line and a byline: the footer is reported on all three
// (the first two through amendments of earlier articles), the byline and
// lines two articles share by chance are not.
func TestRepeatedLines(t *testing.T) {
	bodies := []string{
		"Council approves bus lanes for the city centre after a long debate.",
		"Harbour warehouse fire is brought under control by crews overnight.",
		"Mayor wins a second term by fewer than 900 votes in a close race.",
		"School meals contract goes to a local firm, the council says.",
	}
	footer := "Get the latest headlines delivered to you every morning"
	check := corpus.NewIndex([]corpus.Keyed{NewRepeatedLines()}, false)
	results := make([]*analysis.Result, len(bodies))
	for i, b := range bodies {
		text := "By Associated Press\n" + b + "\n"
		if i < 3 {
			text += footer + "\n"
		}
		if i < 2 {
			text += "Talks continue next week\n"
		}
		doc := document.New(fmt.Sprint(i), text)
		results[i] = &analysis.Result{}
		for _, am := range check.Observe(i, doc, results[i]) {
			corpus.Apply(results[am.Doc], am)
		}
	}
	for _, am := range check.Finish() {
		corpus.Apply(results[am.Doc], am)
	}
	for i, res := range results {
		got := 0
		for _, f := range res.Findings {
			if f.Rule != "BP018" || f.Text != footer || f.Line != 3 {
				t.Errorf("article %d: unexpected %+v", i, f)
			}
			got++
		}
		want := 0
		if i < 3 {
			want = 1
		}
		if got != want {
			t.Errorf("article %d: %d BP018 findings, want %d", i, got, want)
		}
	}
}
