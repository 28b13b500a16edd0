// Package servecmd implements `copydesk serve`: the scoring service, with
// the same configuration, knowledge base and model as `copydesk score`,
// loaded once.
package servecmd

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/features"
	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/copydesk/copydesk/internal/version"
)

// Options are the parsed flags of `copydesk serve`.
type Options struct {
	IO         *cliutil.IOStreams
	Addr       string
	ConfigPath string
	KB         []string
	Model      string
	Date       string
	Jobs       int
	TokenFile  string
	TLSCert    string
	TLSKey     string
	// Ref is a reference store (copydesk ref add) the coverage checks
	// read, as with score --ref.
	Ref    string
	Server server.Config

	flagSet func(name string) bool
}

// NewCmd returns the command; runF replaces the work in tests of flag parsing.
func NewCmd(ios *cliutil.IOStreams, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{IO: ios, Server: server.DefaultConfig()}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve scoring over HTTP, with the feed as the batch",
		Long: `Serve answers scoring requests over HTTP with the configuration,
knowledge base and model of ` + "`copydesk score`" + `, loaded once:

  POST /v1/score         one article (JSON or HTML) → its document JSON
  POST /v1/score:batch   JSON Lines in → JSON Lines out, streamed
  GET  /v1/rules, /v1/rules/{id}, /healthz, /readyz, /metrics, /openapi.json

Checks across articles (shared templates, repeated chrome lines, people
corroborated or contradicted by another article) run over a sliding window
of the most recently scored articles (--window, --window-age).

SIGTERM or Ctrl-C stops accepting connections and lets in-flight requests
finish within --shutdown-timeout.`,
		Example: `  copydesk serve --addr 127.0.0.1:8080
  copydesk serve --addr :8443 --token-file /etc/copydesk/token --tls-cert cert.pem --tls-key key.pem`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.flagSet = func(name string) bool { return cmd.Flags().Changed(name) }
			if (opts.TLSCert == "") != (opts.TLSKey == "") {
				return cliutil.UsageError(errors.New("--tls-cert and --tls-key go together"))
			}
			if opts.Server.Window.Articles < 0 {
				return cliutil.UsageError(fmt.Errorf("--window %d: want 0 (off) or more", opts.Server.Window.Articles))
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	c := &opts.Server
	f.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	f.StringVar(&opts.ConfigPath, "config", "", "configuration `FILE` (default: .copydesk.yaml from the working directory upward)")
	f.StringArrayVar(&opts.KB, "kb", nil, "add a knowledge base `FILE`; repeatable")
	f.StringVar(&opts.Model, "model", "", "scoring model `FILE` made by `copydesk train`")
	f.StringVar(&opts.Date, "date", "", "publication `DATE` (YYYY-MM-DD) for articles that carry none")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "articles of one batch request analysed in parallel (default: all CPUs)")
	f.StringVar(&opts.TokenFile, "token-file", "", "require `FILE`'s content as a bearer token (Authorization: Bearer …)")
	f.StringVar(&opts.TLSCert, "tls-cert", "", "serve HTTPS with this certificate `FILE` (PEM)")
	f.StringVar(&opts.TLSKey, "tls-key", "", "private key `FILE` (PEM) for --tls-cert")
	f.IntVar(&c.Window.Articles, "window", c.Window.Articles, "checks across articles look back over about the last `N` scored articles (0: off)")
	f.DurationVar(&c.Window.MaxAge, "window-age", c.Window.MaxAge, "and only at articles scored within this `DURATION` (0: no limit)")
	f.StringVar(&opts.Ref, "ref", "", "check people and quotes against the reference store in `DIR` (made by copydesk ref add), as score --ref does")
	f.StringVar(&c.WindowState, "window-state", "", "keep the window's recent articles in `FILE` (bbolt) so a restart resumes it; one server per file")
	f.Int64Var(&c.MaxBodyBytes, "max-body", c.MaxBodyBytes, "largest request body in `BYTES` (a batch)")
	f.Int64Var(&c.MaxArticleBytes, "max-article", c.MaxArticleBytes, "largest article in `BYTES` (one request or one batch line)")
	f.DurationVar(&c.Timeout, "timeout", c.Timeout, "time limit of one POST /v1/score")
	f.DurationVar(&c.BatchTimeout, "batch-timeout", c.BatchTimeout, "time limit of one POST /v1/score:batch")
	f.IntVar(&c.MaxInFlight, "max-in-flight", c.MaxInFlight, "scoring requests served at once")
	f.IntVar(&c.MaxQueue, "max-queue", c.MaxQueue, "requests that may wait for a slot (beyond: 429)")
	f.DurationVar(&c.QueueWait, "queue-wait", c.QueueWait, "longest wait for a slot (then: 503)")
	f.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "time in-flight requests get to finish on SIGTERM")
	return cmd
}

