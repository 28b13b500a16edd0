package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/testutil"
)

// The knowledge base and model load once for the whole test binary.
var (
	setupOnce sync.Once
	testSetup *pipeline.Setup
	setupErr  error
)

func sharedSetup(t testing.TB) *pipeline.Setup {
	t.Helper()
	setupOnce.Do(func() { testSetup, setupErr = pipeline.NewSetup(pipeline.SetupOptions{}) })
	if setupErr != nil {
		t.Fatalf("setup: %v", setupErr)
	}
	return testSetup
}

// testServer is a server listening on 127.0.0.1 for one test.
type testServer struct {
	*Server
	url    string
	addr   string
	stop   context.CancelFunc
	served chan error
	logs   *testutil.SyncBuffer
}

// startServer starts a ready server on a random port of 127.0.0.1; edit
// changes its configuration first. It is shut down when the test ends.
func startServer(t testing.TB, edit func(*Config)) *testServer {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Jobs = 2
	logs := &testutil.SyncBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSetup(sharedSetup(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: s, url: "http://" + ln.Addr().String(), addr: ln.Addr().String(), stop: cancel, served: make(chan error, 1), logs: logs}
	go func() { ts.served <- s.Serve(ctx, ln, "", "") }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ts.served:
		case <-time.After(60 * time.Second):
			t.Error("server did not stop within 60 s")
		}
	})
	return ts
}

// client has generous timeouts: the machine may be busy.
var client = &http.Client{Timeout: 120 * time.Second}

type response struct {
	status int
	header http.Header
	body   []byte
}

func do(t *testing.T, method, url, contentType string, body []byte, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, url, err)
	}
	return response{resp.StatusCode, resp.Header, b}
}

// wantError checks a JSON error response: status, code, a message and the
// request id of the X-Request-Id header.
func wantError(t *testing.T, r response, status int, code string) apiError {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	var e apiError
	if err := json.Unmarshal(r.body, &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, r.body)
	}
	if e.Code != code || e.Message == "" || e.RequestID == "" || e.RequestID != r.header.Get("X-Request-Id") {
		t.Errorf("error %+v (X-Request-Id %q), want code %q, a message and the request id", e, r.header.Get("X-Request-Id"), code)
	}
	return e
}

// article is one JSON article.
type article struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
}

func (a article) json(t testing.TB) []byte {
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonLines(t testing.TB, arts []article) []byte {
	var b bytes.Buffer
	for _, a := range arts {
		b.Write(a.json(t))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// seeds are the five seed articles of the repository.
func seeds(t testing.TB) []article {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("seed articles: %v (%d)", err, len(paths))
	}
	sort.Strings(paths)
	var out []article
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, article{ID: "seed" + string(rune('0'+i)), Text: string(b), Date: "2025-03-05", Source: "seeds"})
	}
	return out
}

// documents parses JSON Lines of documents (and a final error line).
func documents(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if line == "" {
			continue
		}
		var d map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("line is not JSON: %v: %s", err, line)
		}
		out = append(out, d)
	}
	return out
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func mustRequest(t *testing.T, method, path string) *http.Request {
	t.Helper()
	return httptest.NewRequest(method, path, nil)
}
