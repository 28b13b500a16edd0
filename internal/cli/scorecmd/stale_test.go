package scorecmd_test

import (
	"context"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
)

// Articles dated after the knowledge base each carry a note, and the run
// says once, on stderr, how to refresh it.
func TestStaleKnowledgeSaidOncePerRun(t *testing.T) {
	in := strings.NewReader(`{"id":"a1","date":"2031-02-03","text":"President Jane Roe met the council on Monday."}` + "\n" +
		`{"id":"a2","date":"2031-02-04","text":"The council met on Tuesday to approve the harbour plan."}` + "\n")
	ios, _, out, errOut := cliutil.Test()
	ios.In = in
	err := root.Execute(context.Background(), ios, []string{"score", "--no-config", "--format", "jsonl", "--input-format", "jsonl", "--fail-on", "never", "-"})
	if err != nil {
		t.Fatalf("score: %v\n%s", err, errOut)
	}
	if n := strings.Count(errOut.String(), "copydesk kb update"); n != 1 || !strings.Contains(errOut.String(), "2 articles dated after the knowledge base") {
		t.Errorf("stderr names kb update %d times, want once for 2 articles:\n%s", n, errOut)
	}
	if n := strings.Count(out.String(), "dated after the knowledge base"); n != 2 {
		t.Errorf("%d article notes, want one on each article:\n%s", n, out)
	}
}
