package kbcmd

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/kb"
	"github.com/copydesk/copydesk/internal/testutil"
)

// replay is a SPARQL endpoint on 127.0.0.1 that answers from the
// hand-written files in internal/kb/wdupdate/testdata: a batch naming the
// German chancellorship gets germany.json, one naming the Chancellor of
// the Exchequer exchequer.json, every other batch no rows. fail, when set,
// decides per request (numbered from 1) whether to answer with an error
// status instead, or to hang until the client gives up (status -1).
type replay struct {
	t        *testing.T
	mu       sync.Mutex
	requests int
	agents   []string
	fail     func(n int, query string) int
}

func (r *replay) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	r.requests++
	n := r.requests
	r.agents = append(r.agents, req.UserAgent())
	r.mu.Unlock()
	if req.Method != http.MethodPost || req.ParseForm() != nil || req.PostForm.Get("format") != "json" {
		http.Error(w, "want a POST form with query and format=json", http.StatusBadRequest)
		return
	}
	q := req.PostForm.Get("query")
	if !strings.Contains(q, "p:P39") || !strings.Contains(q, "pqv:P580") || !strings.Contains(q, "pqv:P582") {
		http.Error(w, "not a P39 query", http.StatusBadRequest)
		return
	}
	if r.fail != nil {
		switch code := r.fail(n, q); {
		case code == -1:
			<-req.Context().Done() // hang: the client's timeout ends it
			return
		case code != 0:
			w.Header().Set("Retry-After", "3")
			http.Error(w, "replayed failure", code)
			return
		}
	}
	file := ""
	switch {
	case strings.Contains(q, "wd:Q4970706"):
		file = "germany.json"
	case strings.Contains(q, `"Chancellor of the Exchequer"@en`):
		file = "exchequer.json"
	}
	w.Header().Set("Content-Type", "application/sparql-results+json")
	if file == "" {
		w.Write([]byte(`{"head":{"vars":[]},"results":{"bindings":[]}}`))
		return
	}
	b, err := os.ReadFile(filepath.Join(testutil.RepoRoot(), "internal", "kb", "wdupdate", "testdata", file))
	if err != nil {
		r.t.Error(err)
	}
	w.Write(b)
}

// updateOpts returns options pointing at srv with fast retries and a
// recorded list of the pauses taken.
func updateOpts(srv *httptest.Server, out string, pauses *[]time.Duration) *UpdateOptions {
	ios, _, _, _ := cliutil.Test()
	return &UpdateOptions{IO: ios, Endpoint: srv.URL, Out: out, BatchSize: 60, Timeout: 2 * time.Second,
		Attempts: 3, Backoff: 10 * time.Millisecond, UserAgent: "copydesk-test/1 (kb update)", Show: 0,
		Today: kb.Date{Year: 2026, Month: 12, Day: 6},
		Sleep: func(_ context.Context, d time.Duration) error { *pauses = append(*pauses, d); return nil }}
}

func TestUpdateReplaysWikidata(t *testing.T) {
	rp := &replay{t: t}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "cache", "kb-update.jsonl")
	var pauses []time.Duration
	opts := updateOpts(srv, out, &pauses)
	_, _, stdout, _ := cliutil.Test()
	opts.IO.Out = stdout
	if err := runUpdate(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if rp.requests < 5 {
		t.Errorf("%d requests: the offices were not asked for in batches", rp.requests)
	}
	for _, ua := range rp.agents {
		if ua != "copydesk-test/1 (kb update)" {
			t.Errorf("User-Agent %q", ua)
		}
	}
	k, err := kb.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if k.AsOf != opts.Today || k.Len() != 5 {
		t.Errorf("wrote %d records current to %s, want 5 (the unlabelled row skipped) current to %s", k.Len(), k.AsOf, opts.Today)
	}
	// Merged over the embedded data, the update makes the KB current to
	// the update and names Merz chancellor in 2026.
	merged, err := mustDefault(t).Merge(k)
	if err != nil {
		t.Fatal(err)
	}
	ref := merged.ParseRole("German Chancellor", "")
	if h := merged.HoldersAt(ref.Unique(), kb.Date{Year: 2026, Month: 6, Day: 1}); len(h) == 0 || h[0].Name != "Friedrich Merz" {
		t.Errorf("holders in June 2026 after the update: %v", h)
	}
	s := stdout.String()
	for _, want := range []string{
		"added (not in the embedded data): ", "Kwasi Kwarteng 2022-09-06 to 2022-10",
		"Jeremy Hunt ended 2024-09-01 per Wikidata, 2024-07-05 per",
		"offices Wikidata returned no holder for",
		"wrote " + out + " (current to 2026-12-06)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Olaf Scholz ended") || strings.Contains(s, "Friedrich Merz 2025") {
		t.Errorf("terms the embedded data already has are reported as changes:\n%s", s)
	}
	if len(pauses) != 0 {
		t.Errorf("paused %v without a failure", pauses)
	}
}

