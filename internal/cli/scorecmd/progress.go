package scorecmd

import (
	"fmt"
	"sync"
	"time"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// progress shows one status line on a terminal's stderr once a run has
// taken more than a second, so short runs stay quiet and piped runs stay
// clean. Rate and elapsed time are measured from the start of the run
// (not from when the line first appears), so neither can be absurd.
type progress struct {
	mu      sync.Mutex
	ios     *cliutil.IOStreams
	enabled bool
	start   time.Time
	last    time.Time // last redraw
	shown   bool
	now     func() time.Time
}

func newProgress(ios *cliutil.IOStreams, quiet bool) *progress {
	return &progress{ios: ios, enabled: ios.ErrTTY && !quiet, start: time.Now(), now: time.Now}
}

const progressEvery = 200 * time.Millisecond

func (p *progress) update(done int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.enabled {
		return
	}
	now := p.now()
	elapsed := now.Sub(p.start)
	if elapsed < time.Second || now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.ios.ErrOut, "\r\x1b[Kscoring: %s", progressLine(done, elapsed))
}

// progressLine reads "1,234 articles, 617 articles/s, 2s elapsed".
func progressLine(done int, elapsed time.Duration) string {
	rate := float64(done) / elapsed.Seconds()
	return fmt.Sprintf("%s articles, %s articles/s, %s elapsed", groupThousands(done), groupThousands(int(rate+0.5)), elapsed.Truncate(time.Second))
}

func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.ios.ErrOut, "\r\x1b[K")
	}
	p.enabled = false
}
