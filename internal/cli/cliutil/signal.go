package cliutil

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// Signalled is the cancellation cause of a run stopped by a signal.
type Signalled struct{ Signal os.Signal }

func (s *Signalled) Error() string { return fmt.Sprintf("interrupted by %v", s.Signal) }

// ExitCode is 128 plus the signal number: 130 for SIGINT, 143 for SIGTERM.
func (s *Signalled) ExitCode() int {
	if n, ok := s.Signal.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}

// InterruptedBy returns the signal that cancelled ctx, or nil.
func InterruptedBy(ctx context.Context) *Signalled {
	var s *Signalled
	if errors.As(context.Cause(ctx), &s) {
		return s
	}
	return nil
}

// SignalContext returns a context cancelled by the first SIGINT or SIGTERM
// (its cause says which); a second signal exits at once with that
// signal's code, for a user who does not want to wait for the report.
func SignalContext(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			cancel(&Signalled{Signal: s})
		case <-done:
			return
		}
		select {
		case s := <-sigs:
			os.Exit((&Signalled{Signal: s}).ExitCode())
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}
