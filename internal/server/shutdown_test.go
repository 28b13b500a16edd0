package server

import (
	"errors"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// On shutdown, in-flight requests finish, new connections are refused,
// and Serve returns nil.
func TestShutdownWhileBusy(t *testing.T) {
	ts := startServer(t, nil)
	entered, release := blockFirst(ts)
	hold := seeds(t)[0]
	hold.ID = "hold"
	first := make(chan response, 1)
	go func() { first <- do(t, "POST", ts.url+"/v1/score", "application/json", hold.json(t)) }()
	<-entered

	ts.stop() // as SIGTERM does in `copydesk serve`
	waitFor(t, "the listener to close", func() bool {
		c, err := net.DialTimeout("tcp", ts.addr, time.Second)
		if err == nil {
			c.Close()
			return false
		}
		return errors.Is(err, syscall.ECONNREFUSED)
	})
	if !ts.stopping.Load() {
		t.Error("not marked as stopping")
	}
	select {
	case err := <-ts.served:
		t.Fatalf("Serve returned (%v) with a request in flight", err)
	default:
	}
	close(release)
	if r := <-first; r.status != http.StatusOK || !strings.Contains(string(r.body), `"id":"hold"`) {
		t.Errorf("in-flight request: %d %s", r.status, r.body)
	}
	select {
	case err := <-ts.served:
		if err != nil {
			t.Errorf("Serve after a clean shutdown: %v", err)
		}
		ts.served <- nil // for the cleanup
	case <-time.After(60 * time.Second):
		t.Fatal("Serve did not return after the last request finished")
	}
}

// A request still running at the shutdown deadline is cancelled, and
// Serve says so.
func TestShutdownDeadline(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.ShutdownTimeout = 300 * time.Millisecond })
	entered, _ := blockFirst(ts) // never released: only cancellation ends it
	hold := seeds(t)[0]
	hold.ID = "hold"
	type result struct {
		status int
		err    error
	}
	first := make(chan result, 1)
	go func() {
		req, _ := http.NewRequest("POST", ts.url+"/v1/score", strings.NewReader(string(hold.json(t))))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			first <- result{0, err}
			return
		}
		resp.Body.Close()
		first <- result{resp.StatusCode, nil}
	}()
	<-entered
	start := time.Now()
	ts.stop()
	select {
	case err := <-ts.served:
		if err == nil || !strings.Contains(err.Error(), "cancelled after 300ms") {
			t.Errorf("Serve: %v, want the in-flight request cancelled", err)
		}
		ts.served <- nil
	case <-time.After(60 * time.Second):
		t.Fatal("Serve did not return after the shutdown deadline")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("shutdown took %s", d)
	}
	r := <-first
	if r.err == nil && r.status != http.StatusServiceUnavailable {
		t.Errorf("cancelled request: status %d, want 503 or a closed connection", r.status)
	}
}
