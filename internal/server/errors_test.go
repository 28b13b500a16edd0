package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestErrorClasses(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.MaxArticleBytes = 64 << 10
		c.MaxBodyBytes = 256 << 10
	})
	a := seeds(t)[0]
	big := article{ID: "big", Text: strings.Repeat("A sentence of a long article. ", 4000)} // 120 KB
	for _, tc := range []struct {
		name, path, ctype string
		body              []byte
		status            int
		code, says        string
	}{
		{"malformed JSON", "/v1/score", "application/json", []byte(`{"id": "x", "text": `), 400, codeMalformed, "malformed JSON"},
		{"not an object", "/v1/score", "application/json", []byte(`["text"]`), 400, codeMalformed, "not a JSON object"},
		{"two objects", "/v1/score", "application/json", []byte(`{"text":"a"} {"text":"b"}`), 400, codeMalformed, "more than one"},
		{"empty body", "/v1/score", "application/json", nil, 400, codeMalformed, "empty body"},
		{"no text", "/v1/score", "application/json", []byte(`{"id":"t1","title":"only a title"}`), 422, codeUnreadable, "t1"},
		{"wrong content type", "/v1/score", "text/plain", a.json(t), 415, codeContentType, "application/json or text/html"},
		{"no content type", "/v1/score", "", a.json(t), 415, codeContentType, "Content-Type"},
		{"batch wrong content type", "/v1/score:batch", "application/json", a.json(t), 415, codeContentType, "application/x-ndjson"},
		{"article too large", "/v1/score", "application/json", big.json(t), 413, codeTooLarge, "65536-byte limit"},
		{"batch too large", "/v1/score:batch", "application/x-ndjson", bytes.Repeat(append(a.json(t), '\n'), 30), 413, codeTooLarge, "262144-byte limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := wantError(t, do(t, "POST", ts.url+tc.path, tc.ctype, tc.body), tc.status, tc.code)
			if !strings.Contains(e.Message, tc.says) {
				t.Errorf("message %q does not say %q", e.Message, tc.says)
			}
		})
	}

	t.Run("article too large, chunked", func(t *testing.T) {
		req, _ := http.NewRequest("POST", ts.url+"/v1/score", io.MultiReader(bytes.NewReader(big.json(t)))) // no Content-Length
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		wantError(t, response{resp.StatusCode, resp.Header, b}, 413, codeTooLarge)
	})
	t.Run("batch line too large", func(t *testing.T) {
		body := append(append(big.json(t), '\n'), append(a.json(t), '\n')...)
		r := do(t, "POST", ts.url+"/v1/score:batch", "application/x-ndjson", body)
		docs := documents(t, r.body)
		if r.status != 200 || len(docs) != 2 || !strings.Contains(fmt.Sprint(docs[0]["error"]), "limit for one article") || docs[1]["id"] != a.ID {
			t.Errorf("status %d, %d documents: %s", r.status, len(docs), r.body)
		}
	})
	t.Run("batch too large, chunked", func(t *testing.T) {
		// No Content-Length: the server learns the size by reading, and
		// answers 413 before it scores anything.
		before := articlesScored(t, ts)
		req, _ := http.NewRequest("POST", ts.url+"/v1/score:batch", io.MultiReader(bytes.NewReader(bytes.Repeat(append(a.json(t), '\n'), 30))))
		req.Header.Set("Content-Type", "application/x-ndjson")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		e := wantError(t, response{resp.StatusCode, resp.Header, mustRead(t, resp.Body)}, 413, codeTooLarge)
		if !strings.Contains(e.Message, "262144-byte limit") {
			t.Errorf("message %q does not name the limit", e.Message)
		}
		if n := articlesScored(t, ts); n != before {
			t.Errorf("%v articles scored for a body over the limit", n-before)
		}
	})
}

// articlesScored counts the articles the server has reported, from
// GET /metrics.
func articlesScored(t *testing.T, ts *testServer) float64 {
	t.Helper()
	r := do(t, "GET", ts.url+"/metrics", "", nil)
	n := 0.0
	for _, line := range strings.Split(string(r.body), "\n") {
		if strings.HasPrefix(line, "copydesk_articles_total{") {
			var v float64
			fmt.Sscan(line[strings.LastIndexByte(line, ' ')+1:], &v)
			n += v
		}
	}
	return n
}

func mustRead(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTimeout(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Timeout = 5 * time.Second })
	ts.testHook = func(ctx context.Context, stage, id string) {
		if stage == "read" && id == "slow" {
			select { // an article that takes longer than the limit
			case <-ctx.Done():
			case <-time.After(30 * time.Second):
			}
		}
	}
	a := seeds(t)[0]
	a.ID = "slow"
	start := time.Now()
	r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	e := wantError(t, r, 503, codeTimeout)
	if r.header.Get("Retry-After") == "" || !strings.Contains(e.Message, "5s") {
		t.Errorf("Retry-After %q, message %q", r.header.Get("Retry-After"), e.Message)
	}
	if d := time.Since(start); d > 25*time.Second {
		t.Errorf("timed-out request took %s", d)
	}
	a.ID = "fast"
	if r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t)); r.status != 200 {
		t.Errorf("the next request: %d %s", r.status, r.body)
	}
}

