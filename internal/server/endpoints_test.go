package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/cli/scorecmd"
)

// scoreCommand runs `copydesk score --format FORMAT` over arts written as
// a JSONL file, and returns its output.
func scoreCommand(t *testing.T, arts []article, format string, extra ...string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, jsonLines(t, arts), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := cliutil.Test()
	cmd := scorecmd.NewCmd(ios, nil)
	cmd.SetArgs(append([]string{"--format", format, "--fail-on", "never", "--jobs", "1", path}, extra...))
	cmd.SetContext(context.Background())
	if err := cmd.Execute(); err != nil {
		t.Fatalf("score: %v: %s", err, errOut)
	}
	return out.Bytes()
}

// withoutPath drops the input path, the one field a file run has and a
// request has not.
func withoutPath(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	delete(d, "path")
	return d
}

func canonical(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestScoreIsTheScoreCommandsDocument(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Window.Articles = 0 })
	a := seeds(t)[0]
	r := do(t, "POST", ts.url+"/v1/score", "application/json", a.json(t))
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d %s: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	var file struct{ Documents []json.RawMessage }
	if err := json.Unmarshal(scoreCommand(t, []article{a}, "json", "--no-corpus"), &file); err != nil || len(file.Documents) != 1 {
		t.Fatalf("score --format json: %v, %d documents", err, len(file.Documents))
	}
	got, want := canonical(t, withoutPath(t, r.body)), canonical(t, withoutPath(t, file.Documents[0]))
	if got != want {
		t.Errorf("POST /v1/score differs from score --format json:\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(got, `"verdict":"fail"`) {
		t.Errorf("a seed article should fail: %s", got)
	}
}

func TestScoreHTML(t *testing.T) {
	ts := startServer(t, nil)
	page := `<!doctype html><html><head><title>Council approves budget</title>
<meta property="article:published_time" content="2025-03-05T10:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves budget</h1>
<p>The city council approved a budget of 4.2 million dollars on Tuesday, said Mayor Jane Roe, who called it "a careful plan".</p>
<p>It is important to note that the budget is a testament to the city's commitment to growth. Leave a Comment</p>
</article><footer>Copyright 2025</footer></body></html>`
	r := do(t, "POST", ts.url+"/v1/score?id=budget-story", "text/html; charset=utf-8", []byte(page))
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	d := withoutPath(t, r.body)
	if d["id"] != "budget-story" || d["title"] != "Council approves budget" || d["date"] != "2025-03-05" {
		t.Errorf("id, title, date = %v, %v, %v", d["id"], d["title"], d["date"])
	}
	if fs, _ := d["findings"].([]any); len(fs) == 0 {
		t.Errorf("no findings on a page with stock phrases: %s", r.body)
	}
}

func TestBatchStreamsJSONLines(t *testing.T) {
	ts := startServer(t, nil)
	arts := seeds(t)
	body := append(jsonLines(t, arts), []byte("{not json\n\n"+`{"title":"no id, no text"}`+"\n")...)
	r := do(t, "POST", ts.url+"/v1/score:batch", "application/x-ndjson", body)
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("status %d %s: %s", r.status, r.header.Get("Content-Type"), r.body)
	}
	docs := documents(t, r.body)
	if len(docs) != len(arts)+2 {
		t.Fatalf("%d documents, want %d", len(docs), len(arts)+2)
	}
	for i, a := range arts {
		if docs[i]["id"] != a.ID || docs[i]["verdict"] != "fail" {
			t.Errorf("document %d: id %v verdict %v, want %s fail", i, docs[i]["id"], docs[i]["verdict"], a.ID)
		}
	}
	reqID := r.header.Get("X-Request-Id")
	for i, line := range []int{6, 8} {
		d := docs[len(arts)+i]
		wantID := reqID + "#" + string(rune('0'+line))
		if d["id"] != wantID || d["error"] == nil || !strings.HasPrefix(d["error"].(string), wantID+": ") {
			t.Errorf("bad line %d: id %v error %v, want id %s and an error naming it", line, d["id"], d["error"], wantID)
		}
	}
}

