package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

type ctxKey int

const requestIDKey ctxKey = 0

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// newRequestID keeps a caller's X-Request-Id when it is short and plain,
// so ids can be followed across services; otherwise it makes one.
func newRequestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-Id"); id != "" && len(id) <= 64 && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") == "" {
		return id
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// recorder remembers the status and size of a response for the access log
// and the metrics; Unwrap lets http.ResponseController reach the
// connection (flushes, write deadlines).
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// articlesKey carries a counter of the articles a request scored, for the
// access log.
const articlesKey ctxKey = 1

type articleCount struct{ n int }

// wrap is the middleware every request passes: request id, access log,
// metrics, panic recovery and auth, outermost first.
func (s *Server) wrap(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID(r)
		count := &articleCount{}
		ctx := context.WithValue(context.WithValue(r.Context(), requestIDKey, id), articlesKey, count)
		r = r.WithContext(ctx)
		w.Header().Set("X-Request-Id", id)
		rec := &recorder{ResponseWriter: w}
		defer func() {
			abort := false
			if p := recover(); p != nil {
				if p != http.ErrAbortHandler {
					s.log.Error("panic serving request", "request_id", id, "method", r.Method, "path", r.URL.Path,
						"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				}
				if rec.status == 0 && p != http.ErrAbortHandler {
					writeError(rec, r, http.StatusInternalServerError, codeInternal, "internal error while scoring; it is logged under this request id", 0)
				} else {
					abort = true // the response has started: cut it off so the client sees it is incomplete
				}
			}
			s.logAccess(r, rec, start, count.n)
			if abort {
				panic(http.ErrAbortHandler)
			}
		}()
		if !s.authorised(r) {
			writeError(rec, r, http.StatusUnauthorized, codeUnauthorized, "missing or wrong bearer token (Authorization: Bearer TOKEN)", 0)
			return
		}
		mux.ServeHTTP(rec, r)
	})
}

func (s *Server) logAccess(r *http.Request, rec *recorder, start time.Time, articles int) {
	status := rec.status
	if status == 0 {
		status = http.StatusOK
	}
	route := r.Pattern
	if route == "" {
		route = "unmatched"
	}
	d := time.Since(start)
	s.metrics.requests.WithLabelValues(route, r.Method, strconv.Itoa(status)).Inc()
	s.metrics.latency.WithLabelValues(route).Observe(d.Seconds())
	s.log.Info("request", "request_id", requestID(r.Context()), "method", r.Method, "path", r.URL.Path,
		"route", route, "status", status, "bytes", rec.bytes, "articles", articles,
		"duration_ms", float64(d.Microseconds())/1000, "remote", r.RemoteAddr, "user_agent", r.UserAgent())
}

// authorised checks the bearer token in constant time; probes and the API
// description are open.
func (s *Server) authorised(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	switch r.URL.Path {
	case "/healthz", "/readyz", "/openapi.json":
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), []byte(s.cfg.Token)) == 1
}