func TestAuth(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Token = "s3cret-token" })
	a := seeds(t)[0].json(t)
	wantError(t, do(t, "POST", ts.url+"/v1/score", "application/json", a), 401, codeUnauthorized)
	r := do(t, "POST", ts.url+"/v1/score", "application/json", a, "Authorization", "Bearer wrong")
	wantError(t, r, 401, codeUnauthorized)
	if r.header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	wantError(t, do(t, "GET", ts.url+"/metrics", "", nil, "Authorization", "Basic czNjcmV0LXRva2Vu"), 401, codeUnauthorized)
	if r := do(t, "POST", ts.url+"/v1/score", "application/json", a, "Authorization", "Bearer s3cret-token"); r.status != 200 {
		t.Errorf("right token: %d %s", r.status, r.body)
	}
	for _, open := range []string{"/healthz", "/readyz", "/openapi.json"} {
		if r := do(t, "GET", ts.url+open, "", nil); r.status != 200 {
			t.Errorf("%s without a token: %d", open, r.status)
		}
	}
}

// blockFirst holds articles with id "hold" until release is closed.
func blockFirst(ts *testServer) (entered chan struct{}, release chan struct{}) {
	entered, release = make(chan struct{}, 16), make(chan struct{})
	ts.testHook = func(ctx context.Context, stage, id string) {
		if stage == "read" && id == "hold" {
			entered <- struct{}{}
			select {
			case <-release:
			case <-ctx.Done():
			}
		}
	}
	return entered, release
}

func TestBackpressure(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.MaxInFlight, c.MaxQueue, c.QueueWait = 1, 1, 5*time.Second
	})
	entered, release := blockFirst(ts)
	hold := seeds(t)[0]
	hold.ID = "hold"
	first := make(chan response, 1)
	go func() { first <- do(t, "POST", ts.url+"/v1/score", "application/json", hold.json(t)) }()
	<-entered

	// One may wait: it gives up after QueueWait with 503 …
	queued := make(chan response, 1)
	go func() { queued <- do(t, "POST", ts.url+"/v1/score", "application/json", seeds(t)[1].json(t)) }()
	waitFor(t, "a request in the queue", func() bool { return len(ts.limit.waiting) == 1 })
	// … and one more is refused at once with 429.
	r := do(t, "POST", ts.url+"/v1/score:batch", "application/x-ndjson", jsonLines(t, seeds(t)[:1]))
	wantError(t, r, 429, codeBusy)
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	r = <-queued
	wantError(t, r, 503, codeBusy)
	if r.header.Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
	close(release)
	if r := <-first; r.status != 200 {
		t.Errorf("the held request: %d %s", r.status, r.body)
	}
	if r := do(t, "POST", ts.url+"/v1/score", "application/json", seeds(t)[2].json(t)); r.status != 200 {
		t.Errorf("after the burst: %d %s", r.status, r.body)
	}
	m := string(do(t, "GET", ts.url+"/metrics", "", nil).body)
	for _, want := range []string{`copydesk_http_rejected_total{reason="queue_full"} 1`, `copydesk_http_rejected_total{reason="queue_timeout"} 1`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// A panic while scoring one article is a 500 for that request only, and
// it is logged.
func TestPanicIsOneRequests500(t *testing.T) {
	ts := startServer(t, nil)
	ts.testHook = func(_ context.Context, stage, id string) {
		if id == "boom-"+stage {
			panic("injected failure in " + id)
		}
	}
	for _, stage := range []string{"read", "report"} {
		a := seeds(t)[0]
		a.ID = "boom-" + stage
		r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
		e := wantError(t, r, 500, codeInternal)
		if !strings.Contains(ts.logs.String(), "injected failure in boom-"+stage) {
			t.Errorf("%s panic not logged (request %s)", stage, e.RequestID)
		}
	}
	if r := do(t, "POST", ts.url+"/v1/score", "application/json", seeds(t)[1].json(t)); r.status != 200 {
		t.Errorf("after the panics: %d %s", r.status, r.body)
	}
	// In a batch, the response has started: the stream is cut off.
	arts := seeds(t)
	arts[2].ID = "boom-report"
	req, _ := http.NewRequest("POST", ts.url+"/v1/score:batch", bytes.NewReader(jsonLines(t, arts)))
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := client.Do(req)
	if err == nil {
		b, rerr := io.ReadAll(resp.Body)
		resp.Body.Close()
		if rerr == nil && bytes.Count(b, []byte("\n")) >= len(arts) {
			t.Errorf("a batch whose third article panics was answered in full: %s", b)
		}
	}
	if r := do(t, "GET", ts.url+"/healthz", "", nil); r.status != 200 {
		t.Errorf("process not healthy after panics: %d", r.status)
	}
}

// A client that goes away mid-batch frees its slot; the server goes on.
func TestClientDisconnectsMidBatch(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxInFlight = 1; c.MaxQueue = 0; c.Jobs = 1 })
	var reported atomic.Int64
	ts.testHook = func(_ context.Context, stage, _ string) {
		if stage == "report" {
			reported.Add(1)
			time.Sleep(20 * time.Millisecond)
		}
	}
	var arts []article
	for i := range 200 {
		a := seeds(t)[i%5]
		a.ID = fmt.Sprint("d", i)
		arts = append(arts, a)
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "POST", ts.url+"/v1/score:batch", bytes.NewReader(jsonLines(t, arts)))
	req.Header.Set("Content-Type", "application/x-ndjson")
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil || !strings.Contains(line, `"id":"d0"`) {
		t.Fatalf("first line %q, %v", line, err)
	}
	cancel() // the client disconnects
	resp.Body.Close()
	waitFor(t, "the slot to be freed", func() bool { return len(ts.limit.slots) == 0 })
	if n := reported.Load(); n >= int64(len(arts)) {
		t.Errorf("all %d articles were scored for a client that left", n)
	}
	if r := do(t, "POST", ts.url+"/v1/score", "application/json", seeds(t)[0].json(t)); r.status != 200 {
		t.Errorf("next request: %d %s", r.status, r.body)
	}
	waitFor(t, "the access log line", func() bool { return strings.Contains(ts.logs.String(), "client went away mid-batch") })
}