func TestRulesAndProbes(t *testing.T) {
	ts := startServer(t, nil)
	r := do(t, "GET", ts.url+"/v1/rules", "", nil)
	var list struct{ Rules []ruleJSON }
	if err := json.Unmarshal(r.body, &list); err != nil || r.status != 200 {
		t.Fatalf("rules: %d %v", r.status, err)
	}
	if n := len(sharedSetup(t).Rules.All()); len(list.Rules) != n || n < 20 {
		t.Errorf("%d rules listed, want %d", len(list.Rules), n)
	}
	r = do(t, "GET", ts.url+"/v1/rules/tp010", "", nil)
	var rule ruleJSON
	if err := json.Unmarshal(r.body, &rule); err != nil || r.status != 200 || rule.ID != "TP010" || rule.Doc == "" || rule.Dimension != "templated" {
		t.Errorf("rule TP010: %d %v %+v", r.status, err, rule)
	}
	wantError(t, do(t, "GET", ts.url+"/v1/rules/XX999", "", nil), 404, codeNotFound)
	wantError(t, do(t, "GET", ts.url+"/nowhere", "", nil), 404, codeNotFound)
	e := wantError(t, do(t, "DELETE", ts.url+"/v1/rules", "", nil), 405, codeMethod)
	if !strings.Contains(e.Message, "GET") {
		t.Errorf("405 should name the method to use: %q", e.Message)
	}
	if r := do(t, "GET", ts.url+"/healthz", "", nil); r.status != 200 || !bytes.Contains(r.body, []byte(`"ok"`)) {
		t.Errorf("healthz: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", ts.url+"/readyz", "", nil); r.status != 200 || !bytes.Contains(r.body, []byte(`"knowledge_as_of":"`)) {
		t.Errorf("readyz: %d %s", r.status, r.body)
	}
	if r := do(t, "GET", ts.url+"/openapi.json", "", nil); r.status != 200 || !bytes.Equal(r.body, openAPI) {
		t.Errorf("openapi.json: %d, %d bytes", r.status, len(r.body))
	}
}

func TestNotReadyUntilSetup(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s}
	h := s.Handler()
	for _, path := range []string{"/readyz", "/v1/rules"} {
		rec := newRecorder()
		h.ServeHTTP(rec, mustRequest(t, "GET", path))
		if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
			t.Errorf("%s before setup: %d, Retry-After %q", path, rec.Code, rec.Header().Get("Retry-After"))
		}
	}
	rec := newRecorder()
	h.ServeHTTP(rec, mustRequest(t, "GET", "/healthz"))
	if rec.Code != 200 {
		t.Errorf("healthz before setup: %d", rec.Code)
	}
	ts.SetSetup(sharedSetup(t))
	rec = newRecorder()
	h.ServeHTTP(rec, mustRequest(t, "GET", "/readyz"))
	if rec.Code != 200 {
		t.Errorf("readyz after setup: %d %s", rec.Code, rec.Body)
	}
}

func TestMetrics(t *testing.T) {
	ts := startServer(t, nil)
	do(t, "POST", ts.url+"/v1/score:batch", "application/x-ndjson", jsonLines(t, seeds(t)[:2]))
	do(t, "POST", ts.url+"/v1/score", "text/plain", []byte("x"))
	r := do(t, "GET", ts.url+"/metrics", "", nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("metrics: %d %s", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{
		`copydesk_http_requests_total{code="200",method="POST",route="/v1/score:batch"} 1`,
		`copydesk_http_requests_total{code="415",method="POST",route="/v1/score"} 1`,
		`copydesk_http_request_duration_seconds_bucket{route="/v1/score:batch",le="+Inf"} 1`,
		`copydesk_articles_total{verdict="fail"} 2`,
		`copydesk_findings_total{rule="TP001"}`,
		`copydesk_http_in_flight_requests 0`,
		`copydesk_window_articles 2`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// A caller's plain X-Request-Id is kept, so a request can be followed
// across services; anything else is replaced.
func TestRequestID(t *testing.T) {
	ts := startServer(t, nil)
	r := do(t, "POST", ts.url+"/v1/score", "application/json", []byte("{"), "X-Request-Id", "cms-42.a_b")
	if e := wantError(t, r, 400, codeMalformed); e.RequestID != "cms-42.a_b" {
		t.Errorf("request id %q, want the caller's", e.RequestID)
	}
	if !strings.Contains(ts.logs.String(), `"request_id":"cms-42.a_b"`) {
		t.Error("the access log lacks the caller's request id")
	}
	r = do(t, "GET", ts.url+"/healthz", "", nil, "X-Request-Id", "bad id\twith spaces")
	if id := r.header.Get("X-Request-Id"); id == "" || strings.ContainsAny(id, " \t") {
		t.Errorf("unsafe request id kept or none made: %q", id)
	}
}
