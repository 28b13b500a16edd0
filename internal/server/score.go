package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
)

// jsonLinesTypes are the media types POST /v1/score:batch accepts.
var jsonLinesTypes = []string{"application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines"}

// ready returns the setup, or answers 503 and returns nil while loading.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) *pipeline.Setup {
	st := s.setup.Load()
	if st == nil {
		writeError(w, r, http.StatusServiceUnavailable, codeNotReady, "still loading the knowledge base and model", 2*time.Second)
	}
	return st
}

// admit takes a scoring slot or answers 429/503 with Retry-After.
func (s *Server) admit(w http.ResponseWriter, r *http.Request) bool {
	switch err := s.limit.acquire(r.Context()); {
	case err == nil:
		s.metrics.inFlight.Inc()
		return true
	case errors.Is(err, errQueueFull):
		s.metrics.rejected.WithLabelValues("queue_full").Inc()
		writeError(w, r, http.StatusTooManyRequests, codeBusy, fmt.Sprintf("%v: %d scoring, %d waiting; retry later", err, cap(s.limit.slots), cap(s.limit.waiting)), time.Second)
	case errors.Is(err, errQueueTimeout):
		s.metrics.rejected.WithLabelValues("queue_timeout").Inc()
		writeError(w, r, http.StatusServiceUnavailable, codeBusy, fmt.Sprintf("%v (waited %s); retry later", err, s.cfg.QueueWait), 2*time.Second)
	default: // the client went away while waiting
	}
	return false
}

func (s *Server) done() {
	s.metrics.inFlight.Dec()
	s.limit.release()
}

// mediaType is the request's Content-Type without parameters.
func mediaType(r *http.Request) string {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return strings.ToLower(mt)
}

// scoreOne is POST /v1/score: one article as JSON (the JSON Lines fields of
// `copydesk score`) or as an HTML page, answered with the document JSON
// `copydesk score --format json` gives for it.
func (s *Server) scoreOne(w http.ResponseWriter, r *http.Request) {
	st := s.ready(w, r)
	if st == nil {
		return
	}
	var format string
	switch mt := mediaType(r); mt {
	case "application/json":
		format = ingest.FormatJSONL
	case "text/html", "application/xhtml+xml":
		format = ingest.FormatHTML
	default:
		writeError(w, r, http.StatusUnsupportedMediaType, codeContentType,
			fmt.Sprintf("Content-Type %q: send one article as application/json or text/html (JSON Lines go to /v1/score:batch)", r.Header.Get("Content-Type")), 0)
		return
	}
	if r.ContentLength > s.cfg.MaxArticleBytes {
		writeError(w, r, http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("article of %d bytes is over the %d-byte limit", r.ContentLength, s.cfg.MaxArticleBytes), 0)
		return
	}
	if !s.admit(w, r) {
		return
	}
	defer s.done()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(deadline)
	defer clearDeadlines(rc)

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxArticleBytes))
	if err != nil {
		s.bodyError(w, r, err, s.cfg.MaxArticleBytes)
		return
	}
	if format == ingest.FormatJSONL {
		if body, err = oneJSONObject(body); err != nil {
			writeError(w, r, http.StatusBadRequest, codeMalformed, err.Error(), 0)
			return
		}
	}
	name := r.URL.Query().Get("id")
	if name == "" {
		name = requestID(r.Context())
	}
	var out bytes.Buffer
	rep := s.reporter(r.Context(), report.New("jsonl", &out))
	src := s.source(bytes.NewReader(body), format, func(string) string { return name })
	opts := s.options(st, 1)
	if _, err := pipeline.RunSource(ctx, src, opts, rep); err != nil {
		s.runError(w, r, err)
		return
	}
	if rep.last == nil {
		writeError(w, r, http.StatusInternalServerError, codeInternal, "no article was scored", 0)
		return
	}
	if rep.last.Failed() {
		writeError(w, r, http.StatusUnprocessableEntity, codeUnreadable, rep.last.Error, 0)
		return
	}
	if s.cfg.WriteIdleTimeout > 0 {
		_ = rc.SetWriteDeadline(time.Now().Add(s.cfg.WriteIdleTimeout))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out.Bytes())
}

// clearDeadlines lifts a request's write deadline, so it does not outlive
// the request on a kept-alive connection. The read deadline stays: the
// server sets the next request's own, and a body left unread after a
// timeout must not be drained without one (that would wait on the stalled
// client for ever).
func clearDeadlines(rc *http.ResponseController) {
	_ = rc.SetWriteDeadline(time.Time{})
}

// oneJSONObject checks body is one JSON object and returns it on one line,
// as a JSON Lines record.
func oneJSONObject(body []byte) ([]byte, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New("empty body: send one article as a JSON object with at least \"text\"")
	}
	if trimmed[0] != '{' {
		return nil, errors.New("body is not a JSON object: send one article as {\"id\": …, \"title\": …, \"text\": …}")
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	if dec.More() || dec.InputOffset() != int64(len(trimmed)) {
		return nil, errors.New("body holds more than one JSON value: send one article (or JSON Lines to /v1/score:batch)")
	}
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	return b.Bytes(), nil
}

