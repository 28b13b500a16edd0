package scorecmd

import (
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

// progress shows a bar on a terminal's stderr once a run has taken more
// than a second, so short runs stay quiet and piped runs stay clean.
type progress struct {
	mu      sync.Mutex
	ios     *cliutil.IOStreams
	enabled bool
	start   time.Time
	bar     *progressbar.ProgressBar
}

func newProgress(ios *cliutil.IOStreams, quiet bool) *progress {
	return &progress{ios: ios, enabled: ios.ErrTTY && !quiet, start: time.Now()}
}

func (p *progress) update(done int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		if time.Since(p.start) < time.Second {
			return
		}
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(p.ios.ErrOut),
			progressbar.OptionSetDescription("scoring"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
