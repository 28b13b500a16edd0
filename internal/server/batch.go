package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/ingest"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/report"
)

// scoreBatch is POST /v1/score:batch: JSON Lines in, one document a line
// out, each written as soon as it and the articles before it are done.
// The body is read to its end first (spoolBody), so a body over the limit
// or one that stalls is answered 413 or 408 before anything is scored. A
// bad line is a document with "error", as in `copydesk score --format
// jsonl`; a failure after the response has started (timeout, shutdown)
// ends the stream with an error line, which has "code" and no "id".
func (s *Server) scoreBatch(w http.ResponseWriter, r *http.Request) {
	st := s.ready(w, r)
	if st == nil {
		return
	}
	if mt := mediaType(r); !slices.Contains(jsonLinesTypes, mt) {
		writeError(w, r, http.StatusUnsupportedMediaType, codeContentType,
			fmt.Sprintf("Content-Type %q: send JSON Lines as %s (one article: POST /v1/score)", r.Header.Get("Content-Type"), strings.Join(jsonLinesTypes, ", ")), 0)
		return
	}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		writeError(w, r, http.StatusRequestEntityTooLarge, codeTooLarge, fmt.Sprintf("body of %d bytes is over the %d-byte limit", r.ContentLength, s.cfg.MaxBodyBytes), 0)
		return
	}
	if !s.admit(w, r) {
		return
	}
	defer s.done()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.BatchTimeout)
	defer cancel()

	rc := http.NewResponseController(w)
	defer clearDeadlines(rc)
	// The body is read to its end before anything is scored: a body over
	// the limit, chunked or not, is a 413 with nothing scored, and a
	// stalled one a 408 (README, "Batch bodies").
	body := &idleReader{r: http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes), rc: rc, idle: s.cfg.BodyIdleTimeout}
	spooled, err := spoolBody(body)
	if err != nil {
		s.bodyError(w, r, err, s.cfg.MaxBodyBytes)
		return
	}
	defer spooled.Close()
	id := requestID(r.Context())
	src := s.source(spooled, ingest.FormatJSONL, func(stdinID string) string { return id + strings.TrimPrefix(stdinID, ingest.StdinName) })

	started := false
	sw := &streamWriter{w: w, rc: rc, idle: s.cfg.WriteIdleTimeout, start: func() {
		started = true
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.WriteHeader(http.StatusOK)
	}}
	rep := s.reporter(r.Context(), report.New("jsonl", sw))
	rep.after = sw.flush
	_, err = pipeline.RunSource(ctx, src, s.options(st, s.cfg.Jobs), rep)
	if err == nil {
		if !started { // no lines at all cannot happen (ingest reports an empty input), but answer anyway
			sw.start()
		}
		return
	}
	if !started {
		s.runError(w, r, err)
		return
	}
	code, msg := codeInternal, err.Error()
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		code, msg = codeTimeout, "the batch took longer than the "+s.cfg.BatchTimeout.String()+" limit"
	case r.Context().Err() != nil:
		s.log.Info("client went away mid-batch", "request_id", id, "articles", rep.count.n)
		return
	case errors.Is(err, context.Canceled):
		code, msg = codeNotReady, "the server is shutting down"
	}
	s.log.Warn("batch ended early", "request_id", id, "code", code, "error", err.Error())
	_ = writeErrorLine(sw, apiError{Code: code, Message: msg, RequestID: id})
}

// idleReader sets a read deadline before each read, so a client that
// stops sending is cut off, and remembers the first failure (the ingest
// reader turns it into an error document; the handler names it).
type idleReader struct {
	r    io.Reader
	rc   *http.ResponseController
	idle time.Duration
	err  error
}

func (b *idleReader) Read(p []byte) (int, error) {
	if b.idle > 0 {
		_ = b.rc.SetReadDeadline(time.Now().Add(b.idle))
	}
	n, err := b.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && b.err == nil {
		b.err = err
	}
	return n, err
}

// streamWriter starts the response on the first write and bounds each
// write, so a client that does not read cannot hold a slot forever.
type streamWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	idle    time.Duration
	start   func()
	started bool
}

func (sw *streamWriter) Write(p []byte) (int, error) {
	if !sw.started {
		sw.started = true
		sw.start()
	}
	if sw.idle > 0 {
		_ = sw.rc.SetWriteDeadline(time.Now().Add(sw.idle))
	}
	return sw.w.Write(p)
}

func (sw *streamWriter) flush() error {
	if err := sw.rc.Flush(); err != nil {
		return fmt.Errorf("flush: %w", err)
	}
	return nil
}

func writeErrorLine(sw *streamWriter, e apiError) error {
	b := fmt.Appendf(nil, `{"code":%q,"error":%q,"request_id":%q}`+"\n", e.Code, e.Message, e.RequestID)
	if _, err := sw.Write(b); err != nil {
		return err
	}
	return sw.flush()
}