// bodyError answers a failed body read: too large, too slow, or gone.
func (s *Server) bodyError(w http.ResponseWriter, r *http.Request, err error, limit int64) {
	w.Header().Set("Connection", "close") // the rest of the body is not worth reading
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, r, http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("body is over the %d-byte limit", limit), 0)
	case errors.Is(err, os.ErrDeadlineExceeded):
		writeError(w, r, http.StatusRequestTimeout, codeTimeout, "the body did not arrive in time", 0)
	default:
		writeError(w, r, http.StatusBadRequest, codeBadRequest, "read body: "+err.Error(), 0)
	}
}

// runError answers a run that stopped: its deadline, the client leaving,
// shutdown, or an internal failure.
func (s *Server) runError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, r, http.StatusServiceUnavailable, codeTimeout, fmt.Sprintf("scoring took longer than the %s limit", s.cfg.Timeout), time.Second)
	case errors.Is(err, context.Canceled):
		if r.Context().Err() == nil { // shutdown cancelled the run, the client is still there
			writeError(w, r, http.StatusServiceUnavailable, codeNotReady, "the server is shutting down", 5*time.Second)
		}
	default:
		s.log.Error("scoring failed", "request_id", requestID(r.Context()), "error", err.Error())
		writeError(w, r, http.StatusInternalServerError, codeInternal, "scoring failed: "+err.Error(), 0)
	}
}

// options are the run options every request shares: the setup's
// analyzers, model and policy, and the feed's window as the batch.
func (s *Server) options(st *pipeline.Setup, jobs int) pipeline.Options {
	o := st.Options()
	o.Jobs = jobs
	o.Streaming = true
	o.DefaultDate = s.cfg.DefaultDate
	if win := s.win.Load(); win != nil {
		o.Checks = append(o.Checks, win.check())
	}
	return o
}

// source reads the request body with the ingest readers of `copydesk
// score`. name gives an article without an id of its own its id from the
// stdin id ingest gave it ("stdin" or "stdin#N"). A panic while reading
// (it runs on the pipeline's reader goroutine) becomes an error for this
// request only.
func (s *Server) source(body io.Reader, format string, name func(stdinID string) string) pipeline.Source {
	return func(ctx context.Context, emit func(ingest.Article) error) (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("internal error reading the article: %v", p)
			}
		}()
		in := ingest.Options{Format: format, Stdin: body, MaxBytes: s.cfg.MaxArticleBytes}
		return ingest.Read(ctx, []string{"-"}, in, func(a ingest.Article) error {
			if isStdinID(a.ID) {
				a.ID = name(a.ID)
				if a.Doc != nil {
					a.Doc.ID = a.ID
				}
			}
			if a.Err != nil {
				a.Err = renameInMessage(a.Err, a.ID, name)
			}
			a.Path = ""
			if a.Doc != nil {
				a.Doc.Path = ""
			}
			if h := s.testHook; h != nil {
				h(ctx, "read", a.ID)
			}
			return emit(a)
		})
	}
}

// countingReporter passes documents to the json reporter, counts them in
// the metrics and the access log, and keeps the last result.
type countingReporter struct {
	s     *Server
	inner report.Reporter
	count *articleCount
	last  *analysis.Result
	after func() error // flushes each document of a stream
	ctx   context.Context
}

func (s *Server) reporter(ctx context.Context, inner report.Reporter) *countingReporter {
	c, _ := ctx.Value(articlesKey).(*articleCount)
	if c == nil {
		c = &articleCount{}
	}
	return &countingReporter{s: s, inner: inner, count: c, ctx: ctx}
}

func (c *countingReporter) Start(info report.RunInfo) error { return c.inner.Start(info) }
func (c *countingReporter) Finish(sum report.Summary) error { return c.inner.Finish(sum) }
func (c *countingReporter) Document(res *analysis.Result) error {
	if h := c.s.testHook; h != nil {
		h(c.ctx, "report", res.ID)
	}
	c.last = res
	c.count.n++
	c.s.metrics.article(res)
	if err := c.inner.Document(res); err != nil {
		return err
	}
	if c.after != nil {
		return c.after()
	}
	return nil
}

func isStdinID(id string) bool {
	return id == ingest.StdinName || strings.HasPrefix(id, ingest.StdinName+"#")
}

// renameInMessage replaces the input name an ingest message starts with
// ("stdin#3: no text field") by the article's id, keeping the batch line
// when the article has an id of its own ("t1 (line 3): no text field").
func renameInMessage(err error, id string, name func(string) string) error {
	msg := err.Error()
	token, rest, ok := strings.Cut(msg, ": ")
	if !ok || !isStdinID(token) {
		return err
	}
	label := name(token)
	if label != id {
		if _, line, ok := strings.Cut(token, "#"); ok && strings.Contains(label, "#") {
			label = id + " (line " + line + ")"
		} else {
			label = id
		}
	}
	return errors.New(label + ": " + rest)
}
