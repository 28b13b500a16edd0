package server

import (
	"context"
	"errors"
	"time"
)

// limiter bounds the scoring requests running at once. Up to queue more
// may wait, each at most wait; there is no other queue.
type limiter struct {
	slots   chan struct{}
	waiting chan struct{}
	wait    time.Duration
}

var (
	errQueueFull    = errors.New("too many requests waiting")
	errQueueTimeout = errors.New("no scoring slot came free in time")
)

func newLimiter(inFlight, queue int, wait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, inFlight), waiting: make(chan struct{}, max(queue, 0)), wait: wait}
}

// acquire takes a slot, waiting in the bounded queue if need be; release
// must be called when it returns nil.
func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	select {
	case l.waiting <- struct{}{}:
	default:
		return errQueueFull
	}
	defer func() { <-l.waiting }()
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errQueueTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *limiter) release() { <-l.slots }