// Run loads everything once and serves until SIGTERM or SIGINT.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.flagSet == nil {
		opts.flagSet = func(string) bool { return false }
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewJSONHandler(opts.IO.ErrOut, nil))

	cfg, err := loadConfig(opts.ConfigPath)
	if err != nil {
		return cliutil.UsageError(err)
	}
	rules := features.Rules()
	if err := cfg.ValidateRules(func(id string) bool { _, ok := rules.Lookup(id); return ok }); err != nil {
		return cliutil.UsageError(err)
	}
	sc, err := serverConfig(opts, cfg)
	if err != nil {
		return cliutil.UsageError(err)
	}
	sc.Logger = logger
	var refs *refstore.Store
	if opts.Ref != "" {
		if refs, err = refstore.Open(opts.Ref, true); err != nil {
			return cliutil.UsageError(fmt.Errorf("--ref: %w", err))
		}
		defer refs.Close()
	}
	srv, err := server.New(sc)
	if err != nil {
		return cliutil.UsageError(err)
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cliutil.UsageError(fmt.Errorf("listen on %s: %w", opts.Addr, err))
	}
	scheme := "http"
	if opts.TLSCert != "" {
		scheme = "https"
	}
	logger.Info("listening", "url", scheme+"://"+ln.Addr().String(), "version", version.Version)

	// Answer /healthz at once; /readyz and scoring once the data is loaded.
	loaded := make(chan error, 1)
	go func() {
		start := time.Now()
		st, err := newSetup(opts, cfg, refs)
		if err == nil {
			srv.SetSetup(st)
			logger.Info("ready", "knowledge_as_of", st.KBAsOf, "load_ms", time.Since(start).Milliseconds())
		}
		loaded <- err
	}()
	serveCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(serveCtx, ln, opts.TLSCert, opts.TLSKey) }()
	select {
	case err := <-loaded:
		if err != nil {
			cancel()
			<-served
			return cliutil.UsageError(err)
		}
	case err := <-served:
		return err
	}
	return <-served
}

func loadConfig(path string) (*config.Config, error) {
	if path == "" {
		wd, _ := os.Getwd()
		path = config.Find(wd)
	}
	if path == "" {
		return &config.Config{}, nil
	}
	return config.Load(path)
}

// serverConfig fills the server's configuration from the flags and the
// configuration file (flags win), and reads the token file.
func serverConfig(opts *Options, cfg *config.Config) (server.Config, error) {
	sc := opts.Server
	sc.Version = version.Version
	set := opts.flagSet
	sc.Jobs = opts.Jobs
	if !set("jobs") && cfg.Jobs > 0 {
		sc.Jobs = cfg.Jobs
	}
	date := opts.Date
	if !set("date") && cfg.Date != "" {
		date = cfg.Date
	}
	if date != "" {
		d, err := config.ParseDate(date)
		if err != nil {
			return sc, fmt.Errorf("--date: %w", err)
		}
		sc.DefaultDate = d
	}
	if opts.TokenFile != "" {
		b, err := os.ReadFile(opts.TokenFile)
		if err != nil {
			return sc, fmt.Errorf("--token-file: %w", err)
		}
		sc.Token = strings.TrimSpace(string(b))
		if sc.Token == "" {
			return sc, fmt.Errorf("--token-file %s is empty", opts.TokenFile)
		}
	}
	return sc, nil
}

// newSetup loads the configuration's knowledge bases and model through
// the one run path `copydesk score` uses.
func newSetup(opts *Options, cfg *config.Config, refs *refstore.Store) (*pipeline.Setup, error) {
	model := opts.Model
	if !opts.flagSet("model") && cfg.Model != "" {
		model = cfg.Model
	}
	kbs := append(append([]string{}, cfg.KB...), opts.KB...)
	st, err := pipeline.NewSetup(pipeline.SetupOptions{Config: cfg, KnowledgeBases: kbs, ModelPath: model, RefStore: refs})
	if err != nil {
		return nil, err
	}
	// fail_on decides a command's exit status, never a verdict: the
	// service has none, but a bad value is still an error.
	if _, err := config.ParseFailOn(cfg.FailOn); err != nil {
		return nil, err
	}
	return st, nil
}
