// Package server is `copydesk serve`: the one run path (pipeline.Setup and
// pipeline.RunSource) behind an HTTP API, with the feed itself as the batch
// the checks across articles look at. See openapi.json for the API and the
// README for how to run it.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/internal/corpus"
	"github.com/copydesk/copydesk/internal/pipeline"
)

// Config is everything the server needs besides the loaded Setup.
type Config struct {
	// MaxBodyBytes caps a request body (a batch); MaxArticleBytes caps one
	// article (a POST /v1/score body, or one line of a batch).
	MaxBodyBytes    int64
	MaxArticleBytes int64
	// Timeout bounds a POST /v1/score request; BatchTimeout a batch.
	Timeout      time.Duration
	BatchTimeout time.Duration
	// MaxInFlight scoring requests run at once; MaxQueue more may wait up
	// to QueueWait for a slot. Beyond the queue: 429; after the wait: 503.
	// Both come with Retry-After.
	MaxInFlight int
	MaxQueue    int
	QueueWait   time.Duration
	// ReadHeaderTimeout, IdleTimeout: slow or idle clients cannot hold a
	// connection. BodyIdleTimeout is the longest a client may pause while
	// sending a body; WriteIdleTimeout the longest a write of the response
	// may block on a client that does not read.
	ReadHeaderTimeout time.Duration
	IdleTimeout       time.Duration
	BodyIdleTimeout   time.Duration
	WriteIdleTimeout  time.Duration
	// ShutdownTimeout is how long in-flight requests may take to finish
	// after SIGTERM before they are cancelled.
	ShutdownTimeout time.Duration
	// Token, when set, is required as "Authorization: Bearer TOKEN" on
	// every endpoint except /healthz, /readyz and /openapi.json.
	Token string
	// Jobs is the parallel analysers of one batch request (0: all CPUs);
	// a single article uses one.
	Jobs int
	// DefaultDate is used for articles without a date.
	DefaultDate time.Time
	Window      WindowOptions
	// WindowState, when set, is a file (bbolt) that keeps the window's
	// recent articles across restarts (see windowState).
	WindowState string
	Logger      *slog.Logger
	Version     string
}

// DefaultConfig returns the limits `copydesk serve` starts with.
func DefaultConfig() Config {
	return Config{
		MaxBodyBytes:      64 << 20,
		MaxArticleBytes:   2 << 20,
		Timeout:           30 * time.Second,
		BatchTimeout:      10 * time.Minute,
		MaxInFlight:       8,
		MaxQueue:          32,
		QueueWait:         2 * time.Second,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       60 * time.Second,
		BodyIdleTimeout:   20 * time.Second,
		WriteIdleTimeout:  20 * time.Second,
		ShutdownTimeout:   25 * time.Second,
		Window:            WindowOptions{Articles: 5000, MaxAge: 72 * time.Hour},
	}
}

// Server is the HTTP service. Create it with New, give it its Setup with
// SetSetup (it answers /healthz at once and /readyz once the setup is
// there), and run it with Serve.
type Server struct {
	cfg      Config
	log      *slog.Logger
	setup    atomic.Pointer[pipeline.Setup]
	win      atomic.Pointer[window]
	state    *windowState // nil: the window starts empty
	metrics  *metrics
	limit    *limiter
	stopping atomic.Bool
	handler  http.Handler

	// testHook, when set by tests, runs at each article's stages: "read"
	// on the pipeline's reader goroutine before the article is handed on,
	// "report" on the request goroutine before it is written (to slow an
	// article down or make it panic).
	testHook func(ctx context.Context, stage, id string)
}

// New returns a server that is not ready until SetSetup.
func New(cfg Config) (*Server, error) {
	if cfg.MaxBodyBytes <= 0 || cfg.MaxArticleBytes <= 0 {
		return nil, errors.New("server: body and article size limits must be positive")
	}
	if cfg.MaxInFlight <= 0 {
		return nil, errors.New("server: MaxInFlight must be positive")
	}
	if cfg.Window.Articles < 0 {
		return nil, fmt.Errorf("server: window of %d articles", cfg.Window.Articles)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: newMetrics(), limit: newLimiter(cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait)}
	if cfg.WindowState != "" && cfg.Window.Articles > 0 {
		st, err := openWindowState(cfg.WindowState, cfg.Window)
		if err != nil {
			return nil, err
		}
		s.state = st
	}
	s.handler = s.routes()
	return s, nil
}

// SetSetup makes the server ready: the configuration, knowledge bases,
// model and analyzers every request uses, loaded once.
func (s *Server) SetSetup(st *pipeline.Setup) {
	if s.cfg.Window.Articles > 0 {
		s.win.Store(newWindow(s.cfg.Window, func() []corpus.Check { return st.CorpusChecks(true) }, func(n int) { s.metrics.window.Set(float64(n)) }))
	}
	if w := s.win.Load(); w != nil && s.state != nil {
		s.restoreWindow(w)
	}
	s.setup.Store(st)
}

// restoreWindow replays the articles the window state kept into w (not
// yet serving: the server is not ready until SetSetup returns) and has w
// record the articles it observes from now on.
func (s *Server) restoreWindow(w *window) {
	start := time.Now()
	recs, skipped, err := s.state.load(w.now())
	if err != nil {
		s.log.Error("window not restored", "error", err.Error())
	}
	w.replay(recs)
	w.persist = s.state.save
	s.log.Info("window restored", "articles", len(recs), "unreadable", skipped, "ms", time.Since(start).Milliseconds())
}

// Handler returns the server's HTTP handler (every endpoint and the
// middleware: request ids, access log, auth, panic recovery, metrics).
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers on ln until ctx is cancelled, then shuts down gracefully:
// /readyz turns 503, new connections are refused, and in-flight requests
// get ShutdownTimeout to finish before they are cancelled. It returns nil
// after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener, tlsCert, tlsKey string) error {
	base, cancelBase := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelBase()
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() {
		var err error
		if tlsCert != "" {
			err = hs.ServeTLS(ln, tlsCert, tlsKey)
		} else {
			err = hs.Serve(ln)
		}
		errc <- err
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.stopping.Store(true)
	s.log.Info("shutting down", "deadline", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		cancelBase() // in-flight runs stop at their next article
		_ = hs.Close()
		err = fmt.Errorf("shutdown: in-flight requests cancelled after %s: %w", s.cfg.ShutdownTimeout, err)
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	if s.state != nil {
		if cerr := s.state.close(); cerr != nil {
			s.log.Error("window state", "error", cerr.Error())
		}
	}
	s.log.Info("stopped")
	return err
}
