package scorecmd_test

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/root"
)

// blockingReader yields some articles, then blocks like a terminal or an
// open pipe that never ends.
type blockingReader struct {
	r       io.Reader
	blocked chan struct{}
}

func (b *blockingReader) Read(p []byte) (int, error) {
	if n, err := b.r.Read(p); n > 0 || err != io.EOF {
		return n, err
	}
	<-b.blocked
	return 0, io.EOF
}

// A cancelled run with its reader blocked still closes the report as a
// valid document marked interrupted, within the abandon deadline.
func TestCancelledRunClosesReport(t *testing.T) {
	in := &blockingReader{r: strings.NewReader(`{"id":"a1","text":"It is important to note that the council met."}` + "\n"), blocked: make(chan struct{})}
	defer close(in.blocked)
	ios, _, out, errOut := cliutil.Test()
	ios.In = in
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	err := root.Execute(ctx, ios, []string{"score", "--no-config", "--format", "json", "--input-format", "jsonl", "-"})
	if code := cliutil.Code(err); code != cliutil.ExitInterrupted {
		t.Fatalf("exit %d (%v), want %d; stderr %s", code, err, cliutil.ExitInterrupted, errOut)
	}
	if d := time.Since(start); d > 30*time.Second { // generous on a busy machine; the deadline is 2 s
		t.Errorf("took %v to give up on a blocked reader", d)
	}
	var rep struct {
		Interrupted bool
		Documents   []json.RawMessage
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || !rep.Interrupted {
		t.Errorf("report not a valid document marked interrupted: %v\n%s", err, out)
	}
}