// Slow clients cannot hold a connection: headers and bodies have time
// limits.
func TestSlowClients(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.ReadHeaderTimeout = 500 * time.Millisecond
		c.BodyIdleTimeout = 500 * time.Millisecond
		c.Timeout = 2 * time.Second
	})
	t.Run("headers", func(t *testing.T) {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprint(conn, "POST /v1/score HTTP/1.1\r\nHost: x\r\n") // and never finishes
		_ = conn.SetReadDeadline(time.Now().Add(60 * time.Second))
		start := time.Now()
		b, _ := io.ReadAll(conn) // the server closes the connection
		if time.Since(start) > 50*time.Second {
			t.Errorf("connection held %s", time.Since(start))
		}
		if len(b) > 0 && !bytes.Contains(b, []byte("408")) {
			t.Errorf("unexpected answer to a stalled header: %q", b)
		}
	})
	for _, path := range []string{"/v1/score", "/v1/score:batch"} {
		t.Run("body "+path, func(t *testing.T) {
			conn, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			ctype := "application/json"
			if strings.HasSuffix(path, "batch") {
				ctype = "application/x-ndjson"
			}
			fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: 5000\r\n\r\n{\"id\":\"slow\",", path, ctype)
			_ = conn.SetReadDeadline(time.Now().Add(60 * time.Second))
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatalf("no response to a stalled body: %v\n%s", err, ts.logs.String())
			}
			b := mustRead(t, resp.Body)
			if path == "/v1/score" {
				wantError(t, response{resp.StatusCode, resp.Header, b}, 408, codeTimeout)
				return
			}
			docs := documents(t, b)
			if resp.StatusCode != 200 && resp.StatusCode != 408 || len(docs) == 0 || docs[len(docs)-1]["code"] != codeTimeout && resp.StatusCode != 408 {
				t.Errorf("stalled batch: %d %s", resp.StatusCode, b)
			}
		})
	}
}

// The deadlines a request sets on its connection end with it: a kept-alive
// connection idle for longer than them still serves the next request.
func TestDeadlinesDoNotOutliveTheRequest(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.BodyIdleTimeout, c.WriteIdleTimeout = 200*time.Millisecond, 200*time.Millisecond
	})
	var conns atomic.Int64
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		conns.Add(1)
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 120 * time.Second}
	for i, path := range []string{"/v1/score:batch", "/v1/score", "/v1/score:batch"} {
		if i > 0 {
			time.Sleep(2500 * time.Millisecond) // past every deadline of the previous request
		}
		ctype := "application/json"
		body := seeds(t)[i].json(t)
		if strings.HasSuffix(path, "batch") {
			ctype, body = "application/x-ndjson", append(body, '\n')
		}
		resp, err := c.Post(ts.url+path, ctype, bytes.NewReader(body))
		if err != nil {
			t.Fatalf("request %d on a kept-alive connection: %v", i, err)
		}
		b := mustRead(t, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || bytes.Contains(b, []byte(`"code"`)) {
			t.Errorf("request %d: %d %s", i, resp.StatusCode, b)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Logf("%d connections were used (keep-alive not reused; the test then proves less)", n)
	}
}