func mustDefault(t *testing.T) *kb.KB {
	t.Helper()
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// writePrevious puts an earlier update's file at out, for the failure
// tests to check it survives.
func writePrevious(t *testing.T, out string) []byte {
	t.Helper()
	os.MkdirAll(filepath.Dir(out), 0o755)
	prev := []byte(`{"kb_as_of":"2026-01-01"}` + "\n" + `{"name":"Ada Example","role":"Mayor","country":"Examplia","source":"test","checked":"2026-01-01"}` + "\n")
	if err := os.WriteFile(out, prev, 0o644); err != nil {
		t.Fatal(err)
	}
	return prev
}

// assertUntouched checks the previous file is byte for byte as it was and
// no temporary file is left beside it.
func assertUntouched(t *testing.T, out string, prev []byte) {
	t.Helper()
	b, err := os.ReadFile(out)
	if err != nil || string(b) != string(prev) {
		t.Errorf("previous file changed (%v): %q", err, b)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files left beside the update: %v", names)
	}
}

func TestUpdateRetriesServerErrorsWithBackoff(t *testing.T) {
	rp := &replay{t: t, fail: func(n int, _ string) int {
		if n <= 2 {
			return http.StatusServiceUnavailable
		}
		return 0
	}}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	var pauses []time.Duration
	opts := updateOpts(srv, filepath.Join(t.TempDir(), "kb.jsonl"), &pauses)
	if err := runUpdate(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	// Retry-After (3s) outweighs the 10ms and 20ms back-off.
	if len(pauses) != 2 || pauses[0] != 3*time.Second || pauses[1] != 3*time.Second {
		t.Errorf("pauses %v, want two of 3s (the server's Retry-After)", pauses)
	}
}

func TestUpdateGrowsBackoffWithoutRetryAfter(t *testing.T) {
	rp := &replay{t: t, fail: func(n int, _ string) int {
		if n <= 2 {
			return -1 // hang: a timeout
		}
		return 0
	}}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	var pauses []time.Duration
	opts := updateOpts(srv, filepath.Join(t.TempDir(), "kb.jsonl"), &pauses)
	opts.Timeout = 100 * time.Millisecond
	if err := runUpdate(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if len(pauses) != 2 || pauses[0] != 10*time.Millisecond || pauses[1] != 20*time.Millisecond {
		t.Errorf("pauses %v, want 10ms then 20ms", pauses)
	}
}

func TestUpdateTimeoutFailsAndKeepsPreviousFile(t *testing.T) {
	rp := &replay{t: t, fail: func(int, string) int { return -1 }}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "kb.jsonl")
	prev := writePrevious(t, out)
	var pauses []time.Duration
	opts := updateOpts(srv, out, &pauses)
	opts.Timeout = 50 * time.Millisecond
	err := runUpdate(context.Background(), opts)
	if err == nil || !strings.Contains(err.Error(), "no answer within 50ms") || !strings.Contains(err.Error(), "nothing written") {
		t.Fatalf("error %v, want a timeout that wrote nothing", err)
	}
	if rp.requests != 3 {
		t.Errorf("%d requests, want 3 attempts", rp.requests)
	}
	assertUntouched(t, out, prev)
}

func TestUpdateClientErrorIsNotRetried(t *testing.T) {
	rp := &replay{t: t, fail: func(int, string) int { return http.StatusBadRequest }}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "kb.jsonl")
	prev := writePrevious(t, out)
	var pauses []time.Duration
	err := runUpdate(context.Background(), updateOpts(srv, out, &pauses))
	if err == nil || !strings.Contains(err.Error(), "HTTP 400") {
		t.Fatalf("error %v, want HTTP 400", err)
	}
	if rp.requests != 1 || len(pauses) != 0 {
		t.Errorf("%d requests, pauses %v: a bad request must not be retried", rp.requests, pauses)
	}
	assertUntouched(t, out, prev)
}

// A failure part-way (the third batch keeps failing after two batches
// were answered) writes nothing: no half-updated knowledge base.
func TestUpdateFailureMidRunWritesNothing(t *testing.T) {
	seen := map[string]int{}
	var mu sync.Mutex
	rp := &replay{t: t, fail: func(_ int, q string) int {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := seen[q]; !ok {
			seen[q] = len(seen) + 1
		}
		if seen[q] == 3 {
			return http.StatusBadGateway
		}
		return 0
	}}
	srv := httptest.NewServer(rp)
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "kb.jsonl")
	prev := writePrevious(t, out)
	var pauses []time.Duration
	err := runUpdate(context.Background(), updateOpts(srv, out, &pauses))
	if err == nil || !strings.Contains(err.Error(), "batch 3 of") || !strings.Contains(err.Error(), "HTTP 502") {
		t.Fatalf("error %v, want batch 3 failing with HTTP 502", err)
	}
	if len(seen) != 3 {
		t.Errorf("%d distinct batches asked, want the run to stop at the third", len(seen))
	}
	assertUntouched(t, out, prev)
}

// The command wires its flags: --endpoint and --kb reach the update, and
// later runs read the file from COPYDESK_KB_UPDATE.
func TestUpdateCommandFlagsAndLaterRuns(t *testing.T) {
	srv := httptest.NewServer(&replay{t: t})
	defer srv.Close()
	out := filepath.Join(t.TempDir(), "kb-update.jsonl")
	ios, _, stdout, _ := cliutil.Test()
	cmd := NewCmd(ios)
	cmd.SetArgs([]string{"update", "--endpoint", srv.URL, "--kb", out, "--backoff", "1ms", "--json"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), `"Added"`) {
		t.Errorf("--json output:\n%s", stdout)
	}
	t.Setenv(kb.UpdateEnv, out)
	k, path, err := kb.WithUpdates()
	if err != nil || path != out {
		t.Fatalf("WithUpdates: %v, read %q", err, path)
	}
	if k.AsOf.Before(kb.DateOf(time.Now().UTC())) {
		t.Errorf("after an update the KB is current to %s, not today", k.AsOf)
	}
}
